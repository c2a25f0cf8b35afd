import { NO_CROPS } from '../media/crops.ts';
import { encode, FILE_EXT, fromMaster, type Master } from '../media/files.ts';
import { sharp } from '../media/sharp.ts';
import { contentTypeOf, type MediaTarget, storageOf } from '../media/storage.ts';
import { type StoredImage, scaledHeight, variantWidths } from '../media/variants.ts';
import { demoPhotoSvg } from './images.ts';
import type { DemoScene } from './types.ts';

/**
 * Demo photos are drawn at 1280×720 (the SVG is 1600×900, rasterised at 80%) and stored
 * with a cheaper variant set than an upload gets: WebP and JPEG at 320–1280 px with the
 * house encoders, no AVIF and no ratio crops. Both are states the media library and the
 * pages already handle (images stored before AVIF or crops existed): `<picture>` offers
 * WebP with a JPEG fallback, and crops are cut when an editor sets a focal point. AVIF
 * and the crops were three quarters of the demo's start-up time.
 */
export const DEMO_PHOTO_SCALE = 0.8;
const FORMATS = ['webp', 'jpeg'] as const;

/** What storeDemoPhoto records: a stored image with no ratio crops and no focal point yet. */
export type DemoPhoto = Omit<StoredImage, 'crops' | 'focal'> & { crops: typeof NO_CROPS };

/** Folder of a demo story's photo: stable, so a resumed demo overwrites rather than duplicates. */
export function demoStorageKey(storyKey: string): string {
  return `demo-${storyKey}`;
}

/**
 * Draws the photo for a story and writes `original.jpg` and its variants under
 * `demo-<key>/` in the media storage (each file whole). Deterministic for a story.
 */
export async function storeDemoPhoto(
  media: MediaTarget,
  storyKey: string,
  scene: DemoScene,
): Promise<DemoPhoto> {
  const storageKey = demoStorageKey(storyKey);
  const storage = storageOf(media);
  const put = (name: string, data: Buffer) =>
    storage.put(`${storageKey}/${name}`, data, contentTypeOf(name));
  const svg = Buffer.from(demoPhotoSvg(scene, storyKey));
  const { data, info } = await sharp(svg, { density: 72 * DEMO_PHOTO_SCALE })
    .flatten({ background: '#000000' })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const master: Master = {
    data,
    width: info.width,
    height: info.height,
    channels: info.channels as Master['channels'],
  };
  const { width, height } = master;
  const original = await fromMaster(master).jpeg({ quality: 90 }).toBuffer();
  await put('original.jpg', original);
  const widths = variantWidths(width);
  for (const w of widths) {
    for (const format of FORMATS) {
      const resized = fromMaster(master).resize({
        width: w,
        height: scaledHeight(width, height, w),
        fit: 'fill',
      });
      await put(`${w}.${FILE_EXT[format]}`, await encode(resized, format));
    }
  }
  return {
    storageKey,
    mime: 'image/jpeg',
    width,
    height,
    bytes: original.length,
    variants: { webp: [...widths], jpeg: [...widths] },
    crops: NO_CROPS,
  };
}
