import sharp from 'sharp';

/** Real images made with sharp in the test itself: no binary fixtures. */

export type TestImageFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif' | 'tiff';

/** A picture with some structure (a gradient-ish pattern), so encoders produce realistic sizes. */
export async function makeImage(format: TestImageFormat, options: { width?: number; height?: number; alpha?: boolean } = {}): Promise<Buffer> {
  const width = options.width ?? 1600;
  const height = options.height ?? 1200;
  const channels = options.alpha ? 4 : 3;
  const pixels = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * channels;
      pixels[at] = (x * 255) / width;
      pixels[at + 1] = (y * 255) / height;
      pixels[at + 2] = ((x + y) * 7) % 256;
      if (channels === 4) pixels[at + 3] = 200;
    }
  }
  // AVIF at the lowest effort: the default takes seconds per picture on a small machine.
  return sharp(pixels, { raw: { width, height, channels } })
    .toFormat(format, format === 'avif' ? { effort: 0 } : {})
    .toBuffer();
}

/** A camera-like JPEG: 1200x800 as stored, EXIF orientation 6 (shown rotated: 800x1200), GPS position, maker and an ICC profile. */
export async function makeCameraJpeg(): Promise<Buffer> {
  const stored = await makeImage('jpeg', { width: 1200, height: 800 });
  return sharp(stored)
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'Tavola Test Camera', Model: 'Secret Model 9', Copyright: 'Home cook' },
      // IFD3 is the GPS directory.
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '45/1 27/1 51/1', GPSLongitudeRef: 'E', GPSLongitude: '9/1 11/1 24/1' },
    })
    .toBuffer();
}

/** A multipart form with one file part (and optionally an alt field), as a browser sends it. */
export function imageForm(bytes: Buffer | null, options: { filename?: string; type?: string; alt?: string } = {}): FormData {
  const form = new FormData();
  if (options.alt !== undefined) form.append('alt', options.alt);
  if (bytes) form.append('file', new Blob([new Uint8Array(bytes)], { type: options.type ?? 'image/jpeg' }), options.filename ?? 'photo.jpg');
  return form;
}
