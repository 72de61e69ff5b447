import type { RecipeSummary } from '@tavola/contracts/recipes';
import { Link } from 'react-router';
import { usePageTitle } from '../../shell/page-title';
import { Button, Card, DateTime, LoadingState, toast } from '../../ui';
import { authorName, formatMinutes } from '../recipes/recipe-format';
import { useFavourites, useSetFavourite } from './recipe-reviews-api';
import '../recipes/recipe-lists.css';
import './recipe-reviews.css';

/** The recipes the signed-in cook saved as favourites (only those they can still see), newest first, a page at a time. */
export function FavouritesPage() {
  usePageTitle('Favourites');
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Favourites</h1>
        <p>The recipes you saved, to find them again quickly.</p>
      </header>
      <FavouriteList />
    </div>
  );
}

function FavouriteList() {
  const favourites = useFavourites();
  if (favourites.isPending) return <LoadingState label="Loading your favourites…" />;
  if (favourites.isError && !favourites.data) {
    return (
      <Card>
        <p role="alert">Your favourites could not be loaded.</p>
        <Button variant="secondary" onClick={() => favourites.refetch()}>
          Try again
        </Button>
      </Card>
    );
  }
  const items = favourites.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <Card className="empty-state">
        <p>
          No favourites yet. Press “Favourite” on a recipe you like to keep it here. <Link to="/recipes">Browse recipes</Link>
        </p>
      </Card>
    );
  }
  return (
    <Card>
      <ul className="recipe-list" aria-label="Favourite recipes">
        {items.map((recipe) => (
          <FavouriteItem key={recipe.id} recipe={recipe} />
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {`${items.length} favourites shown${favourites.hasNextPage ? '' : ', that is all'}.`}
      </p>
      {favourites.hasNextPage && (
        <div className="button-row recipe-list__more">
          <Button variant="secondary" busy={favourites.isFetchingNextPage} onClick={() => favourites.fetchNextPage()}>
            Load more favourites
          </Button>
        </div>
      )}
    </Card>
  );
}

function FavouriteItem({ recipe }: { recipe: RecipeSummary }) {
  const remove = useSetFavourite(recipe.id);
  const meta = [recipe.cuisine, recipe.course, formatMinutes(recipe.totalMinutes)].filter(Boolean).join(' · ');
  return (
    <li className="recipe-list__item favourite-item">
      <div className="favourite-item__main">
        <h2 className="recipe-list__title">
          <Link to={`/recipes/${recipe.id}`}>{recipe.title}</Link>
        </h2>
        <p className="item__meta">
          by {authorName(recipe.author)}
          {meta && ` · ${meta}`}
        </p>
        <p className="item__meta">
          Updated <DateTime value={recipe.updatedAt} dateOnly />
        </p>
      </div>
      <Button
        variant="secondary"
        busy={remove.isPending}
        // The promise rather than a mutate() callback: the refetched list drops this item first. A failure shows its own toast.
        onClick={() => remove.mutateAsync(false).then(() => toast.success(`“${recipe.title}” was removed from your favourites.`), () => undefined)}
        aria-label={`Remove “${recipe.title}” from favourites`}
      >
        Remove
      </Button>
    </li>
  );
}
