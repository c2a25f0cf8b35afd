import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentableArticle } from '../../test/comments-kit.ts';
import { type TestApp, testApp } from '../../test/helpers.ts';

/** Every line the app logged, parsed (each must be one JSON object). */
function capture() {
  const raw: string[] = [];
  return {
    stream: { write: (line: string) => void raw.push(line) },
    lines: () => raw.map((l) => JSON.parse(l) as Record<string, unknown>),
    raw,
  };
}

/** A new id: this process's random prefix and a counter. */
const NEW_ID = /^[\w-]{8}-[0-9a-z]+$/;

describe('request ids in logs and answers (sqlite)', () => {
  const log = capture();
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp(
      'sqlite',
      { logLevel: 'info', pageCacheTtl: 60, logHitSample: 1 },
      { logStream: log.stream },
    );
  });
  afterAll(() => app?.dispose());

  it('keeps a safe incoming id: the request line and the error line of one request carry it', async () => {
    const a = await commentableArticle(app);
    // The database fails under this request (its table is gone for a moment): a 500 with an error line.
    await sql`ALTER TABLE articles RENAME TO articles_pergi`.execute(app.db.kysely);
    let res: Awaited<ReturnType<typeof app.server.inject>>;
    try {
      res = await app.server.inject({ url: a.url, headers: { 'x-request-id': 'uji-rusak.42' } });
    } finally {
      await sql`ALTER TABLE articles_pergi RENAME TO articles`.execute(app.db.kysely);
    }
    expect(res.statusCode).toBe(500);
    expect(res.headers['x-request-id']).toBe('uji-rusak.42');
    // Each line is JSON on its own (pino), whatever the error held.
    for (const line of log.raw) expect(() => JSON.parse(line)).not.toThrow();
    const mine = log.lines().filter((l) => l.reqId === 'uji-rusak.42');
    const error = mine.find((l) => l.msg === 'request failed');
    const request = mine.find((l) => l.msg === 'request');
    expect(error?.level).toBe(50);
    expect(error?.err).toBeTruthy();
    expect(request).toMatchObject({ status: 500, url: a.url, method: 'GET' });
  });

  it('replaces a missing, long or unsafe id with a new one', async () => {
    const ids = new Set<string>();
    for (const given of [undefined, 'a'.repeat(65), 'ada spasi', 'x"}\n{"palsu":1', '']) {
      const res = await app.server.inject({
        url: '/healthz',
        headers: given === undefined ? {} : { 'x-request-id': given },
      });
      const id = String(res.headers['x-request-id']);
      expect(id, String(given)).toMatch(NEW_ID);
      ids.add(id);
      const line = log.lines().find((l) => l.msg === 'request' && l.reqId === id);
      expect(line?.url).toBe('/healthz');
    }
    expect(ids.size).toBe(5);
  });

  it('a page from the cache carries its own request id, never the one it was rendered under', async () => {
    const a = await commentableArticle(app);
    const first = await app.server.inject({ url: a.url, headers: { 'x-request-id': 'render-1' } });
    expect(first.headers['x-cache']).toBe('MISS');
    expect(first.headers['x-request-id']).toBe('render-1');
    const hit = await app.server.inject({ url: a.url, headers: { 'x-request-id': 'baca-2' } });
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.headers['x-request-id']).toBe('baca-2');
    const anon = await app.server.inject({ url: a.url });
    expect(anon.headers['x-cache']).toBe('HIT');
    expect(anon.headers['x-request-id']).toMatch(NEW_ID);
    // A conditional request answered 304 from the cache too.
    const etag = String(first.headers.etag);
    const notModified = await app.server.inject({
      url: a.url,
      headers: { 'if-none-match': etag, 'x-request-id': 'cek-3' },
    });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.headers['x-request-id']).toBe('cek-3');
  });

  it('over a real socket, a hit answered before Fastify (cache-first listener) carries its own id', async () => {
    const a = await commentableArticle(app);
    await app.server.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const get = (id?: string) =>
      fetch(`${base}${a.url}`, { headers: id ? { 'x-request-id': id } : {} });
    const first = await get('socket-render');
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(first.headers.get('x-request-id')).toBe('socket-render');
    const before = log.raw.length;
    const hit = await get('socket-hit');
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(hit.headers.get('x-request-id')).toBe('socket-hit');
    // Answered by the listener: no Fastify request, so no request line; the sampled hit line has the id.
    const after = log.lines().slice(before);
    expect(after.some((l) => l.msg === 'request')).toBe(false);
    expect(after.find((l) => l.msg === 'cache hit')?.reqId).toBe('socket-hit');
    const anon = await get();
    expect(anon.headers.get('x-cache')).toBe('HIT');
    expect(anon.headers.get('x-request-id')).toMatch(NEW_ID);
  });

  it('a malformed URL or an overlong parameter (no Fastify hooks run) gets the site page, its headers and an id', async () => {
    if (!app.server.server.listening) await app.server.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    for (const [path, status, message] of [
      ['/%E0%A4%A', 400, 'Permintaan tidak valid'],
      [`/${'a'.repeat(301)}`, 414, 'Alamat halaman terlalu panjang'],
    ] as const) {
      const res = await fetch(`${base}${path}`, { headers: { 'x-request-id': `rusak-${status}` } });
      expect(res.status, path).toBe(status);
      expect(res.headers.get('x-request-id')).toBe(`rusak-${status}`);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      expect(html).toContain('<html lang="id">');
      expect(html).toContain(message);
    }
  });
});
