/** Shared SVG drawing helpers and the drawing context for the demo photo painters. */
import type { DemoScene } from './types.ts';

/** Drawing context handed to motif painters: canvas size, seeded randomness and palette. */
export interface Ctx {
  W: number;
  H: number;
  light: DemoScene['light'];
  night: boolean;
  /** Dusk or night: lamps and windows are lit. */
  dim: boolean;
  rand: () => number;
  range: (a: number, b: number) => number;
  int: (a: number, b: number) => number;
  pick: <T>(xs: readonly T[]) => T;
  chance: (p: number) => boolean;
  /** A daylight colour adjusted for the light; depth 0 fades into the horizon haze. */
  col: (hex: string, depth?: number) => string;
  mix: (a: string, b: string, t: number) => string;
  /** Warm colour for lamps and lit windows. */
  glow: string;
  horizon: string;
  sun: { x: number; y: number; r: number; color: string };
}

export type Pt = [number, number];

/** Rounds to one decimal so the SVG stays compact. */
export function r1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Template tag for SVG path data that rounds every interpolated number. */
export function d(parts: TemplateStringsArray, ...vals: number[]): string {
  return parts.reduce(
    (out, part, i) => out + part + (i < vals.length ? r1(vals[i] as number) : ''),
    '',
  );
}

/** An SVG circle element. */
export function circle(x: number, y: number, r: number, fill: string, opacity = 1): string {
  const op = opacity < 1 ? ` opacity="${r1(opacity)}"` : '';
  return `<circle cx="${r1(x)}" cy="${r1(y)}" r="${r1(r)}" fill="${fill}"${op}/>`;
}

/** An SVG rect element; `extra` carries further attributes. */
export function rect(x: number, y: number, w: number, h: number, fill: string, extra = ''): string {
  return `<rect x="${r1(x)}" y="${r1(y)}" width="${r1(w)}" height="${r1(h)}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
}

/** An SVG polygon from flat [x0, y0, x1, y1, ...] coordinates. */
export function poly(pts: number[], fill: string, extra = ''): string {
  return `<polygon points="${pts.map(r1).join(' ')}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
}

/** An SVG path element. */
export function path(data: string, fill: string, extra = ''): string {
  return `<path d="${data}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
}

/** A stroked, unfilled path. */
export function line(data: string, stroke: string, width: number, extra = ''): string {
  return path(
    data,
    'none',
    `stroke="${stroke}" stroke-width="${r1(width)}" stroke-linecap="round"${extra ? ` ${extra}` : ''}`,
  );
}

/** Path data for a smooth curve through points (quadratic midpoints). */
export function smooth(pts: Pt[]): string {
  const [first, ...rest] = pts;
  if (!first) return '';
  let out = `M${r1(first[0])} ${r1(first[1])}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const [x, y] = rest[i] as Pt;
    const [nx, ny] = rest[i + 1] as Pt;
    out += `Q${r1(x)} ${r1(y)} ${r1((x + nx) / 2)} ${r1((y + ny) / 2)}`;
  }
  const last = rest.at(-1);
  return last ? `${out}L${r1(last[0])} ${r1(last[1])}` : out;
}

/** Random ridge points across the full width around `y`. */
export function ridgePts(ctx: Ctx, y: number, amp: number, step = 170): Pt[] {
  const pts: Pt[] = [];
  for (let x = -80; x < ctx.W + 160; x += step * ctx.range(0.7, 1.3)) {
    pts.push([x, y - amp * ctx.rand()]);
  }
  return pts;
}

/** A filled range of smooth hills from `y` down to the bottom of the picture. */
export function ridge(ctx: Ctx, y: number, amp: number, fill: string, step = 170): string {
  const top = smooth(ridgePts(ctx, y, amp, step));
  return path(`${top}L${ctx.W + 200} ${ctx.H}L-80 ${ctx.H}Z`, fill);
}

/** A flat cartoon cloud: overlapping circles on a rounded base. */
export function cloud(ctx: Ctx, x: number, y: number, s: number, fill: string, op: number): string {
  const bumps = ctx.int(3, 5);
  const parts: string[] = [];
  for (let i = 0; i < bumps; i++) {
    const r = (i === 0 || i === bumps - 1 ? 30 : ctx.range(38, 56)) * s;
    parts.push(circle(x + (i - (bumps - 1) / 2) * 48 * s, y - r * 0.4, r, fill));
  }
  const w = (bumps * 48 + 40) * s;
  parts.push(rect(x - w / 2, y - 12 * s, w, 24 * s, fill, `rx="${r1(12 * s)}"`));
  return `<g opacity="${op}">${parts.join('')}</g>`;
}

/** A broadleaf tree: trunk plus a three-lobed canopy with a sunlit side. */
export function roundTree(
  ctx: Ctx,
  x: number,
  y: number,
  h: number,
  depth: number,
  green = '#3f7d3a',
): string {
  const lobes: [number, number, number][] = [
    [0, -0.66, 0.3],
    [-0.22, -0.5, 0.22],
    [0.22, -0.52, 0.24],
  ];
  const leaf = ctx.col(green, depth);
  const lit = ctx.col(ctx.mix(green, '#d7e87a', 0.3), depth);
  const side = ctx.sun.x < x ? -1 : 1;
  return (
    rect(x - h * 0.04, y - h * 0.45, h * 0.08, h * 0.45, ctx.col('#5a3d2b', depth)) +
    lobes.map(([dx, dy, r]) => circle(x + dx * h, y + dy * h, r * h, leaf)).join('') +
    circle(x + side * 0.08 * h, y - 0.72 * h, 0.17 * h, lit, 0.55)
  );
}

/** A coconut palm with a curved trunk and drooping fronds. */
export function palm(ctx: Ctx, x: number, y: number, h: number, lean: number, depth = 1): string {
  const tx = x + lean;
  const ty = y - h;
  const mx = x + lean * 0.15;
  const my = y - h * 0.5;
  const w = h * 0.022;
  const trunk = path(
    `M${r1(x - w * 1.6)} ${r1(y)}Q${r1(mx - w)} ${r1(my)} ${r1(tx - w * 0.7)} ${r1(ty)}` +
      `L${r1(tx + w * 0.7)} ${r1(ty)}Q${r1(mx + w)} ${r1(my)} ${r1(x + w * 1.6)} ${r1(y)}Z`,
    ctx.col('#7a5d40', depth),
  );
  const fronds: string[] = [];
  const n = 9;
  for (let i = 0; i < n; i++) {
    const a = Math.PI * (0.98 + (i / (n - 1)) * 1.04) + ctx.range(-0.08, 0.08);
    const len = h * ctx.range(0.36, 0.46);
    const ex = tx + Math.cos(a) * len;
    const ey = ty + Math.sin(a) * len * 0.5 + len * 0.42;
    const cx = tx + Math.cos(a) * len * 0.55;
    const cy = ty + Math.sin(a) * len * 0.7 - len * 0.08;
    const px = -Math.sin(a) * len * 0.09;
    const py = Math.cos(a) * len * 0.09;
    const green = ctx.col(i % 2 ? '#3d7a35' : '#4d8c3c', depth);
    fronds.push(
      path(
        `M${r1(tx)} ${r1(ty)}Q${r1(cx + px)} ${r1(cy + py)} ${r1(ex)} ${r1(ey)}` +
          `Q${r1(cx - px)} ${r1(cy - py)} ${r1(tx)} ${r1(ty)}Z`,
        green,
      ),
    );
  }
  const nuts = [-1, 0, 1].map((k) =>
    circle(tx + k * w * 1.6, ty + w * 1.8, w * 1.3, ctx.col('#6b5a2a', depth)),
  );
  return trunk + nuts.join('') + fronds.join('');
}

/** Windows on a building face as two compound paths: lit and dark. */
export function windows(
  ctx: Ctx,
  x: number,
  y: number,
  w: number,
  h: number,
  base: string,
  depth: number,
): string {
  const cols = Math.floor((w - 14) / 22);
  const rows = Math.floor((h - 24) / 30);
  if (cols < 1 || rows < 1) return '';
  const ox = x + (w - cols * 22 + 10) / 2;
  const litP: string[] = [];
  const darkP: string[] = [];
  const pLit = ctx.night ? 0.45 : ctx.light === 'dusk' ? 0.25 : 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const cell = `M${r1(ox + c * 22)} ${r1(y + 16 + r * 30)}h12v17h-12Z`;
      (ctx.chance(pLit) ? litP : darkP).push(cell);
    }
  }
  const dark = ctx.dim ? ctx.col('#22304c', depth) : ctx.col(ctx.mix(base, '#dcebf7', 0.55), depth);
  return path(darkP.join(''), dark) + (litP.length ? path(litP.join(''), ctx.glow) : '');
}

/** Open water from the horizon down, with a sun/moon glitter path and wave marks. */
export function water(ctx: Ctx, hy: number, deep = '#1d5a78'): string {
  const { W, H, sun } = ctx;
  const top = ctx.mix(ctx.col(deep, 0.5), ctx.horizon, 0.45);
  const parts = [
    `<defs><linearGradient id="water" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/>` +
      `<stop offset="1" stop-color="${ctx.col(deep)}"/></linearGradient></defs>`,
    rect(0, hy, W, H - hy, 'url(#water)'),
  ];
  for (let i = 0; i < 34; i++) {
    const t = i / 33;
    const y = hy + 3 + t ** 1.5 * (H - hy - 10);
    const w = ctx.range(20, 90) * (1 + t * 3);
    parts.push(
      rect(
        sun.x - w / 2 + ctx.range(-30, 30) * (1 + t * 2),
        y,
        w,
        2 + t * 5,
        sun.color,
        `opacity="${r1(0.55 - t * 0.35)}"`,
      ),
    );
  }
  const foam = ctx.mix(ctx.col('#ffffff', 0.8), ctx.col(deep), 0.35);
  for (let k = 0; k < 16; k++) {
    const t = (k + 0.5) / 16;
    const y = hy + 14 + t ** 1.7 * (H - hy - 20);
    const s = 0.4 + t * 2.2;
    for (let j = ctx.int(3, 6); j > 0; j--) {
      const x = ctx.range(-40, W);
      parts.push(
        line(
          `M${r1(x)} ${r1(y)}q${r1(18 * s)} ${r1(-6 * s)} ${r1(36 * s)} 0`,
          foam,
          1.2 + s,
          'opacity="0.55"',
        ),
      );
    }
  }
  return parts.join('');
}

/** A Balinese jukung outrigger canoe with a lateen sail; origin at the waterline centre. */
export function jukung(ctx: Ctx, x: number, y: number, s: number): string {
  const flip = ctx.chance(0.5) ? -1 : 1;
  const hull = ctx.col('#f3efe6');
  const trim = ctx.col(ctx.pick(['#d8432f', '#1f6fb2', '#f0b429', '#2e9a5e']));
  const sail = ctx.col(ctx.pick(['#e8543a', '#f2b134', '#f4ede0', '#e34b8a', '#3a8fd0']));
  const wood = ctx.col('#6b4a2e');
  const arms = [-95, 85]
    .map((ax) => line(`M${ax} -14C${ax - 6} -48 ${ax + 34} -46 ${ax + 30} 34`, wood, 5))
    .join('');
  return (
    `<g transform="translate(${r1(x)} ${r1(y)}) scale(${r1(s * flip)} ${r1(s)})">` +
    `<ellipse cx="0" cy="40" rx="230" ry="16" fill="#000" opacity="0.18"/>` +
    rect(-175, -4, 330, 9, wood, 'rx="4"') +
    path(
      'M-190 -30Q-178 -8 -150 -6L110 -6Q150 -8 200 -44Q178 0 120 22Q0 40 -120 22Q-172 10 -190 -30Z',
      hull,
    ) +
    path(
      'M-182 -20Q-170 -4 -150 -2L112 -2Q150 -4 190 -32L184 -22Q150 4 112 6L-150 6Q-172 4 -182 -20Z',
      trim,
    ) +
    line('M-10 -6L-6 -250', wood, 5) +
    path('M-4 -246Q60 -150 150 -56L-150 -40Q-60 -120 -4 -246Z', sail) +
    line('M-4 -246L150 -56', ctx.col('#5a3b22'), 3) +
    arms +
    rect(-190, 32, 380, 9, ctx.col('#8a6a45'), 'rx="4.5"') +
    '</g>'
  );
}

/** A volcanic cone with a shaded flank, gullies and (optionally) a smoke plume. */
export function volcano(ctx: Ctx, px: number, top: number, depth: number, smoke: boolean): string {
  const base = 660;
  const rock = ctx.col('#6f7d93', depth);
  const shade = ctx.col('#55627a', depth);
  const s = ctx.sun.x < px ? 1 : -1;
  const parts = [
    path(
      `M${r1(px - 780)} ${base}C${r1(px - 330)} ${base - 70} ${r1(px - 150)} ${r1(top + 130)} ${r1(px - 50)} ${r1(top)}L${r1(px - 16)} ${r1(top + 12)}L${r1(px + 14)} ${r1(top + 6)}L${r1(px + 48)} ${r1(top + 2)}C${r1(px + 150)} ${r1(top + 140)} ${r1(px + 340)} ${base - 80} ${r1(px + 800)} ${base}Z`,
      rock,
    ),
    path(
      `M${r1(px + s * 48)} ${r1(top + 2)}C${r1(px + s * 150)} ${r1(top + 140)} ${r1(px + s * 340)} ${base - 80} ${r1(px + s * 800)} ${base}L${r1(px + s * 120)} ${base}Q${r1(px + s * 30)} ${r1(top + 220)} ${r1(px + s * 48)} ${r1(top + 2)}Z`,
      shade,
    ),
  ];
  for (let i = -3; i <= 3; i++) {
    const x0 = px + i * 14;
    const x1 = px + i * ctx.range(70, 110);
    parts.push(
      line(
        `M${r1(x0)} ${r1(top + 30)}Q${r1(x0 + i * 20)} ${r1(top + 160)} ${r1(x1)} ${r1(top + ctx.range(220, 300))}`,
        shade,
        3,
        'opacity="0.7"',
      ),
    );
  }
  if (smoke) {
    const drift = ctx.pick([-1, 1]);
    for (let k = 0; k < 4; k++) {
      parts.push(
        cloud(
          ctx,
          px + drift * (20 + k * 60),
          top - 30 - k * 34,
          0.45 + k * 0.15,
          ctx.col('#e9e6e2', 0.6),
          0.85 - k * 0.15,
        ),
      );
    }
  }
  return parts.join('');
}
