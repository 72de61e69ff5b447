import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { assertSafeKey, contentTypeOfKey } from './blob-storage.js';
import { createBlobStorage, LocalDiskStorage } from './local-disk-storage.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'tavola-storage-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('local disk storage', () => {
  const storage = createBlobStorage({ dataDir });

  it('stores under DATA_DIR/uploads and reads back the bytes, size and type', async () => {
    await storage.put('recipe-images/r1/i1/320.webp', Buffer.from('first'), 'image/webp');
    await storage.put('recipe-images/r1/i1/320.webp', Buffer.from('second!'), 'image/webp');
    const blob = await storage.get('recipe-images/r1/i1/320.webp');
    expect(blob).not.toBeNull();
    expect(blob?.size).toBe(7);
    expect(blob?.contentType).toBe('image/webp');
    expect(await text(blob!.stream)).toBe('second!');
    expect(storage).toBeInstanceOf(LocalDiskStorage);
    expect((storage as LocalDiskStorage).root).toBe(path.join(dataDir, 'uploads'));
    // No temporary files are left beside the object.
    expect(readdirSync(path.join(dataDir, 'uploads', 'recipe-images', 'r1', 'i1'))).toEqual(['320.webp']);
  });

  it('answers null for a missing object or a directory', async () => {
    expect(await storage.get('recipe-images/none/320.webp')).toBeNull();
    expect(await storage.get('recipe-images/r1')).toBeNull();
  });

  it('deletes a prefix with everything under it, and deleting nothing is fine', async () => {
    await storage.put('recipe-images/r2/a/320.webp', Buffer.from('a'), 'image/webp');
    await storage.put('recipe-images/r2/a/640.webp', Buffer.from('b'), 'image/webp');
    await storage.put('recipe-images/r2/b/320.webp', Buffer.from('c'), 'image/webp');
    await storage.delete('recipe-images/r2/a');
    expect(await storage.get('recipe-images/r2/a/320.webp')).toBeNull();
    expect(await storage.get('recipe-images/r2/a/640.webp')).toBeNull();
    const kept = await storage.get('recipe-images/r2/b/320.webp');
    expect(await text(kept!.stream)).toBe('c');
    await expect(storage.delete('recipe-images/r2/a')).resolves.toBeUndefined();
  });

  it('refuses keys that could leave the root or hide files', async () => {
    for (const key of ['../secret.key', 'a/../../b', '/etc/passwd', 'a//b', '.hidden', 'a/./b', 'a\\b', '', 'a/b c']) {
      expect(() => assertSafeKey(key), key).toThrow();
      await expect(storage.put(key, Buffer.from('x'), 'text/plain')).rejects.toThrow();
      await expect(storage.get(key)).rejects.toThrow();
      await expect(storage.delete(key)).rejects.toThrow();
    }
    expect(assertSafeKey('recipe-images/0b2c/1280.webp')).toBe('recipe-images/0b2c/1280.webp');
  });

  it('knows the content type of common image keys', () => {
    expect(contentTypeOfKey('x/1.avif')).toBe('image/avif');
    expect(contentTypeOfKey('x/1.JPG')).toBe('image/jpeg');
    expect(contentTypeOfKey('x/1.bin')).toBe('application/octet-stream');
  });
});
