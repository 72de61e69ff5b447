import { Link } from 'react-router';
import { describeError } from '../../api/api-error';
import { usePageTitle } from '../../shell/page-title';
import { Button, LoadingState } from '../../ui';
import { isNotFound } from './recipes-api';

/** What a recipe page shows instead of the recipe: loading, not found (or not visible to this person), failed. */
export function RecipeQueryState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (!error) return <LoadingState label="Loading the recipe…" />;
  if (isNotFound(error)) return <RecipeNotFound />;
  return <RecipeLoadFailed error={error} onRetry={onRetry} />;
}

/** Private recipes answer 404 to everyone but their author, exactly like recipes that do not exist. */
export function RecipeNotFound() {
  usePageTitle('Recipe not found');
  return (
    <div className="narrow">
      <h1>Recipe not found</h1>
      <p>There is no recipe at this address, or its author has not shared it with you.</p>
      <p>
        <Link to="/recipes">Browse recipes</Link>
      </p>
    </div>
  );
}

function RecipeLoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  usePageTitle('Recipe not loaded');
  return (
    <div className="narrow">
      <h1>The recipe could not be loaded</h1>
      <p role="alert">{describeError(error)}</p>
      <Button onClick={onRetry}>Try again</Button>
    </div>
  );
}

/** Someone other than the author opened a page that changes the recipe. */
export function NotTheAuthor({ recipeId, title }: { recipeId: string; title: string }) {
  usePageTitle('Not allowed');
  return (
    <div className="narrow">
      <h1>Not allowed</h1>
      <p>Only the author of “{title}” can change it.</p>
      <p>
        <Link to={`/recipes/${recipeId}`}>Back to the recipe</Link>
      </p>
    </div>
  );
}
