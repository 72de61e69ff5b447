import type { Recipe } from '@tavola/contracts/recipes';
import { Link, useParams } from 'react-router';
import { useViewer } from '../../api/session';
import { usePageTitle } from '../../shell/page-title';
import { LoadingState } from '../../ui';
import { RecipeForm } from './RecipeForm';
import { useRecipe } from './recipes-api';
import { NotTheAuthor, RecipeQueryState } from './RecipeStates';
import './recipe-editor.css';

export function NewRecipePage() {
  usePageTitle('New recipe');
  return (
    <div className="stack recipe-editor">
      <header className="page-header">
        <h1>New recipe</h1>
        <p>Only the title, servings and one ingredient are needed; every save keeps a version you can go back to.</p>
        <p>
          Already written down elsewhere? <Link to="/recipes/import">Import it from a web page or text</Link>.
        </p>
      </header>
      <RecipeForm />
    </div>
  );
}

export function EditRecipePage() {
  const id = useParams().id ?? '';
  const { viewer } = useViewer();
  const recipe = useRecipe(id);
  if (!recipe.data) return <RecipeQueryState error={recipe.error} onRetry={() => recipe.refetch()} />;
  if (!viewer) return <LoadingState />;
  if (recipe.data.author.id !== viewer.id) return <NotTheAuthor recipeId={id} title={recipe.data.content.title} />;

  const reload = async () => (await recipe.refetch()).data;
  return <EditRecipe recipe={recipe.data} onReload={reload} />;
}

function EditRecipe({ recipe, onReload }: { recipe: Recipe; onReload: () => Promise<Recipe | undefined> }) {
  usePageTitle(`Edit ${recipe.content.title}`);
  const id = recipe.id;
  return (
    <div className="stack recipe-editor">
      <header className="page-header">
        <h1>Edit {recipe.content.title}</h1>
        <p>
          You are editing version {recipe.version}. Saving keeps it in the <Link to={`/recipes/${id}/history`}>history</Link>.
        </p>
      </header>
      {/* The form keeps its own copy: a background refetch never replaces what is being typed. */}
      <RecipeForm recipe={recipe} onReload={onReload} />
    </div>
  );
}
