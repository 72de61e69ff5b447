import type { SearchFacets } from '@tavola/contracts/search';
import { Button } from '../../ui';
import { foldLabel } from './SearchFilters';
import { countFilters, listFilters, type SearchState, withoutFilters } from './search-params';

/** The filters in force as buttons that remove them one by one, and "Clear all". */

const listNames: Record<(typeof listFilters)[number], string> = {
  cuisine: 'Cuisine',
  course: 'Course',
  diet: 'Diet',
  tag: 'Tag',
  include: 'With',
  exclude: 'Without',
};

interface ActiveFilter {
  key: string;
  text: string;
  without: SearchState;
}

function activeFilters(state: SearchState, facets: SearchFacets | null): ActiveFilter[] {
  const labelOf = (facet: keyof SearchFacets, value: string) =>
    facets?.[facet].find((candidate) => foldLabel(candidate.value) === foldLabel(value))?.label ?? value;
  const filters: ActiveFilter[] = [];
  for (const key of listFilters) {
    for (const value of state[key]) {
      const label = key === 'include' || key === 'exclude' ? value : labelOf(key, value);
      filters.push({
        key: `${key}:${value}`,
        text: `${listNames[key]}: ${label}`,
        without: { ...state, [key]: state[key].filter((v) => v !== value) },
      });
    }
  }
  if (state.minMinutes !== null || state.maxMinutes !== null) {
    const text =
      state.minMinutes === 61 && state.maxMinutes === null
        ? 'Over 1 hour'
        : state.maxMinutes !== null
          ? `${state.maxMinutes} minutes or less${state.minMinutes !== null ? ` (at least ${state.minMinutes})` : ''}`
          : `At least ${state.minMinutes} minutes`;
    filters.push({
      key: 'time',
      text: `Time: ${text}`,
      without: { ...state, minMinutes: null, maxMinutes: null },
    });
  }
  if (state.minRating !== null)
    filters.push({
      key: 'rating',
      text: `Rating: ${state.minRating} stars & up`,
      without: { ...state, minRating: null },
    });
  if (state.hasPhoto !== null)
    filters.push({
      key: 'photo',
      text: state.hasPhoto ? 'With a photo' : 'Without a photo',
      without: { ...state, hasPhoto: null },
    });
  if (state.author !== null)
    filters.push({
      key: 'author',
      text: `Author: ${labelOf('author', state.author)}`,
      without: { ...state, author: null },
    });
  return filters;
}

export function ActiveFilters({ state, facets, onChange }: { state: SearchState; facets: SearchFacets | null; onChange: (next: SearchState) => void }) {
  if (countFilters(state) === 0) return null;
  const filters = activeFilters(state, facets);
  return (
    <div className="search-active-filters">
      <ul className="search-chips" aria-label="Filters in use">
        {filters.map((filter) => (
          <li key={filter.key}>
            <button type="button" className="search-chip" onClick={() => onChange(filter.without)}>
              {filter.text}
              <span aria-hidden="true"> ×</span>
              <span className="visually-hidden"> (remove)</span>
            </button>
          </li>
        ))}
      </ul>
      <Button variant="quiet" onClick={() => onChange(withoutFilters(state))}>
        Clear all filters
      </Button>
    </div>
  );
}
