import type { Recipe, Visibility } from '@tavola/contracts/recipes';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError } from '../../api/api-error';
import { Button, Card, ConfirmDialog, SelectField, toast } from '../../ui';
import { visibilityDescriptions, visibilityNames, visibilityOptions } from './recipe-format';
import { ImageManager } from './RecipeImages';
import { useChangeVisibility, useDeleteRecipe } from './recipes-api';

/** What only the author sees under their recipe: who may read it, its photos, and deleting it. */
export function OwnerActions({ recipe }: { recipe: Recipe }) {
  return (
    <Card heading="Manage this recipe" className="no-print owner-actions">
      <VisibilityForm recipe={recipe} />
      <ImageManager recipe={recipe} />
      <DeleteRecipe recipe={recipe} />
    </Card>
  );
}

function VisibilityForm({ recipe }: { recipe: Recipe }) {
  const [visibility, setVisibility] = useState<Visibility>(recipe.visibility);
  const change = useChangeVisibility(recipe.id);

  function submit(event: FormEvent) {
    event.preventDefault();
    change.mutate(visibility, { onSuccess: (saved) => toast.success(`${visibilityNames[saved.visibility]}: ${visibilityDescriptions[saved.visibility]}`) });
  }

  return (
    <form className="owner-actions__row" onSubmit={submit}>
      <SelectField label="Who can see it" options={visibilityOptions} value={visibility} onChange={setVisibility} />
      <Button type="submit" variant="secondary" busy={change.isPending} disabled={visibility === recipe.visibility}>
        Change visibility
      </Button>
    </form>
  );
}

function DeleteRecipe({ recipe }: { recipe: Recipe }) {
  const [asking, setAsking] = useState(false);
  const remove = useDeleteRecipe(recipe.id);
  const navigate = useNavigate();

  function confirm() {
    remove.mutate(undefined, {
      onSuccess: () => {
        toast.success(`“${recipe.content.title}” was deleted.`);
        navigate('/recipes/mine', { replace: true });
      },
    });
  }

  return (
    <div className="owner-actions__row">
      <p className="item__meta">Deleting removes the recipe, its history and its images for good.</p>
      <Button variant="danger" onClick={() => setAsking(true)}>
        Delete recipe
      </Button>
      <ConfirmDialog
        open={asking}
        title={`Delete “${recipe.content.title}”?`}
        confirmLabel="Delete for good"
        busy={remove.isPending}
        onConfirm={confirm}
        onCancel={() => setAsking(false)}
      >
        <p>All {recipe.version} versions and the images go with it. This cannot be undone.</p>
        {remove.error && (
          <p className="form-errors" role="alert">
            {describeError(remove.error)}
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
