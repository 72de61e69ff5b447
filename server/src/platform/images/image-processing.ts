import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { AppError } from '../errors.js';
import { decoderAgrees, type ImageFormat, sniffImageFormat } from './image-formats.js';

export type { ImageFormat };

/** Widths of the WebP variants made from every upload (narrower originals get their own width instead of upscaling). */
export const variantWidths = [320, 640, 1280] as const;

export interface ImageLimits {
  /** Largest accepted file (413 above). */
  maxBytes: number;
  /** Largest accepted width x height before decoding (422 above): a small file can expand to gigabytes of pixels. */
  maxPixels: number;
}

export const defaultImageLimits: ImageLimits = { maxBytes: 10 * 1024 * 1024, maxPixels: 40_000_000 };

/** WebP cannot be taller or wider than this. */
const webpMaxDimension = 16_383;

export interface ProcessedVariant {
  width: number;
  height: number;
  format: 'webp';
  data: Buffer;
}

export interface ProcessedImage {
  /** The format the upload was in. */
  sourceFormat: ImageFormat;
  /** Dimensions after EXIF auto-rotation. */
  width: number;
  height: number;
  /** Narrowest first. */
  variants: ProcessedVariant[];
}

/** The variant widths for an original of this width: the standard ones below it, then the largest it allows. */
export function widthsFor(originalWidth: number): number[] {
  const largest = Math.min(originalWidth, variantWidths[variantWidths.length - 1] as number);
  return [...variantWidths.filter((width) => width < largest), largest];
}

const unsupported = () => new AppError('unsupported_image', 415, 'Upload a JPEG, PNG, WebP or AVIF image');

/**
 * Checks an upload by its content and re-encodes it: auto-rotated by its EXIF orientation, then
 * WebP variants (see `variantWidths`) converted to sRGB with every piece of metadata dropped
 * (EXIF with GPS, XMP, IPTC, ICC profiles). The original bytes are never kept.
 * 413 'image_too_large', 415 'unsupported_image', 422 'image_dimensions_too_large' or 'unreadable_image'.
 */
export async function processImage(bytes: Buffer, limits: ImageLimits = defaultImageLimits): Promise<ProcessedImage> {
  if (bytes.length > limits.maxBytes) {
    throw new AppError('image_too_large', 413, `Images can be at most ${Math.round(limits.maxBytes / 1024 / 1024)} MB`);
  }
  const sourceFormat = sniffImageFormat(bytes);
  if (!sourceFormat) throw unsupported();

  let metadata: Metadata;
  try {
    metadata = await sharp(bytes).metadata();
  } catch {
    throw new AppError('unreadable_image', 422, `The file starts like a ${sourceFormat.toUpperCase()} image but could not be read`);
  }
  if (!decoderAgrees(sourceFormat, metadata)) throw unsupported();

  const width = metadata.autoOrient?.width ?? metadata.width;
  const height = metadata.autoOrient?.height ?? metadata.height;
  if (!width || !height) throw new AppError('unreadable_image', 422, 'The image has no dimensions');
  const megapixels = limits.maxPixels / 1_000_000;
  if (width * height > limits.maxPixels) {
    throw new AppError('image_dimensions_too_large', 422, `Images can have at most ${megapixels} megapixels; this one has ${Math.round((width * height) / 1_000_000)}`);
  }
  const widths = widthsFor(width);
  const largest = widths[widths.length - 1] as number;
  if (Math.round((height * largest) / width) > webpMaxDimension) {
    throw new AppError('image_dimensions_too_large', 422, 'The image is too tall for its width');
  }

  // Decode once (first frame only), rotate upright, shrink to the largest variant, in sRGB and 8 bits.
  let pixels: { data: Buffer; info: OutputInfo };
  try {
    pixels = await sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: 'error' })
      .autoOrient()
      .resize({ width: largest, withoutEnlargement: true })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw new AppError('unreadable_image', 422, `The ${sourceFormat.toUpperCase()} image could not be decoded`);
  }
  const { info } = pixels;
  const raw = { width: info.width, height: info.height, channels: info.channels as 1 | 2 | 3 | 4 };

  const variants: ProcessedVariant[] = [];
  for (const variantWidth of widths) {
    const pipeline = sharp(pixels.data, { raw });
    if (variantWidth !== raw.width) pipeline.resize({ width: variantWidth });
    // No withMetadata()/keep*(): sharp writes no EXIF, XMP, IPTC or ICC chunk.
    const { data, info: out } = await pipeline.webp({ quality: 82, effort: 4 }).toBuffer({ resolveWithObject: true });
    variants.push({ width: out.width, height: out.height, format: 'webp', data });
  }
  return { sourceFormat, width, height, variants };
}
