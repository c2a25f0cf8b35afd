import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Metadata, type Sharp } from 'sharp';

export const VARIANT_WIDTHS = [320, 480, 640, 960, 1280, 1600] as const;

export type VariantFormat = 'webp' | 'jpeg';

/** Widths actually generated per format, ascending. */
export interface Variants {
  webp: number[];
  jpeg: number[];
}

export interface StoredImage {
  storageKey: string;
  /** Mime type of the stored `original.<ext>` file. */
  mime: string;
  /** Width after EXIF rotation. */
  width: number;
  /** Height after EXIF rotation. */
  height: number;
  /** Size of the stored `original.<ext>` file in bytes. */
  bytes: number;
  variants: Variants;
}

const STORAGE_KEY = /^[a-z0-9][a-z0-9-]{0,63}$/;
const WEBP_QUALITY = 72;
const JPEG_QUALITY = 78;
const ORIGINAL_QUALITY = 90;
/** Decompression-bomb guard: 100 megapixels is beyond any newsroom camera. */
const MAX_INPUT_PIXELS = 100_000_000;
/** Decoders we accept from uploads (avif reports as heif). SVG, PDF etc. are refused. */
const ACCEPTED_INPUT = new Set(['jpeg', 'png', 'webp', 'heif', 'gif', 'tiff']);
const FILE_EXT: Record<VariantFormat, string> = { webp: 'webp', jpeg: 'jpg' };

type OriginalFormat = 'jpeg' | 'png' | 'webp';
const ORIGINAL_EXT: Record<OriginalFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };
const ORIGINAL_MIME: Record<OriginalFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

/** Throws unless `storageKey` is safe to use as a single folder name and URL segment. */
export function assertStorageKey(storageKey: string): void {
  if (!STORAGE_KEY.test(storageKey)) {
    throw new Error(`Invalid storage key ${JSON.stringify(storageKey)}: must match ${STORAGE_KEY}`);
  }
}

/** Height for a given width keeping the aspect ratio (integer, at least 1). */
export function scaledHeight(width: number, height: number, toWidth: number): number {
  if (width <= 0 || height <= 0) throw new Error('scaledHeight: dimensions must be positive');
  return Math.max(1, Math.round((height * toWidth) / width));
}

/** Widths to generate for an image `originalWidth` px wide: never upscales, always at least one. */
export function variantWidths(originalWidth: number): number[] {
  const widths: number[] = VARIANT_WIDTHS.filter((w) => w <= originalWidth);
  return widths.length > 0 ? widths : [originalWidth];
}

/**
 * Writes every variant of `input` under `<mediaDir>/<storageKey>/<width>.<webp|jpg>` plus
 * `original.<ext>`. All files are EXIF-rotated and metadata-stripped (so no GPS leaks from a
 * reporter's phone), the original included: it is re-encoded at high quality in its own format
 * (jpeg/png/webp; other inputs become png or jpeg). Each file is written atomically; variants
 * are encoded one at a time to stay gentle on small servers. Files left over from an earlier
 * image under the same key are removed.
 */
export async function storeImage(
  mediaDir: string,
  storageKey: string,
  input: Buffer,
): Promise<StoredImage> {
  assertStorageKey(storageKey);
  const open = () => sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).rotate();

  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  } catch (err) {
    throw new Error(`Not a readable image: ${(err as Error).message}`, { cause: err });
  }
  if (!ACCEPTED_INPUT.has(meta.format)) {
    throw new Error(`Unsupported image format: ${meta.format}`);
  }
  const { width, height } = meta.autoOrient;
  if (!width || !height) throw new Error('Image has no dimensions');

  const dir = path.join(mediaDir, storageKey);
  await mkdir(dir, { recursive: true });
  const written = new Set<string>();

  const originalFormat = pickOriginalFormat(meta);
  const originalName = `original.${ORIGINAL_EXT[originalFormat]}`;
  const original = await encodeOriginal(open(), originalFormat);
  await writeAtomic(dir, originalName, original);
  written.add(originalName);

  const widths = variantWidths(width);
  for (const w of widths) {
    // Exact width×height with fit 'fill' so the HTML width/height attributes computed with
    // scaledHeight() always match the file (the distortion is below one pixel).
    const resized = () =>
      open().resize({ width: w, height: scaledHeight(width, height, w), fit: 'fill' });
    const webp = await resized().webp({ quality: WEBP_QUALITY }).toBuffer();
    await writeAtomic(dir, `${w}.${FILE_EXT.webp}`, webp);
    written.add(`${w}.${FILE_EXT.webp}`);
    const jpeg = await resized()
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: JPEG_QUALITY, mozjpeg: true, progressive: true })
      .toBuffer();
    await writeAtomic(dir, `${w}.${FILE_EXT.jpeg}`, jpeg);
    written.add(`${w}.${FILE_EXT.jpeg}`);
  }

  await removeStale(dir, written);
  return {
    storageKey,
    mime: ORIGINAL_MIME[originalFormat],
    width,
    height,
    bytes: original.length,
    variants: { webp: [...widths], jpeg: [...widths] },
  };
}

/** srcset string for one format, e.g. "/media/k/320.webp 320w, /media/k/640.webp 640w". */
export function srcset(
  storageKey: string,
  variants: Variants,
  format: VariantFormat,
  urlPrefix = '/media',
): string {
  return variants[format]
    .map((w) => `${variantUrl(storageKey, w, format, urlPrefix)} ${w}w`)
    .join(', ');
}

/** The fallback src: the jpeg variant closest to (>=) `preferredWidth`, else the largest. */
export function fallbackSrc(
  storageKey: string,
  variants: Variants,
  preferredWidth = 960,
  urlPrefix = '/media',
): string {
  const widths = [...variants.jpeg].sort((a, b) => a - b);
  const largest = widths.at(-1);
  if (largest === undefined) throw new Error(`Image ${storageKey} has no jpeg variants`);
  const chosen = widths.find((w) => w >= preferredWidth) ?? largest;
  return variantUrl(storageKey, chosen, 'jpeg', urlPrefix);
}

/** Public URL of one variant file; the storage key is checked so no path can be smuggled in. */
export function variantUrl(
  storageKey: string,
  width: number,
  format: VariantFormat,
  urlPrefix = '/media',
): string {
  assertStorageKey(storageKey);
  return `${urlPrefix.replace(/\/+$/, '')}/${storageKey}/${width}.${FILE_EXT[format]}`;
}

function pickOriginalFormat(meta: Metadata): OriginalFormat {
  if (meta.format === 'jpeg' || meta.format === 'png' || meta.format === 'webp') return meta.format;
  return meta.hasAlpha ? 'png' : 'jpeg';
}

function encodeOriginal(pipeline: Sharp, format: OriginalFormat): Promise<Buffer> {
  if (format === 'jpeg') {
    return pipeline
      .jpeg({ quality: ORIGINAL_QUALITY, mozjpeg: true, progressive: true })
      .toBuffer();
  }
  if (format === 'webp') return pipeline.webp({ quality: ORIGINAL_QUALITY }).toBuffer();
  return pipeline.png().toBuffer();
}

/** Write to a temp name in the same folder, then rename, so readers never see half a file. */
async function writeAtomic(dir: string, name: string, data: Buffer): Promise<void> {
  const target = path.join(dir, name);
  const temp = path.join(dir, `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, target);
  } catch (err) {
    await unlink(temp).catch(() => {});
    throw err;
  }
}

/** Remove variant/original files from an earlier image stored under the same key. */
async function removeStale(dir: string, keep: Set<string>): Promise<void> {
  const ours = /^(?:\d+\.(?:webp|jpg)|original\.[a-z]+)$/;
  for (const name of await readdir(dir)) {
    if (ours.test(name) && !keep.has(name)) await unlink(path.join(dir, name)).catch(() => {});
  }
}
