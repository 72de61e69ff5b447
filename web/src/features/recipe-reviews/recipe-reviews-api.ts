import { type InfiniteData, type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, request } from '../../api/http-client';
import type { paths } from '../../api/schema';
import { recipeKeys } from '../recipes/recipes-api';

/** TanStack Query hooks around a recipe: ratings and reviews, favourites, and the "I cooked this" log. */

export const reviewKeys = {
  ratings: (recipeId: string) => ['recipe-reviews', 'ratings', recipeId] as const,
  favourite: (recipeId: string) => ['recipe-reviews', 'favourite', recipeId] as const,
  favourites: ['recipe-reviews', 'favourites'] as const,
  /** The whole log, or one recipe's entries. */
  cooked: (recipeId?: string) => ['recipe-reviews', 'cooked', recipeId ?? 'all'] as const,
  cookedAll: ['recipe-reviews', 'cooked'] as const,
};

const REVIEWS_PAGE_SIZE = 10;

/** Form mutations show their errors beside the fields instead of in a toast. */
const formMeta = { form: true };

/** The summary and the viewer's own rating come with the first page; later pages add reviews. */
export function useRatings(recipeId: string) {
  return useInfiniteQuery({
    queryKey: reviewKeys.ratings(recipeId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      request(() =>
        apiClient.GET('/api/recipes/{id}/ratings', {
          params: { path: { id: recipeId }, query: { limit: REVIEWS_PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** One page of GET /api/recipes/:id/ratings. */
export type RatingsPage = paths['/api/recipes/{id}/ratings']['get']['responses'][200]['content']['application/json'];
type RatingsData = InfiniteData<RatingsPage, string | undefined>;

export interface RatingInput {
  stars: number;
  review: string | null;
}

export function useRateRecipe(recipeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: formMeta,
    mutationFn: (body: RatingInput) => request(() => apiClient.PUT('/api/recipes/{id}/rating', { params: { path: { id: recipeId } }, body })),
    onSuccess: (rating) => {
      // The viewer's own rating shows at once; the summary and the list follow with the refetch.
      queryClient.setQueryData<RatingsData>(reviewKeys.ratings(recipeId), (old) =>
        old ? { ...old, pages: old.pages.map((page, index) => (index === 0 ? { ...page, mine: rating } : page)) } : old,
      );
      return afterRatingChange(queryClient, recipeId);
    },
  });
}

/** The reviews and the recipe itself (its read carries a rating summary) are loaded again. */
function afterRatingChange(queryClient: QueryClient, recipeId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: reviewKeys.ratings(recipeId) }),
    queryClient.invalidateQueries({ queryKey: recipeKeys.detail(recipeId), exact: true }),
  ]);
}

export function useRemoveRating(recipeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // The confirmation dialog shows the error.
    meta: formMeta,
    mutationFn: () => request(() => apiClient.DELETE('/api/recipes/{id}/rating', { params: { path: { id: recipeId } } })),
    onSuccess: () => afterRatingChange(queryClient, recipeId),
  });
}

export function useFavouriteState(recipeId: string, enabled: boolean) {
  return useQuery({
    queryKey: reviewKeys.favourite(recipeId),
    queryFn: ({ signal }) => request(() => apiClient.GET('/api/recipes/{id}/favourite', { params: { path: { id: recipeId } }, signal })),
    enabled,
  });
}

/** Adds or removes a favourite; the button shows the new state at once and goes back if the server refuses. */
export function useSetFavourite(recipeId: string) {
  const queryClient = useQueryClient();
  const key = reviewKeys.favourite(recipeId);
  return useMutation({
    mutationFn: (favourite: boolean) =>
      request(() =>
        favourite
          ? apiClient.PUT('/api/recipes/{id}/favourite', { params: { path: { id: recipeId } } })
          : apiClient.DELETE('/api/recipes/{id}/favourite', { params: { path: { id: recipeId } } }),
      ),
    onMutate: async (favourite: boolean) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<{ favourite: boolean; count: number }>(key);
      if (previous) {
        const count = previous.count + (favourite === previous.favourite ? 0 : favourite ? 1 : -1);
        queryClient.setQueryData(key, { favourite, count });
      }
      return { previous };
    },
    onError: (_error, _favourite, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (state) => {
      queryClient.setQueryData(key, state);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewKeys.favourites }),
        queryClient.invalidateQueries({ queryKey: recipeKeys.detail(recipeId), exact: true }),
      ]);
    },
  });
}

/** Pages of the viewer's own lists (favourites, cooking log). */
const MY_LIST_PAGE_SIZE = 24;

/** The viewer's favourites they can still see, newest favourite first, a page at a time. */
export function useFavourites() {
  return useInfiniteQuery({
    queryKey: reviewKeys.favourites,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      request(() => apiClient.GET('/api/me/favourites', { params: { query: { limit: MY_LIST_PAGE_SIZE, cursor: pageParam } }, signal })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/**
 * The viewer's cooking log, newest first, a page at a time; only one recipe's entries when
 * `recipeId` is given. Every page carries the total, so the first page is enough to say how often.
 */
export function useCookLog(recipeId?: string) {
  return useInfiniteQuery({
    queryKey: reviewKeys.cooked(recipeId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      request(() =>
        apiClient.GET('/api/me/cooked', {
          params: { query: { limit: MY_LIST_PAGE_SIZE, cursor: pageParam, ...(recipeId ? { recipeId } : {}) } },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export interface CookedInput {
  cookedOn: string;
  note: string | null;
}

export function useLogCooked(recipeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: formMeta,
    mutationFn: (body: CookedInput) => request(() => apiClient.POST('/api/recipes/{id}/cooked', { params: { path: { id: recipeId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewKeys.cookedAll }),
  });
}

export function useDeleteCookEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    // The confirmation dialog shows the error.
    meta: formMeta,
    mutationFn: (entryId: string) => request(() => apiClient.DELETE('/api/me/cooked/{entryId}', { params: { path: { entryId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewKeys.cookedAll }),
  });
}
