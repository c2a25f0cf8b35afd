import type { Metadata, Sharp } from 'sharp';
import { CROP_FILE, type Crops, clampFocal, type Focal, masterWidth, writeCrops } from './crops.ts';
import {
  assertStorageKey,
  decodeMaster,
  encode,
  FILE_EXT,
  fromMaster,
  ImageDecodeError,
  MAX_INPUT_PIXELS,
  OUTPUT_FORMATS,
  type OutputFormat,
} from './files.ts';
import { imageJob } from './jobs.ts';
import { sharp } from './sharp.ts';
import { contentTypeOf, type MediaStorage, type MediaTarget, storageOf } from './storage.ts';
import { checkDimensions } from './upload.ts';
import { mediaBaseUrl } from './urls.ts';

export type { OutputFormat } from './files.ts';
export { assertStorageKey, ImageDecodeError } from './files.ts';

export const VARIANT_WIDTHS = [320, 480, 640, 960, 1280, 1600, 1920] as const;

/** The formats every page can rely on (AVIF is an extra `<source>` where present). */
export type VariantFormat = 'webp' | 'jpeg';

/** Widths actually generated per format, ascending. Images stored before AVIF have no `avif`. */
export interface Variants {
  webp: number[];
  jpeg: number[];
  avif?: number[];
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
  /** 16:9, 4:3 and 1:1 crops around `focal`. */
  crops: Crops;
  focal: Focal;
}

const ORIGINAL_QUALITY = 90;
/** Decoders we accept (avif reports as heif). SVG, PDF etc. are refused. */
const ACCEPTED_INPUT = new Set(['jpeg', 'png', 'webp', 'heif', 'gif', 'tiff']);

type OriginalFormat = 'jpeg' | 'png' | 'webp';
const ORIGINAL_EXT: Record<OriginalFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };
const ORIGINAL_MIME: Record<OriginalFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

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
 * Writes every variant of `input` to the media storage as `<storageKey>/<width>.<webp|avif|jpg>`,
 * the 16:9, 4:3 and 1:1 crops around `focal` (`<ratio>-<width>.<ext>`, see crops.ts) and
 * `original.<ext>`. All files are EXIF-rotated and metadata-stripped (so no GPS leaks from a
 * reporter's phone), the original included: it is re-encoded at high quality in its own format
 * (jpeg/png/webp; other inputs become png or jpeg). The input is decoded once into a master
 * just big enough for the largest size, and every size is cut from it, one encode at a time to
 * stay gentle on small servers, and only one image is stored at a time per process (jobs.ts).
 * Dimensions the upload checks refuse are refused here too, before decoding. Each file is
 * written whole (storage.ts); a corrupt or truncated input
 * fails before the folder is kept, and files left from an earlier image under the same key are
 * removed. `media` is the storage, or a local media folder.
 */
export async function storeImage(
  media: MediaTarget,
  storageKey: string,
  input: Buffer,
  options: { focal?: Focal } = {},
): Promise<StoredImage> {
  assertStorageKey(storageKey);
  const storage = storageOf(media);
  return imageJob(() => storeNow(storage, storageKey, input, options));
}

/** storeImage's work, run as an image job (one at a time, see jobs.ts). */
async function storeNow(
  storage: MediaStorage,
  storageKey: string,
  input: Buffer,
  options: { focal?: Focal },
): Promise<StoredImage> {
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  } catch (err) {
    throw new ImageDecodeError(`Not a readable image: ${(err as Error).message}`, err);
  }
  if (!ACCEPTED_INPUT.has(meta.format)) {
    throw new Error(`Unsupported image format: ${meta.format}`);
  }
  const { width, height } = meta.autoOrient;
  if (!width || !height) throw new Error('Image has no dimensions');
  // Whoever calls, dimensions no news photo has are refused before decoding.
  checkDimensions(width, height);
  const focal = clampFocal(options.focal ?? { x: 0.5, y: 0.5 });

  const isNew = !(await hasFiles(storage, storageKey));
  const put = (name: string, data: Buffer) =>
    storage.put(`${storageKey}/${name}`, data, contentTypeOf(name));
  try {
    const written = new Set<string>();
    const master = await decodeMaster(
      input,
      masterWidth(width, height, VARIANT_WIDTHS.at(-1) ?? width),
    );

    const originalFormat = pickOriginalFormat(meta);
    const originalName = `original.${ORIGINAL_EXT[originalFormat]}`;
    const open = () =>
      sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated' }).rotate();
    const original = await encodeOriginal(open(), originalFormat);
    await put(originalName, original);
    written.add(originalName);

    const widths = variantWidths(width);
    for (const w of widths) {
      // Exact width×height with fit 'fill' so the HTML width/height attributes computed with
      // scaledHeight() always match the file (the distortion is below one pixel).
      const resized = () =>
        fromMaster(master).resize({
          width: w,
          height: scaledHeight(width, height, w),
          fit: 'fill',
        });
      for (const format of OUTPUT_FORMATS) {
        const name = `${w}.${FILE_EXT[format]}`;
        await put(name, await encode(resized(), format));
        written.add(name);
      }
    }
    const crops = await writeCrops(put, master, { width, height }, focal, 1, written);

    await removeStale(storage, storageKey, written);
    return {
      storageKey,
      mime: ORIGINAL_MIME[originalFormat],
      width,
      height,
      bytes: original.length,
      variants: { webp: [...widths], avif: [...widths], jpeg: [...widths] },
      crops,
      focal,
    };
  } catch (err) {
    if (isNew) await storage.removePrefix(storageKey);
    throw err;
  }
}

/** srcset string for one format, e.g. "/media/k/320.webp 320w, /media/k/640.webp 640w"; '' when absent. */
export function srcset(
  storageKey: string,
  variants: Variants,
  format: OutputFormat,
  urlPrefix = mediaBaseUrl(),
): string {
  return (variants[format] ?? [])
    .map((w) => `${variantUrl(storageKey, w, format, urlPrefix)} ${w}w`)
    .join(', ');
}

/** The fallback src: the jpeg variant closest to (>=) `preferredWidth`, else the largest. */
export function fallbackSrc(
  storageKey: string,
  variants: Variants,
  preferredWidth = 960,
  urlPrefix = mediaBaseUrl(),
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
  format: OutputFormat,
  urlPrefix = mediaBaseUrl(),
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
    // Plain libjpeg-turbo: mozjpeg takes ~1.4 s on a 12-megapixel original nobody downloads.
    return pipeline.jpeg({ quality: ORIGINAL_QUALITY }).toBuffer();
  }
  if (format === 'webp') return pipeline.webp({ quality: ORIGINAL_QUALITY }).toBuffer();
  return pipeline.png().toBuffer();
}

/** Whether any file is stored under `<storageKey>/`. */
export async function hasFiles(storage: MediaStorage, storageKey: string): Promise<boolean> {
  for await (const _ of storage.list(storageKey)) return true;
  return false;
}

/** Remove variant, crop and original files from an earlier image stored under the same key. */
async function removeStale(
  storage: MediaStorage,
  storageKey: string,
  keep: Set<string>,
): Promise<void> {
  const ours = /^(?:\d+\.(?:webp|avif|jpg)|original\.[a-z]+)$/;
  const stale: string[] = [];
  for await (const { key } of storage.list(storageKey)) {
    const name = key.slice(storageKey.length + 1);
    if ((ours.test(name) || CROP_FILE.test(name)) && !keep.has(name)) stale.push(key);
  }
  for (const key of stale) await storage.remove(key).catch(() => {});
}
