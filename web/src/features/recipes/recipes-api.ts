import type { CreateRecipeBody, Recipe, RecipeContent, Visibility } from '@tavola/contracts/recipes';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error';
import { apiClient, request } from '../../api/http-client';

/** TanStack Query hooks for recipes: lists, one recipe, saving, visibility, versions, diff and restore. */

export const recipeKeys = {
  all: ['recipes'] as const,
  list: (scope: RecipeListScope) => ['recipes', 'list', scope] as const,
  detail: (id: string) => ['recipes', 'detail', id] as const,
  versions: (id: string) => ['recipes', 'detail', id, 'versions'] as const,
  diff: (id: string, from: number, to: number) => ['recipes', 'detail', id, 'diff', from, to] as const,
};

export type RecipeListScope = 'mine' | 'public';

const PAGE_SIZE = 24;

/** Form mutations show their errors beside the fields instead of in a toast. */
const formMeta = { form: true };

export function useRecipeList(scope: RecipeListScope) {
  return useInfiniteQuery({
    queryKey: recipeKeys.list(scope),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      request(() =>
        apiClient.GET('/api/recipes', {
          params: { query: { limit: PAGE_SIZE, cursor: pageParam, ...(scope === 'mine' ? { mine: true } : {}) } },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** A missing or hidden recipe is an expected answer (404), shown as its own page rather than a toast. */
const quietNotFound = { silent: true };

export function useRecipe(id: string) {
  return useQuery({
    queryKey: recipeKeys.detail(id),
    queryFn: ({ signal }) => request(() => apiClient.GET('/api/recipes/{id}', { params: { path: { id } }, signal })),
    meta: quietNotFound,
  });
}

export function isNotFound(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || error.code === 'validation_failed');
}

export function useCreateRecipe() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: formMeta,
    mutationFn: (body: CreateRecipeBody) => request(() => apiClient.POST('/api/recipes', { body })),
    onSuccess: (recipe) => {
      queryClient.setQueryData(recipeKeys.detail(recipe.id), recipe);
      return queryClient.invalidateQueries({ queryKey: ['recipes', 'list'] });
    },
  });
}

export interface UpdateRecipeInput {
  content: RecipeContent;
  baseVersion: number;
  changeNote?: string;
}

export function useUpdateRecipe(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: formMeta,
    mutationFn: (body: UpdateRecipeInput) => request(() => apiClient.PUT('/api/recipes/{id}', { params: { path: { id } }, body })),
    onSuccess: (recipe) => afterChange(queryClient, recipe),
  });
}

function afterChange(queryClient: ReturnType<typeof useQueryClient>, recipe: Recipe) {
  queryClient.setQueryData(recipeKeys.detail(recipe.id), recipe);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: recipeKeys.versions(recipe.id) }),
    queryClient.invalidateQueries({ queryKey: ['recipes', 'list'] }),
    queryClient.invalidateQueries({ queryKey: ['recipes', 'scaled', recipe.id] }),
  ]);
}

export function useChangeVisibility(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (visibility: Visibility) =>
      request(() => apiClient.PATCH('/api/recipes/{id}/visibility', { params: { path: { id } }, body: { visibility } })),
    onSuccess: (recipe) => afterChange(queryClient, recipe),
  });
}

export function useDeleteRecipe(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // The confirmation dialog shows the error.
    meta: formMeta,
    mutationFn: () => request(() => apiClient.DELETE('/api/recipes/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: recipeKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: ['recipes', 'list'] });
    },
  });
}

export function useRecipeVersions(id: string) {
  return useQuery({
    queryKey: recipeKeys.versions(id),
    queryFn: ({ signal }) => request(() => apiClient.GET('/api/recipes/{id}/versions', { params: { path: { id } }, signal })),
    meta: quietNotFound,
  });
}

/** One saved version (immutable, so never refetched). */
export function useRecipeVersion(id: string, number: number) {
  return useQuery({
    queryKey: ['recipes', 'detail', id, 'version', number] as const,
    queryFn: ({ signal }) =>
      request(() => apiClient.GET('/api/recipes/{id}/versions/{number}', { params: { path: { id, number } }, signal })),
    staleTime: Number.POSITIVE_INFINITY,
    meta: quietNotFound,
  });
}

export function useRecipeDiff(id: string, range: { from: number; to: number } | null) {
  return useQuery({
    queryKey: recipeKeys.diff(id, range?.from ?? 0, range?.to ?? 0),
    queryFn: ({ signal }) =>
      request(() =>
        apiClient.GET('/api/recipes/{id}/diff', { params: { path: { id }, query: { from: range?.from ?? 0, to: range?.to ?? 0 } }, signal }),
      ),
    enabled: range !== null,
    // Versions never change: a diff between two of them is the same forever.
    staleTime: Number.POSITIVE_INFINITY,
    placeholderData: keepPreviousData,
  });
}

export function useRestoreVersion(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // The confirmation dialog shows the error.
    meta: formMeta,
    mutationFn: (version: number) =>
      request(() => apiClient.POST('/api/recipes/{id}/restore', { params: { path: { id } }, body: { version } })),
    onSuccess: (recipe) => afterChange(queryClient, recipe),
  });
}
