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

type Pt = [number, number];

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

function sea(ctx: Ctx): string {
  const hy = ctx.range(500, 545);
  const parts = [water(ctx, hy)];
  for (let i = ctx.int(1, 3); i > 0; i--) {
    const x = ctx.range(0, ctx.W);
    const w = ctx.range(160, 420);
    const h = ctx.range(18, 60);
    parts.unshift(
      path(
        `M${r1(x - w / 2)} ${r1(hy)}Q${r1(x - w / 5)} ${r1(hy - h)} ${r1(x)} ${r1(hy - h)}Q${r1(x + w / 4)} ${r1(hy - h)} ${r1(x + w / 2)} ${r1(hy)}Z`,
        ctx.col('#4d6f7d', 0.15),
      ),
    );
  }
  parts.push(jukung(ctx, ctx.range(500, 1100), ctx.range(hy + 40, hy + 70), 0.28));
  parts.push(jukung(ctx, ctx.range(350, 1250), ctx.range(740, 800), ctx.range(0.85, 1.05)));
  return parts.join('');
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

/** A small village house: white wall, terracotta roof. */
function house(ctx: Ctx, x: number, y: number, s: number, depth: number): string {
  return (
    rect(x - 22 * s, y - 20 * s, 44 * s, 20 * s, ctx.col('#efe6d6', depth)) +
    poly(
      [x - 30 * s, y - 18 * s, x, y - 40 * s, x + 30 * s, y - 18 * s],
      ctx.col('#b4532f', depth),
    ) +
    rect(x - 5 * s, y - 13 * s, 10 * s, 13 * s, ctx.col('#6b4a2e', depth))
  );
}

function riceField(ctx: Ctx): string {
  const { W, H } = ctx;
  const parts: string[] = [];
  if (ctx.chance(0.6))
    parts.push(volcano(ctx, ctx.range(300, 1300), ctx.range(250, 310), 0.05, false));
  parts.push(ridge(ctx, 480, 70, ctx.col('#5d8f6a', 0.25), 220));
  parts.push(ridge(ctx, 525, 40, ctx.col('#4a8549', 0.5), 180));
  for (let x = ctx.range(-20, 40); x < W; x += ctx.range(30, 110)) {
    parts.push(roundTree(ctx, x, ctx.range(525, 545), ctx.range(40, 75), 0.5));
  }
  const greens = ['#8bbf45', '#a6cf4f', '#6fae3c', '#b9d65c', '#7cb843'];
  const phase = ctx.range(0, 6);
  const tilt = ctx.range(-0.05, 0.05);
  const bands = ctx.int(7, 9);
  let y = 545;
  for (let i = 0; i < bands; i++) {
    const t = i / (bands - 1);
    const amp = 8 + t * 40;
    const pts: Pt[] = [];
    for (let x = -80; x <= W + 240; x += 160) {
      pts.push([x, y + Math.sin(phase + x / (240 + i * 50) + i * 0.8) * amp + (x - 800) * tilt]);
    }
    const edge = smooth(pts);
    const flooded = i > 0 && ctx.chance(0.22);
    const depth = 0.5 + t * 0.5;
    const fill = flooded
      ? ctx.mix(ctx.col('#86b9c2', depth), ctx.horizon, 0.2)
      : ctx.col(greens[i % greens.length] as string, depth);
    parts.push(path(`${edge}L${W + 240} ${H}L-80 ${H}Z`, fill));
    const rows = smooth(pts.map(([x, py]) => [x, py + 10 + t * 22]));
    const dash = flooded ? ' stroke-dasharray="2 9"' : '';
    parts.push(line(rows, ctx.col('#4e8a32', depth), 2 + t * 3, `opacity="0.45"${dash}`));
    parts.push(line(edge, ctx.col('#dceba0', depth), 2 + t * 4, 'opacity="0.85"'));
    y += 22 + t * t * 95;
  }
  const left = ctx.chance(0.5);
  parts.push(
    house(ctx, left ? ctx.range(900, 1300) : ctx.range(300, 700), ctx.range(610, 640), 1.2, 0.7),
  );
  const px = left ? ctx.range(120, 360) : ctx.range(1240, 1480);
  parts.push(
    palm(ctx, px, ctx.range(840, 900), ctx.range(440, 520), (left ? 1 : -1) * ctx.range(30, 90)),
  );
  return parts.join('');
}

function mountain(ctx: Ctx): string {
  const { W } = ctx;
  const px = ctx.range(560, 1040);
  const top = ctx.range(160, 230);
  const parts = [volcano(ctx, px, top, 0.3, true)];
  for (let i = ctx.int(3, 5); i > 0; i--) {
    parts.push(
      cloud(
        ctx,
        ctx.range(0, W),
        ctx.range(470, 540),
        ctx.range(1.1, 1.8),
        ctx.col('#f4f1ec', 0.5),
        0.8,
      ),
    );
  }
  parts.push(ridge(ctx, 600, 90, ctx.col('#58876a', 0.45), 240));
  for (let i = ctx.int(3, 7); i > 0; i--)
    parts.push(house(ctx, ctx.range(100, 1500), ctx.range(640, 660), 0.8, 0.6));
  parts.push(ridge(ctx, 700, 70, ctx.col('#467f48', 0.7), 200));
  for (let x = ctx.range(-20, 60); x < W; x += ctx.range(50, 160)) {
    parts.push(roundTree(ctx, x, ctx.range(700, 730), ctx.range(60, 100), 0.75));
  }
  parts.push(ridge(ctx, 820, 60, ctx.col('#3a6f3a', 0.95), 260));
  return parts.join('');
}

function forest(ctx: Ctx): string {
  const { W, H } = ctx;
  const greens = ['#4f8a6a', '#3f7f55', '#2f7044', '#235f35', '#1a4a28'];
  const parts = [
    `<defs><linearGradient id="mist" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${ctx.horizon}" stop-opacity="0"/>` +
      `<stop offset="1" stop-color="${ctx.horizon}" stop-opacity="0.35"/></linearGradient></defs>`,
  ];
  if (!ctx.dim) {
    for (let i = 0; i < 5; i++) {
      const x = ctx.sun.x + ctx.range(-200, 200);
      parts.push(
        poly(
          [x - 20, -10, x + 20, -10, x + 260 + i * 90, H, x + 120 + i * 60, H],
          '#fff6dc',
          'opacity="0.1"',
        ),
      );
    }
  }
  for (let l = 0; l < 5; l++) {
    const depth = 0.3 + l * 0.175;
    const base = 400 + l * 110;
    const fill = ctx.col(greens[l] as string, depth);
    const blobs: string[] = [];
    for (let x = -60; x < W + 60; x += ctx.range(40, 70) + l * 15) {
      const r = ctx.range(40, 70) + l * 18;
      blobs.push(circle(x, base - ctx.range(0, 50 + l * 10), r, fill));
      if (l === 1 && ctx.chance(0.12)) {
        const h = ctx.range(120, 200);
        blobs.push(rect(x - 7, base - h, 14, h, ctx.col('#4a3a2c', depth)));
        for (const dx of [-50, 0, 50])
          blobs.push(circle(x + dx, base - h + (dx ? 8 : -8), 40, fill));
      }
    }
    parts.push(blobs.join(''), rect(-10, base, W + 20, H - base + 10, fill));
    if (l < 4) parts.push(rect(-10, base - 40, W + 20, 120, 'url(#mist)'));
  }
  const trunk = ctx.col('#2e241c');
  for (const x of [
    ctx.range(40, 200),
    ctx.range(1380, 1540),
    ...(ctx.chance(0.5) ? [ctx.range(300, 1300)] : []),
  ]) {
    const w = ctx.range(36, 70);
    parts.push(poly([x - w / 2, H, x + w / 2, H, x + w * 0.35, -10, x - w * 0.35, -10], trunk));
  }
  for (let i = ctx.int(4, 7); i > 0; i--)
    parts.push(fern(ctx, ctx.range(0, W), H + 10, ctx.range(90, 150)));
  return parts.join('');
}

/** A fan of arching fern fronds rooted at (x, y). */
function fern(ctx: Ctx, x: number, y: number, s: number): string {
  const out: string[] = [];
  for (let i = 0; i < 7; i++) {
    const a = Math.PI * (1.1 + i * 0.13);
    const ex = x + Math.cos(a) * s * 1.3;
    const ey = y + Math.sin(a) * s * 0.7;
    out.push(
      line(
        `M${r1(x)} ${r1(y)}Q${r1(x + Math.cos(a) * s * 0.6)} ${r1(y + Math.sin(a) * s * 1.3)} ${r1(ex)} ${r1(ey)}`,
        ctx.col(i % 2 ? '#2f6b34' : '#3f7f3c'),
        9,
        'stroke-dasharray="14 3"',
      ),
    );
  }
  return out.join('');
}

function road(ctx: Ctx): string {
  const { W, H } = ctx;
  const hy = ctx.range(500, 540);
  const vx = 800 + ctx.range(-170, 170);
  const parts = [ridge(ctx, hy - 10, 70, ctx.col('#6b8fa0', 0.1), 260)];
  // A cable-stayed bridge crossing the valley far away.
  const bx = ctx.pick([ctx.range(150, 450), ctx.range(1150, 1450)]);
  const by = hy - 36;
  const steel = ctx.col('#e4e6ea', 0.35);
  parts.push(rect(bx - 420, by, 840, 9, steel));
  for (const px of [bx - 180, bx + 180]) {
    parts.push(rect(px - 5, by - 150, 10, 190, steel));
    for (let k = 1; k <= 6; k++) {
      parts.push(
        line(
          d`M${px} ${by - 145}L${px - k * 32} ${by}M${px} ${by - 145}L${px + k * 32} ${by}`,
          steel,
          1.5,
        ),
      );
    }
  }
  parts.push(ridge(ctx, hy + 30, 40, ctx.col('#5a8a4f', 0.45), 200));
  parts.push(rect(-10, hy + 25, W + 20, H - hy, ctx.col('#6fa346', 0.75)));
  const at = (t: number) => ({
    y: hy + 25 + (H - hy - 25) * t,
    l: vx - 8 + (250 - vx) * t,
    r: vx + 8 + (1350 - vx) * t,
  });
  parts.push(poly([vx - 8, hy + 25, vx + 8, hy + 25, 1350, H, 250, H], ctx.col('#4d5058')));
  parts.push(
    line(
      d`M${vx - 6} ${hy + 26}L${290} ${H}M${vx + 6} ${hy + 26}L${1310} ${H}`,
      ctx.col('#f2f2ee'),
      5,
    ),
  );
  const N = 14;
  for (let k = 0; k < N; k++) {
    const [a, b] = [at((k / N) ** 2.2), at(((k + 0.5) / N) ** 2.2)];
    const [ca, cb] = [(a.l + a.r) / 2, (b.l + b.r) / 2];
    const [wa, wb] = [1 + (a.r - a.l) / 90, 1 + (b.r - b.l) / 90];
    parts.push(poly([ca - wa, a.y, ca + wa, a.y, cb + wb, b.y, cb - wb, b.y], ctx.col('#f5d547')));
  }
  let prev: { x: number; y: number } | null = null;
  for (let k = 1; k <= 7; k++) {
    const p = at((k / 7) ** 2);
    const h = 30 + 330 * (k / 7) ** 2;
    const x = p.r + 25 + h * 0.3;
    const pole = ctx.col('#5b4a3a');
    parts.push(
      line(
        d`M${x} ${p.y}L${x} ${p.y - h}M${x - h * 0.12} ${p.y - h * 0.9}L${x + h * 0.12} ${p.y - h * 0.9}`,
        pole,
        2 + h / 60,
      ),
    );
    if (prev)
      parts.push(
        line(
          d`M${prev.x} ${prev.y}Q${(prev.x + x) / 2} ${(prev.y + p.y - h * 0.9) / 2 + 20} ${x} ${p.y - h * 0.9}`,
          pole,
          1.2,
          'opacity="0.7"',
        ),
      );
    prev = { x, y: p.y - h * 0.9 };
    parts.push(
      roundTree(ctx, p.l - 40 - h * 0.5, p.y, h * ctx.range(0.6, 0.9), 0.6 + 0.4 * (k / 7)),
    );
  }
  return parts.join('');
}

function harbor(ctx: Ctx): string {
  const { W, H } = ctx;
  const hy = ctx.range(500, 530);
  const parts = [ridge(ctx, hy, 50, ctx.col('#4e6f7a', 0.12), 260), water(ctx, hy, '#245d73')];
  const left = ctx.chance(0.5);
  const cx0 = left ? ctx.range(180, 420) : ctx.range(1050, 1250);
  parts.push(rect(cx0 - 120, hy - 30, 560, 36, ctx.col('#8a8f96', 0.4)));
  const boxes = ['#c8402e', '#2f6fae', '#e0a030', '#3c8c5a', '#8a4aa0', '#d06a30'];
  for (let i = 0; i < 22; i++) {
    const x = cx0 - 100 + (i % 11) * 44;
    const y = hy - 52 - Math.floor(i / 11) * 22 - (ctx.chance(0.3) ? 22 : 0);
    parts.push(rect(x, y, 42, 21, ctx.col(ctx.pick(boxes), 0.4)));
  }
  for (let c = 0; c < 3; c++) {
    const x = cx0 + c * 150;
    const col = ctx.col(ctx.pick(['#d9a43a', '#c8402e', '#3b78b0']), 0.45);
    const legs = d`M${x} ${hy - 30}L${x + 10} ${hy - 250}M${x + 60} ${hy - 30}L${x + 50} ${hy - 250}M${x} ${hy - 140}L${x + 60} ${hy - 140}`;
    parts.push(
      line(legs, col, 7),
      rect(x - 60, hy - 262, 250, 12, col),
      line(
        d`M${x + 30} ${hy - 250}L${x + 30} ${hy - 320}L${x - 60} ${hy - 262}M${x + 30} ${hy - 320}L${x + 190} ${hy - 262}`,
        col,
        3,
      ),
    );
  }
  // Ferry.
  const fx = left ? ctx.range(900, 1250) : ctx.range(350, 700);
  const fy = hy + ctx.range(45, 75);
  const hull = ctx.col(ctx.pick(['#1f3b63', '#2b2f36', '#1d5a43']));
  parts.push(
    `<ellipse cx="${r1(fx)}" cy="${r1(fy + 8)}" rx="300" ry="12" fill="#000" opacity="0.2"/>`,
    path(
      d`M${fx - 290} ${fy - 50}L${fx + 270} ${fy - 50}L${fx + 300} ${fy - 70}L${fx + 250} ${fy}L${fx - 270} ${fy}Z`,
      hull,
    ),
    rect(fx - 275, fy - 14, 540, 8, ctx.col('#c8402e')),
    rect(fx - 230, fy - 92, 420, 42, ctx.col('#f4f2ec')),
    rect(fx - 180, fy - 126, 300, 34, ctx.col('#e9e7e1')),
    rect(fx - 110, fy - 150, 150, 24, ctx.col('#dddbd4')),
  );
  const win = ctx.dim ? ctx.glow : ctx.col('#2e4a66');
  for (let x = fx - 215; x < fx + 175; x += 24) parts.push(rect(x, fy - 80, 14, 12, win, 'rx="3"'));
  for (let x = fx - 165; x < fx + 105; x += 24)
    parts.push(rect(x, fy - 116, 14, 11, win, 'rx="3"'));
  parts.push(
    rect(fx - 60, fy - 200, 46, 52, ctx.col('#e8e6e0')),
    rect(fx - 60, fy - 190, 46, 14, ctx.col(ctx.pick(['#c8402e', '#2f6fae', '#e0a030']))),
  );
  // Pier in the foreground.
  const wood = ctx.col('#7a5638');
  const side = left ? 1 : -1;
  const px = left ? 0 : W;
  for (let k = 0; k < 7; k++) {
    const x = px + side * (40 + k * 78);
    parts.push(rect(x - 8, H - 200 + k * 12, 16, 220, wood));
  }
  parts.push(
    poly(
      [px, H - 250, px + side * 540, H - 165, px + side * 540, H - 140, px, H - 215],
      ctx.col('#a77c56'),
    ),
  );
  parts.push(
    poly(
      [px, H - 215, px + side * 540, H - 140, px + side * 540, H - 128, px, H - 195],
      ctx.col('#6b4a30'),
    ),
  );
  parts.push(rect(px + side * 260 - 9, H - 240, 18, 36, ctx.col('#3a3a3e'), 'rx="6"'));
  const lx = px + side * 420;
  parts.push(
    line(d`M${lx} ${H - 190}L${lx} ${H - 430}L${lx + side * 40} ${H - 430}`, ctx.col('#3a3a3e'), 8),
  );
  if (ctx.dim) parts.push(circle(lx + side * 40, H - 420, 90, 'url(#lamp)'));
  parts.push(circle(lx + side * 40, H - 420, 12, ctx.dim ? ctx.glow : ctx.col('#f5f1e0')));
  return parts.join('');
}

function car(ctx: Ctx, x: number, y: number, s: number): string {
  const body = ctx.col(ctx.pick(['#c8402e', '#f2f2ee', '#2f6fae', '#e0a030', '#3a3d44']));
  const glass = ctx.dim ? ctx.col('#1d2536') : ctx.col('#a9c7dd');
  return (
    rect(x, y - 30 * s, 130 * s, 30 * s, body, `rx="${r1(9 * s)}"`) +
    path(
      d`M${x + 22 * s} ${y - 29 * s}L${x + 38 * s} ${y - 54 * s}H${x + 92 * s}L${x + 110 * s} ${y - 29 * s}Z`,
      body,
    ) +
    path(
      d`M${x + 33 * s} ${y - 30 * s}L${x + 44 * s} ${y - 48 * s}H${x + 86 * s}L${x + 99 * s} ${y - 30 * s}Z`,
      glass,
    ) +
    circle(x + 28 * s, y, 13 * s, '#1c1c20') +
    circle(x + 102 * s, y, 13 * s, '#1c1c20') +
    (ctx.dim
      ? circle(x + 126 * s, y - 20 * s, 5 * s, ctx.glow) +
        circle(x + 4 * s, y - 20 * s, 4 * s, '#ff4a3a')
      : '')
  );
}

/** A street lamp whose head glows after dark. */
function lamp(ctx: Ctx, x: number, y: number, h: number): string {
  const pole = ctx.col('#3a3d44');
  const head = ctx.dim ? ctx.glow : ctx.col('#e8e4d8');
  return (
    line(d`M${x} ${y}V${y - h}Q${x} ${y - h - 20} ${x + 30} ${y - h - 20}`, pole, 5) +
    (ctx.dim ? circle(x + 34, y - h - 14, 70, 'url(#lamp)') : '') +
    rect(x + 24, y - h - 24, 24, 9, head, 'rx="4"')
  );
}

function city(ctx: Ctx): string {
  const { W, H } = ctx;
  const ground = 690;
  const parts: string[] = [];
  for (let x = -20; x < W; ) {
    const w = ctx.range(50, 130);
    const h = ctx.range(130, 320);
    parts.push(rect(x, ground - h, w, h, ctx.col('#8fa3ba', 0.12)));
    if (ctx.chance(0.2))
      parts.push(line(d`M${x + w / 2} ${ground - h}v-60`, ctx.col('#8fa3ba', 0.12), 3));
    x += w + ctx.range(-10, 6);
  }
  const tones = ['#6d7f95', '#8a8f9c', '#5b6b80', '#9aa5b1', '#7b8796', '#a58f7a', '#b7a58c'];
  for (let x = -40; x < W; ) {
    const w = ctx.range(110, 210);
    const h = ctx.range(180, 470);
    const base = ctx.pick(tones);
    parts.push(rect(x, ground - h, w, h, ctx.col(base, 0.6)));
    parts.push(
      rect(x - 5, ground - h - 8, w + 10, 10, ctx.col(ctx.mix(base, '#000000', 0.25), 0.6)),
    );
    parts.push(windows(ctx, x, ground - h, w, h, base, 0.6));
    if (ctx.chance(0.3))
      parts.push(rect(x + w * 0.2, ground - h - 34, 34, 26, ctx.col('#6a5f58', 0.6), 'rx="6"'));
    x += w + ctx.range(8, 40);
  }
  parts.push(
    rect(-10, ground, W + 20, 34, ctx.col('#b9b3a6')),
    rect(-10, ground + 34, W + 20, H, ctx.col('#4a4d55')),
  );
  for (let x = ctx.range(-60, 0); x < W; x += 180)
    parts.push(rect(x, 800, 90, 8, ctx.col('#e8e4d8')));
  for (let x = ctx.range(40, 160); x < W; x += ctx.range(260, 380)) {
    parts.push(
      ctx.chance(0.5)
        ? lamp(ctx, x, ground + 20, 220)
        : roundTree(ctx, x, ground + 24, ctx.range(140, 190), 0.95),
    );
  }
  for (let i = ctx.int(2, 3); i > 0; i--)
    parts.push(car(ctx, ctx.range(0, W - 260), ctx.range(760, 880), ctx.range(1.3, 1.7)));
  return parts.join('');
}

function temple(ctx: Ctx): string {
  const { W, H } = ctx;
  const ground = 720;
  const gx = 800 + ctx.range(-120, 120);
  const parts = [ridge(ctx, 600, 90, ctx.col('#3f6e4a', 0.45), 110)];
  // Meru: a pagoda of an odd number of black thatched roofs.
  const mx = gx + ctx.pick([-1, 1]) * ctx.range(380, 500);
  const tiers = ctx.pick([5, 7, 9, 11]);
  const roof = ctx.col('#2e2a26', 0.6);
  const woodM = ctx.col('#7a4a2c', 0.6);
  parts.push(
    rect(mx - 100, 610, 200, ground - 610, ctx.col('#a8826a', 0.6)),
    rect(mx - 38, 585, 76, 25, woodM),
  );
  let y = 585;
  for (let i = 0; i < tiers; i++) {
    const w = 310 - i * (220 / tiers);
    const th = 30 - i;
    parts.push(
      path(
        d`M${mx - w / 2} ${y + 4}Q${mx} ${y - 6} ${mx + w / 2} ${y + 4}L${mx + w * 0.3} ${y - th}H${mx - w * 0.3}Z`,
        roof,
      ),
    );
    y -= th;
    parts.push(rect(mx - w * 0.14, y - 9, w * 0.28, 9, woodM));
    y -= 9;
  }
  parts.push(circle(mx, y - 5, 9, ctx.col('#c9a44a', 0.6)));
  parts.push(roundTree(ctx, mx + (mx > gx ? 190 : -190), 700, 230, 0.7, '#3b7a3f'));
  // Courtyard with perspective paving.
  parts.push(rect(-10, ground, W + 20, H - ground, ctx.col('#b9a98f')));
  for (let k = -12; k <= 12; k++)
    parts.push(
      line(
        d`M${gx + k * 40} ${ground}L${gx + k * 260} ${H}`,
        ctx.col('#8f7f66'),
        2,
        'opacity="0.5"',
      ),
    );
  for (const t of [0.12, 0.3, 0.55, 0.85])
    parts.push(
      rect(-10, ground + t * (H - ground), W + 20, 2, ctx.col('#8f7f66'), 'opacity="0.5"'),
    );
  // Candi bentar: one stepped tower split down the middle.
  const gap = 58;
  const brick = ctx.col('#b5523a');
  const stone = ctx.col('#9a958a');
  const blocks: [number, number, number, boolean][] = [
    [0, 44, 210, false],
    [44, 150, 176, true],
    [194, 16, 192, false],
    [210, 62, 150, true],
    [272, 13, 164, false],
    [285, 52, 118, true],
    [337, 11, 132, false],
    [348, 42, 88, true],
    [390, 9, 100, false],
    [399, 40, 58, true],
  ];
  for (const side of [-1, 1]) {
    for (const [y0, h, w, isBrick] of blocks) {
      const x = side > 0 ? gx + gap : gx - gap - w;
      parts.push(rect(x, ground - y0 - h, w, h, isBrick ? brick : stone));
      if (isBrick && h > 45)
        parts.push(
          rect(x + w / 2 - 14, ground - y0 - h * 0.75, 28, h * 0.5, ctx.col('#7a3424'), 'rx="3"'),
        );
    }
    const inner = gx + side * gap;
    parts.push(
      poly(
        [inner, ground - 439, inner + side * 50, ground - 439, inner + side * 8, ground - 500],
        stone,
      ),
    );
  }
  for (let k = 0; k < 6; k++) {
    const w = gap * 2 + 60 + k * 26;
    parts.push(rect(gx - w / 2, ground - 48 + k * 9, w, 9, k % 2 ? stone : ctx.col('#aaa59a')));
  }
  // Penjor: a tall bamboo pole arching over with a hanging ornament.
  const pside = mx > gx ? -1 : 1;
  const px = gx + pside * ctx.range(320, 420);
  const bamboo = ctx.col('#d8bb6a');
  parts.push(
    line(
      d`M${px} ${ground + 10}L${px} ${ground - 430}Q${px} ${ground - 520} ${px + pside * 110} ${ground - 470}`,
      bamboo,
      7,
    ),
  );
  for (let k = 0; k < 7; k++)
    parts.push(line(d`M${px} ${ground - 120 - k * 45}l${pside * 16} 26`, ctx.col('#e7d48a'), 3));
  parts.push(
    poly(
      [
        px + pside * 110,
        ground - 470,
        px + pside * 96,
        ground - 430,
        px + pside * 124,
        ground - 430,
      ],
      ctx.col('#e7d48a'),
    ),
  );
  return parts.join('');
}

function market(ctx: Ctx): string {
  const { W, H } = ctx;
  const ground = 700;
  const parts: string[] = [];
  for (let x = -20; x < W; ) {
    const w = ctx.range(200, 270);
    const h = ctx.range(300, 380);
    const wall = ctx.col(ctx.pick(['#e8d7b5', '#d9c2a0', '#cfd8c8', '#e6c9b0', '#c9d3dc']), 0.55);
    parts.push(rect(x, ground - h, w, h, wall));
    parts.push(
      poly(
        [
          x - 10,
          ground - h,
          x + w + 10,
          ground - h,
          x + w - 20,
          ground - h - 40,
          x + 20,
          ground - h - 40,
        ],
        ctx.col('#a65436', 0.55),
      ),
    );
    for (const wx of [x + w * 0.2, x + w * 0.6])
      parts.push(rect(wx, ground - h + 40, w * 0.2, 70, ctx.col('#5d6f63', 0.55)));
    parts.push(rect(x + 14, ground - 170, w - 28, 170, ctx.col('#8c9096', 0.55)));
    x += w + 6;
  }
  parts.push(rect(-10, ground, W + 20, H - ground, ctx.col('#8d8170')));
  const produce = ['#f08a24', '#d62f2f', '#f2c230', '#6aa436', '#8e3b8e', '#e86a3a'];
  const stripes = [
    ['#d8432f', '#f4efe4'],
    ['#2f7fbf', '#f4efe4'],
    ['#2e9a5e', '#f2d04a'],
    ['#e07a20', '#f4efe4'],
  ];
  const stalls = 3;
  for (let i = 0; i < stalls; i++) {
    const cx = 270 + i * 530 + ctx.range(-40, 40);
    const w = ctx.range(380, 440);
    const x0 = cx - w / 2;
    const [ca, cb] = (ctx.pick(stripes) as string[]).map((c) => ctx.col(c));
    const wood = ctx.col('#6b4a2e');
    parts.push(
      rect(x0 + 8, 470, 12, ground + 40 - 470, wood),
      rect(x0 + w - 20, 470, 12, ground + 40 - 470, wood),
    );
    for (let s = 0; s < 8; s++) {
      parts.push(
        rect(x0 + (s * w) / 8, 430, w / 8 + 0.5, 52, s % 2 ? (cb as string) : (ca as string)),
      );
      parts.push(
        circle(x0 + ((s + 0.5) * w) / 8, 482, w / 16, s % 2 ? (cb as string) : (ca as string)),
      );
    }
    if (ctx.dim) parts.push(circle(cx, 540, 120, 'url(#lamp)'), circle(cx, 520, 9, ctx.glow));
    parts.push(
      rect(x0 + 24, 630, w - 48, 16, wood),
      rect(
        x0 + 30,
        646,
        w - 60,
        90,
        ctx.col(ctx.pick(['#3f6fa8', '#c74a3a', '#d9a441', '#4c8f5a'])),
      ),
    );
    for (let p = 0; p < 3; p++) {
      const px = x0 + 70 + p * ((w - 140) / 2);
      const fruit = ctx.col(ctx.pick(produce));
      for (let r = 0; r < 3; r++) {
        for (let k = 0; k < 4 - r; k++)
          parts.push(circle(px + (k - (3 - r) / 2) * 24, 618 - r * 20, 12, fruit));
      }
    }
  }
  for (let i = ctx.int(3, 5); i > 0; i--) {
    const x = ctx.range(-40, W - 120);
    const y = ctx.range(760, 800);
    const crate = ctx.col('#b07a45');
    parts.push(
      rect(x, y, 170, 100, crate),
      line(d`M${x} ${y + 33}h170M${x} ${y + 66}h170`, ctx.col('#7d5430'), 4),
    );
    const fruit = ctx.col(ctx.pick(produce));
    for (let k = 0; k < 6; k++) parts.push(circle(x + 18 + k * 27, y - 6, 15, fruit));
  }
  return parts.join('');
}

function stadium(ctx: Ctx): string {
  const { W, H } = ctx;
  const rim = (x: number) => 330 - 80 * (1 - ((x - 800) / 820) ** 2);
  const parts: string[] = [];
  const steel = ctx.col('#9aa1ab', 0.6);
  for (const x of [140, 560 + ctx.range(-40, 40), 1040 + ctx.range(-40, 40), 1460]) {
    parts.push(rect(x - 5, 90, 10, 260, steel), rect(x - 50, 60, 100, 46, ctx.col('#4a4f58', 0.6)));
    const lit = ctx.dim ? ctx.glow : ctx.col('#e6ebf0', 0.6);
    for (let k = 0; k < 8; k++)
      parts.push(rect(x - 44 + (k % 4) * 23, 65 + Math.floor(k / 4) * 20, 18, 15, lit));
    if (ctx.dim)
      parts.push(
        circle(x, 84, 150, 'url(#lamp)'),
        poly([x - 40, 100, x + 40, 100, x + 260, 900, x - 260, 900], ctx.glow, 'opacity="0.07"'),
      );
  }
  parts.push(path(d`M-20 330Q800 170 ${W + 20} 330L${W + 20} 560H-20Z`, ctx.col('#5a6473')));
  const fans = ['#d8432f', '#f4f1ea', '#2f6fae', '#f2c230', '#3a3d44'].map((c) => ctx.col(c, 0.8));
  const dots: string[][] = fans.map(() => []);
  for (let y = 270; y < 540; y += 13) {
    if (Math.abs(y - 410) < 8) continue;
    for (let x = ctx.range(-10, 0); x < W; x += 11) {
      if (y > rim(x) + 16)
        (dots[ctx.int(0, fans.length - 1)] as string[]).push(d`M${x} ${y}h7v8h-7Z`);
    }
  }
  for (const [i, cells] of dots.entries()) parts.push(path(cells.join(''), fans[i] as string));
  parts.push(
    rect(-20, 404, W + 40, 12, ctx.col('#3c434e')),
    line(d`M-20 324Q800 160 ${W + 20} 324`, ctx.col('#2f3640'), 26),
  );
  for (let x = 0; x < W; x += 160)
    parts.push(
      rect(
        x,
        540,
        160,
        24,
        ctx.col(ctx.pick(['#d8432f', '#2f6fae', '#f2c230', '#2e9a5e', '#f4f1ea'])),
      ),
    );
  parts.push(rect(-10, 564, W + 20, H, ctx.col('#3f8f3f')));
  let y = 564;
  for (let k = 0; y < H; k++) {
    const h = 14 + k * 9;
    if (k % 2) parts.push(rect(-10, y, W + 20, h, ctx.col('#4fa04a')));
    y += h;
  }
  const chalk = ctx.col('#f4f4ee');
  parts.push(line(d`M-20 580H${W + 20}M800 580L800 ${H + 10}`, chalk, 4));
  parts.push(
    `<ellipse cx="800" cy="720" rx="190" ry="62" fill="none" stroke="${chalk}" stroke-width="4"/>`,
  );
  parts.push(line(d`M-20 640H180L60 ${H}M${W + 20} 640H${W - 180}L${W - 60} ${H}`, chalk, 4));
  const kits = [ctx.col('#d8432f'), ctx.col('#f2f2f2')];
  for (let i = 0; i < 10; i++) {
    const py = ctx.range(600, 860);
    const s = 0.5 + (py - 580) / 300;
    const px = ctx.range(80, W - 80);
    parts.push(
      rect(px - 7 * s, py - 36 * s, 14 * s, 24 * s, kits[i % 2] as string, `rx="${r1(4 * s)}"`),
    );
    parts.push(
      rect(px - 6 * s, py - 12 * s, 12 * s, 14 * s, ctx.col('#222833')),
      circle(px, py - 44 * s, 7 * s, ctx.col('#7a5238')),
    );
  }
  return parts.join('');
}

function stage(ctx: Ctx): string {
  const { W } = ctx;
  const floor = 610;
  const parts: string[] = [];
  const [c1, c2] = ctx.pick([
    ['#7b2ff7', '#f72f8c'],
    ['#0fb5ae', '#2f5ff7'],
    ['#f7a12f', '#e0372f'],
  ]) as string[];
  parts.push(
    `<defs><linearGradient id="screen" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${c1}"/>` +
      `<stop offset="1" stop-color="${c2}"/></linearGradient></defs>`,
    rect(290, 190, 1020, floor - 190, 'url(#screen)'),
  );
  for (let i = 0; i < 6; i++)
    parts.push(
      circle(ctx.range(330, 1270), ctx.range(230, 560), ctx.range(30, 110), '#ffffff', 0.12),
    );
  parts.push(
    line(
      d`M290 ${ctx.range(400, 500)}Q560 ${ctx.range(260, 560)} 800 420T1310 ${ctx.range(300, 520)}`,
      '#ffffff',
      10,
      'opacity="0.35"',
    ),
  );
  const truss = ctx.col('#8a9099');
  for (const x of [240, 1310]) {
    let zig = d`M${x} 140V${floor}M${x + 50} 140V${floor}M${x} 150`;
    for (let y = 150; y < floor; y += 50) zig += d`L${x + 50} ${y + 25}L${x} ${y + 50}`;
    parts.push(line(zig, truss, 4));
  }
  let beam = d`M240 140H1360M240 180H1360M240 140`;
  for (let x = 240; x < 1360; x += 40) beam += d`L${x + 20} 180L${x + 40} 140`;
  parts.push(line(beam, truss, 4));
  const beamCol = ctx.pick(['#fff3c4', '#c4e4ff', '#ffc4ec']);
  for (let i = 0; i < 6; i++) {
    const x = 330 + i * 188;
    const tx = x + ctx.range(-220, 220);
    parts.push(
      poly(
        [x - 10, 186, x + 10, 186, tx + 120, floor + 40, tx - 120, floor + 40],
        beamCol,
        `opacity="${ctx.dim ? 0.22 : 0.12}"`,
      ),
    );
    parts.push(rect(x - 14, 178, 28, 24, ctx.col('#2a2d33'), 'rx="5"'), circle(x, 200, 8, beamCol));
  }
  parts.push(
    rect(180, floor, 1240, 80, ctx.col('#23232b')),
    rect(180, floor, 1240, 6, ctx.col('#54545f')),
  );
  for (const x of [150, 1330]) {
    parts.push(rect(x, floor - 150, 120, 230, ctx.col('#1c1c22')));
    for (const cy of [floor - 110, floor - 40])
      parts.push(
        circle(x + 60, cy, 30, ctx.col('#3a3a44')),
        circle(x + 60, cy, 12, ctx.col('#15151a')),
      );
  }
  const figure = ctx.col('#15151c');
  for (let i = ctx.int(2, 3); i > 0; i--) {
    const x = ctx.range(450, 1150);
    parts.push(
      path(
        d`M${x - 26} ${floor}L${x - 22} ${floor - 90}Q${x} ${floor - 118} ${x + 22} ${floor - 90}L${x + 26} ${floor}Z`,
        figure,
      ),
    );
    parts.push(
      circle(x, floor - 130, 17, figure),
      line(d`M${x - 20} ${floor - 90}l-22 -50`, figure, 9),
    );
  }
  const crowd = ctx.col('#14141c');
  for (let r = 0; r < 3; r++) {
    const y = 790 + r * 55;
    const s = 1 + r * 0.3;
    for (let x = ctx.range(-30, 0); x < W + 40; x += ctx.range(50, 72) * s) {
      const hy = y + ctx.range(-14, 14);
      parts.push(
        circle(x, hy, 22 * s, crowd),
        rect(x - 38 * s, hy + 16 * s, 76 * s, 140, crowd, `rx="${r1(26 * s)}"`),
      );
      if (ctx.chance(0.18)) {
        const hx = x + ctx.range(-40, 40) * s;
        parts.push(line(d`M${x + 20 * s} ${hy + 24 * s}L${hx} ${hy - 110 * s}`, crowd, 11 * s));
        if (ctx.dim && ctx.chance(0.6))
          parts.push(rect(hx - 6, hy - 126 * s, 12, 18, '#dff1ff', 'rx="2"'));
      }
    }
  }
  return parts.join('');
}

function meeting(ctx: Ctx): string {
  const { W, H } = ctx;
  const ic = (hex: string) =>
    ctx.mix(hex, '#1d2347', ctx.night ? 0.14 : ctx.light === 'dusk' ? 0.08 : 0);
  const parts = [rect(0, 0, W, H, ic('#e9dfcc'))];
  for (const x of [70, W - 310]) {
    parts.push(
      rect(x, 110, 240, 300, 'url(#sky)'),
      rect(x, 110, 240, 300, 'none', `stroke="${ic('#f6f1e6')}" stroke-width="14"`),
    );
    parts.push(line(d`M${x + 120} 110V410M${x} 260H${x + 240}`, ic('#f6f1e6'), 8));
  }
  const [bg, stripe] = ctx.pick([
    ['#1e5aa8', '#f2c230'],
    ['#a8231e', '#f4efe4'],
    ['#1f7a4d', '#f2c230'],
  ]) as string[];
  parts.push(
    rect(430, 80, 740, 190, ic(bg as string), 'rx="6"'),
    rect(430, 230, 740, 14, ic(stripe as string)),
  );
  parts.push(circle(540, 165, 52, ic(stripe as string)), circle(540, 165, 38, ic(bg as string)));
  parts.push(
    poly(
      [
        540, 135, 548, 158, 572, 158, 553, 172, 560, 195, 540, 181, 520, 195, 527, 172, 508, 158,
        532, 158,
      ],
      ic(stripe as string),
    ),
  );
  for (let k = 0; k < 3; k++)
    parts.push(rect(630, 128 + k * 30, 460 - k * 120, 14, ic('#ffffff'), 'opacity="0.55" rx="7"'));
  parts.push(rect(0, 440, W, 130, ic('#9a6b45')));
  for (let x = 0; x < W; x += 120) parts.push(rect(x, 440, 3, 130, ic('#7d5535')));
  parts.push(rect(0, 570, W, H, ic(ctx.pick(['#6e3a3a', '#3d4a6b', '#4f5a48']))));
  const chairs = ctx.int(6, 8);
  for (let i = 0; i < chairs; i++) {
    const x = 300 + (i + 0.5) * (1000 / chairs);
    parts.push(rect(x - 36, 430, 72, 140, ic('#3a3a46'), 'rx="16"'));
    parts.push(
      rect(
        x - 30,
        528,
        60,
        50,
        ic(ctx.pick(['#2d3e5e', '#ecebe6', '#6b2f2f', '#3d5a45'])),
        'rx="18"',
      ),
    );
    parts.push(circle(x, 505, 20, ic(ctx.pick(['#c68c62', '#a8704a', '#8a5a3a']))));
    parts.push(
      path(d`M${x - 21} 503A21 21 0 0 1 ${x + 21} 503Q${x} 490 ${x - 21} 503Z`, ic('#1e1a18')),
    );
    parts.push(
      line(d`M${x + 24} 578l30 -44`, ic('#222222'), 3),
      circle(x + 54, 534, 6, ic('#222222')),
    );
    parts.push(poly([x - 30, 580, x + 10, 580, x + 6, 560, x - 26, 560], ic('#f7f5ef')));
  }
  parts.push(poly([240, 570, 1360, 570, 1400, 600, 200, 600], ic('#7a5234')));
  const cloth = ic(ctx.pick(['#f1efe8', '#2f5d3a', '#1e3f73']));
  parts.push(rect(200, 600, 1200, 160, cloth));
  for (let x = 260; x < 1400; x += 70)
    parts.push(rect(x, 600, 4, 160, '#000000', 'opacity="0.08"'));
  const left = ctx.chance(0.5);
  const pxc = left ? 110 : W - 110;
  parts.push(
    poly([pxc - 70, 560, pxc + 70, 560, pxc + 55, 800, pxc - 55, 800], ic('#6e4529')),
    circle(pxc, 650, 26, ic(stripe as string)),
  );
  parts.push(line(d`M${pxc} 560l${left ? 30 : -30} -50`, ic('#222222'), 4));
  const fx = left ? W - 150 : 150;
  parts.push(
    line(d`M${fx} 820V330`, ic('#c9b27a'), 6),
    rect(fx + 3, 335, 130, 45, ic('#d52b1e')),
    rect(fx + 3, 380, 130, 45, ic('#f7f7f2')),
  );
  parts.push(poly([fx - 40, 900, fx + 40, 900, fx + 30, 820, fx - 30, 820], ic('#5b5b60')));
  return parts.join('');
}

export const MOTIFS: Record<DemoScene['motif'], (ctx: Ctx) => string> = {
  sea,
  'rice-field': riceField,
  city,
  temple,
  market,
  stadium,
  mountain,
  stage,
  meeting,
  harbor,
  road,
  forest,
};
