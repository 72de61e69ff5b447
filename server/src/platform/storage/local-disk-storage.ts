import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.js';
import { assertSafeKey, type BlobStorage, contentTypeOfKey, type StoredBlob } from './blob-storage.js';

/**
 * Blobs as files under one root directory (`DATA_DIR/uploads` by default). Writes go to a
 * temporary file renamed into place, so a reader sees the old object or the whole new one.
 * The content type is not stored: it follows from the key's extension.
 */
export class LocalDiskStorage implements BlobStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async put(key: string, bytes: Buffer, _contentType: string): Promise<void> {
    const file = this.#pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${randomBytes(6).toString('hex')}.partial`;
    try {
      await writeFile(temporary, bytes, { flag: 'wx', mode: 0o640 });
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<StoredBlob | null> {
    const file = this.#pathOf(key);
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(file, 'r');
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    try {
      const info = await handle.stat();
      if (!info.isFile()) {
        await handle.close();
        return null;
      }
      // The stream owns the handle from here and closes it when it ends or is destroyed.
      return { stream: handle.createReadStream({ autoClose: true }), size: info.size, contentType: contentTypeOfKey(key) };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async delete(prefix: string): Promise<void> {
    await rm(this.#pathOf(prefix), { recursive: true, force: true });
  }

  #pathOf(key: string): string {
    const file = path.resolve(this.root, assertSafeKey(key));
    // Belt and braces: a safe key can never leave the root.
    if (!file.startsWith(`${this.root}${path.sep}`)) throw new Error('storage key escaped its root');
    return file;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * The storage this deployment uses: local disk under `DATA_DIR/uploads`. An S3-compatible
 * implementation of BlobStorage is chosen here once its configuration exists.
 */
export function createBlobStorage(config: Pick<Config, 'dataDir'>): BlobStorage {
  return new LocalDiskStorage(path.join(config.dataDir, 'uploads'));
}
