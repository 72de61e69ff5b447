import type { ImportRecipeBody } from '@tavola/contracts/recipe-import';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, request } from '../../api/http-client';
import { recipeKeys } from '../recipes/recipes-api';

/** Saves a recipe read from a web address, pasted JSON-LD or HTML, or plain text (version 1, private unless chosen otherwise). */
export function useImportRecipe() {
  const queryClient = useQueryClient();
  return useMutation({
    // The import form shows the problem beside the input.
    meta: { form: true },
    mutationFn: async (body: Omit<ImportRecipeBody, 'preview'>) => {
      const result = await request(() => apiClient.POST('/api/recipes/import', { body: { ...body, preview: false } }));
      if ('preview' in result) throw new Error('The server answered with a preview instead of the saved recipe.');
      return result;
    },
    onSuccess: (recipe) => {
      queryClient.setQueryData(recipeKeys.detail(recipe.id), recipe);
      return queryClient.invalidateQueries({ queryKey: ['recipes', 'list'] });
    },
  });
}
