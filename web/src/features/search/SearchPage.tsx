import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useViewer } from '../../api/session';
import { loginPathFor } from '../../shell/safe-next';
import { usePageTitle } from '../../shell/page-title';
import { Button, Dialog, SelectField } from '../../ui';
import { ActiveFilters } from './ActiveFilters';
import { useRecipeSearch } from './search-api';
import { countFilters, readSearchState, type SearchState, sorts, writeSearchState } from './search-params';
import { SavedSearchList, SaveSearchButton } from './SavedSearches';
import { SearchFilters } from './SearchFilters';
import { SearchResults, totalText } from './SearchResults';
import './search-page.css';

/**
 * /search: the query box, sorts, filters with counts (beside the results on wide screens, in a
 * sheet on phones), results a page at a time, saved searches. Everything but the pages loaded so
 * far lives in the address, so a search is shareable and the back button undoes a change.
 */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readSearchState(params), [params]);
  const canonical = writeSearchState(state).toString();
  const search = useRecipeSearch(state, canonical);
  const { viewer } = useViewer();
  const location = useLocation();
  const [filtersOpen, setFiltersOpen] = useState(false);
  usePageTitle(state.q.trim() ? `Search: ${state.q.trim()}` : 'Search');

  // The controls show a change at once; the address (and so the results) follows a moment later.
  const [optimistic, setOptimistic] = useState<SearchState | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new address (a change, or the back button) is the truth again
  useEffect(() => setOptimistic(null), [params]);
  const shown = optimistic ?? state;
  const update = useCallback(
    (next: SearchState) => {
      setOptimistic(next);
      setParams(writeSearchState(next), { preventScrollReset: true });
    },
    [setParams],
  );
  const first = search.data?.pages[0];
  const facets = first?.facets ?? null;
  const filterCount = countFilters(shown);
  const closeFilters = useCallback(() => setFiltersOpen(false), []);

  return (
    <div className="stack">
      <header className="page-header search-page-header">
        <h1>Search recipes</h1>
        <div className="button-row">
          {viewer ? (
            <SaveSearchButton query={canonical} suggestedName={state.q.trim() || 'My search'} />
          ) : (
            <Link to={loginPathFor(location)}>Log in to save searches</Link>
          )}
        </div>
      </header>
      <QueryForm value={state.q} onSearch={(q) => update({ ...shown, q })} />
      {viewer && <SavedSearchList />}
      <div className="search-layout">
        <aside className="search-layout__filters" aria-labelledby="search-filters-heading">
          <h2 id="search-filters-heading" className="search-filters__heading">
            Filters
          </h2>
          <SearchFilters state={shown} facets={facets} onChange={update} />
        </aside>
        <section className="search-layout__results" aria-labelledby="search-results-heading">
          <div className="search-toolbar">
            <h2 id="search-results-heading" className="search-toolbar__total" aria-live="polite">
              {search.isPending ? 'Searching…' : totalText(first)}
            </h2>
            <Button variant="secondary" className="search-toolbar__filters-button" onClick={() => setFiltersOpen(true)}>
              {filterCount > 0 ? `Filters (${filterCount})` : 'Filters'}
            </Button>
            <SelectField label="Sort by" className="search-toolbar__sort" options={sorts} value={shown.sort} onChange={(sort) => update({ ...shown, sort })} />
          </div>
          <ActiveFilters state={shown} facets={facets} onChange={update} />
          <SearchResults search={search} state={state} onChange={update} />
        </section>
      </div>
      <Dialog
        open={filtersOpen}
        title="Filters"
        onClose={closeFilters}
        hideCancel
        actions={<Button onClick={closeFilters}>{first && first.total > 0 ? `Show ${totalText(first).toLowerCase()}` : 'Show results'}</Button>}
      >
        <SearchFilters state={shown} facets={facets} onChange={update} />
      </Dialog>
    </div>
  );
}

function QueryForm({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <search aria-label="Recipes">
      <form className="search-query" onSubmit={submit}>
        <label className="visually-hidden" htmlFor="search-query-input">
          Search recipes
        </label>
        <input
          id="search-query-input"
          className="field__input"
          type="search"
          enterKeyHint="search"
          placeholder="Dish, ingredient, cuisine…"
          maxLength={300}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <Button type="submit">Search</Button>
      </form>
    </search>
  );
}
