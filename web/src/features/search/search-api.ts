import type { SavedSearchBody } from '@tavola/contracts/search';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, request } from '../../api/http-client';
import { type SearchState, toApiQuery } from './search-params';

/** TanStack Query hooks for search: suggestions while typing, recipe results a page at a time, saved searches. */

export const searchKeys = {
  suggest: (q: string) => ['search', 'suggest', q] as const,
  results: (canonical: string) => ['search', 'recipes', canonical] as const,
  saved: ['search', 'saved'] as const,
};

const PAGE_SIZE = 20;

/**
 * Suggestions for what was typed (at least two characters). A new text starts a new query and
 * TanStack Query aborts the previous request (its signal is passed to fetch), so only the latest
 * answer is shown. While the next answer loads, the previous suggestions stay on screen only when
 * the text grew or shrank from theirs ("tom" → "toma"): unrelated ones would be wrong to choose.
 */
export function useSuggestions(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: searchKeys.suggest(text),
    queryFn: ({ signal }) =>
      request(() =>
        apiClient.GET('/api/search/suggest', {
          params: { query: { q: text, limit: 5 } },
          signal,
        }),
      ),
    enabled: text.length >= 2,
    staleTime: 30_000,
    placeholderData: (previous, previousQuery) => {
      const before = previousQuery?.queryKey[2];
      return typeof before === 'string' && (text.startsWith(before) || before.startsWith(text)) ? previous : undefined;
    },
    // A failed suggestion is not worth a toast: the box still searches on Enter.
    meta: { silent: true },
  });
}

/** Results of the search page's state; facets with the first page only; earlier results stay while new ones load. */
export function useRecipeSearch(state: SearchState, canonical: string) {
  return useInfiniteQuery({
    queryKey: searchKeys.results(canonical),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      request(() =>
        apiClient.GET('/api/search/recipes', {
          params: {
            query: {
              ...toApiQuery(state),
              limit: PAGE_SIZE,
              cursor: pageParam,
              facets: pageParam === undefined,
            },
          },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    // The page shows its own error state.
    meta: { silent: true },
  });
}

export function useSavedSearches(enabled: boolean) {
  return useQuery({
    queryKey: searchKeys.saved,
    queryFn: ({ signal }) => request(() => apiClient.GET('/api/me/saved-searches', { signal })),
    enabled,
  });
}

export function useSaveSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    // The dialog shows the error beside the name.
    meta: { form: true },
    mutationFn: (body: SavedSearchBody) => request(() => apiClient.POST('/api/me/saved-searches', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: searchKeys.saved }),
  });
}

export function useDeleteSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      request(() =>
        apiClient.DELETE('/api/me/saved-searches/{id}', {
          params: { path: { id } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: searchKeys.saved }),
  });
}
