import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Sharp } from 'sharp';
import { sharp } from './sharp.ts';

/**
 * What variants and crops share: safe storage keys, the output encoders and
 * their settings, atomic writes, and the decoded "master" every size is cut
 * from (decoding a 12-megapixel JPEG once instead of forty times is most of
 * what makes an upload fast).
 */

/** Formats written for every variant and crop; the order is the order they are encoded. */
export const OUTPUT_FORMATS = ['webp', 'avif', 'jpeg'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export const FILE_EXT: Record<OutputFormat, string> = { webp: 'webp', avif: 'avif', jpeg: 'jpg' };
export const MIME: Record<OutputFormat, string> = {
  webp: 'image/webp',
  avif: 'image/avif',
  jpeg: 'image/jpeg',
};

const STORAGE_KEY = /^[a-z0-9][a-z0-9-]{0,63}$/;
const WEBP_QUALITY = 72;
const JPEG_QUALITY = 78;
/**
 * Encoder effort is tuned for a 2-core server, measured on a 4000×3000 photo:
 * AVIF at the default effort 4 takes ~4 s for the 1920 variant alone; effort 1
 * with 4:2:0 chroma takes ~0.1 s for a file about 15% larger. WebP effort 3
 * instead of 4 roughly halves its time for ~3% more bytes.
 */
const AVIF = { quality: 50, effort: 1, chromaSubsampling: '4:2:0' } as const;
const WEBP = { quality: WEBP_QUALITY, effort: 3 } as const;

/**
 * Most pixels an image may have, width × height from its header: 50
 * megapixels covers the 45-megapixel cameras, and decoding it needs at most
 * ~200 MB. Uploads are refused above it before decoding (upload.ts), and every
 * sharp() call passes it as `limitInputPixels`, so no path decodes more.
 */
export const MAX_INPUT_PIXELS = 50_000_000;

/** Throws unless `storageKey` is safe to use as a single folder name and URL segment. */
export function assertStorageKey(storageKey: string): void {
  if (!STORAGE_KEY.test(storageKey)) {
    throw new Error(`Invalid storage key ${JSON.stringify(storageKey)}: must match ${STORAGE_KEY}`);
  }
}

/** Encodes a pipeline to one web format with the house settings (JPEG flattened on white). */
export function encode(pipeline: Sharp, format: OutputFormat): Promise<Buffer> {
  if (format === 'webp') return pipeline.webp(WEBP).toBuffer();
  if (format === 'avif') {
    return pipeline.avif(AVIF).toBuffer();
  }
  return pipeline
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: JPEG_QUALITY, mozjpeg: true, progressive: true })
    .toBuffer();
}

/** The input's pixels cannot be read (truncated, corrupt, not an image): the uploader's problem, not ours. */
export class ImageDecodeError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'ImageDecodeError';
  }
}

/** Decoded, EXIF-rotated sRGB pixels that every variant or crop is resized from. */
export interface Master {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

/**
 * Decodes `input` once, rotated upright and converted to 8-bit sRGB, scaled to
 * `width` (never up). A truncated or corrupt file fails here, before any file
 * is written.
 */
export async function decodeMaster(input: Buffer | string, width?: number): Promise<Master> {
  let pipeline = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated' })
    .rotate()
    .toColourspace('srgb');
  if (width) pipeline = pipeline.resize({ width, withoutEnlargement: true });
  const { data, info } = await pipeline
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true })
    .catch((err: Error) => {
      throw new ImageDecodeError(`Cannot decode image: ${err.message}`, err);
    });
  return {
    data,
    width: info.width,
    height: info.height,
    channels: info.channels as Master['channels'],
  };
}

/** A sharp pipeline over the master's pixels. */
export function fromMaster(master: Master): Sharp {
  return sharp(master.data, {
    raw: { width: master.width, height: master.height, channels: master.channels },
    limitInputPixels: MAX_INPUT_PIXELS,
  });
}

/** Write to a temp name in the same folder, then rename, so readers never see half a file. */
export async function writeAtomic(dir: string, name: string, data: Buffer): Promise<void> {
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
