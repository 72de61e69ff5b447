import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { imageUploadLimits, type RecipeImage, type UpdateRecipeImageBody } from '@tavola/contracts/images';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { AppError, notFound } from '../../platform/errors.js';
import { processImage } from '../../platform/images/image-processing.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import type { BlobStorage } from '../../platform/storage/blob-storage.js';
import type { RecipeAccess } from '../recipes/index.js';
import { enqueueImageFileDeletion, storageKeyOf, variantKey } from './recipe-images.jobs.js';
import * as repo from './recipe-images.repository.js';

export interface RecipeImagesDeps {
  db: Db;
  access: RecipeAccess;
  storage: BlobStorage;
  jobs: Pick<Jobs, 'send'>;
  /** Runs inside every transaction that adds, removes or re-covers a recipe's images (the search index's photo and cover). */
  afterChange?: (tx: Tx, recipeId: string) => Promise<void>;
}

export interface ImageUpload {
  bytes: Buffer;
  alt: string | null;
}

export const variantUrl = (imageId: string, width: number) => `/api/images/${imageId}/${width}.webp`;

export function toRecipeImage(row: repo.RecipeImageRow): RecipeImage {
  return imageView(row, row.createdAt.toISOString());
}

function imageView(row: Omit<repo.RecipeImageRow, 'ownerId' | 'storageKey' | 'createdAt'>, createdAt: string): RecipeImage {
  return {
    id: row.id,
    recipeId: row.recipeId,
    position: row.position,
    isCover: row.isCover,
    width: row.width,
    height: row.height,
    alt: row.alt,
    variants: row.variants.map((v) => ({ width: v.width, height: v.height, bytes: v.bytes, format: 'webp' as const, url: variantUrl(row.id, v.width) })),
    createdAt,
  };
}

const imageNotFound = () => notFound('Image');
const tooManyImages = () => new AppError('too_many_images', 409, `A recipe can have at most ${imageUploadLimits.maxImagesPerRecipe} images`);

/**
 * Adds an image to the owner's recipe. The body is read (`readUpload`) only after the owner check,
 * so nobody else can make the server buffer an upload. Files are written first, then the row; a
 * failed row removes the files again. The first image becomes the cover.
 */
export async function uploadRecipeImage(deps: RecipeImagesDeps, userId: string, recipeId: string, readUpload: () => Promise<ImageUpload>): Promise<RecipeImage> {
  await deps.access.requireOwner(recipeId, userId);
  if ((await repo.countImagesOfRecipe(deps.db, recipeId)) >= imageUploadLimits.maxImagesPerRecipe) throw tooManyImages();
  const upload = await readUpload();
  const processed = await processImage(upload.bytes);

  const imageId = randomUUID();
  const storageKey = storageKeyOf(recipeId, imageId);
  try {
    for (const variant of processed.variants) await deps.storage.put(variantKey(storageKey, variant.width), variant.data, 'image/webp');
    const row = await deps.db.transaction(async (tx) => {
      await repo.lockRecipeImages(tx, recipeId);
      const existing = await repo.countImagesOfRecipe(tx, recipeId);
      if (existing >= imageUploadLimits.maxImagesPerRecipe) throw tooManyImages();
      const inserted = await repo.insertImage(tx, {
        id: imageId,
        recipeId,
        ownerId: userId,
        position: existing,
        isCover: existing === 0,
        storageKey,
        width: processed.width,
        height: processed.height,
        variants: processed.variants.map((v) => ({ width: v.width, height: v.height, bytes: v.data.length, format: v.format })),
        alt: upload.alt,
      });
      await deps.afterChange?.(tx, recipeId);
      return inserted;
    });
    return toRecipeImage(row);
  } catch (error) {
    await deps.storage.delete(storageKey).catch(() => undefined);
    // The recipe was deleted while the upload was being processed.
    if (repo.isMissingReference(error)) throw notFound('Recipe');
    throw error;
  }
}

/** The recipe's images in order, to anyone who may see the recipe. */
export async function listRecipeImages(deps: RecipeImagesDeps, viewerId: string | null, recipeId: string): Promise<RecipeImage[]> {
  await deps.access.requireVisible(recipeId, viewerId);
  return (await repo.listImagesOfRecipe(deps.db, recipeId)).map(toRecipeImage);
}

/**
 * The images of a recipe, cover first, in one query (the recipes feature's `imagesFor`: step photos
 * are checked against them). No visibility check: the caller has made it.
 */
export async function imagesForRecipePage(db: DbOrTx, recipeId: string): Promise<RecipeImage[]> {
  return (await repo.listImagesCoverFirst(db, recipeId)).map(toRecipeImage);
}

/** The URL of the smallest variant of each recipe's cover, for recipes that have one (search results' thumbnails). */
export async function coverUrlsOf(db: DbOrTx, recipeIds: readonly string[]): Promise<Map<string, string>> {
  const covers = await repo.findCoverImages(db, recipeIds);
  const urls = new Map<string, string>();
  for (const cover of covers) {
    const smallest = [...cover.variants].sort((a, b) => a.width - b.width)[0];
    if (smallest) urls.set(cover.recipeId, variantUrl(cover.id, smallest.width));
  }
  return urls;
}

/** Images as `imagesJsonOf` (repository) returns them, in the API's shape with the variant URLs the image routes serve. */
export function imagesFromJson(images: unknown): RecipeImage[] {
  return (images as repo.RecipeImageJson[]).map((image) => imageView(image, image.createdAt));
}

/** Moves `id` to `position` (clamped to the end) and numbers every image 0..n-1; returns the changes. */
function reorder(images: repo.RecipeImageRow[], id: string, position: number): { id: string; position: number }[] {
  const ids = images.map((image) => image.id).filter((other) => other !== id);
  ids.splice(Math.min(position, ids.length), 0, id);
  const changes: { id: string; position: number }[] = [];
  ids.forEach((imageId, index) => {
    if (images.find((image) => image.id === imageId)?.position !== index) changes.push({ id: imageId, position: index });
  });
  return changes;
}

export async function updateRecipeImage(deps: RecipeImagesDeps, userId: string, recipeId: string, imageId: string, changes: UpdateRecipeImageBody): Promise<RecipeImage> {
  await deps.access.requireOwner(recipeId, userId);
  const row = await deps.db.transaction(async (tx) => {
    await repo.lockRecipeImages(tx, recipeId);
    const images = await repo.listImagesOfRecipe(tx, recipeId);
    if (!images.some((image) => image.id === imageId)) throw imageNotFound();
    if (changes.alt !== undefined) await repo.updateImageAlt(tx, imageId, changes.alt || null);
    if (changes.isCover) await repo.setCover(tx, recipeId, imageId);
    if (changes.position !== undefined) await repo.setPositions(tx, recipeId, reorder(images, imageId, changes.position));
    if (changes.isCover) await deps.afterChange?.(tx, recipeId);
    return repo.findImage(tx, imageId);
  });
  if (!row) throw imageNotFound();
  return toRecipeImage(row);
}

/** Removes the row now and the files through a job enqueued in the same transaction. */
export async function deleteRecipeImage(deps: RecipeImagesDeps, userId: string, recipeId: string, imageId: string): Promise<void> {
  await deps.access.requireOwner(recipeId, userId);
  await deps.db.transaction(async (tx) => {
    await repo.lockRecipeImages(tx, recipeId);
    const images = await repo.listImagesOfRecipe(tx, recipeId);
    const target = images.find((image) => image.id === imageId);
    if (!target) throw imageNotFound();
    await repo.deleteImage(tx, imageId);
    const remaining = images.filter((image) => image.id !== imageId);
    await repo.setPositions(
      tx,
      recipeId,
      remaining.flatMap((image, index) => (image.position === index ? [] : [{ id: image.id, position: index }])),
    );
    const nextCover = remaining[0];
    if (target.isCover && nextCover) await repo.setCover(tx, recipeId, nextCover.id);
    await deps.afterChange?.(tx, recipeId);
    await enqueueImageFileDeletion(deps.jobs, tx, [target.storageKey]);
  });
}

export interface OpenedVariant {
  stream: Readable;
  size: number;
  etag: string;
  cacheControl: string;
}

const yearInSeconds = 31_536_000;

/**
 * One variant's bytes, to a viewer who may see the recipe right now (checked on every read; an
 * image of a recipe they may not see is as unknown as an image that does not exist).
 * `ifNoneMatch` equal to the ETag answers without opening the file.
 */
export async function openVariant(deps: RecipeImagesDeps, viewerId: string | null, imageId: string, width: number, ifNoneMatch?: string): Promise<OpenedVariant | { notModified: true; etag: string; cacheControl: string }> {
  const image = await repo.findImage(deps.db, imageId);
  if (!image) throw imageNotFound();
  let visibility: string;
  try {
    visibility = (await deps.access.requireVisible(image.recipeId, viewerId)).visibility;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw imageNotFound();
    throw error;
  }
  if (!image.variants.some((variant) => variant.width === width)) throw notFound('Image size');
  // The bytes behind an image id and width never change: the ETag needs no hashing.
  const etag = `"${image.id}-${width}"`;
  const cacheControl = `${visibility === 'public' ? 'public' : 'private'}, max-age=${yearInSeconds}, immutable`;
  if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return { notModified: true, etag, cacheControl };
  const blob = await deps.storage.get(variantKey(image.storageKey, width));
  if (!blob) throw imageNotFound();
  return { stream: blob.stream, size: blob.size, etag, cacheControl };
}
