import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pngBomb } from '../../test/images.ts';
import { NO_CROPS, regenerateCrops } from './crops.ts';
import { imageJobLoad } from './jobs.ts';
import {
  fallbackSrc,
  ImageDecodeError,
  scaledHeight,
  srcset,
  storeImage,
  type Variants,
  variantWidths,
} from './variants.ts';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-variants-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function png(width: number, height: number): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } },
  })
    .png()
    .toBuffer();
}

describe('storeImage', () => {
  it('writes webp and jpeg variants up to the original width with the right dimensions', async () => {
    const stored = await storeImage(dir, 'banjir-2024', await png(1000, 600));
    expect(stored).toMatchObject({
      storageKey: 'banjir-2024',
      mime: 'image/png',
      width: 1000,
      height: 600,
    });
    const widths = [320, 480, 640, 960];
    expect(stored.variants).toEqual({ webp: widths, avif: widths, jpeg: widths });

    const folder = path.join(dir, 'banjir-2024');
    expect(fs.statSync(path.join(folder, 'original.png')).size).toBe(stored.bytes);
    for (const w of [320, 480, 640, 960]) {
      const webp = await sharp(path.join(folder, `${w}.webp`)).metadata();
      expect([webp.format, webp.width, webp.height]).toEqual([
        'webp',
        w,
        scaledHeight(1000, 600, w),
      ]);
      const jpeg = await sharp(path.join(folder, `${w}.jpg`)).metadata();
      expect([jpeg.format, jpeg.width, jpeg.height]).toEqual(['jpeg', w, (w * 600) / 1000]);
      expect(jpeg.isProgressive).toBe(true);
      const avif = await sharp(path.join(folder, `${w}.avif`)).metadata();
      expect([avif.format, avif.compression, avif.width]).toEqual(['heif', 'av1', w]);
    }
    expect(fs.existsSync(path.join(folder, '1280.webp'))).toBe(false);
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('generates a single variant at the original width for small images', async () => {
    const stored = await storeImage(dir, 'kecil', await png(200, 150));
    expect(stored.variants).toEqual({ webp: [200], avif: [200], jpeg: [200] });
    const meta = await sharp(path.join(dir, 'kecil', '200.jpg')).metadata();
    expect([meta.width, meta.height]).toEqual([200, 150]);
  });

  it('applies EXIF rotation and strips metadata', async () => {
    // 400×330 stored pixels with orientation 6 (rotate 90° clockwise) display as 330×400.
    const input = await sharp({
      create: { width: 400, height: 330, channels: 3, background: '#336699' },
    })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const stored = await storeImage(dir, 'potret', input);
    expect([stored.width, stored.height]).toEqual([330, 400]);
    expect(stored.variants.jpeg).toEqual([320]);
    const meta = await sharp(path.join(dir, 'potret', '320.jpg')).metadata();
    expect([meta.width, meta.height, meta.orientation, meta.exif]).toEqual([
      320,
      scaledHeight(330, 400, 320),
      undefined,
      undefined,
    ]);
    const original = await sharp(path.join(dir, 'potret', 'original.jpg')).metadata();
    expect([original.width, original.height, original.exif]).toEqual([330, 400, undefined]);
  });

  it('removes variants left over from an earlier, larger image under the same key', async () => {
    await storeImage(dir, 'ganti', await png(700, 400));
    await storeImage(dir, 'ganti', await png(400, 300));
    // 400×300: variants at 320; crops 16:9 and 4:3 at 320, 1:1 at its full 300.
    const crops = ['16x9-320', '1x1-300', '4x3-320'];
    expect(fs.readdirSync(path.join(dir, 'ganti')).sort()).toEqual(
      [
        ...crops.flatMap((c) => [`${c}.avif`, `${c}.jpg`, `${c}.webp`]),
        '320.avif',
        '320.jpg',
        '320.webp',
        'original.png',
      ].sort(),
    );
  });

  it('rejects storage keys that are not a safe folder name', async () => {
    const image = await png(10, 10);
    for (const key of ['../x', 'A', '', '-x', 'a/b', 'a'.repeat(65)]) {
      await expect(storeImage(dir, key, image)).rejects.toThrow(/storage key/);
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('keeps nothing when the pixels cannot be decoded (truncated file)', async () => {
    const jpeg = await sharp({
      create: {
        width: 800,
        height: 600,
        channels: 3,
        background: '#000000',
        noise: { type: 'gaussian', mean: 128, sigma: 30 },
      },
    })
      .jpeg()
      .toBuffer();
    await expect(storeImage(dir, 'potong', jpeg.subarray(0, jpeg.length >> 1))).rejects.toThrow(
      ImageDecodeError,
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses dimensions no news photo has before decoding, whoever calls it, and keeps nothing', async () => {
    await expect(storeImage(dir, 'lebar', pngBomb(49_000_000, 1))).rejects.toThrow(
      'MEDIA_SIDE_TOO_LONG',
    );
    await expect(storeImage(dir, 'tinggi', pngBomb(1, 49_000_000))).rejects.toThrow(
      'MEDIA_SIDE_TOO_LONG',
    );
    await expect(storeImage(dir, 'pita', pngBomb(8_000, 100))).rejects.toThrow('MEDIA_BAD_ASPECT');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('stores one image at a time per process: a second waits for the first', async () => {
    const image = await png(400, 300);
    const first = storeImage(dir, 'pertama', image);
    const second = storeImage(dir, 'kedua', image);
    const focal = regenerateCrops(
      dir,
      'pertama',
      { width: 400, height: 300 },
      { x: 0.2, y: 0.2 },
      NO_CROPS,
    );
    expect(imageJobLoad()).toEqual({ running: 1, waiting: 2 });
    await Promise.all([first, second, focal]);
    expect(imageJobLoad()).toEqual({ running: 0, waiting: 0 });
    expect(fs.readdirSync(dir).sort()).toEqual(['kedua', 'pertama']);
  });

  it('rejects a buffer that is not an image', async () => {
    await expect(
      storeImage(dir, 'bukan-foto', Buffer.from('hello, not a picture')),
    ).rejects.toThrow(/Not a readable image/);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    await expect(storeImage(dir, 'svg', svg)).rejects.toThrow(/Unsupported image format/);
  });
});

describe('urls', () => {
  const variants: Variants = { webp: [320, 640, 960], jpeg: [320, 640, 960] };

  it('builds srcset strings per format', () => {
    expect(srcset('k', variants, 'webp')).toBe(
      '/media/k/320.webp 320w, /media/k/640.webp 640w, /media/k/960.webp 960w',
    );
    expect(srcset('k', { webp: [], jpeg: [200] }, 'jpeg', 'https://cdn.example/m/')).toBe(
      'https://cdn.example/m/k/200.jpg 200w',
    );
    expect(() => srcset('../k', variants, 'webp')).toThrow(/storage key/);
    expect(srcset('k', variants, 'avif')).toBe('');
    expect(srcset('k', { ...variants, avif: [320] }, 'avif')).toBe('/media/k/320.avif 320w');
  });

  it('picks the smallest jpeg at least as wide as preferred, else the largest', () => {
    expect(fallbackSrc('k', variants)).toBe('/media/k/960.jpg');
    expect(fallbackSrc('k', variants, 500)).toBe('/media/k/640.jpg');
    expect(fallbackSrc('k', variants, 2000, '/m')).toBe('/m/k/960.jpg');
    expect(() => fallbackSrc('k', { webp: [320], jpeg: [] })).toThrow();
  });

  it('computes heights and widths', () => {
    expect(scaledHeight(1000, 600, 320)).toBe(192);
    expect(scaledHeight(3, 2, 1)).toBe(1);
    expect(variantWidths(1600)).toEqual([320, 480, 640, 960, 1280, 1600]);
    expect(variantWidths(4000)).toEqual([320, 480, 640, 960, 1280, 1600, 1920]);
    expect(variantWidths(319)).toEqual([319]);
  });
});
