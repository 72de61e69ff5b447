import type { RecipeContent } from '@tavola/contracts/recipes';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import type { RecipesDeps } from './recipes.service.js';

/**
 * A step may show one of its own recipe's photos, nothing else: an id of another recipe's image (or
 * of one since deleted) is refused with the step named. A new recipe has no photos yet.
 */
export async function checkStepImages(deps: Pick<RecipesDeps, 'imagesFor'>, db: DbOrTx, recipeId: string | null, content: RecipeContent): Promise<void> {
  const wanted = content.steps.flatMap((step, index) => (step.imageId ? [{ index, imageId: step.imageId }] : []));
  if (wanted.length === 0) return;
  const own = new Set(recipeId && deps.imagesFor ? (await deps.imagesFor(db, recipeId)).map((image) => image.id) : []);
  const unknown = wanted.filter((step) => !own.has(step.imageId));
  if (unknown.length === 0) return;
  throw new AppError(
    'unknown_image',
    422,
    recipeId ? 'A step can only show a photo of this recipe' : 'Add photos to the saved recipe before giving a step one',
    unknown.map((step) => ({ field: `content.steps.${step.index}.imageId`, message: 'is not a photo of this recipe' })),
  );
}

/** The content with step photos that are no longer among `images` removed (restoring an old version). */
export function withoutMissingStepImages(content: RecipeContent, images: ReadonlyArray<{ id: string }>): RecipeContent {
  const own = new Set(images.map((image) => image.id));
  return { ...content, steps: content.steps.map(({ imageId, ...step }) => (imageId && own.has(imageId) ? { ...step, imageId } : step)) };
}
