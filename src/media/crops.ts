import {
  assertStorageKey,
  decodeMaster,
  encode,
  FILE_EXT,
  fromMaster,
  type Master,
  OUTPUT_FORMATS,
  type OutputFormat,
} from './files.ts';
import { imageJob } from './jobs.ts';
import { contentTypeOf, type MediaTarget, storageOf } from './storage.ts';
import { mediaBaseUrl } from './urls.ts';

/**
 * Fixed-ratio crops (16:9 for heroes and share cards, 4:3 for teasers, 1:1 for
 * lists and avatars) cut around the focal point the editor sets, stored next to
 * the variants as `<storageKey>/<ratio>-<width>.<webp|avif|jpg>`.
 */

export const CROP_RATIOS = { '16x9': [16, 9], '4x3': [4, 3], '1x1': [1, 1] } as const;
export type CropRatio = keyof typeof CROP_RATIOS;
export const CROP_RATIO_NAMES = Object.keys(CROP_RATIOS) as CropRatio[];
/** Crop widths: cards and lists (320, 640), hero and share image (960, 1280). */
export const CROP_WIDTHS = [320, 640, 960, 1280] as const;

/**
 * What the `media.crops` column holds: widths per ratio (same in every format)
 * and a version that changes whenever the focal point moves. File names stay
 * the same, so URLs carry `?v=` to get past the year-long browser cache.
 */
export interface Crops {
  v: number;
  widths: Record<CropRatio, number[]>;
}

/** Crops of an image stored before crops existed: none. */
export const NO_CROPS: Crops = { v: 0, widths: { '16x9': [], '4x3': [], '1x1': [] } };

/** A focal point as fractions of width and height, 0..1 from the top left. */
export interface Focal {
  x: number;
  y: number;
}

/** The largest `ratio` rectangle that fits a width×height image (before scaling). */
export function cropRegionSize(width: number, height: number, ratio: CropRatio) {
  const [rw, rh] = CROP_RATIOS[ratio];
  if (width * rh > height * rw) return { width: Math.round((height * rw) / rh), height };
  return { width, height: Math.round((width * rh) / rw) };
}

/** Google wants article images at least this wide (structured data, Discover). */
export const GOOGLE_MIN_WIDTH = 1200;

/**
 * Widths to generate for a crop of an image this size: never upscales, always
 * at least one; a region from 1,200 to 1,279 px also gets its full width, so
 * the crop reaches Google's 1,200 px wherever the original allows.
 */
export function cropWidths(width: number, height: number, ratio: CropRatio): number[] {
  const region = cropRegionSize(width, height, ratio).width;
  const widths: number[] = CROP_WIDTHS.filter((w) => w <= region);
  if (region >= GOOGLE_MIN_WIDTH && !widths.some((w) => w >= GOOGLE_MIN_WIDTH)) widths.push(region);
  return widths.length > 0 ? widths : [region];
}

/** Height of a crop `width` wide: exact for the listed widths (16:9 at 640 is 360). */
export function cropHeight(ratio: CropRatio, width: number): number {
  const [rw, rh] = CROP_RATIOS[ratio];
  return Math.max(1, Math.round((width * rh) / rw));
}

/**
 * The crop rectangle in an image's pixels: the largest `ratio` rectangle,
 * centred on the focal point as far as the edges allow.
 */
export function cropRect(width: number, height: number, ratio: CropRatio, focal: Focal) {
  const size = cropRegionSize(width, height, ratio);
  const clamp = (v: number, max: number) => Math.min(Math.max(0, Math.round(v)), max);
  return {
    left: clamp(focal.x * width - size.width / 2, width - size.width),
    top: clamp(focal.y * height - size.height / 2, height - size.height),
    width: size.width,
    height: size.height,
  };
}

/** Width the master must have so every variant and crop of a width×height image is a downscale. */
export function masterWidth(width: number, height: number, largestVariant: number): number {
  let needed = Math.min(width, largestVariant);
  for (const ratio of CROP_RATIO_NAMES) {
    const region = cropRegionSize(width, height, ratio).width;
    const largest = Math.max(...cropWidths(width, height, ratio));
    needed = Math.max(needed, Math.ceil((largest / region) * width));
  }
  return Math.min(width, needed);
}

/** Clamps a focal point into 0..1; NaN becomes the centre. */
export function clampFocal(focal: Focal): Focal {
  const c = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0.5);
  return { x: c(focal.x), y: c(focal.y) };
}

/**
 * Writes every crop of `master` (an image `fullWidth`×`fullHeight` before
 * scaling) around `focal`, one encode at a time, and returns the new Crops
 * with version `version` through `write(name, bytes)`. The caller removes stale files.
 */
export async function writeCrops(
  write: (name: string, data: Buffer) => Promise<void>,
  master: Master,
  full: { width: number; height: number },
  focal: Focal,
  version: number,
  written: Set<string>,
): Promise<Crops> {
  const widths = { ...NO_CROPS.widths };
  for (const ratio of CROP_RATIO_NAMES) {
    // Planned on the full image's size (masterWidth() made the master big enough),
    // so the widths never depend on how large the master happened to be.
    const rect = cropRect(master.width, master.height, ratio, focal);
    widths[ratio] = cropWidths(full.width, full.height, ratio);
    for (const w of widths[ratio]) {
      const pipeline = () =>
        fromMaster(master)
          .extract(rect)
          .resize({ width: w, height: cropHeight(ratio, w), fit: 'fill' });
      for (const format of OUTPUT_FORMATS) {
        const name = cropFileName(ratio, w, format);
        await write(name, await encode(pipeline(), format));
        written.add(name);
      }
    }
  }
  return { v: version, widths };
}

/**
 * Recuts the crops of a stored image from its `original.*` after the focal
 * point moved; returns the Crops to store (version bumped).
 */
export async function regenerateCrops(
  media: MediaTarget,
  storageKey: string,
  full: { width: number; height: number },
  focal: Focal,
  previous: Crops,
): Promise<Crops> {
  assertStorageKey(storageKey);
  const storage = storageOf(media);
  const nameOf = (key: string) => key.slice(storageKey.length + 1);
  // One image job at a time per process (jobs.ts), like storing an upload.
  return imageJob(async () => {
    const names: string[] = [];
    for await (const { key } of storage.list(storageKey)) names.push(nameOf(key));
    const original = names.find((f) => /^original\.[a-z]+$/.test(f));
    const bytes = original ? await storage.get(`${storageKey}/${original}`) : null;
    if (!bytes) throw new Error(`No original file for ${storageKey}`);
    const master = await decodeMaster(bytes, masterWidth(full.width, full.height, 0));
    const written = new Set<string>();
    const write = (name: string, data: Buffer) =>
      storage.put(`${storageKey}/${name}`, data, contentTypeOf(name));
    const crops = await writeCrops(write, master, full, clampFocal(focal), previous.v + 1, written);
    for (const name of names) {
      if (CROP_FILE.test(name) && !written.has(name)) {
        await storage.remove(`${storageKey}/${name}`).catch(() => {});
      }
    }
    return crops;
  });
}

/** Matches crop file names, for clean-up. */
export const CROP_FILE = /^(?:16x9|4x3|1x1)-\d+\.(?:webp|avif|jpg)$/;

function cropFileName(ratio: CropRatio, width: number, format: OutputFormat): string {
  return `${ratio}-${width}.${FILE_EXT[format]}`;
}

/** Public URL of one crop file, with its version so a moved focal point is fetched anew. */
export function cropUrl(
  storageKey: string,
  ratio: CropRatio,
  width: number,
  format: OutputFormat,
  version = 0,
  urlPrefix = mediaBaseUrl(),
): string {
  assertStorageKey(storageKey);
  const base = `${urlPrefix.replace(/\/+$/, '')}/${storageKey}/${cropFileName(ratio, width, format)}`;
  return version > 0 ? `${base}?v=${version}` : base;
}

/**
 * `srcset` for one crop ratio and format, e.g.
 * "/media/k/16x9-320.webp?v=2 320w, /media/k/16x9-640.webp?v=2 640w"; '' without crops.
 * Views pair it with width and height from `cropHeight()`.
 */
export function cropSrcset(
  storageKey: string,
  crops: Crops,
  ratio: CropRatio,
  format: OutputFormat,
  urlPrefix = mediaBaseUrl(),
): string {
  return (crops.widths[ratio] ?? [])
    .map((w) => `${cropUrl(storageKey, ratio, w, format, crops.v, urlPrefix)} ${w}w`)
    .join(', ');
}

/** Reads the `media.crops` column; anything unreadable means "no crops". */
export function parseCrops(json: string | null | undefined): Crops {
  try {
    const value = JSON.parse(json ?? '') as Partial<Crops>;
    if (typeof value?.v !== 'number' || typeof value.widths !== 'object') return NO_CROPS;
    return { v: value.v, widths: { ...NO_CROPS.widths, ...value.widths } };
  } catch {
    return NO_CROPS;
  }
}
