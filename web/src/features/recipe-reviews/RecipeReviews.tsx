import type { Rating } from '@tavola/contracts/recipe-reviews';
import type { Recipe } from '@tavola/contracts/recipes';
import { Link, useLocation } from 'react-router';
import { useViewer } from '../../api/session';
import { loginPathFor } from '../../shell/safe-next';
import { Button, DateTime, LoadingState } from '../../ui';
import { authorName } from '../recipes/recipe-format';
import { MyRating } from './MyRating';
import { type RatingsPage, useRatings } from './recipe-reviews-api';
import { formatAverage, StarRow, starsLabel } from './StarRating';
import './recipe-reviews.css';

type RatingsSummary = RatingsPage['summary'];

/** Under a recipe: its average and ratings, the viewer's own rating (or why they cannot give one), and the reviews. */
export function RecipeReviews({ recipe }: { recipe: Recipe }) {
  const ratings = useRatings(recipe.id);
  const pages = ratings.data?.pages ?? [];
  const first = pages[0];
  return (
    <section className="recipe-reviews no-print" aria-labelledby="reviews-title">
      <h2 id="reviews-title">Ratings and reviews</h2>
      {ratings.isPending ? (
        <LoadingState label="Loading the reviews…" />
      ) : !first ? (
        <div>
          <p role="alert">The reviews could not be loaded.</p>
          <Button variant="secondary" onClick={() => ratings.refetch()}>
            Try again
          </Button>
        </div>
      ) : (
        <>
          <RatingSummary summary={first.summary} />
          <ViewerRating recipe={recipe} mine={first.mine} />
          <ReviewList
            items={pages.flatMap((page) => page.items)}
            hasMore={ratings.hasNextPage}
            loadingMore={ratings.isFetchingNextPage}
            onMore={() => ratings.fetchNextPage()}
          />
        </>
      )}
    </section>
  );
}

function RatingSummary({ summary }: { summary: RatingsSummary }) {
  if (summary.count === 0 || summary.average === null) return <p className="recipe-reviews__none">No ratings yet.</p>;
  const most = Math.max(...summary.distribution);
  return (
    <div className="rating-summary">
      <p className="rating-summary__average">
        <span className="rating-summary__number" aria-hidden="true">{formatAverage(summary.average)}</span>
        <StarRow value={summary.average} size="large" />
        <span className="rating-summary__count">
          {summary.count} {summary.count === 1 ? 'rating' : 'ratings'}
        </span>
      </p>
      <ul className="rating-bars" aria-label="Ratings by stars">
        {[5, 4, 3, 2, 1].map((stars) => {
          const n = summary.distribution[stars - 1] ?? 0;
          return (
            <li key={stars} className="rating-bars__row">
              <span className="rating-bars__label">{starsLabel(stars)}</span>
              <span className="rating-bars__track" aria-hidden="true">
                <span className="rating-bars__bar" style={{ width: most ? `${(n / most) * 100}%` : '0%' }} />
              </span>
              <span className="rating-bars__count">{n}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Who may rate: not the author, not someone signed out. */
function ViewerRating({ recipe, mine }: { recipe: Recipe; mine: Rating | null }) {
  const { viewer, isPending } = useViewer();
  const location = useLocation();
  if (isPending) return null;
  if (!viewer) {
    return (
      <p className="recipe-reviews__prompt">
        <Link to={loginPathFor(location)}>Log in to rate this recipe</Link> and share what you thought of it.
      </p>
    );
  }
  if (viewer.id === recipe.author.id) {
    return <p className="recipe-reviews__prompt">This is your recipe, so you cannot rate it: ratings and reviews come from the people who cook it.</p>;
  }
  return <MyRating recipeId={recipe.id} mine={mine} />;
}

function ReviewList({ items, hasMore, loadingMore, onMore }: { items: Rating[]; hasMore: boolean; loadingMore: boolean; onMore: () => void }) {
  const { viewer } = useViewer();
  if (items.length === 0) return null;
  return (
    <>
      <ul className="review-list" aria-label="Reviews">
        {items.map((rating) => (
          <li key={rating.author.id} className="review">
            <p className="review__head">
              <span className="review__author">
                {authorName(rating.author)}
                {rating.author.id === viewer?.id && <span className="badge">You</span>}
              </span>
              <StarRow value={rating.stars} />
            </p>
            <p className="item__meta">
              <DateTime value={rating.createdAt} dateOnly />
              {rating.updatedAt !== rating.createdAt && (
                <>
                  {' '}
                  (edited <DateTime value={rating.updatedAt} dateOnly />)
                </>
              )}
            </p>
            {rating.review && <p className="review__text">{rating.review}</p>}
          </li>
        ))}
      </ul>
      {hasMore && (
        <div className="button-row">
          <Button variant="secondary" busy={loadingMore} onClick={onMore}>
            Show more reviews
          </Button>
        </div>
      )}
    </>
  );
}
