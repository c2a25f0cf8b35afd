import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cropHeight,
  cropRect,
  cropRegionSize,
  cropSrcset,
  cropWidths,
  masterWidth,
  parseCrops,
  regenerateCrops,
} from './crops.ts';
import { storeImage } from './variants.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-crops-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** 1600×900: left third red, middle grey, right third blue. */
function tricolour(): Promise<Buffer> {
  const band = (r: number, g: number, b: number) =>
    sharp({ create: { width: 533, height: 900, channels: 3, background: { r, g, b } } })
      .png()
      .toBuffer();
  return Promise.all([band(220, 20, 20), band(20, 20, 220)]).then(([red, blue]) =>
    sharp({ create: { width: 1600, height: 900, channels: 3, background: '#808080' } })
      .composite([
        { input: red, left: 0, top: 0 },
        { input: blue, left: 1067, top: 0 },
      ])
      .png()
      .toBuffer(),
  );
}

async function centre(file: string) {
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  const i = (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * info.channels;
  return { r: data[i] ?? 0, b: data[i + 2] ?? 0 };
}

describe('crop geometry', () => {
  it('takes the largest rectangle of the ratio and centres it on the focal point', () => {
    expect(cropRegionSize(1600, 900, '16x9')).toEqual({ width: 1600, height: 900 });
    expect(cropRegionSize(1600, 900, '1x1')).toEqual({ width: 900, height: 900 });
    expect(cropRegionSize(3000, 4000, '4x3')).toEqual({ width: 3000, height: 2250 });
    expect(cropRect(1600, 900, '1x1', { x: 0.5, y: 0.5 })).toEqual({
      left: 350,
      top: 0,
      width: 900,
      height: 900,
    });
    // Clamped at the edges.
    expect(cropRect(1600, 900, '1x1', { x: 0, y: 0 }).left).toBe(0);
    expect(cropRect(1600, 900, '1x1', { x: 1, y: 1 }).left).toBe(700);
  });

  it('never upscales, always has one width, and heights are exact', () => {
    expect(cropWidths(4000, 3000, '16x9')).toEqual([320, 640, 960, 1280]);
    expect(cropWidths(400, 300, '1x1')).toEqual([300]);
    // Google's 1,200 px minimum is reached wherever the original allows it.
    expect(cropWidths(1200, 675, '16x9')).toEqual([320, 640, 960, 1200]);
    expect(cropWidths(1200, 675, '4x3')).toEqual([320, 640]);
    expect(cropWidths(200, 100, '4x3')).toEqual([133]);
    expect([cropHeight('16x9', 640), cropHeight('4x3', 960), cropHeight('1x1', 320)]).toEqual([
      360, 720, 320,
    ]);
  });

  it('sizes the master so every crop is a downscale', () => {
    expect(masterWidth(4000, 3000, 1920)).toBe(1920);
    // A panorama: its 1:1 crop needs 1280 of its 2000-pixel height.
    expect(masterWidth(6000, 2000, 1920)).toBe(3840);
    expect(masterWidth(800, 600, 1920)).toBe(800);
  });

  it('builds versioned URLs and reads the column defensively', () => {
    const crops = parseCrops('{"v":3,"widths":{"16x9":[320,640],"4x3":[],"1x1":[320]}}');
    expect(cropSrcset('k', crops, '16x9', 'webp')).toBe(
      '/media/k/16x9-320.webp?v=3 320w, /media/k/16x9-640.webp?v=3 640w',
    );
    expect(cropSrcset('k', crops, '4x3', 'jpeg')).toBe('');
    expect(parseCrops('{}').widths['1x1']).toEqual([]);
    expect(parseCrops('not json').v).toBe(0);
    expect(() => cropSrcset('../k', crops, '1x1', 'avif')).toThrow(/storage key/);
  });
});

describe('crops on disk', () => {
  it('cuts around the focal point and recuts when it moves', async () => {
    const stored = await storeImage(dir, 'tiga-warna', await tricolour(), {
      focal: { x: 0.1, y: 0.5 },
    });
    expect(stored.crops).toEqual({
      v: 1,
      widths: { '16x9': [320, 640, 960, 1280], '4x3': [320, 640, 960, 1200], '1x1': [320, 640] },
    });
    const folder = path.join(dir, 'tiga-warna');
    for (const ext of ['webp', 'avif', 'jpg']) {
      const meta = await sharp(path.join(folder, `4x3-640.${ext}`)).metadata();
      expect([meta.width, meta.height]).toEqual([640, 480]);
    }
    // Focal point on the red band: the square crop's centre is red.
    expect((await centre(path.join(folder, '1x1-320.webp'))).r).toBeGreaterThan(150);

    const moved = await regenerateCrops(
      dir,
      'tiga-warna',
      stored,
      { x: 0.95, y: 0.5 },
      stored.crops,
    );
    expect(moved.v).toBe(2);
    expect(moved.widths).toEqual(stored.crops.widths);
    const blue = await centre(path.join(folder, '1x1-320.webp'));
    expect(blue.b).toBeGreaterThan(150);
    expect(blue.r).toBeLessThan(100);
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
