// Painters for venues: the stadium, the stage and the meeting hall.
import { type Ctx, circle, d, line, path, poly, r1, rect } from './image-kit.ts';

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
