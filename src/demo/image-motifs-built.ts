/** Painters for the built-up motifs: city, temple, market, stadium, stage and meeting. */
import {
  type Ctx,
  circle,
  d,
  line,
  path,
  poly,
  r1,
  rect,
  ridge,
  roundTree,
  windows,
} from './image-kit.ts';

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

export function city(ctx: Ctx): string {
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

export function temple(ctx: Ctx): string {
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

export function market(ctx: Ctx): string {
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
