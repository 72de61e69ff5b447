/** The upload formats we accept, recognised by their leading bytes (never by file name or declared type). */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const avifBrands = new Set(['avif', 'avis']);

/** The ISO-BMFF `ftyp` box of an AVIF file names `avif`/`avis` as its major or a compatible brand. */
function isAvif(bytes: Buffer): boolean {
  if (bytes.length < 16 || bytes.toString('latin1', 4, 8) !== 'ftyp') return false;
  const boxSize = bytes.readUInt32BE(0);
  const end = Math.min(Math.max(boxSize, 16), bytes.length, 4096);
  if (avifBrands.has(bytes.toString('latin1', 8, 12))) return true;
  // Compatible brands follow the major brand (8..12) and its minor version (12..16).
  for (let at = 16; at + 4 <= end; at += 4) {
    if (avifBrands.has(bytes.toString('latin1', at, at + 4))) return true;
  }
  return false;
}

/** The format the bytes start like, or null for anything else (GIF, TIFF, SVG, HEIC, text...). */
export function sniffImageFormat(bytes: Buffer): ImageFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(pngSignature)) return 'png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (isAvif(bytes)) return 'avif';
  return null;
}

/** Whether sharp's reading of the file agrees with its leading bytes (AVIF is HEIF with AV1 compression). */
export function decoderAgrees(sniffed: ImageFormat, metadata: { format?: string; compression?: string }): boolean {
  if (sniffed === 'avif') return metadata.format === 'heif' && metadata.compression === 'av1';
  return metadata.format === sniffed;
}
