import type { RecipeHit, RecipeSearchResult } from '@tavola/contracts/search';
import { Link } from 'react-router';
import { describeError } from '../../api/api-error';
import { Button, Card, LoadingState } from '../../ui';
import { authorName, formatMinutes } from '../recipes/recipe-format';
import { HighlightedText } from './HighlightedText';
import type { useRecipeSearch } from './search-api';
import { countFilters, type SearchState, withoutFilters, writeSearchState } from './search-params';

/** The results of a search: "did you mean", the cards, "Load more", and the empty, loading and failed states. */

type SearchQueryResult = ReturnType<typeof useRecipeSearch>;

export interface SearchResultsProps {
  search: SearchQueryResult;
  state: SearchState;
  onChange: (next: SearchState) => void;
}

const searchPath = (state: SearchState) => {
  const query = writeSearchState(state).toString();
  return query ? `/search?${query}` : '/search';
};

export function totalText(result: RecipeSearchResult | undefined): string {
  if (!result) return '';
  if (result.total === 0) return 'No recipes found';
  const count = result.total.toLocaleString('en');
  return `${result.estimated.total ? 'About ' : ''}${count} ${result.total === 1 ? 'recipe' : 'recipes'}`;
}

export function SearchResults({ search, state, onChange }: SearchResultsProps) {
  if (search.isPending) return <LoadingState label="Searching…" />;
  if (search.isError && !search.data) {
    return (
      <Card>
        <p role="alert">The search failed: {describeError(search.error)}</p>
        <Button variant="secondary" onClick={() => search.refetch()}>
          Try again
        </Button>
      </Card>
    );
  }
  const first = search.data.pages[0];
  const items = search.data.pages.flatMap((page) => page.items);
  const updating = search.isPlaceholderData && search.isFetching;
  return (
    <div className="search-results" aria-busy={updating || undefined}>
      {/* A suggestion belongs to the query it answered: not shown over the previous query's results while the new ones load. */}
      {first && !search.isPlaceholderData && <DidYouMean result={first} state={state} />}
      {items.length === 0 ? (
        <Card className="empty-state">
          <p>
            No recipes match {state.q.trim() ? <>“{state.q.trim()}”</> : 'your search'}
            {countFilters(state) > 0 ? ' with these filters.' : '.'}
          </p>
          {countFilters(state) > 0 ? (
            <Button variant="secondary" onClick={() => onChange(withoutFilters(state))}>
              Clear all filters
            </Button>
          ) : (
            <p>Check the spelling, or try fewer or more general words.</p>
          )}
        </Card>
      ) : (
        <>
          <ul className={updating ? 'search-hits search-hits--updating' : 'search-hits'} aria-label="Search results">
            {items.map((hit) => (
              <SearchHit key={hit.id} hit={hit} />
            ))}
          </ul>
          <p className="visually-hidden" role="status">
            {`${items.length} of ${totalText(first).toLowerCase()} shown${search.hasNextPage ? '' : ', that is all'}.`}
          </p>
          {search.isFetchNextPageError && (
            <p role="alert" className="field__error">
              More results could not be loaded: {describeError(search.error)}
            </p>
          )}
          {search.hasNextPage && (
            <div className="button-row search-results__more">
              <Button variant="secondary" busy={search.isFetchingNextPage} onClick={() => search.fetchNextPage()}>
                Load more recipes
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function DidYouMean({ result, state }: { result: RecipeSearchResult; state: SearchState }) {
  if (!result.didYouMean) return null;
  const corrected = searchPath({ ...state, q: result.didYouMean });
  if (result.corrected) {
    return (
      <p className="search-did-you-mean">
        Nothing matches “{state.q.trim()}”. Showing results for{' '}
        <Link to={corrected}>
          <strong>{result.didYouMean}</strong>
        </Link>
        .
      </p>
    );
  }
  return (
    <p className="search-did-you-mean">
      Did you mean{' '}
      <Link to={corrected}>
        <strong>{result.didYouMean}</strong>
      </Link>
      ?
    </p>
  );
}

function SearchHit({ hit }: { hit: RecipeHit }) {
  const meta = [hit.cuisine, hit.course, formatMinutes(hit.totalMinutes)].filter(Boolean).join(' · ');
  return (
    <li className="search-hit">
      {hit.coverUrl && <img className="search-hit__cover" src={hit.coverUrl} alt="" width={96} height={96} loading="lazy" decoding="async" />}
      <div className="search-hit__body">
        <h2 className="search-hit__title">
          <Link to={`/recipes/${hit.id}`}>
            <HighlightedText segments={hit.titleHighlight} />
          </Link>
        </h2>
        {hit.snippet && (
          <p className="search-hit__snippet">
            <HighlightedText segments={hit.snippet} />
          </p>
        )}
        <p className="item__meta">
          by {authorName(hit.author)}
          {meta && ` · ${meta}`}
        </p>
        {hit.rating.average !== null && (
          <p className="item__meta">
            <span aria-hidden="true">★ </span>
            {`Rated ${hit.rating.average.toFixed(1)} of 5 (${hit.rating.count === 1 ? '1 rating' : `${hit.rating.count} ratings`})`}
          </p>
        )}
      </div>
    </li>
  );
}
