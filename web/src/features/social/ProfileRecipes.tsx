import { Link } from 'react-router';
import { Button, Card, DateTime, LoadingState } from '../../ui';
import { formatMinutes } from '../recipes/recipe-format';
import { useAuthorRecipes } from './social-api';

/** The person's recipes this viewer may read: public ones, followers-only ones for followers. */
export function ProfileRecipes({ username, name }: { username: string; name: string }) {
  const list = useAuthorRecipes(username, true);
  return (
    <Card heading="Recipes">
      {list.isPending && <LoadingState label="Loading recipes…" />}
      {list.isError && !list.data && (
        <>
          <p role="alert">The recipes could not be loaded.</p>
          <Button variant="secondary" onClick={() => list.refetch()}>
            Try again
          </Button>
        </>
      )}
      {list.data && <RecipeItems pages={list.data.pages} name={name} />}
      {list.hasNextPage && (
        <div className="button-row">
          <Button variant="secondary" busy={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
            Load more recipes
          </Button>
        </div>
      )}
    </Card>
  );
}

type Page = NonNullable<ReturnType<typeof useAuthorRecipes>['data']>['pages'][number];

function RecipeItems({ pages, name }: { pages: Page[]; name: string }) {
  const items = pages.flatMap((page) => page.items);
  if (items.length === 0) return <p>{name} has no recipes you can see yet.</p>;
  return (
    <ul className="item-list" aria-label={`Recipes by ${name}`}>
      {items.map((recipe) => (
        <li key={recipe.id} className="item">
          <div className="item__main">
            <p className="item__title">
              <Link to={`/recipes/${recipe.id}`}>{recipe.title}</Link>
              {recipe.visibility === 'followers' && <span className="badge">Followers</span>}
            </p>
            <p className="item__meta">
              {[recipe.cuisine, recipe.course, formatMinutes(recipe.totalMinutes)].filter(Boolean).join(' · ')}
              {recipe.cuisine || recipe.course || recipe.totalMinutes ? ' · ' : ''}updated <DateTime value={recipe.updatedAt} dateOnly />
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
