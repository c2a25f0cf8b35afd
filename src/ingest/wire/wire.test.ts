import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSection, publishedArticle } from '../../../test/factories.ts';
import { STORIES } from '../../../test/fixtures/wire/near-dup-stories.ts';
import { DIALECTS, type TestApp, testApp } from '../../../test/helpers.ts';
import { photo } from '../../../test/images.ts';
import { form } from '../../../test/newsroom-http.ts';
import { loginAs } from '../../../test/staff.ts';
import { paragraph } from '../../content/blocks.ts';
import {
  endless,
  type FeedServer,
  fixture,
  hang,
  serve,
  startFeedServer,
} from './feed-server.test-kit.ts';
import type { FetchLimits } from './fetcher.ts';
import { pollSource, schedulePoll } from './poller.ts';
import { getSource, insertSource, type SourceInput } from './store.ts';
import { buildSourceInput } from './test-kit.ts';

/**
 * The wire desk end to end on both dialects, against a real feed server on
 * loopback: every format, updates and corrections, each failure reported on
 * the source's page with the valid items kept, the job runner's concurrency,
 * taking a story as a draft (photo, credit, dateline, embargo), the desk's
 * search, live update and near-duplicate grouping, and the watched folder.
 */

const LIMITS: FetchLimits = { timeoutMs: 400, maxBytes: 256 * 1024, maxRedirects: 3 };
const story = (key: string) => STORIES.find((s) => s.key === key) as (typeof STORIES)[number];

let feeds: FeedServer;
beforeAll(async () => {
  feeds = await startFeedServer();
  const jpeg = await photo(640, 360);
  for (const name of ['banjir', 'sidang']) {
    feeds.route(`/foto/${name}.jpg`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.end(jpeg);
    });
  }
  feeds.route(
    '/foto/palsu.jpg',
    serve(() => '<html><body>bukan foto</body></html>', 'image/jpeg'),
  );
});
afterAll(async () => {
  await feeds.close();
});

/** A one-item JSON Feed around a text (for grouping tests). */
function jsonFeed(items: { id: string; title: string; text: string; image?: string }[]) {
  return () =>
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Uji',
      items: items.map((i) => ({
        id: i.id,
        url: `${feeds.base}/json/${i.id}`,
        title: i.title,
        content_text: i.text,
        date_published: new Date().toISOString(),
        ...(i.image ? { image: i.image } : {}),
      })),
    });
}

describe.each(DIALECTS)('wire desk (%s)', (dialect) => {
  let app: TestApp;
  let admin: Awaited<ReturnType<typeof loginAs>>;
  let writer: Awaited<ReturnType<typeof loginAs>>;
  let sectionId: number;
  const ids: Record<string, number> = {};

  async function addSource(route: string, overrides: Partial<SourceInput> = {}) {
    return insertSource(
      app.db.kysely,
      buildSourceInput({
        name: `Sumber ${route}`,
        url: `${feeds.base}${route}`,
        credit: 'Antara',
        photoCredit: 'Ant',
        sectionId,
        ...overrides,
      }),
      Date.now(),
    );
  }
  const k = () => app.db.kysely;
  const itemByGuid = (guid: string) =>
    k().selectFrom('wire_items').selectAll().where('guid', '=', guid).executeTakeFirstOrThrow();
  const as = (
    who: typeof admin,
    method: 'GET' | 'POST',
    url: string,
    fields?: Record<string, string>,
  ) =>
    app.server.inject({
      method,
      url,
      headers: {
        cookie: who.cookie,
        ...(fields ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(fields ? { payload: form({ ...fields, _csrf: who.csrf }) } : {}),
    });

  beforeAll(async () => {
    app = await testApp(dialect);
    admin = await loginAs(app, 'admin');
    writer = await loginAs(app, 'wartawan', { name: 'Rina Dewi' });
    sectionId = (await makeSection(app.db, 'Daerah')).id;
  });
  afterAll(async () => {
    await app.dispose();
  });

  it('keeps every valid RSS item, sanitises bodies, reports each bad one, and polls conditionally', async () => {
    feeds.route(
      '/rss',
      serve(() => fixture('rss.xml', feeds.base), 'application/rss+xml', '"v1"'),
    );
    ids.rss = await addSource('/rss');
    const first = await pollSource(app.db, ids.rss, { limits: LIMITS });
    expect(first).toMatchObject({ ok: true, added: 5 });
    const flood = await itemByGuid('knu-001');
    for (const bad of ['script', 'iframe', 'javascript:', 'onclick', 'alert'])
      expect(flood.body.toLowerCase()).not.toContain(bad);
    expect(JSON.parse(flood.body)[1].content).toContainEqual({
      text: 'Daftar posko',
      marks: ['link'],
      href: 'https://bpbd.example/posko',
    });
    expect((await itemByGuid('knu-005')).headline).toBe('Salinan kedua dengan GUID ganda');
    expect((await itemByGuid('knu-004')).headline.length).toBeLessThanOrEqual(300);
    expect((await itemByGuid('knu-004')).image_url).toBe('');
    expect(Number((await itemByGuid('knu-002')).published_at)).toBeLessThanOrEqual(Date.now());
    const codes = first.problems.map((p) => p.code).sort();
    expect(codes).toEqual(
      [
        'bad-image',
        'date-ancient',
        'date-future',
        'duplicate-guid',
        'headline-too-long',
        'markup-removed',
        'missing-field',
      ].sort(),
    );
    const again = await pollSource(app.db, ids.rss, { limits: LIMITS });
    expect(again).toMatchObject({ ok: true, notModified: true, added: 0 });
    expect(feeds.seen.get('/rss')?.at(-1)?.['if-none-match']).toBe('"v1"');
    const page = await as(admin, 'GET', `/newsroom/kawat/sumber/${ids.rss}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Tanggal di masa depan');
  });

  it('reads Atom, JSON Feed, ninjs 1.x and 2.x and NewsML-G2 (embargo, dateline, versions)', async () => {
    const files: [string, string, string][] = [
      ['/atom', 'atom.xml', 'application/atom+xml'],
      ['/json', 'feed.json', 'application/feed+json'],
      ['/ninjs', 'ninjs1.json', 'application/json'],
      ['/ninjs2', 'ninjs2.json', 'application/json'],
      ['/newsml', 'newsml.xml', 'application/xml'],
    ];
    for (const [route, file, type] of files) {
      feeds.route(
        route,
        serve(() => fixture(file, feeds.base), type),
      );
      ids[route] = await addSource(route);
      expect((await pollSource(app.db, ids[route] as number, { limits: LIMITS })).ok).toBe(true);
    }
    expect((await itemByGuid('urn:uji:atom:gempa-1')).headline).toBe(
      'Gempa M 4,9 guncang Garut selatan',
    );
    expect((await itemByGuid('json-1')).body_text).toContain('50.000 pengunjung');
    const sidang = await itemByGuid('urn:ninjs:uji:sidang-1');
    expect(sidang).toMatchObject({
      version: 1,
      dateline: 'SURABAYA',
      image_caption: 'Terdakwa mendengarkan putusan hakim',
    });
    const vaksin = await itemByGuid('urn:ninjs2:uji:vaksin-1');
    expect(vaksin.version).toBe(3);
    expect(Number(vaksin.embargo_until)).toBeGreaterThan(Date.now());
    const jalan = await itemByGuid('urn:newsml:uji:jalan-1');
    expect(jalan.dateline).toBe('LEBAK');
    expect(Number(jalan.embargo_until)).toBeGreaterThan(Date.now());
    const report = JSON.parse(
      (await getSource(k(), ids['/ninjs2'] as number))?.last_report ?? '[]',
    );
    expect(report.filter((p: { code: string }) => p.code === 'missing-field')).toHaveLength(2);
  });

  it('reports each failing source on its page, backs off, and keeps what was valid', async () => {
    feeds.route(
      '/flaky',
      serve(
        () => fixture('feed.json', feeds.base).replace('json-1', 'flaky-1'),
        'application/feed+json',
      ),
    );
    const flaky = await addSource('/flaky');
    await pollSource(app.db, flaky, { limits: LIMITS });
    feeds.route('/flaky', (_req, res) => res.writeHead(500).end('rusak'));
    feeds.route(
      '/html',
      serve(() => fixture('page.html', feeds.base), 'text/html'),
    );
    feeds.route('/loop', (_req, res) => res.writeHead(302, { location: '/loop' }).end());
    feeds.route('/huge', endless);
    feeds.route(
      '/broken',
      serve(() => fixture('broken.xml', feeds.base), 'application/xml'),
    );
    feeds.route(
      '/xxe',
      serve(() => fixture('xxe.xml', feeds.base), 'application/xml'),
    );
    feeds.route(
      '/bomb',
      serve(() => fixture('bomb.xml', feeds.base), 'application/xml'),
    );
    feeds.route('/slow', hang);
    const expected: Record<string, string> = {
      '/flaky': 'http-status',
      '/html': 'not-a-feed',
      '/loop': 'redirect-loop',
      '/huge': 'too-large',
      '/broken': 'invalid-xml',
      '/xxe': 'doctype',
      '/bomb': 'doctype',
      '/slow': 'timeout',
    };
    const sourceIds: Record<string, number> = { '/flaky': flaky };
    for (const route of Object.keys(expected)) {
      sourceIds[route] ??= await addSource(route);
      const before = Date.now();
      const out = await pollSource(app.db, sourceIds[route] as number, { limits: LIMITS });
      expect(out.ok, route).toBe(false);
      const s = await getSource(k(), sourceIds[route] as number);
      expect(JSON.parse(s?.last_error ?? '{}').code, route).toBe(expected[route]);
      expect(s?.failures).toBe(1);
      // Backed off: twice the interval after one failure.
      expect(Number(s?.next_poll_at)).toBeGreaterThanOrEqual(before + 2 * 300_000);
    }
    feeds.release();
    expect((await itemByGuid('flaky-1')).headline).toBe('Festival Danau Toba dibuka di Parapat');
    const pages = await Promise.all(
      ['/html', '/xxe', '/huge', '/slow'].map((r) =>
        as(admin, 'GET', `/newsroom/kawat/sumber/${sourceIds[r]}`),
      ),
    );
    expect(pages[0]?.body).toContain('bukan feed');
    expect(pages[1]?.body).toContain('DOCTYPE');
    expect(pages[2]?.body).toContain('batas ukuran');
    expect(pages[3]?.body).toContain('tidak menjawab tepat waktu');
  });

  it('polls through the job runner, where a hanging source never holds up another', async () => {
    feeds.route('/hang', hang);
    feeds.route(
      '/quick',
      serve(
        jsonFeed([
          { id: 'quick-1', title: 'Kiriman cepat dari sumber sehat', text: 'Isi kiriman cepat.' },
        ]),
        'application/feed+json',
      ),
    );
    const slow = await addSource('/hang', { enabled: true });
    const quick = await addSource('/quick', { enabled: true });
    await schedulePoll(app.db, slow, Date.now() - 1000);
    await schedulePoll(app.db, quick, Date.now());
    await app.jobs.runDue();
    for (let i = 0; i < 200 && !(await getSource(k(), quick))?.last_success_at; i++)
      await new Promise((r) => setTimeout(r, 50));
    // The quick source finished while the slow one's request is still held open.
    expect((await getSource(k(), quick))?.last_success_at).not.toBeNull();
    expect(feeds.held()).toBeGreaterThanOrEqual(1);
    expect((await getSource(k(), slow))?.last_polled_at).toBeNull();
    feeds.release();
    await app.jobs.settled();
    expect((await getSource(k(), slow))?.last_polled_at).not.toBeNull();
    // Each source has exactly one next poll queued.
    const queued = await k()
      .selectFrom('jobs')
      .select('payload')
      .where('kind', '=', 'wire-poll')
      .where('status', '=', 'queued')
      .execute();
    expect(queued.filter((j) => j.payload === JSON.stringify({ sourceId: quick }))).toHaveLength(1);
    await k()
      .updateTable('wire_sources')
      .set({ enabled: 0 })
      .where('id', 'in', [slow, quick])
      .execute();
  });

  it('takes a story as a draft: blocks, credit, dateline, agency photo, source link, initials', async () => {
    const item = await itemByGuid('knu-001');
    const res = await as(writer, 'POST', `/newsroom/kawat/${item.id}/ambil`, {});
    expect(res.statusCode).toBe(303);
    const articleId = Number(/artikel\/(\d+)\?kawat=1$/.exec(String(res.headers.location))?.[1]);
    const a = await k()
      .selectFrom('articles')
      .selectAll()
      .where('id', '=', articleId)
      .executeTakeFirstOrThrow();
    expect(a).toMatchObject({
      status: 'draft',
      source_credit: 'Antara',
      dateline: 'BEKASI',
      byline_initials: 'RD',
      author_id: writer.user.id,
    });
    expect(a.editor_note).toContain(`${feeds.base}/berita/knu-001`);
    expect(JSON.parse(a.body)[0].content[0].text).toMatch(/^Banjir setinggi/);
    const media = await k()
      .selectFrom('media')
      .selectAll()
      .where('id', '=', a.featured_media_id as number)
      .executeTakeFirstOrThrow();
    expect(media).toMatchObject({
      credit: 'Ant',
      caption: 'Warga melintasi banjir di Bekasi Timur',
    });
    const editor = await as(writer, 'GET', String(res.headers.location));
    expect(editor.body).toContain('Draf dibuat dari berita kantor berita');
    // The desk shows who took it.
    expect((await as(writer, 'GET', '/newsroom/kawat')).body).toContain('Sudah diambil: Rina Dewi');
  });

  it('refuses an embargoed story, and makes the draft without a photo that is not an image', async () => {
    const vaksin = await itemByGuid('urn:ninjs2:uji:vaksin-1');
    const refused = await as(writer, 'POST', `/newsroom/kawat/${vaksin.id}/ambil`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('embargo');
    expect((await as(writer, 'GET', '/newsroom/kawat')).body).toContain('Embargo sampai');
    feeds.route(
      '/fake-photo',
      serve(
        jsonFeed([
          {
            id: 'palsu-1',
            title: 'Berita dengan foto palsu',
            text: 'Isi.',
            image: `${feeds.base}/foto/palsu.jpg`,
          },
        ]),
        'application/feed+json',
      ),
    );
    const src = await addSource('/fake-photo');
    await pollSource(app.db, src, { limits: LIMITS });
    const res = await as(
      writer,
      'POST',
      `/newsroom/kawat/${(await itemByGuid('palsu-1')).id}/ambil`,
      {},
    );
    expect(String(res.headers.location)).toMatch(/\?kawat=foto$/);
    const report = JSON.parse((await getSource(k(), src))?.last_report ?? '[]');
    expect(report.map((p: { code: string }) => p.code)).toContain('bad-image');
  });

  it('replaces an updated story, marks it, and shows the agency’s change on the taken draft', async () => {
    const before = await itemByGuid('urn:ninjs:uji:sidang-1');
    const taken = await as(writer, 'POST', `/newsroom/kawat/${before.id}/ambil`, {});
    const url = String(taken.headers.location).split('?')[0] as string;
    expect((await as(writer, 'GET', url)).body).not.toContain('memperbarui berita ini');
    feeds.route(
      '/ninjs',
      serve(() => fixture('ninjs1-v2.json', feeds.base), 'application/json'),
    );
    expect(await pollSource(app.db, ids['/ninjs'] as number, { limits: LIMITS })).toMatchObject({
      updated: 1,
      added: 0,
    });
    const after = await itemByGuid('urn:ninjs:uji:sidang-1');
    expect(after).toMatchObject({ id: before.id, version: 2, updated: 1 });
    const editor = await as(writer, 'GET', url);
    expect(editor.body).toContain('Antara memperbarui berita ini setelah diambil (versi 1 → 2)');
    expect(editor.body).toContain('uang pengganti Rp3,</span><del>4</del><ins>8</ins>');
    // The same version again changes nothing.
    expect(await pollSource(app.db, ids['/ninjs'] as number, { limits: LIMITS })).toMatchObject({
      updated: 0,
      unchanged: 1,
    });
  });

  it('searches with the site analyzer, filters, updates live, and never shows wire copy publicly', async () => {
    const hit = await as(writer, 'GET', '/newsroom/kawat?q=kebanjiran');
    expect(hit.body).toContain('Banjir rendam ratusan rumah');
    expect(hit.body).not.toContain('Gempa M 4,9');
    const bySource = await as(writer, 'GET', `/newsroom/kawat?sumber=${ids['/atom']}`);
    expect(bySource.body).toContain('Gempa M 4,9');
    expect(bySource.body).not.toContain('Banjir rendam');
    const latest = Number(
      (
        await k()
          .selectFrom('wire_items')
          .select((eb) => eb.fn.max('id').as('m'))
          .executeTakeFirst()
      )?.m,
    );
    feeds.route(
      '/late',
      serve(
        jsonFeed([
          { id: 'late-1', title: 'Kiriman yang datang belakangan', text: 'Isi kiriman terlambat.' },
        ]),
        'application/feed+json',
      ),
    );
    await pollSource(app.db, await addSource('/late'), { limits: LIMITS });
    const live = await app.server.inject({
      method: 'GET',
      url: `/newsroom/kawat/baru?setelah=${latest}`,
      headers: { cookie: writer.cookie, accept: 'application/json' },
    });
    const data = live.json();
    expect(data.count).toBe(1);
    expect(data.html).toContain('Kiriman yang datang belakangan');
    const pub = await app.server.inject({ method: 'GET', url: '/cari?q=kiriman+terlambat' });
    expect(pub.body).not.toContain('Kiriman yang datang belakangan');
    const anon = await app.server.inject({ method: 'GET', url: '/newsroom/kawat' });
    expect(anon.statusCode).toBe(302);
  });

  it('groups the same event across sources and says when we already ran it', async () => {
    const fire = story('kebakaran-pasar');
    const otherFire = story('kebakaran-gudang');
    const quake = story('gempa-sumba');
    const article = await publishedArticle(
      app.db,
      sectionId,
      { headline: 'Gempa guncang Sumba Barat Daya', body: [paragraph(quake.base)] },
      Date.now() - 60_000,
      app.events,
    );
    feeds.route(
      '/agency-a',
      serve(
        jsonFeed([{ id: 'a-fire', title: 'Pasar Inpres Kupang terbakar', text: fire.base }]),
        'application/feed+json',
      ),
    );
    feeds.route(
      '/agency-b',
      serve(
        jsonFeed([
          { id: 'b-fire', title: 'UPDATE: Puluhan kios di Kupang ludes', text: fire.rewrite },
          { id: 'b-other', title: 'Gudang kopra di Bitung terbakar', text: otherFire.base },
          { id: 'b-quake', title: 'Gempa 5,8 di Sumba Barat Daya', text: quake.rewrite },
        ]),
        'application/feed+json',
      ),
    );
    await pollSource(app.db, await addSource('/agency-a', { name: 'Agensi A' }), {
      limits: LIMITS,
    });
    await pollSource(app.db, await addSource('/agency-b', { name: 'Agensi B' }), {
      limits: LIMITS,
    });
    const a = await itemByGuid('a-fire');
    expect((await itemByGuid('b-fire')).group_id).toBe(a.id);
    // A re-sent story under a new guid, marked "UPDATE:", is grouped and marked updated.
    expect((await itemByGuid('b-fire')).updated).toBe(1);
    expect(a.updated).toBe(0);
    expect((await itemByGuid('b-other')).group_id).not.toBe(a.id);
    expect((await itemByGuid('b-quake')).dup_article_id).toBe(article.id);
    const desk = await as(writer, 'GET', '/newsroom/kawat');
    expect(desk.body).toContain('Kita sudah memuat berita ini');
    expect(desk.body).toContain('Berita yang sama dari Agensi A');
  });

  it('ingests files dropped into a watched folder once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'warta-kawat-'));
    try {
      const file = path.join(dir, 'kiriman.json');
      writeFileSync(file, fixture('ninjs1.json', feeds.base).replace('sidang-1', 'folder-1'));
      const old = new Date(Date.now() - 60_000);
      utimesSync(file, old, old);
      const src = await addSource('', { url: '', folder: dir });
      expect(await pollSource(app.db, src, { limits: LIMITS })).toMatchObject({
        ok: true,
        added: 1,
      });
      expect(readdirSync(path.join(dir, 'done'))).toEqual(['kiriman.json']);
      expect(await pollSource(app.db, src, { limits: LIMITS })).toMatchObject({
        ok: true,
        added: 0,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lets an admin add a source through the form, naming each wrong field', async () => {
    const bad = await as(admin, 'POST', '/newsroom/kawat/sumber', {
      name: '',
      url: 'ftp://x',
      intervalS: '5',
    });
    expect(bad.statusCode).toBe(400);
    for (const text of [
      'Nama wajib diisi',
      'Isi alamat feed http/https',
      'Jeda pemeriksaan antara 60',
    ])
      expect(bad.body).toContain(text);
    const ok = await as(admin, 'POST', '/newsroom/kawat/sumber', {
      name: 'Antara Daerah',
      url: `${feeds.base}/rss`,
      intervalS: '600',
      credit: 'Antara',
      authKind: 'token',
      tokenHeader: 'X-Api-Key',
      authSecret: 'rahasia',
      strip: 'Baca juga\n(knu)',
      enabled: '1',
    });
    expect(ok.statusCode).toBe(303);
    const id = Number(/sumber\/(\d+)/.exec(String(ok.headers.location))?.[1]);
    const page = await as(admin, 'GET', `/newsroom/kawat/sumber/${id}`);
    expect(page.body).not.toContain('rahasia');
    await k()
      .updateTable('wire_sources')
      .set({ enabled: 0, etag: '' })
      .where('id', '=', id)
      .execute();
    // The token header goes to the feed, and the strip rules apply.
    const polled = await pollSource(app.db, id, { limits: LIMITS });
    expect(polled.ok).toBe(true);
    expect(feeds.seen.get('/rss')?.at(-1)?.['x-api-key']).toBe('rahasia');
    const items = await k()
      .selectFrom('wire_items')
      .select('body_text')
      .where('source_id', '=', id)
      .where('guid', '=', 'knu-001')
      .execute();
    expect(items[0]?.body_text).not.toContain('Baca juga');
    expect(items[0]?.body_text).not.toContain('(knu/rd)');
    expect(items[0]?.body_text).toContain('lumpuh lima jam.');
    const now = await as(admin, 'POST', `/newsroom/kawat/sumber/${id}/periksa`, {});
    expect(now.statusCode).toBe(303);
  });
});
