import type { CorrectFoodsBody } from '@tavola/contracts/recipe-nutrition';
import type { Recipe } from '@tavola/contracts/recipes';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, request } from '../../api/http-client';

/** A recipe's nutrition (per version: a new version is a new key) and the food corrections that change it. */

export const nutritionKey = (recipe: Pick<Recipe, 'id' | 'version'>) => ['recipes', 'nutrition', recipe.id, recipe.version] as const;

export function useRecipeNutrition(recipe: Pick<Recipe, 'id' | 'version'>) {
  const id = recipe.id;
  return useQuery({
    queryKey: nutritionKey(recipe),
    queryFn: ({ signal }) => request(() => apiClient.GET('/api/recipes/{id}/nutrition', { params: { path: { id } }, signal })),
    staleTime: Number.POSITIVE_INFINITY,
    // A correction makes a new version: keep showing the old figures (and the open line list) until the new ones arrive.
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
}

/** Autocomplete over the food catalogue (GET /api/foods). */
export function useFoodSearch(query: string) {
  return useQuery({
    queryKey: ['foods', 'search', query],
    queryFn: ({ signal }) => request(() => apiClient.GET('/api/foods', { params: { query: { q: query, limit: 8 } }, signal })),
    enabled: query.trim().length >= 2,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
}

/** PUT /api/recipes/:id/foods: the author's choice of food for some lines, saved as a new version. */
export function useCorrectFoods(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { form: true },
    mutationFn: (body: CorrectFoodsBody) => request(() => apiClient.PUT('/api/recipes/{id}/foods', { params: { path: { id } }, body })),
    onSuccess: (recipe) => {
      queryClient.setQueryData(['recipes', 'detail', recipe.id], recipe);
      return queryClient.invalidateQueries({ queryKey: ['recipes', 'detail', recipe.id, 'versions'] });
    },
  });
}
