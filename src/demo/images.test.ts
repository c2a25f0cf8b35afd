import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { demoPhotoSvg } from './images.ts';
import { storeDemoPhoto } from './photos.ts';
import type { DemoScene } from './types.ts';

const MOTIFS: DemoScene['motif'][] = [
  'sea',
  'rice-field',
  'city',
  'temple',
  'market',
  'stadium',
  'mountain',
  'stage',
  'meeting',
  'harbor',
  'road',
  'forest',
];
const LIGHTS: DemoScene['light'][] = ['morning', 'noon', 'dusk', 'night'];

describe('demoPhotoSvg', () => {
  it('is deterministic for a seed and varies between seeds', () => {
    const scene: DemoScene = { motif: 'sea', light: 'dusk' };
    expect(demoPhotoSvg(scene, 'story-1')).toBe(demoPhotoSvg(scene, 'story-1'));
    expect(demoPhotoSvg(scene, 'story-1')).not.toBe(demoPhotoSvg(scene, 'story-2'));
  });

  it('is self-contained: no scripts, links, text or external references', () => {
    for (const motif of MOTIFS) {
      for (const light of LIGHTS) {
        const svg = demoPhotoSvg({ motif, light }, `${motif}-${light}`);
        expect(svg).toMatch(/^<svg [^>]*width="1600" height="900"/);
        expect(svg).not.toMatch(/<script|href=|<text|<image|<foreignObject|url\((?!#)/i);
        expect(svg).not.toMatch(/NaN|undefined/);
      }
    }
  });
});

describe('storeDemoPhoto', () => {
  it('every motif in every light rasterises', async () => {
    for (const motif of MOTIFS) {
      for (const light of LIGHTS) {
        const svg = Buffer.from(demoPhotoSvg({ motif, light }, 'seed'));
        const meta = await sharp(svg, { density: 7.2 }).png().toBuffer({ resolveWithObject: true });
        expect([motif, light, meta.info.width, meta.info.height]).toEqual([motif, light, 160, 90]);
      }
    }
  }, 60_000);

  it('writes a 1280×720 original and WebP and JPEG variants, and nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warta-demo-photo-'));
    try {
      const photo = await storeDemoPhoto(dir, 'x-story-1', { motif: 'harbor', light: 'dusk' });
      expect(photo).toMatchObject({ storageKey: 'demo-x-story-1', width: 1280, height: 720 });
      expect(photo.variants).toEqual({
        webp: [320, 480, 640, 960, 1280],
        jpeg: [320, 480, 640, 960, 1280],
      });
      const files = readdirSync(join(dir, 'demo-x-story-1')).sort();
      expect(files).toHaveLength(11);
      expect(files).toContain('original.jpg');
      const meta = await sharp(join(dir, 'demo-x-story-1', '640.webp')).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['webp', 640, 360]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
