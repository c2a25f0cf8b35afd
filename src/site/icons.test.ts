import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test/helpers.ts';
import { defaultIconVersion, siteInitial } from './icons.ts';

/** The favicon, app icons and manifest (issue 15: every page logged a 404 for /favicon.ico). */
describe('site icons over HTTP', () => {
  let app: TestApp;
  const get = (url: string, headers: Record<string, string> = {}) =>
    app.server.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    app = await testApp('sqlite', { siteName: 'Ébali <Pos>' });
  });
  afterAll(async () => {
    await app?.dispose();
  });

  it('serves /favicon.ico as an ICO of 16, 32 and 48 px PNGs, revalidated daily by ETag', async () => {
    const res = await get('/favicon.ico');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/x-icon');
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    const ico = res.rawPayload;
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 3]);
    const sizes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const at = 6 + 16 * i;
      const offset = ico.readUInt32LE(at + 12);
      const png = ico.subarray(offset, offset + ico.readUInt32LE(at + 8));
      const meta = await sharp(png).metadata();
      expect(meta.format).toBe('png');
      expect(meta.height).toBe(meta.width);
      sizes.push(ico.readUInt8(at));
      expect(meta.width).toBe(ico.readUInt8(at));
    }
    expect(sizes).toEqual([16, 32, 48]);
    const again = await get('/favicon.ico', { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it('links the icons from the public and newsroom heads with versioned, year-long URLs', async () => {
    const version = defaultIconVersion('Ébali <Pos>');
    const home = await get('/');
    expect(home.statusCode).toBe(200);
    for (const tag of [
      `<link rel="icon" href="/favicon.ico?v=${version}" sizes="48x48"/>`,
      `<link rel="icon" href="/icon.svg?v=${version}" type="image/svg+xml"/>`,
      `<link rel="apple-touch-icon" href="/apple-touch-icon.png?v=${version}"/>`,
      `<link rel="manifest" href="/manifest.webmanifest?v=${version}"/>`,
    ]) {
      expect(home.body).toContain(tag);
    }
    const login = await get('/newsroom/masuk');
    expect(login.body).toContain(`<link rel="icon" href="/favicon.ico?v=${version}"`);
    expect(login.body).toContain(`<link rel="apple-touch-icon" href="/apple-touch-icon.png?v=`);
    expect(login.body).not.toContain('rel="manifest"');

    const linked = await get(`/apple-touch-icon.png?v=${version}`);
    expect(linked.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const stale = await get('/apple-touch-icon.png?v=0123456789');
    expect(stale.headers['cache-control']).toBe('public, max-age=86400');
  });

  it('draws the site name’s initial: a 180 px apple-touch-icon, 192 and 512 px app icons, an SVG', async () => {
    for (const [url, size] of [
      ['/apple-touch-icon.png', 180],
      ['/icon-192.png', 192],
      ['/icon-512.png', 512],
    ] as const) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      const meta = await sharp(res.rawPayload).metadata();
      expect([meta.format, meta.width, meta.height], url).toEqual(['png', size, size]);
      // Full bleed in the site's red: iOS and Android round the corners themselves.
      const corner = await sharp(res.rawPayload)
        .extract({ left: 0, top: 0, width: 1, height: 1 })
        .raw()
        .toBuffer();
      expect([...corner.subarray(0, 3)]).toEqual([0xc4, 0x16, 0x1c]);
    }
    const svg = await get('/icon.svg');
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.body).toContain('>É</text>');
    expect(siteInitial('  "warta" Bali')).toBe('W');
    expect(siteInitial('𝐀ksara')).toBe('𝐀');
  });

  it('serves a web app manifest with the 192 and 512 px icons', async () => {
    const res = await get('/manifest.webmanifest');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/manifest+json');
    const manifest = JSON.parse(res.body);
    expect(manifest).toMatchObject({ name: 'Ébali <Pos>', start_url: '/', lang: 'id' });
    const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) expect((await get(icon.src)).statusCode).toBe(200);
  });

  it('takes an uploaded image in place of the initial, and keeps the icons on a bad one', async () => {
    const before = await app.icons.current();
    await expect(
      app.icons.use({ kind: 'image', siteName: 'Ébali', image: Buffer.from('bukan gambar') }),
    ).rejects.toThrow();
    expect((await app.icons.current()).version).toBe(before.version);

    const logo = await sharp({
      create: { width: 600, height: 300, channels: 3, background: { r: 10, g: 90, b: 200 } },
    })
      .png()
      .toBuffer();
    const next = await app.icons.use({ kind: 'image', siteName: 'Ébali', image: logo });
    expect(next.version).not.toBe(before.version);
    const apple = await get('/apple-touch-icon.png');
    const meta = await sharp(apple.rawPayload).metadata();
    expect([meta.width, meta.height]).toEqual([180, 180]);
    const px = await sharp(apple.rawPayload)
      .extract({ left: 90, top: 90, width: 1, height: 1 })
      .raw()
      .toBuffer();
    expect([...px.subarray(0, 3)]).toEqual([10, 90, 200]);
    expect((await get(`/favicon.ico?v=${next.version}`)).headers['cache-control']).toContain(
      'immutable',
    );
  });
});
