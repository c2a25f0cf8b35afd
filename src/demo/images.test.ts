import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { demoPhotoSvg, renderDemoPhoto } from './images.ts';
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

describe('renderDemoPhoto', () => {
  it('renders every motif in every light to a 1600×900 JPEG', async () => {
    for (const motif of MOTIFS) {
      for (const light of LIGHTS) {
        const jpeg = await renderDemoPhoto({ motif, light }, 'seed');
        const meta = await sharp(jpeg).metadata();
        expect([motif, light, meta.format, meta.width, meta.height]).toEqual([
          motif,
          light,
          'jpeg',
          1600,
          900,
        ]);
      }
    }
  }, 60_000);
});
