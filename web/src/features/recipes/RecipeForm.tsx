import type { Recipe } from '@tavola/contracts/recipes';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../api/api-error';
import { Button, CheckboxGroup, FormErrorSummary, SelectField, TextField, toast } from '../../ui';
import { IngredientsEditor } from './IngredientsEditor';
import { type DraftPayload, draftFromRecipe, emptyDraft, fieldIds, type RecipeDraft, toContent } from './recipe-draft';
import { type Diet, type Difficulty, dietNames, difficultyNames, visibilityOptions } from './recipe-format';
import { recipeFormErrors } from './recipe-form-errors';
import { useChangeVisibility, useCreateRecipe, useUpdateRecipe } from './recipes-api';
import { StepsEditor } from './StepsEditor';
import { TextAreaField } from './TextAreaField';
import { useRecipeImages } from './recipe-images-api';

const dietOptions = (Object.keys(dietNames) as Diet[]).map((value) => ({ value, label: dietNames[value] }));
const difficultyOptions: { value: '' | Difficulty; label: string }[] = [
  { value: '', label: 'Not set' },
  ...(Object.keys(difficultyNames) as Difficulty[]).map((value) => ({ value, label: difficultyNames[value] })),
];

interface RecipeFormProps {
  /** The recipe being edited; a new recipe when absent. */
  recipe?: Recipe;
  /** Loads the newest saved version again (after someone else saved in between). */
  onReload?: () => Promise<Recipe | undefined>;
}

/** Writes a new recipe or a new version of one. Every save is a version; a stale edit is refused (409) and offered a reload. */
export function RecipeForm({ recipe, onReload }: RecipeFormProps) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<RecipeDraft>(() => (recipe ? draftFromRecipe(recipe) : emptyDraft()));
  const [baseVersion, setBaseVersion] = useState(recipe?.version ?? 0);
  const [submitted, setSubmitted] = useState<DraftPayload | null>(null);
  const [reloading, setReloading] = useState(false);
  const create = useCreateRecipe();
  const update = useUpdateRecipe(recipe?.id ?? '');
  const changeVisibility = useChangeVisibility(recipe?.id ?? '');
  const save = recipe ? update : create;
  const conflict = isApiError(save.error) && save.error.code === 'version_conflict';
  const errors = recipeFormErrors(conflict ? null : save.error, submitted?.targets ?? {});
  const byId = errors.byId;
  // The photos a step may show: the live list (the recipe read may predate an upload just made).
  const liveImages = useRecipeImages(recipe?.id ?? '', { enabled: recipe !== undefined });
  const images = liveImages.data?.items ?? recipe?.images ?? [];
  const set = <K extends keyof RecipeDraft>(key: K, value: RecipeDraft[K]) => setDraft((old) => ({ ...old, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const payload = toContent(draft);
    // A step keeps its photo only while the photo exists (it may have been deleted since).
    const photoIds = new Set(images.map((image) => image.id));
    payload.content.steps = payload.content.steps.map(({ imageId, ...step }) => (imageId && photoIds.has(imageId) ? { ...step, imageId } : step));
    setSubmitted(payload);
    const changeNote = draft.changeNote.trim() || undefined;
    try {
      let saved = recipe
        ? await update.mutateAsync({ content: payload.content, baseVersion, changeNote })
        : await create.mutateAsync({ content: payload.content, visibility: draft.visibility });
      if (saved.visibility !== draft.visibility) saved = await changeVisibility.mutateAsync(draft.visibility);
      toast.success(recipe ? `Saved as version ${saved.version}.` : 'Your recipe is saved.');
      navigate(`/recipes/${saved.id}`);
    } catch {
      // Shown beside the fields, or as the conflict notice.
    }
  }

  async function reload() {
    if (!onReload) return;
    setReloading(true);
    try {
      const latest = await onReload();
      if (latest) {
        setDraft(draftFromRecipe(latest));
        setBaseVersion(latest.version);
        save.reset();
        toast.info(`Version ${latest.version} is loaded. Make your changes again.`);
      }
    } finally {
      setReloading(false);
    }
  }

  return (
    <form className="form recipe-form" onSubmit={submit} noValidate>
      <FormErrorSummary message={errors.message} items={errors.items} />
      {conflict && (
        <div className="notice notice--warning" role="alert">
          <p>
            <strong>Someone saved this recipe while you were editing.</strong> {isApiError(save.error) && save.error.detail}. Your changes are
            not saved.
          </p>
          <p>Load the newest version to edit it instead (your changes here are discarded), or open it in another tab to compare first.</p>
          <div className="button-row">
            <Button onClick={reload} busy={reloading}>
              Load the newest version
            </Button>
            {recipe && (
              <a href={`/recipes/${recipe.id}`} target="_blank" rel="noopener">
                Open the recipe in a new tab
              </a>
            )}
          </div>
        </div>
      )}

      <section className="editor-section" aria-labelledby="about-heading">
        <h2 id="about-heading">About the dish</h2>
        <TextField
          id={fieldIds.title}
          label="Title"
          required
          maxLength={200}
          value={draft.title}
          onChange={(e) => set('title', e.target.value)}
          error={byId[fieldIds.title]}
        />
        <TextAreaField
          id={fieldIds.description}
          label="Description"
          rows={3}
          maxLength={5000}
          value={draft.description}
          onChange={(e) => set('description', e.target.value)}
          error={byId[fieldIds.description]}
        />
        <div className="field-grid">
          <TextField
            id={fieldIds.servings}
            label="Servings"
            type="number"
            inputMode="decimal"
            required
            min={0}
            step="any"
            value={draft.servingsAmount}
            onChange={(e) => set('servingsAmount', e.target.value)}
            error={byId[fieldIds.servings]}
          />
          <TextField
            id={fieldIds.servingsUnit}
            label="Servings unit"
            description="e.g. servings, people, cookies"
            maxLength={40}
            value={draft.servingsUnit}
            onChange={(e) => set('servingsUnit', e.target.value)}
            error={byId[fieldIds.servingsUnit]}
          />
        </div>
        <div className="field-grid field-grid--three">
          <MinutesField id={fieldIds.prepMinutes} label="Preparation (minutes)" value={draft.prepMinutes} onChange={(v) => set('prepMinutes', v)} error={byId[fieldIds.prepMinutes]} />
          <MinutesField id={fieldIds.cookMinutes} label="Cooking (minutes)" value={draft.cookMinutes} onChange={(v) => set('cookMinutes', v)} error={byId[fieldIds.cookMinutes]} />
          <MinutesField id={fieldIds.totalMinutes} label="Total (minutes)" value={draft.totalMinutes} onChange={(v) => set('totalMinutes', v)} error={byId[fieldIds.totalMinutes]} />
        </div>
        <div className="field-grid field-grid--three">
          <SelectField id={fieldIds.difficulty} label="Difficulty" options={difficultyOptions} value={draft.difficulty} onChange={(v) => set('difficulty', v)} />
          <TextField id={fieldIds.cuisine} label="Cuisine" maxLength={60} value={draft.cuisine} onChange={(e) => set('cuisine', e.target.value)} error={byId[fieldIds.cuisine]} />
          <TextField id={fieldIds.course} label="Course" description="e.g. main, dessert" maxLength={60} value={draft.course} onChange={(e) => set('course', e.target.value)} error={byId[fieldIds.course]} />
        </div>
        <div id={fieldIds.diets} tabIndex={-1} className="diet-options">
          <CheckboxGroup legend="Diets" name="diets" options={dietOptions} value={draft.diets} onChange={(v) => set('diets', v)} error={byId[fieldIds.diets]} />
        </div>
        <TextField
          id={fieldIds.tags}
          label="Tags"
          description="Separated by commas, e.g. quick, weeknight, summer"
          value={draft.tags}
          onChange={(e) => set('tags', e.target.value)}
          error={byId[fieldIds.tags]}
        />
        <TextAreaField
          id={fieldIds.equipment}
          label="Equipment"
          description="One item per line, e.g. 24 cm cake tin"
          rows={2}
          value={draft.equipment}
          onChange={(e) => set('equipment', e.target.value)}
          error={byId[fieldIds.equipment]}
        />
      </section>

      <IngredientsEditor sections={draft.sections} onChange={(sections) => set('sections', sections)} errors={byId} />
      <StepsEditor steps={draft.steps} onChange={(steps) => set('steps', steps)} errors={byId} images={images} canHaveImages={recipe !== undefined} />

      <section className="editor-section" aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes and source</h2>
        <TextAreaField id={fieldIds.notes} label="Notes" rows={3} maxLength={10000} value={draft.notes} onChange={(e) => set('notes', e.target.value)} error={byId[fieldIds.notes]} />
        <div className="field-grid">
          <TextField
            id={fieldIds.sourceName}
            label="Source name"
            description="Who or where the recipe comes from"
            maxLength={200}
            value={draft.sourceName}
            onChange={(e) => set('sourceName', e.target.value)}
            error={byId[fieldIds.sourceName]}
          />
          <TextField
            id={fieldIds.sourceUrl}
            label="Source address"
            type="url"
            inputMode="url"
            placeholder="https://"
            maxLength={2000}
            value={draft.sourceUrl}
            onChange={(e) => set('sourceUrl', e.target.value)}
            error={byId[fieldIds.sourceUrl]}
          />
        </div>
      </section>

      <section className="editor-section" aria-labelledby="save-heading">
        <h2 id="save-heading">{recipe ? 'Save a new version' : 'Save'}</h2>
        <SelectField id={fieldIds.visibility} label="Who can see it" options={visibilityOptions} value={draft.visibility} onChange={(v) => set('visibility', v)} />
        {recipe && (
          <TextField
            id={fieldIds.changeNote}
            label="What changed?"
            description={`Optional; shown in the history. This saves version ${baseVersion + 1}.`}
            maxLength={500}
            value={draft.changeNote}
            onChange={(e) => set('changeNote', e.target.value)}
            error={byId[fieldIds.changeNote]}
          />
        )}
        <div className="button-row">
          <Button type="submit" busy={save.isPending}>
            {recipe ? 'Save changes' : 'Save recipe'}
          </Button>
          <Link to={recipe ? `/recipes/${recipe.id}` : '/recipes/mine'}>Cancel</Link>
        </div>
      </section>
    </form>
  );
}

function MinutesField({ id, label, value, onChange, error }: { id: string; label: string; value: string; onChange: (value: string) => void; error?: string }) {
  return (
    <TextField id={id} label={label} type="number" inputMode="numeric" min={0} step={1} value={value} onChange={(e) => onChange(e.target.value)} error={error} />
  );
}
