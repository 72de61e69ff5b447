import { z } from 'zod';

/** Recipe images: uploads are re-encoded by the server into WebP variants; these are the shapes of the image API. */

/** Upload limits the server enforces (413 above the size, 415 for other formats). */
export const imageUploadLimits = {
  maxBytes: 10 * 1024 * 1024,
  acceptedTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/avif'],
  maxAltLength: 300,
  maxImagesPerRecipe: 30,
} as const;

export const imageVariantSchema = z.object({
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  format: z.literal('webp'),
  /** Same-origin path of the variant: `/api/images/:imageId/:width.webp`. */
  url: z.string(),
});
export type ImageVariant = z.infer<typeof imageVariantSchema>;

export const recipeImageSchema = z.object({
  id: z.string().uuid(),
  recipeId: z.string().uuid(),
  /** 0-based order among the recipe's images. */
  position: z.number().int(),
  /** Exactly one image of a recipe with images is its cover. */
  isCover: z.boolean(),
  /** Size after auto-rotation, before resizing. */
  width: z.number().int(),
  height: z.number().int(),
  alt: z.string().nullable(),
  /** Narrowest first; never wider than the original. */
  variants: z.array(imageVariantSchema),
  createdAt: z.string(),
});
export type RecipeImage = z.infer<typeof recipeImageSchema>;

export const recipeImageListSchema = z.object({ items: z.array(recipeImageSchema) });

const altText = z.string().trim().max(imageUploadLimits.maxAltLength, `at most ${imageUploadLimits.maxAltLength} characters`);

/** The multipart form of an upload: one `file` part and an optional `alt` field (documentation of the form). */
export const uploadRecipeImageForm = z.object({
  file: z.string().meta({ format: 'binary', description: 'JPEG, PNG, WebP or AVIF, at most 10 MB; checked by content' }),
  alt: altText.optional(),
});

export const altFieldSchema = altText;

export const updateRecipeImageBody = z
  .object({
    /** Text alternative; null or empty clears it. */
    alt: altText.nullable().optional(),
    /** `true` makes this image the cover (the previous cover stops being one). */
    isCover: z.literal(true).optional(),
    /** New 0-based place; the other images shift; past the end means last. */
    position: z.number().int().min(0).max(1000).optional(),
  })
  .refine((b) => b.alt !== undefined || b.isCover !== undefined || b.position !== undefined, { message: 'change at least one of alt, isCover, position' });
export type UpdateRecipeImageBody = z.infer<typeof updateRecipeImageBody>;

/**
 * POST   /api/recipes/:id/images                 multipart {file, alt?} -> 201 RecipeImage (owner only; the first image becomes the cover)
 *                                                 400 'file_required', 413 'image_too_large', 415 'unsupported_image', 422 'image_dimensions_too_large'
 * GET    /api/recipes/:id/images                 -> { items: RecipeImage[] } in position order (recipe visibility applies)
 * PATCH  /api/recipes/:id/images/:imageId        {alt?, isCover?, position?} -> RecipeImage (owner only)
 * DELETE /api/recipes/:id/images/:imageId        -> 204 (owner only; files removed by a job)
 * GET    /api/images/:imageId/:width.webp        -> image/webp, immutable cache headers (recipe visibility applies on every read)
 */
