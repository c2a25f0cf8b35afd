import { type Ctx, circle, cloud, r1 } from './image-kit.ts';
import { MOTIFS } from './image-motifs.ts';
import type { DemoScene } from './types.ts';

const W = 1600;
const H = 900;

interface Palette {
  /** Sky gradient stops from top to horizon. */
  sky: [string, string, string];
  /** Colour every painted surface is nudged towards, and how far. */
  tint: string;
  tintAmount: number;
  /** Atmospheric haze that distant layers fade into. */
  haze: string;
  /** Sun (or moon at night) colour, position and size. */
  sun: string;
  sunY: number;
  sunR: number;
  cloud: string;
  cloudOpacity: number;
}

const PALETTES: Record<DemoScene['light'], Palette> = {
  morning: {
    sky: ['#86afd8', '#e9c8b4', '#ffe0bd'],
    tint: '#ffd2a8',
    tintAmount: 0.12,
    haze: '#efd2c4',
    sun: '#fff1cf',
    sunY: 360,
    sunR: 54,
    cloud: '#fff3e6',
    cloudOpacity: 0.85,
  },
  noon: {
    sky: ['#2f86d3', '#79b9e8', '#cbe8f8'],
    tint: '#ffffff',
    tintAmount: 0,
    haze: '#c4e2f5',
    sun: '#fffdf0',
    sunY: 110,
    sunR: 44,
    cloud: '#ffffff',
    cloudOpacity: 0.95,
  },
  dusk: {
    sky: ['#2b2a5c', '#9c4d77', '#f79a4c'],
    tint: '#6b2f55',
    tintAmount: 0.32,
    haze: '#8c4d72',
    sun: '#ffd27a',
    sunY: 440,
    sunR: 78,
    cloud: '#e07a6a',
    cloudOpacity: 0.7,
  },
  night: {
    sky: ['#040a1c', '#0d1a3a', '#1f3462'],
    tint: '#0a1430',
    tintAmount: 0.7,
    haze: '#1b2b55',
    sun: '#f3f0da',
    sunY: 150,
    sunR: 38,
    cloud: '#3a4a72',
    cloudOpacity: 0.5,
  },
};

/** Deterministic 32-bit hash of a string (cyrb53 folded to 32 bits). */
function hash(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  return h1 >>> 0;
}

/** mulberry32: tiny seeded PRNG returning floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function parseHex(hex: string): [number, number, number] {
  const v = Number.parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** Linear blend of two #rrggbb colours; t=0 gives `a`, t=1 gives `b`. */
function mix(a: string, b: string, t: number): string {
  const ca = parseHex(a);
  const cb = parseHex(b);
  const out = ca.map((c, i) => Math.round(c + ((cb[i] ?? 0) - c) * t));
  return `#${out.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

function makeCtx(scene: DemoScene, seed: string): Ctx {
  const rand = mulberry32(hash(`${scene.motif}|${scene.light}|${seed}`));
  const p = PALETTES[scene.light];
  const range = (a: number, b: number) => a + (b - a) * rand();
  const horizon = p.sky[2];
  return {
    W,
    H,
    light: scene.light,
    night: scene.light === 'night',
    dim: scene.light === 'night' || scene.light === 'dusk',
    rand,
    range,
    int: (a, b) => Math.floor(range(a, b + 1)),
    pick: (xs) => xs[Math.floor(rand() * xs.length)] as (typeof xs)[number],
    chance: (q) => rand() < q,
    col: (hex, depth = 1) => {
      const tinted = mix(hex, p.tint, p.tintAmount);
      return mix(tinted, p.haze, (1 - depth) * 0.65);
    },
    mix,
    glow: scene.light === 'night' ? '#ffd27a' : '#ffe3a3',
    horizon,
    sun: { x: 0, y: p.sunY, r: p.sunR, color: p.sun },
  };
}

function skyLayer(ctx: Ctx, p: Palette): string {
  const { rand, range } = ctx;
  const parts: string[] = [
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">` +
      `<stop offset="0" stop-color="${p.sky[0]}"/><stop offset="0.55" stop-color="${p.sky[1]}"/>` +
      `<stop offset="1" stop-color="${p.sky[2]}"/></linearGradient>` +
      `<radialGradient id="sunglow"><stop offset="0" stop-color="${p.sun}" stop-opacity="0.75"/>` +
      `<stop offset="1" stop-color="${p.sun}" stop-opacity="0"/></radialGradient>` +
      `<radialGradient id="lamp"><stop offset="0" stop-color="${ctx.glow}" stop-opacity="0.6"/>` +
      `<stop offset="1" stop-color="${ctx.glow}" stop-opacity="0"/></radialGradient>` +
      `<radialGradient id="vignette" cx="0.5" cy="0.45" r="0.75">` +
      `<stop offset="0.6" stop-color="#000" stop-opacity="0"/>` +
      `<stop offset="1" stop-color="#000" stop-opacity="0.28"/></radialGradient></defs>`,
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>`,
  ];
  const { sun } = ctx;
  if (ctx.night) {
    for (let i = 0; i < 140; i++) {
      const x = range(0, W);
      const y = range(0, 520) * rand();
      const r = rand() < 0.08 ? range(1.8, 2.6) : range(0.7, 1.5);
      parts.push(circle(x, y, r, '#fffbe8', range(0.4, 1)));
    }
    parts.push(circle(sun.x, sun.y, sun.r * 3.2, 'url(#sunglow)', 0.35));
    const a = (70 * Math.PI) / 180;
    const [tx, ty] = [sun.x + sun.r * Math.cos(a), sun.r * Math.sin(a)];
    parts.push(
      `<path d="M${r1(tx)} ${r1(sun.y - ty)}A${sun.r} ${sun.r} 0 1 0 ${r1(tx)} ${r1(sun.y + ty)}` +
        `A${r1(sun.r * 1.1)} ${r1(sun.r * 1.1)} 0 0 1 ${r1(tx)} ${r1(sun.y - ty)}Z" fill="${sun.color}"/>`,
    );
  } else {
    parts.push(circle(sun.x, sun.y, sun.r * 4, 'url(#sunglow)'));
    parts.push(circle(sun.x, sun.y, sun.r, sun.color));
  }
  const clouds = ctx.int(2, 4);
  for (let i = 0; i < clouds; i++) {
    parts.push(cloud(ctx, range(0, W), range(70, 330), range(0.7, 1.4), p.cloud, p.cloudOpacity));
  }
  return parts.join('');
}

/**
 * The SVG source of a demo photo. Pure and deterministic: the same scene and seed always give
 * the same string. Self-contained (no text, fonts, scripts or external references).
 */
export function demoPhotoSvg(scene: DemoScene, seed: string): string {
  const ctx = makeCtx(scene, seed);
  const palette = PALETTES[scene.light];
  ctx.sun.x =
    scene.light === 'noon'
      ? ctx.range(250, 1350)
      : ctx.pick([ctx.range(220, 560), ctx.range(1040, 1380)]);
  const sky = skyLayer(ctx, palette);
  const body = MOTIFS[scene.motif](ctx);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
    `${sky}${body}<rect width="${W}" height="${H}" fill="url(#vignette)"/></svg>`
  );
}
