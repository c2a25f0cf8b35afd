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

export function stadium(ctx: Ctx): string {
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

export function stage(ctx: Ctx): string {
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

export function meeting(ctx: Ctx): string {
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
