import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSection, publishedArticle } from '../factories.ts';
import { photo } from '../images.ts';
import { makeStaff, TEST_PASSWORD } from '../staff.ts';
import { startS3, type TestS3 } from '../support/s3.ts';
import { act, approvedArticle, logIn, newsroom } from './clients.ts';
import { type Cluster, startCluster, until } from './harness.ts';

/**
 * An editor publishes on A; a reader whose requests reach B sees it at once,
 * though B had the pages cached, and B serves the article's photos from the
 * media A stored. With Redis the page cache is shared, so A's purge clears
 * it for B too; with `CACHE_URL=memory` each process keeps its own pages and
 * only the event relayed over PostgreSQL can purge B's, which is the harder case.
 * With media on S3 (a loopback s3rver) the two processes have separate media
 * folders: B serves A's photos from the bucket alone.
 */

const EDITOR = 'redaktur.mp@warta.test';

describe.each([
  ['Redis', { redisDb: 11 }, false],
  ['memory', { cacheUrl: 'memory' }, false],
  ['Redis, media on S3', { redisDb: 14 }, true],
] as const)('publishing on A, reading on B (page cache in %s)', (_label, cache, onS3) => {
  let c: Cluster;
  let s3: TestS3 | undefined;
  const ownMedia = mkdtempSync(join(tmpdir(), 'warta-mp-own-media-'));
  let section = { id: 0, slug: '' };

  beforeAll(async () => {
    s3 = onS3 ? await startS3() : undefined;
    const own = () => ({ MEDIA_DIR: join(ownMedia, String(Math.random()).slice(2)) });
    c = await startCluster({
      ...cache,
      ...(s3 ? { env: s3.env, envA: own(), envB: own() } : {}),
      seed: async (db) => {
        section = await makeSection(db, 'Daerah');
        await publishedArticle(db, section.id, { headline: 'Pasar Badung buka sampai malam' });
        await makeStaff(db, 'redaktur', { email: EDITOR, name: 'Rina Redaktur' });
      },
    });
  });
  afterAll(async () => {
    await c?.stop();
    await s3?.close();
    rmSync(ownMedia, { recursive: true, force: true });
  });

  it('is on B within a second, and its photos answer 200 on B', async () => {
    const editor = await logIn(c.a, EDITOR, TEST_PASSWORD);
    const nr = newsroom(c.a, editor);
    const mediaId = await nr.upload(await photo(800, 450), {
      caption: 'Jembatan baru di atas Tukad Unda',
      credit: 'Warta/Uji',
      alt: 'Jembatan beton di atas sungai',
    });
    const headline = `Jembatan Tukad Unda dibuka ${Math.random().toString(36).slice(2, 7)}`;
    const id = await approvedArticle(nr, section.id, headline, {
      featuredMediaId: String(mediaId),
      featuredAlt: 'Jembatan beton di atas sungai',
      featuredCaption: 'Jembatan baru di atas Tukad Unda',
    });

    // B has the home and the section page cached, from before the publish.
    const pages = ['/', `/${section.slug}`];
    for (const path of pages)
      await until(
        async () => (await c.b.get(path)).headers.get('x-cache') === 'HIT',
        `B to cache ${path}`,
      );
    for (const path of pages) expect((await c.b.get(path)).text).not.toContain(headline);

    await act(nr, id, 'publish');
    const at = Date.now();
    for (const path of pages)
      await until(async () => (await c.b.get(path)).text.includes(headline), `${path} on B`, 1000);
    const elapsed = Date.now() - at;
    console.log(`[multiprocess] ${_label}: published on A, on B's pages after ${elapsed} ms`);

    // The article's own page on B, and every photo address on it: from the shared
    // media folder, or from the bucket (B's own folder never had them).
    const home = await c.b.get('/');
    const url = new RegExp(`href="(/${section.slug}/${id}/[a-z0-9-]+)"`).exec(home.text)?.[1];
    expect(url).toBeDefined();
    const article = await c.b.get(String(url));
    expect(article.status).toBe(200);
    expect(article.text).toContain(headline);
    const media = [...new Set(article.text.match(/\/media\/[^"'\s,)]+/g) ?? [])];
    expect(media.length).toBeGreaterThan(2);
    for (const m of media) {
      const res = await c.b.fetch(m);
      await res.arrayBuffer();
      expect([m, res.status]).toEqual([m, 200]);
    }
  });
});
