import type { Readable } from 'node:stream';
import { AppError } from '../errors.js';

/** One stored object, opened for reading. */
export interface StoredBlob {
  stream: Readable;
  size: number;
  contentType: string;
}

/**
 * Where uploaded files live. Keys are `/`-separated paths of generated, safe segments
 * (`recipe-images/<recipeId>/<imageId>/640.webp`), never anything a user typed. The local-disk
 * implementation is the default; an S3-compatible one implements the same three calls
 * (PutObject with ContentType, GetObject, ListObjectsV2 + DeleteObjects under the prefix).
 */
export interface BlobStorage {
  /** Stores the bytes under the key, replacing what was there; readers never see a partial object. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The object, or null when there is none. */
  get(key: string): Promise<StoredBlob | null>;
  /** Removes the object `prefix` and every object under `prefix/`. Removing nothing is not an error. */
  delete(prefix: string): Promise<void>;
}

const segment = /^[a-z0-9][a-z0-9._-]{0,127}$/i;

/** Accepts only keys made of safe segments: no `..`, no absolute paths, no empty or hidden segments. */
export function assertSafeKey(key: string): string {
  const parts = key.split('/');
  const safe = key.length <= 512 && parts.length <= 8 && parts.every((part) => segment.test(part) && !part.includes('..'));
  if (!safe) throw new AppError('invalid_storage_key', 500, 'A storage key was not safe');
  return key;
}

const typesByExtension: Record<string, string> = {
  webp: 'image/webp',
  avif: 'image/avif',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** The content type of a key from its extension (stores that keep no metadata of their own). */
export function contentTypeOfKey(key: string): string {
  const extension = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
  return typesByExtension[extension] ?? 'application/octet-stream';
}
