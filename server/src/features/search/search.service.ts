import type { ParsedRecipeSearchQuery, RecipeHit, RecipeSearchResult, SearchFacets, Suggestion, SuggestionKind, SuggestResult } from '@tavola/contracts/search';
import type { Db, Tx } from '../../db/client.js';
import { foodNameKeys } from '../foods/index.js';
import { recipeSearchDocument } from '../recipes/index.js';
import { recipeCoverUrls } from '../recipe-images/index.js';
import { foldWineName, searchGrapes, searchRegions } from '../wine-knowledge/index.js';
import { familiesNamed } from './ingredient-families.js';
import { buildSearchDocument, labelKey } from './search-document.js';
import type { SearchFilters, SearchIndex, SearchRequest } from './search-index.js';
import { suggestPeople } from './search-suggest.repository.js';
import { hasMatch, highlight, highlightTerms, queryWords, snippet } from './search-text.js';

export interface SearchDeps {
  db: Db;
  index: SearchIndex;
}

/**
 * Keeps the index current for one recipe inside the caller's transaction: the recipe's search
 * document (content, author, rating, cover) indexed again, or removed once the recipe is gone.
 * The recipes, images and import features call it through their `afterChange` port.
 */
export async function indexRecipe(index: SearchIndex, tx: Tx, recipeId: string): Promise<void> {
  const source = await recipeSearchDocument(tx, recipeId);
  if (!source) {
    await index.remove(tx, recipeId);
    return;
  }
  const covers = await recipeCoverUrls(tx, [recipeId]);
  await index.index(tx, buildSearchDocument(source, covers.get(recipeId) ?? null));
}

/** An ingredient as typed ("Walnuts", "tree nuts") as the keys a recipe's ingredients carry: its core name and the families it names. */
function ingredientKeys(name: string): string[] {
  const key = foodNameKeys(name).similar;
  if (key === '') return [];
  return [key, ...familiesNamed(key)];
}

const keys = (values: readonly string[] | undefined) => [...new Set((values ?? []).map(labelKey).filter((key) => key !== ''))];

/** The API's query as the index's request: words folded, labels as keys, ingredients as keys. */
export function toSearchRequest(query: ParsedRecipeSearchQuery): SearchRequest {
  const filters: SearchFilters = {
    cuisine: keys(query.cuisine),
    course: keys(query.course),
    diet: [...new Set(query.diet ?? [])],
    tag: keys(query.tag),
    minMinutes: query.minMinutes ?? null,
    maxMinutes: query.maxMinutes ?? null,
    minRating: query.minRating ?? null,
    hasPhoto: query.hasPhoto ?? null,
    author: query.author ? query.author.toLowerCase() : null,
    include: (query.include ?? []).map(ingredientKeys).filter((alternatives) => alternatives.length > 0),
    exclude: [...new Set((query.exclude ?? []).flatMap(ingredientKeys))],
    minServings: query.minServings ?? null,
    maxServings: query.maxServings ?? null,
    language: query.language ?? null,
  };
  return { words: queryWords(query.q), filters, sort: query.sort, limit: query.limit, cursor: query.cursor ?? null, facets: query.facets ?? true };
}

const emptyFacets = (): SearchFacets => ({ cuisine: [], course: [], diet: [], tag: [], totalTime: [], rating: [], hasPhoto: [], author: [] });

/** Recipes the viewer may see that match the query, ranked or sorted, with facets and a keyset cursor. */
export async function searchRecipes(deps: SearchDeps, viewerId: string | null, query: ParsedRecipeSearchQuery): Promise<RecipeSearchResult> {
  const request = toSearchRequest(query);
  const found = await deps.index.query(viewerId, request);
  const terms = highlightTerms(found.corrected && found.didYouMean ? found.didYouMean.split(' ') : request.words);
  const items = found.hits.map((hit): RecipeHit => {
    const titleHighlight = highlight(hit.title, terms);
    return {
      id: hit.recipeId,
      title: hit.title,
      titleHighlight,
      snippet: request.words.length > 0 && !hasMatch(titleHighlight) ? snippet(hit.summary, terms) : null,
      author: hit.author,
      visibility: hit.visibility,
      cuisine: hit.cuisine,
      course: hit.course,
      diets: hit.diets as RecipeHit['diets'],
      totalMinutes: hit.totalMinutes,
      rating: { average: hit.ratingAverage === null ? null : Math.round(hit.ratingAverage * 100) / 100, count: hit.ratingCount },
      coverUrl: hit.coverUrl,
      updatedAt: hit.updatedAt,
    };
  });
  return {
    items,
    total: found.total,
    facets: found.facets ? { ...emptyFacets(), ...found.facets } : null,
    estimated: found.estimated,
    didYouMean: found.didYouMean,
    corrected: found.corrected,
    nextCursor: found.nextCursor,
  };
}

const searchHref = (parameter: string, value: string) => `/search?${new URLSearchParams({ [parameter]: value }).toString()}`;

/** The search page's filter a term suggestion opens. */
const filterOf = { ingredient: 'include', tag: 'tag', cuisine: 'cuisine' } as const;

const kindOrder: SuggestionKind[] = ['recipe', 'ingredient', 'tag', 'cuisine', 'person', 'grape', 'region'];

/**
 * Suggestions while typing, grouped by kind: visible recipe titles, ingredients, tags and cuisines
 * (counts of visible recipes), people (active accounts), grapes and wine regions; words that start
 * with what was typed first, then similar ones (typos).
 */
export async function suggest(deps: SearchDeps, viewerId: string | null, q: string, limit: number): Promise<SuggestResult> {
  const words = queryWords(q);
  const folded = words.join(' ');
  if (folded.length < 2) return { groups: [] };
  const terms = highlightTerms(words);
  const wineKey = foldWineName(q);
  const [fromIndex, people, grapes, regions] = await Promise.all([
    deps.index.suggest(viewerId, folded, limit),
    suggestPeople(deps.db, folded, limit),
    wineKey.length >= 2 ? searchGrapes(deps.db, wineKey, limit) : Promise.resolve([]),
    wineKey.length >= 2 ? searchRegions(deps.db, wineKey, limit) : Promise.resolve([]),
  ]);
  const item = (kind: SuggestionKind, label: string, href: string, count: number | null): Suggestion => ({ kind, label, highlight: highlight(label, terms), href, count });
  const all: Suggestion[] = [
    ...fromIndex.map((found) =>
      found.kind === 'recipe'
        ? item('recipe', found.label, `/recipes/${found.key}`, null)
        : item(found.kind, found.label, searchHref(filterOf[found.kind], found.label), found.count),
    ),
    ...people.map((person) => item('person', person.displayName ? `${person.displayName} (@${person.username})` : `@${person.username}`, searchHref('author', person.username), null)),
    ...grapes.map((grape) => item('grape', grape.name, `/wine/grapes/${grape.id}`, null)),
    ...regions.map((region) => item('region', region.name, `/wine/regions/${region.id}`, null)),
  ];
  const groups = kindOrder
    .map((kind) => ({ kind, items: all.filter((suggestion) => suggestion.kind === kind).slice(0, limit) }))
    .filter((group) => group.items.length > 0);
  return { groups };
}
