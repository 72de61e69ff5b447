import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { makeCameraJpeg, makeImage } from '../../../test/image-factories.js';
import { AppError } from '../errors.js';
import { sniffImageFormat } from './image-formats.js';
import { processImage, widthsFor } from './image-processing.js';

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('recognising formats by content', () => {
  it('knows JPEG, PNG, WebP and AVIF by their leading bytes, and nothing else', async () => {
    for (const format of ['jpeg', 'png', 'webp', 'avif'] as const) {
      expect(sniffImageFormat(await makeImage(format, { width: 40, height: 30 }))).toBe(format);
    }
    expect(sniffImageFormat(await makeImage('gif', { width: 40, height: 30 }))).toBeNull();
    expect(sniffImageFormat(await makeImage('tiff', { width: 40, height: 30 }))).toBeNull();
    expect(sniffImageFormat(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageFormat(Buffer.alloc(0))).toBeNull();
  });
});

describe('processImage', () => {
  it('makes 320, 640 and 1280 wide WebP variants of a large picture, keeping its proportions', async () => {
    const result = await processImage(await makeImage('png', { width: 2000, height: 1000, alpha: true }));
    expect(result).toMatchObject({ sourceFormat: 'png', width: 2000, height: 1000 });
    expect(result.variants.map((v) => [v.width, v.height])).toEqual([
      [320, 160],
      [640, 320],
      [1280, 640],
    ]);
    for (const variant of result.variants) {
      const meta = await sharp(variant.data).metadata();
      expect(meta).toMatchObject({ format: 'webp', width: variant.width, height: variant.height });
    }
  });

  it('never upscales: a narrow picture keeps its own width as the largest variant', async () => {
    expect(widthsFor(200)).toEqual([200]);
    expect(widthsFor(320)).toEqual([320]);
    expect(widthsFor(500)).toEqual([320, 500]);
    expect(widthsFor(1280)).toEqual([320, 640, 1280]);
    const result = await processImage(await makeImage('webp', { width: 500, height: 250 }));
    expect(result.variants.map((v) => v.width)).toEqual([320, 500]);
  });

  it('turns a camera JPEG upright and drops its EXIF (GPS, maker), XMP and ICC profile', async () => {
    const camera = await makeCameraJpeg();
    const original = await sharp(camera).metadata();
    expect(original.orientation).toBe(6);
    expect(original.exif?.toString('latin1')).toContain('Secret Model 9');
    expect(original.icc).toBeDefined();

    const result = await processImage(camera);
    expect([result.width, result.height]).toEqual([800, 1200]);
    for (const variant of result.variants) {
      const meta = await sharp(variant.data).metadata();
      expect(meta.height).toBeGreaterThan(meta.width as number);
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(variant.data.includes(Buffer.from('Secret Model 9'))).toBe(false);
    }
  });

  it('refuses other formats with 415, whatever they are called', async () => {
    expect((await rejection(processImage(await makeImage('gif', { width: 50, height: 50 })))).status).toBe(415);
    expect((await rejection(processImage(Buffer.from('just some text pretending to be a photo')))).code).toBe('unsupported_image');
  });

  it('refuses files over the size limit with 413 before decoding them', async () => {
    const error = await rejection(processImage(Buffer.alloc(2048, 0xff), { maxBytes: 1024, maxPixels: 1_000_000 }));
    expect([error.status, error.code]).toEqual([413, 'image_too_large']);
  });

  it('refuses decompression bombs (a small file of too many pixels) with 422 before decoding them', async () => {
    const bomb = await sharp({ create: { width: 10_000, height: 5_000, channels: 3, background: 'white' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await rejection(processImage(bomb));
    expect([error.status, error.code]).toEqual([422, 'image_dimensions_too_large']);
  });

  it('refuses images too tall to encode, and broken files that only start like an image', async () => {
    const needle = await makeImage('png', { width: 10, height: 20_000 });
    expect((await rejection(processImage(needle))).code).toBe('image_dimensions_too_large');
    const truncated = (await makeImage('jpeg', { width: 600, height: 400 })).subarray(0, 600);
    const error = await rejection(processImage(truncated));
    expect([error.status, error.code]).toEqual([422, 'unreadable_image']);
  });
});
