import multipart from '@fastify/multipart';
import { imageUploadLimits } from '@tavola/contracts/images';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';
import { createBlobStorage } from '../../platform/storage/local-disk-storage.js';
import { createRecipeAccess } from '../recipes/index.js';
import { deleteStoredImages, type ImagesDeleteJob, imagesDeleteQueue } from './recipe-images.jobs.js';
import { imagesJsonOf } from './recipe-images.repository.js';
import { registerRecipeImageRoutes } from './recipe-images.routes.js';
import { coverUrlsOf, imagesForRecipePage, imagesFromJson, type RecipeImagesDeps } from './recipe-images.service.js';

export { enqueueOwnerImageCleanup, enqueueRecipeImageCleanup, imagesDeleteQueue } from './recipe-images.jobs.js';

/**
 * A recipe's images inside the recipe read (the recipes feature's `imagesInRead`, wired by app.ts): a
 * correlated JSON subquery, cover first, so the recipe and its images come back in one statement, and
 * that JSON in the API's shape with the variant URLs served here. The recipe read applies the visibility.
 */
export const imagesInRecipeRead = { json: imagesJsonOf, fromJson: imagesFromJson };

/** A recipe's images, cover first, in one query, without a visibility check (the recipes feature's `imagesFor`). */
export { imagesForRecipePage };

/** The small cover URL of each recipe that has a cover, in one query, without a visibility check (the search index's thumbnails). */
export { coverUrlsOf as recipeCoverUrls };

/**
 * Recipe images: uploads checked by content and re-encoded into WebP variants, served with
 * immutable cache headers under the recipe's visibility, files removed by the `images.delete` job.
 */
export async function recipeImagesFeature(app: FastifyInstance, platform: Platform, options: Pick<RecipeImagesDeps, 'afterChange'> = {}): Promise<void> {
  const { db } = platform.database;
  const deps: RecipeImagesDeps = {
    db,
    access: createRecipeAccess(db),
    storage: createBlobStorage(platform.config),
    jobs: platform.jobs,
    afterChange: options.afterChange,
  };
  await platform.jobs.register<ImagesDeleteJob>(imagesDeleteQueue, (job) => deleteStoredImages(deps.storage, job), { retryLimit: 10 });

  // Multipart parsing exists only inside this scope, with limits that cut an oversized upload off early.
  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: imageUploadLimits.maxBytes, files: 1, fields: 4, fieldSize: 4096, parts: 5 },
      throwFileSizeLimit: true,
    });
    registerRecipeImageRoutes(scope, deps);
  });
}
