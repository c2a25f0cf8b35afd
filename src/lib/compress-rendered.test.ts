import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSection, publishedArticle } from '../../test/factories.ts';
import { type TestApp, testApp } from '../../test/helpers.ts';

describe('rendered pages compressed in one call (page cache off)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp('sqlite');
    const s = await makeSection(app.db, 'Daerah');
    for (let i = 0; i < 3; i++) await publishedArticle(app.db, s.id, { headline: `Berita ${i}` });
  });
  afterAll(() => app.dispose());

  it('answers brotli, gzip or plain by Accept-Encoding, all the same page', async () => {
    const get = (enc?: string) =>
      app.server.inject({ url: '/', headers: enc ? { 'accept-encoding': enc } : {} });
    const plain = await get();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toContain('Accept-Encoding');
    expect(plain.body).toContain('Berita 2');
    const br = await get('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('Accept-Encoding');
    const gz = await get('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    // The page carries its render time in the comment-free home page only through the clock:
    // compare the decoded bodies with the time-dependent parts removed.
    const strip = (html: string) => html.replace(/\d{2}\.\d{2}/g, '');
    expect(strip(brotliDecompressSync(br.rawPayload).toString())).toBe(strip(plain.body));
    expect(strip(gunzipSync(gz.rawPayload).toString())).toBe(strip(plain.body));
    expect((await get('br;q=0, gzip;q=0')).headers['content-encoding']).toBeUndefined();
  });

  it('leaves small answers alone', async () => {
    const res = await app.server.inject({ url: '/healthz', headers: { 'accept-encoding': 'br' } });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json()).toEqual({ ok: true });
  });
});
