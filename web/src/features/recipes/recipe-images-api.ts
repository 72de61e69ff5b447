import type { RecipeImage, UpdateRecipeImageBody } from '@tavola/contracts/images';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, request } from '../../api/http-client';

/** Hooks for a recipe's images: the list, uploading, making one the cover, deleting. */

export const imageKeys = { list: (recipeId: string) => ['recipes', 'images', recipeId] as const };

/** The image list and the full recipe read (which embeds the images) are both out of date. */
function afterImageChange(queryClient: ReturnType<typeof useQueryClient>, recipeId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: imageKeys.list(recipeId) }),
    queryClient.invalidateQueries({ queryKey: ['recipes', 'detail', recipeId], exact: true }),
  ]);
}

/** The recipe's images, fresh from the list endpoint; `enabled: false` for a recipe not saved yet. */
export function useRecipeImages(recipeId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: imageKeys.list(recipeId),
    queryFn: ({ signal }) => request(() => apiClient.GET('/api/recipes/{id}/images', { params: { path: { id: recipeId } }, signal })),
    enabled: options.enabled ?? true,
    meta: { silent: true },
  });
}

export interface ImageUploadInput {
  file: File;
  alt: string;
}

type UploadForm = { file: string; alt?: string };

export function useUploadImage(recipeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { form: true },
    mutationFn: ({ file, alt }: ImageUploadInput) => {
      const form = new FormData();
      if (alt.trim()) form.append('alt', alt.trim());
      form.append('file', file);
      // openapi-fetch sends FormData as it is (the browser sets the multipart boundary).
      return request(() =>
        apiClient.POST('/api/recipes/{id}/images', { params: { path: { id: recipeId } }, body: form as unknown as UploadForm }),
      );
    },
    onSuccess: () => afterImageChange(queryClient, recipeId),
  });
}

export function useUpdateImage(recipeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ imageId, change }: { imageId: string; change: UpdateRecipeImageBody }) =>
      request(() => apiClient.PATCH('/api/recipes/{id}/images/{imageId}', { params: { path: { id: recipeId, imageId } }, body: change })),
    onSuccess: () => afterImageChange(queryClient, recipeId),
  });
}

export function useDeleteImage(recipeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (imageId: string) => request(() => apiClient.DELETE('/api/recipes/{id}/images/{imageId}', { params: { path: { id: recipeId, imageId } } })),
    onSuccess: () => afterImageChange(queryClient, recipeId),
  });
}

/** `srcset` of an image's WebP variants ("/api/images/…/320.webp 320w, …"). */
export function srcSetOf(image: RecipeImage): string {
  return image.variants.map((variant) => `${variant.url} ${variant.width}w`).join(', ');
}

/** The narrowest variant at least `width` wide (or the widest there is). */
export function variantFor(image: RecipeImage, width: number): RecipeImage['variants'][number] | undefined {
  return image.variants.find((variant) => variant.width >= width) ?? image.variants[image.variants.length - 1];
}
