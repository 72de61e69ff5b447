import type { DbOrTx } from '../../db/client.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import type { BlobStorage } from '../../platform/storage/blob-storage.js';
import * as repo from './recipe-images.repository.js';

/** Removes stored image files once the rows that pointed at them are gone. */
export const imagesDeleteQueue = 'images.delete';

export interface ImagesDeleteJob {
  /** Storage key prefixes, one per image: `recipe-images/<recipeId>/<imageId>`. */
  keys: string[];
}

const recipeImageKey = /^recipe-images\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

/** The storage prefix of one image; its variants are `<prefix>/<width>.webp`. */
export const storageKeyOf = (recipeId: string, imageId: string) => `recipe-images/${recipeId}/${imageId}`;

export const variantKey = (storageKey: string, width: number) => `${storageKey}/${width}.webp`;

/**
 * The `images.delete` handler: idempotent (deleting what is already gone is fine), and it deletes
 * only image prefixes, whatever a job says.
 */
export async function deleteStoredImages(storage: BlobStorage, job: ImagesDeleteJob): Promise<void> {
  const keys = Array.isArray(job.keys) ? job.keys.filter((key): key is string => typeof key === 'string' && recipeImageKey.test(key)) : [];
  for (const key of keys) await storage.delete(key);
}

/** Keys per job: a user with thousands of images gets several small jobs, not one huge payload. */
const keysPerJob = 200;

/** Enqueues the removal of these images' files in the caller's transaction; nothing when there are none. */
export async function enqueueImageFileDeletion(jobs: Pick<Jobs, 'send'>, tx: DbOrTx, keys: string[]): Promise<void> {
  for (let start = 0; start < keys.length; start += keysPerJob) {
    await jobs.send<ImagesDeleteJob>(imagesDeleteQueue, { keys: keys.slice(start, start + keysPerJob) }, { tx });
  }
}

/**
 * For the recipes feature: call inside the transaction that deletes the recipe, BEFORE the delete
 * (the rows cascade away with it). Reads the recipe's image keys and enqueues their removal, so the
 * files go exactly when the deletion commits. Returns how many images were found.
 */
export async function enqueueRecipeImageCleanup(jobs: Pick<Jobs, 'send'>, tx: DbOrTx, recipeId: string): Promise<number> {
  const keys = await repo.storageKeysOfRecipe(tx, recipeId);
  await enqueueImageFileDeletion(jobs, tx, keys);
  return keys.length;
}

/** For account deletion: the same for every image a user uploaded (call before the user row goes). */
export async function enqueueOwnerImageCleanup(jobs: Pick<Jobs, 'send'>, tx: DbOrTx, ownerId: string): Promise<number> {
  const keys = await repo.storageKeysOfOwner(tx, ownerId);
  await enqueueImageFileDeletion(jobs, tx, keys);
  return keys.length;
}
