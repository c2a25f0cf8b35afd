import { Readable } from 'node:stream';
import {
  brotliCompressSync,
  brotliDecompressSync,
  deflateSync,
  gunzipSync,
  gzipSync,
} from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSection, publishedArticle } from '../../test/factories.ts';
import { type TestApp, testApp } from '../../test/helpers.ts';
import { registerCompression } from './compression.ts';

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

describe('compression of large bodies and streams, and of request bodies', () => {
  let server: FastifyInstance;
  // Text that compresses, in pieces that differ, so the decoded copy must be exact.
  const big = Array.from({ length: 60_000 }, (_, i) => `<p>Baris ${i}: berita daerah.</p>`).join(
    '\n',
  );
  beforeAll(async () => {
    server = Fastify();
    registerCompression(server);
    server.get('/big', (_req, reply) => reply.type('text/html; charset=utf-8').send(big));
    server.get('/stream', (_req, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .header('accept-ranges', 'bytes')
        .send(Readable.from([big.slice(0, 100_000), big.slice(100_000)])),
    );
    server.get('/photo', (_req, reply) => reply.type('image/jpeg').send(Buffer.alloc(50_000, 7)));
    server.get('/not-modified', (_req, reply) => reply.code(304).send());
    server.post('/echo', (req) => req.body);
    await server.ready();
  });
  afterAll(() => server.close());

  it('compresses a body over a megabyte off the event loop, by Accept-Encoding', async () => {
    expect(Buffer.byteLength(big)).toBeGreaterThan(1024 * 1024);
    const br = await server.inject({ url: '/big', headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(big) / 5);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(big);
    const gz = await server.inject({ url: '/big', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(big);
    const plain = await server.inject({ url: '/big' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body).toBe(big);
  });

  it('compresses a text stream and drops its byte ranges', async () => {
    const res = await server.inject({ url: '/stream', headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['accept-ranges']).toBeUndefined();
    expect(res.headers['content-length']).not.toBe(String(Buffer.byteLength(big)));
    expect(gunzipSync(res.rawPayload).toString()).toBe(big);
  });

  it('leaves images, HEAD and 304 answers alone', async () => {
    const photo = await server.inject({ url: '/photo', headers: { 'accept-encoding': 'br' } });
    expect(photo.headers['content-encoding']).toBeUndefined();
    expect(photo.rawPayload.length).toBe(50_000);
    const head = await server.inject({
      method: 'HEAD',
      url: '/big',
      headers: { 'accept-encoding': 'br' },
    });
    expect(head.headers['content-encoding']).toBeUndefined();
    const nm = await server.inject({ url: '/not-modified', headers: { 'accept-encoding': 'br' } });
    expect(nm.statusCode).toBe(304);
    expect(nm.headers['content-encoding']).toBeUndefined();
  });

  it('decodes a gzip, deflate or brotli request body before parsing it', async () => {
    const body = JSON.stringify({ judul: 'Banjir surut', isi: big.slice(0, 5000) });
    for (const [encoding, encoded] of [
      ['gzip', gzipSync(body)],
      ['deflate', deflateSync(body)],
      ['br', brotliCompressSync(body)],
    ] as const) {
      const res = await server.inject({
        method: 'POST',
        url: '/echo',
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        payload: encoded,
      });
      expect(res.statusCode, encoding).toBe(200);
      expect(res.json()).toEqual(JSON.parse(body));
    }
  });

  it('counts the decoded bytes against the body limit (a small "zip bomb" is refused)', async () => {
    const bomb = gzipSync(Buffer.alloc(5 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(10_000);
    const res = await server.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' },
      payload: bomb,
    });
    expect(res.statusCode).toBe(413);
  });

  it('answers 400 to a body that is not what its encoding says', async () => {
    const res = await server.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: '{"not":"gzip"}',
    });
    expect(res.statusCode).toBe(400);
  });
});

describe.each([
  ['id', 'dikodekan dengan cara yang tidak dikenal'],
  ['en', 'uses an unknown encoding'],
] as const)('a request body in an unknown encoding (site in %s)', (language, text) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp('sqlite', { language });
  });
  afterAll(() => app.dispose());

  it('is refused with 415 and a message in the site language', async () => {
    const res = await app.server.inject({
      method: 'POST',
      url: '/newsroom/masuk',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-encoding': 'compress',
      },
      payload: 'email=a%40b.c&password=x',
    });
    expect(res.statusCode).toBe(415);
    expect(res.body).toContain(text);
  });
});
