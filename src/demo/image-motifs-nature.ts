/** Painters for the landscape motifs: sea, rice field, mountain, forest, road and harbor. */
import {
  type Ctx,
  circle,
  cloud,
  d,
  jukung,
  line,
  type Pt,
  palm,
  path,
  poly,
  r1,
  rect,
  ridge,
  roundTree,
  smooth,
  volcano,
  water,
} from './image-kit.ts';

export function sea(ctx: Ctx): string {
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

export function riceField(ctx: Ctx): string {
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

export function mountain(ctx: Ctx): string {
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

export function forest(ctx: Ctx): string {
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

export function road(ctx: Ctx): string {
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

export function harbor(ctx: Ctx): string {
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
