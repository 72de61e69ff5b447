import type { FacetRow } from './search-facets.repository.js';
import { type FacetName, facetNames, type IndexFacetValue } from './search-index.js';

/** Labels of the facets whose values are fixed. */
const fixedLabels: Partial<Record<FacetName, Record<string, string>>> = {
  totalTime: { '15': '15 minutes or less', '30': '30 minutes or less', '45': '45 minutes or less', '60': '1 hour or less', 'over-60': 'Over 1 hour' },
  rating: { '4': '4 stars & up', '3': '3 stars & up', '2': '2 stars & up', '1': '1 star & up' },
  hasPhoto: { true: 'With a photo', false: 'Without a photo' },
};

/** Facets whose values keep a fixed order (time buckets, star thresholds); the others go by count. */
const fixedOrder: Partial<Record<FacetName, string[]>> = {
  totalTime: ['15', '30', '45', '60', 'over-60'],
  rating: ['4', '3', '2', '1'],
  hasPhoto: ['true', 'false'],
};

const capitalised = (text: string) => (text === '' ? text : text[0]?.toUpperCase() + text.slice(1));

/** Facet rows from SQL as the API's facets; counts multiplied by `scale` when they come from a sample (values seen once are then dropped). */
export function toFacets(rows: readonly FacetRow[], scale: number): Record<FacetName, IndexFacetValue[]> {
  const facets = Object.fromEntries(facetNames.map((name) => [name, [] as IndexFacetValue[]])) as Record<FacetName, IndexFacetValue[]>;
  for (const row of rows) {
    // One sampled recipe says nothing about how many there are: such values are left out of estimates.
    if (scale > 1 && row.n < 2) continue;
    const label = fixedLabels[row.f]?.[row.v] ?? row.label ?? capitalised(row.v);
    facets[row.f].push({ value: row.v, label, count: scale === 1 ? row.n : Math.max(1, Math.round(row.n * scale)) });
  }
  for (const name of facetNames) {
    const order = fixedOrder[name];
    facets[name].sort(order ? (a, b) => order.indexOf(a.value) - order.indexOf(b.value) : (a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return facets;
}
