import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSection, publishedArticle } from '../../test/factories.ts';
import { type TestApp, testApp } from '../../test/helpers.ts';
import { photo } from '../../test/images.ts';
import { loginAs } from '../../test/staff.ts';
import { startS3, type TestS3 } from '../../test/support/s3.ts';
import { mediaStorage } from './storage.ts';
import { multipartBody } from './test-kit.ts';
import { mediaBaseUrl } from './urls.ts';

type Staff = Awaited<ReturnType<typeof loginAs>>;

/** Every media URL in a page: img src, srcset candidates and JSON-LD, as written. */
function mediaUrls(html: string, base: string): string[] {
  const esc = base.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return [
    ...new Set(
      html.match(
        new RegExp(`${esc}/[a-z0-9-]+/[a-z0-9x-]+\\.(?:webp|avif|jpg)(?:\\?v=\\d+)?`, 'g'),
      ) ?? [],
    ),
  ];
}

async function objectKeys(app: TestApp, storageKey: string): Promise<string[]> {
  const out: string[] = [];
  for await (const f of mediaStorage(app.config).list(storageKey)) out.push(f.key);
  return out.sort();
}

describe.each([
  ['/media', undefined],
  ['a CDN', 'https://cdn.example.id/media'],
] as const)('media on S3, linked under %s', (_name, baseUrl) => {
  let s3: TestS3;
  let app: TestApp;
  let redaktur: Staff;
  let sectionId: number;

  beforeAll(async () => {
    s3 = await startS3();
    app = await testApp('sqlite', {
      ...s3.config,
      ...(baseUrl ? { mediaBaseUrl: baseUrl } : {}),
    });
    redaktur = await loginAs(app, 'redaktur');
    sectionId = (await makeSection(app.db, 'Daerah')).id;
  });
  afterAll(async () => {
    mediaStorage(app.config).close();
    await app.dispose();
    await s3.close();
  });

  async function upload(data: Buffer, url = '/newsroom/media') {
    const body = multipartBody({}, [{ filename: 'foto.jpg', type: 'image/jpeg', data }]);
    const res = await app.server.inject({
      method: 'POST',
      url,
      headers: {
        'content-type': body.contentType,
        cookie: redaktur.cookie,
        accept: 'application/json',
        'x-csrf-token': redaktur.csrf,
      },
      payload: body.payload,
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res;
  }
  const storageKeyOf = async (id: number) =>
    (
      await app.db.kysely
        .selectFrom('media')
        .select('storage_key')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).storage_key;

  it('stores every variant, crop and the original in the bucket, none on disk, and pages link them', async () => {
    const id: number = (await upload(await photo(1000, 750, 'jpeg'))).json().id;
    const key = await storageKeyOf(id);
    const keys = await objectKeys(app, key);
    for (const w of [320, 480, 640, 960]) {
      for (const ext of ['webp', 'avif', 'jpg']) expect(keys).toContain(`${key}/${w}.${ext}`);
    }
    expect(keys).toContain(`${key}/original.jpg`);
    expect(keys).toContain(`${key}/16x9-640.avif`);
    expect(readdirSync(app.mediaDir)).toEqual([]);

    const article = await publishedArticle(app.db, sectionId, { featured: { mediaId: id } });
    const { slug } = await app.db.kysely
      .selectFrom('articles')
      .select('slug')
      .where('id', '=', article.id)
      .executeTakeFirstOrThrow();
    const { slug: section } = await app.db.kysely
      .selectFrom('sections')
      .select('slug')
      .where('id', '=', sectionId)
      .executeTakeFirstOrThrow();
    const page = await app.server.inject({
      method: 'GET',
      url: `/${section}/${article.id}/${slug}`,
    });
    expect(page.statusCode).toBe(200);
    const base = baseUrl ?? '/media';
    expect(mediaBaseUrl()).toBe(base);
    const urls = mediaUrls(page.body, base);
    expect(urls.length).toBeGreaterThan(5);
    // No link to the other place: CDN pages name no /media/ of ours, local pages no other host.
    expect(page.body).not.toMatch(
      baseUrl ? /(?:["\s,]|warta\.test)\/media\// : /https?:\/\/(?!warta\.test\/)[^"]*\/media\//,
    );
    // Every linked file exists: through /media/ here, and in the bucket the CDN reads.
    for (const url of urls) {
      const path = `/media/${url.slice(base.length + 1)}`;
      const res = await app.server.inject({ method: 'GET', url: path });
      expect([path, res.statusCode]).toEqual([path, 200]);
      expect(res.headers['content-type']).toMatch(/^image\/(webp|avif|jpeg)$/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.etag).toBeTruthy();
    }
    const one = `/media/${key}/320.jpg`;
    const first = await app.server.inject({ method: 'GET', url: one });
    expect(first.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    const again = await app.server.inject({
      method: 'GET',
      url: one,
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    // HEAD: the GET's headers and size, no body.
    const head = await app.server.inject({ method: 'HEAD', url: one });
    expect(head.statusCode).toBe(200);
    expect(head.rawPayload.length).toBe(0);
    expect(head.headers['content-length']).toBe(String(first.rawPayload.length));
    expect([head.headers['content-type'], head.headers.etag]).toEqual([
      first.headers['content-type'],
      first.headers.etag,
    ]);
    const missing = await app.server.inject({ method: 'HEAD', url: `/media/${key}/9999.jpg` });
    expect(missing.statusCode).toBe(404);

    if (baseUrl) {
      // Absolute where they were absolute: feeds and JSON-LD name the CDN, and the CSP allows it.
      expect(page.body).toMatch(/"image":\["https:\/\/cdn\.example\.id\/media\//);
      expect(String(page.headers['content-security-policy'])).toMatch(
        /img-src 'self' data: https:\/\/cdn\.example\.id/,
      );
      const feed = await app.server.inject({ method: 'GET', url: '/feed/json' });
      expect(feed.body).toContain(`"https://cdn.example.id/media/${key}/`);
      expect(feed.body).not.toContain('http://warta.test/media/');
    } else {
      expect(String(page.headers['content-security-policy'])).toMatch(/img-src 'self' data:;/);
    }
  });

  it('replace removes the old objects, delete removes the new ones', async () => {
    const id: number = (await upload(await photo(700, 500, 'jpeg'))).json().id;
    const old = await storageKeyOf(id);
    expect((await objectKeys(app, old)).length).toBeGreaterThan(10);
    await upload(await photo(900, 500, 'jpeg'), `/newsroom/media/${id}/ganti`);
    const now = await storageKeyOf(id);
    expect(now).not.toBe(old);
    expect(await objectKeys(app, old)).toEqual([]);
    expect(await objectKeys(app, now)).toContain(`${now}/original.jpg`);
    expect(
      (await app.server.inject({ method: 'GET', url: `/media/${old}/320.jpg` })).statusCode,
    ).toBe(404);

    const gone = await app.server.inject({
      method: 'POST',
      url: `/newsroom/media/${id}/hapus`,
      headers: { cookie: redaktur.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: redaktur.csrf, yakin: '1' }).toString(),
    });
    expect(gone.statusCode).toBe(303);
    expect(await objectKeys(app, now)).toEqual([]);
  });

  it('answers 404 for keys of another shape and for missing objects, and /readyz checks the bucket', async () => {
    for (const url of [
      '/media/../../etc/passwd',
      '/media/..%2f..%2fetc%2fpasswd',
      '/media/abc-1/..%2f320.jpg',
      '/media/ABC/320.jpg',
      '/media/abc-1/sub/320.jpg',
      '/media/abc-1/.320.jpg',
      '/media/abc-1/320.jpg',
      '/media/',
      `/media/${'a'.repeat(65)}/320.jpg`,
      `/media/abc-1/${'b'.repeat(42)}.jpg`,
      '/media/abc-1/320.jpeg12',
      '/media/abc-1/320',
      '/media/abc-1/320.jpg?x=1',
      '/media/abc%00-1/320.jpg',
      '/media/abc-1/320.jpg/',
      '/media/-abc/320.jpg',
    ]) {
      const res = await app.server.inject({ method: 'GET', url });
      expect([url, res.statusCode]).toEqual([url, 404]);
      // The site's own 404 page, not a bare validation error.
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).toContain('tidak ditemukan');
    }
    const ready = await app.server.inject({ method: 'GET', url: '/readyz' });
    expect([ready.statusCode, ready.json().checks.storage]).toEqual([200, 'ok']);
  });
});

describe('readiness with a bucket that is gone', () => {
  it('/readyz fails the storage check', async () => {
    const s3 = await startS3();
    const app = await testApp('sqlite', { ...s3.config, s3Bucket: 'ember-yang-hilang' });
    try {
      const ready = await app.server.inject({ method: 'GET', url: '/readyz' });
      expect([ready.statusCode, ready.json().checks]).toEqual([
        503,
        { database: 'ok', cache: 'ok', storage: 'failed' },
      ]);
    } finally {
      mediaStorage(app.config).close();
      await app.dispose();
      await s3.close();
    }
  });
});
