import type { RecipeSummary } from '@tavola/contracts/recipes';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useViewer } from '../../api/session';
import { usePageTitle } from '../../shell/page-title';
import { Button, Card, DateTime, LoadingState } from '../../ui';
import { authorName, formatMinutes, visibilityNames } from './recipe-format';
import { type RecipeListScope, useRecipeList } from './recipes-api';
import './recipe-lists.css';

/** Recipes everyone may read, newest first, a page at a time. */
export function RecipesPage() {
  usePageTitle('Recipes');
  const { viewer } = useViewer();
  return (
    <div className="stack">
      <header className="page-header recipe-list-header">
        <div>
          <h1>Recipes</h1>
          <p>What the cooks on Tavola are making.</p>
        </div>
        {viewer && (
          <div className="button-row">
            <Link to="/recipes/mine" className="button button--secondary">
              My recipes
            </Link>
            <Link to="/recipes/new" className="button button--primary">
              New recipe
            </Link>
          </div>
        )}
      </header>
      <RecipeList
        scope="public"
        label="Recipes"
        empty={
          <p>
            No recipes yet.{' '}
            {viewer ? <Link to="/recipes/new">Share the first one</Link> : <Link to="/signup">Sign up to share the first one</Link>}.
          </p>
        }
      />
    </div>
  );
}

/** The signed-in cook's own recipes, whatever their visibility. */
export function MyRecipesPage() {
  usePageTitle('My recipes');
  return (
    <div className="stack">
      <header className="page-header recipe-list-header">
        <div>
          <h1>My recipes</h1>
          <p>Everything you have written, private ones included.</p>
        </div>
        <div className="button-row">
          <Link to="/recipes/import" className="button button--secondary">
            Import a recipe
          </Link>
          <Link to="/recipes/new" className="button button--primary">
            New recipe
          </Link>
        </div>
      </header>
      <RecipeList
        scope="mine"
        label="My recipes"
        showVisibility
        empty={
          <p>
            You have no recipes yet. <Link to="/recipes/new">Write your first recipe</Link>.
          </p>
        }
      />
    </div>
  );
}

function RecipeList({ scope, label, empty, showVisibility = false }: { scope: RecipeListScope; label: string; empty: ReactNode; showVisibility?: boolean }) {
  const list = useRecipeList(scope);
  if (list.isPending) return <LoadingState label="Loading recipes…" />;
  if (list.isError && !list.data) {
    return (
      <Card>
        <p role="alert">The recipes could not be loaded.</p>
        <Button variant="secondary" onClick={() => list.refetch()}>
          Try again
        </Button>
      </Card>
    );
  }
  const items = list.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <Card className="empty-state">{empty}</Card>;
  return (
    <Card>
      <ul className="recipe-list" aria-label={label}>
        {items.map((recipe) => (
          <RecipeListItem key={recipe.id} recipe={recipe} showVisibility={showVisibility} />
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {`${items.length} recipes shown${list.hasNextPage ? '' : ', that is all'}.`}
      </p>
      {list.hasNextPage && (
        <div className="button-row recipe-list__more">
          <Button variant="secondary" busy={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
            Load more recipes
          </Button>
        </div>
      )}
    </Card>
  );
}

function RecipeListItem({ recipe, showVisibility }: { recipe: RecipeSummary; showVisibility: boolean }) {
  const meta = [recipe.cuisine, recipe.course, formatMinutes(recipe.totalMinutes)].filter(Boolean).join(' · ');
  return (
    <li className="recipe-list__item">
      <h2 className="recipe-list__title">
        <Link to={`/recipes/${recipe.id}`}>{recipe.title}</Link>
      </h2>
      <p className="item__meta">
        by {authorName(recipe.author)}
        {meta && ` · ${meta}`}
      </p>
      <p className="item__meta">
        {showVisibility && <span className="badge">{visibilityNames[recipe.visibility]}</span>} Version {recipe.version}, updated{' '}
        <DateTime value={recipe.updatedAt} dateOnly />
      </p>
    </li>
  );
}
