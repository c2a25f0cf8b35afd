import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUploads, WP_FIXTURES } from '../../../test/fixtures/wordpress/make-uploads.ts';
import { DIALECTS, freshDb, type TestApp, testApp } from '../../../test/helpers.ts';
import { articleClient } from '../../../test/newsroom-client.ts';
import { loginAs } from '../../../test/staff.ts';
import type { Block } from '../../content/blocks.ts';
import type { Db } from '../../db/connection.ts';
import { EventBus } from '../../lib/events.ts';
import { importWordpress, UnfinishedImportError, type WpImportResult } from './import.ts';
import { reasonText, summaryTable } from './report.ts';

const FIXTURES = WP_FIXTURES;
const WXR6 = join(FIXTURES, 'wxr-6x.xml');
const WXR3 = join(FIXTURES, 'wxr-3x.xml');

async function tableCounts(db: Db) {
  const k = db.kysely;
  const n = async (
    t:
      | 'articles'
      | 'comments'
      | 'media'
      | 'sections'
      | 'tags'
      | 'people'
      | 'legacy_paths'
      | 'wp_import_map',
  ) =>
    Number(
      (
        await k
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    articles: await n('articles'),
    comments: await n('comments'),
    media: await n('media'),
    sections: await n('sections'),
    tags: await n('tags'),
    people: await n('people'),
    legacy: await n('legacy_paths'),
    map: await n('wp_import_map'),
  };
}

describe.each(DIALECTS)('warta import wordpress (%s)', (dialect) => {
  let app: TestApp;
  let uploads: string;
  let first: WpImportResult;
  const published: number[] = [];

  beforeAll(async () => {
    uploads = await makeUploads();
    app = await testApp(dialect);
    app.events.on('article.published', ({ articleId }) => {
      published.push(articleId);
    });
    first = await importWordpress(app.db, app.events, app.config, WXR6, {
      uploadsDir: uploads,
      staff: true,
    });
  });
  afterAll(async () => {
    await app.dispose();
    rmSync(uploads, { recursive: true, force: true });
  });

  const k = () => app.db.kysely;
  const articleByExternal = (wpId: string) =>
    k()
      .selectFrom('articles')
      .selectAll()
      .where('external_id', '=', `wp:kabarpesisir.example:${wpId}`)
      .executeTakeFirstOrThrow();

  it('imports sections with their nesting, tags, authors and posts in every status', async () => {
    expect(first.error).toBeNull();
    const sections = await k().selectFrom('sections').select(['slug', 'parent_id', 'id']).execute();
    const daerah = sections.find((s) => s.slug === 'daerah');
    expect(sections.find((s) => s.slug === 'badung')?.parent_id).toBe(daerah?.id);
    // Warta nests one level: Kuta (Daerah › Badung › Kuta) hangs under Daerah, and the report says so.
    expect(sections.find((s) => s.slug === 'kuta')?.parent_id).toBe(daerah?.id);
    expect(first.entries.some((e) => e.code === 'section-flattened')).toBe(true);
    const people = await k().selectFrom('people').select(['name']).orderBy('name').execute();
    expect(people.map((p) => p.name)).toEqual(['Ni Luh Ayu Sekar', 'budi_k']);
    expect(first.entries.find((e) => e.code === 'author-no-name')).toBeTruthy();

    const status = async (id: string) => (await articleByExternal(id)).status;
    expect(await status('10')).toBe('published');
    expect(await status('13')).toBe('scheduled');
    expect(await status('14')).toBe('unpublished');
    expect(await status('15')).toBe('draft');
    expect(await status('16')).toBe('submitted');
    expect(
      await k()
        .selectFrom('articles')
        .select('id')
        .where('external_id', '=', 'wp:kabarpesisir.example:17')
        .executeTakeFirst(),
    ).toBeUndefined();
    expect(first.entries.find((e) => e.wpId === '17')?.code).toBe('status-skipped');
    expect(first.entries.find((e) => e.wpId === '40')?.code).toBe('type-skipped');
    const scheduled = await articleByExternal('13');
    expect(scheduled.scheduled_at).toBe(Date.UTC(2030, 6, 1));
    const job = await k()
      .selectFrom('jobs')
      .select(['kind', 'run_at'])
      .where('unique_key', 'is', null)
      .executeTakeFirstOrThrow();
    expect(job).toEqual({ kind: 'publish-scheduled', run_at: Date.UTC(2030, 6, 1) });
    // GMT is used; a draft without GMT falls back to local time in the site's zone (WITA, +8).
    expect((await articleByExternal('10')).published_at).toBe(Date.UTC(2026, 2, 10, 2, 30));
    expect((await articleByExternal('15')).created_at).toBe(Date.UTC(2026, 2, 15, 0, 0));
    expect(published).toContain((await articleByExternal('10')).id);
    // The page, the post without a title, the duplicate slug.
    expect((await articleByExternal('30')).headline).toBe('Tentang Kami');
    expect((await articleByExternal('12')).headline).toMatch(/^Tulisan singkat tanpa judul/);
    expect(first.entries.find((e) => e.wpId === '12' && e.code === 'slug-duplicate')).toBeTruthy();
    // Emoji and other 4-byte characters survive both databases.
    expect((await articleByExternal('10')).headline).toBe(
      'Rob Merendam Kampung Nelayan 🌊 di Sanur',
    );
    const tags = await k().selectFrom('tags').select('name').orderBy('name').execute();
    expect(tags.map((t) => t.name)).toEqual(['Banjir Rob', 'Nelayan']);
  });

  it('turns Gutenberg and classic bodies into blocks and recognises dateline, initials and wire credit', async () => {
    const a = await articleByExternal('10');
    expect(a.dateline).toBe('DENPASAR');
    expect(a.byline_initials).toBe('kmb/ayu');
    expect(a.source_credit).toBe('Antara');
    const body = JSON.parse(a.body) as Block[];
    expect(body.map((b) => b.type)).toEqual([
      'paragraph',
      'image',
      'heading',
      'paragraph',
      'quote',
      'list',
      'embed',
      'html',
      'html',
      'paragraph',
    ]);
    expect(body[0]).toMatchObject({
      content: [
        { text: 'Air laut pasang masuk ke kampung nelayan di pesisir Sanur sejak ' },
        { text: 'Selasa dini hari', marks: ['bold'] },
        { text: '. Warga memindahkan perahu ke tempat yang lebih tinggi.' },
      ],
    });
    expect(body[1]).toMatchObject({
      type: 'image',
      caption: 'Genangan air laut di jalan kampung nelayan Sanur, Selasa pagi.',
      alt: 'Genangan di jalan kampung',
    });
    expect(body[4]).toEqual({
      type: 'quote',
      text: 'Kami sudah tiga malam tidak melaut.',
      cite: 'Made Sutama, nelayan',
    });
    expect(body[6]).toEqual({
      type: 'embed',
      provider: 'youtube',
      url: 'https://www.youtube.com/watch?v=abcdefghijk',
    });
    // The table is kept as a sanitised html block; the unknown iframe only as a link. Both reported.
    expect(body[7]).toEqual({
      type: 'html',
      label: 'table',
      html: '<table><tbody><tr><td>Pasang tertinggi</td><td>2,6 m</td></tr><tr><td>Surut</td><td>0,4 m</td></tr></tbody></table>',
    });
    expect(body[8]).toEqual({
      type: 'html',
      label: 'iframe',
      html: '<p><a href="https://peta.example.net/embed/rob-sanur" rel="nofollow noopener">https://peta.example.net/embed/rob-sanur</a></p>',
    });
    expect(body.at(-1)).toEqual({
      type: 'paragraph',
      content: [{ text: 'Pemerintah desa membuka dapur umum di balai banjar.' }],
    });
    const unmapped = first.entries
      .filter((e) => e.wpId === '10' && e.code === 'body-unmapped')
      .map((e) => e.args?.[0]);
    expect(unmapped).toEqual(['<table>', '<iframe> peta.example.net']);

    const classic = await articleByExternal('11');
    expect(classic.dateline).toBe('SEMARAPURA');
    expect(classic.comments_open).toBe(0);
    const cb = JSON.parse(classic.body) as Block[];
    expect(cb.map((b) => b.type)).toEqual([
      'paragraph',
      'image',
      'paragraph',
      'paragraph',
      'html',
      'html',
    ]);
    expect(cb[1]).toMatchObject({ type: 'image', caption: 'Pesisir yang akan diberi tanggul.' });
    expect(cb[2]).toEqual({
      type: 'paragraph',
      content: [
        {
          text: 'Rapat berlangsung hingga sore. Anggaran tanggul masih dihitung.\nBaris ini disambung dengan baris sebelumnya.',
        },
      ],
    });
    // Unknown shortcodes stay (with what they wrap) as html blocks for the editors to deal with.
    expect(cb.slice(-2)).toEqual([
      {
        type: 'html',
        label: '[contact-form-7]',
        html: '<p><code>[contact-form-7 id="12" title="Kirim kabar"]</code></p>',
      },
      {
        type: 'html',
        label: '[su_note]',
        html: '<p><code>[su_note]</code></p>Catatan redaksi: rapat dilanjutkan pekan depan.',
      },
    ]);
    const codes = first.entries
      .filter((e) => e.wpId === '11' || e.wpId === 'post 11')
      .map((e) => `${e.code}:${e.args?.[0] ?? ''}`);
    expect(codes).toContain('body-unmapped:[contact-form-7]');
    expect(codes).toContain(
      'image-missing:https://kabarpesisir.example/wp-content/uploads/2026/03/hilang.jpg',
    );
    expect(codes).toContain(
      'image-invalid:https://kabarpesisir.example/wp-content/uploads/2026/03/bukan-foto.jpg',
    );
  });

  it('stores each photo once through the media pipeline, with caption and alt from WordPress', async () => {
    const media = await k().selectFrom('media').selectAll().execute();
    expect(media).toHaveLength(1);
    const photo = media[0];
    expect(photo?.alt).toBe('Genangan air laut di jalan kampung nelayan');
    expect(JSON.parse(photo?.variants ?? '{}').webp.length).toBeGreaterThan(1);
    const a = await articleByExternal('10');
    expect(a.featured_media_id).toBe(photo?.id);
    expect(a.featured_caption).toBe(
      'Air laut masuk ke halaman rumah warga di pesisir Sanur, Selasa pagi.',
    );
    expect((JSON.parse((await articleByExternal('11')).body) as Block[])[1]).toMatchObject({
      mediaId: photo?.id,
    });
    expect(first.counts.media).toMatchObject({ imported: 1, failed: 2, skipped: 1 });
    expect(first.entries.find((e) => e.code === 'attachment-unused')?.wpId).toBe('22');
    expect(first.counts.post).toMatchObject({ imported: 7, skipped: 2, failed: 0 });
  });

  it('imports comments with threading, approval, orphans and HTML as text', async () => {
    const a = await articleByExternal('10');
    const rows = await k()
      .selectFrom('comments')
      .selectAll()
      .where('article_id', '=', a.id)
      .orderBy('created_at')
      .execute();
    expect(rows.map((r) => [r.author_name, r.status, r.depth])).toEqual([
      ['Komang Ari', 'approved', 0],
      ['Ni Luh Ayu Sekar', 'approved', 1],
      ['Komang Ari', 'approved', 2],
      ['Pembaca Baru', 'pending', 0],
      ['Orang Iseng', 'trash', 0],
      ['Wayan Tirta', 'approved', 0],
      ['Gede Bayu', 'approved', 0],
    ]);
    expect(rows[1]?.parent_id).toBe(rows[0]?.id);
    expect(rows[2]?.parent_id).toBe(rows[1]?.id);
    expect(rows[1]?.legacy_anchor).toBe('comment-101');
    expect(rows[0]?.created_at).toBe(Date.UTC(2026, 2, 10, 4));
    expect(rows[6]?.body).toBe(
      'Ini penting: daftar posko (https://bpbd.example/posko)\n\nBaris kedua & emoji 🌧️',
    );
    expect(rows[0]?.email_hash).not.toContain('@');
    const codes = first.entries
      .filter((e) => e.kind === 'comment')
      .map((e) => `${e.wpId}:${e.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        '105:comment-orphan',
        '106:comment-html',
        '106:comment-unknown-user',
        '107:comment-skipped',
      ]),
    );
    expect(
      reasonText(first.entries.find((e) => e.code === 'comment-orphan') as never, 'id'),
    ).toMatch(/#99/);
  });

  it('invites authors as staff without a password, through the outbox', async () => {
    const users = await k()
      .selectFrom('users')
      .select(['email', 'role'])
      .orderBy('email')
      .execute();
    expect(users).toEqual([
      { email: 'budi@kabarpesisir.example', role: 'wartawan' },
      { email: 'redaksi@kabarpesisir.example', role: 'wartawan' },
    ]);
    const mail = await k().selectFrom('outbox').select(['to_address', 'body_text']).execute();
    expect(mail).toHaveLength(2);
    expect(mail[0]?.body_text).toMatch(/http:\/\/warta\.test\//);
  });

  it('makes the sticky post the home lead; editors set and clear it, audited, and the home follows', async () => {
    const sticky = await articleByExternal('10');
    const short = await articleByExternal('12');
    const draft = await articleByExternal('15');
    const leadOf = async () => {
      const home = (await app.server.inject({ method: 'GET', url: '/' })).body;
      return (
        /<article class="lead">[\s\S]*?<h2 class="lead-title">([\s\S]*?)<\/h2>/.exec(home)?.[1] ??
        ''
      );
    };
    // Post 10 is sticky in WordPress: it is pinned (and, the only post with a photo, leads anyway).
    expect(first.entries.find((e) => e.code === 'home-lead')?.wpId).toBe('10');
    expect(
      (await k().selectFrom('home_lead').select('article_id').executeTakeFirstOrThrow()).article_id,
    ).toBe(sticky.id);
    expect(await leadOf()).toContain(sticky.headline);
    const c = articleClient(app);
    const editor = await loginAs(app, 'redaktur', { name: 'Rina' });
    const writer = await loginAs(app, 'wartawan', { name: 'Kadek' });
    const lead = (who: typeof editor, id: number, value: string) =>
      c.post(who, `/newsroom/artikel/${id}/utama`, { lead: value });
    expect((await lead(writer, short.id, '1')).statusCode).toBe(403);
    expect((await lead(editor, short.id, '2')).statusCode).toBe(400);
    expect((await lead(editor, sticky.id, '0')).statusCode).toBe(303);
    // A post without a photo takes the lead slot only when pinned.
    expect((await lead(editor, short.id, '1')).headers.location).toBe(
      `/newsroom/artikel/${short.id}?done=lead`,
    );
    expect(await leadOf()).toContain(short.headline);
    const list = (await c.get(editor, '/newsroom/artikel?scope=all')).body;
    expect(list).toMatch(
      new RegExp(
        `artikel/${short.id}">[^<]*</a><span class="nr-status nr-lead-badge">Berita utama`,
      ),
    );
    const page = (await c.get(editor, `/newsroom/artikel/${short.id}`)).body;
    expect(page).toContain('Artikel ini adalah berita utama beranda.');
    expect((await lead(editor, short.id, '0')).statusCode).toBe(303);
    expect(await leadOf()).toContain(sticky.headline);
    // A lead readers cannot see (a draft) leaves the home to its own choice.
    await lead(editor, draft.id, '1');
    expect(await leadOf()).toContain(sticky.headline);
    const audits = await k()
      .selectFrom('audit_log')
      .select(['action', 'target'])
      .where('action', 'like', 'home.lead.%')
      .orderBy('id')
      .execute();
    expect(audits.map((a) => `${a.action} ${a.target}`)).toEqual([
      `home.lead.set article:${sticky.id}`,
      `home.lead.cleared article:${sticky.id}`,
      `home.lead.set article:${short.id}`,
      `home.lead.cleared article:${short.id}`,
      `home.lead.set article:${draft.id}`,
    ]);
    await lead(editor, draft.id, '0');
  });

  it('links comments by imported staff authors to their account and badges them "Redaksi"', async () => {
    const staffUser = await k()
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'redaksi@kabarpesisir.example')
      .executeTakeFirstOrThrow();
    const commentOf = async (wpId: string) =>
      k()
        .selectFrom('comments')
        .select(['user_id', 'legacy_anchor'])
        .where('legacy_anchor', '=', `comment-${wpId}`)
        .executeTakeFirstOrThrow();
    expect((await commentOf('101')).user_id).toBe(staffUser.id);
    // User 7 is not in the export: a guest comment, as before, and reported.
    expect((await commentOf('106')).user_id).toBeNull();
    expect(first.entries.find((e) => e.code === 'comment-unknown-user')?.wpId).toBe('106');
    expect((await commentOf('100')).user_id).toBeNull();
    const a = await articleByExternal('10');
    const section = await k()
      .selectFrom('sections')
      .select('slug')
      .where('id', '=', a.section_id)
      .executeTakeFirstOrThrow();
    const html = (
      await app.server.inject({ method: 'GET', url: `/${section.slug}/${a.id}/${a.slug}` })
    ).body;
    const badges = html.match(
      /<strong class="comment-author">[^<]*<\/strong> <span class="comment-badge comment-badge-staff">Redaksi<\/span>/g,
    );
    expect(badges).toEqual([
      '<strong class="comment-author">Ni Luh Ayu Sekar</strong> <span class="comment-badge comment-badge-staff">Redaksi</span>',
    ]);
  });

  it('answers old addresses with 301 and costs nothing on pages that exist', async () => {
    const a = await articleByExternal('10');
    const section = await k()
      .selectFrom('sections')
      .select('slug')
      .where('id', '=', a.section_id)
      .executeTakeFirstOrThrow();
    const canonical = `/${section.slug}/${a.id}/${a.slug}`;
    const get = (url: string) => app.server.inject({ method: 'GET', url });
    for (const old of [
      '/2026/03/rob-merendam-kampung-nelayan/',
      '/2026/03/rob-merendam-kampung-nelayan',
      '/2026/03/air-pasang-di-sanur/',
      '/?p=10',
      '/?attachment_id=20',
      '/2026/03/rob-merendam-kampung-nelayan/pantai-sanur/',
      '/2026/03/rob-merendam-kampung-nelayan/feed/',
    ]) {
      const res = await get(old);
      expect([res.statusCode, res.headers.location], old).toEqual([301, canonical]);
    }
    // The imported table reaches the page inside its wrapper; the unknown iframe only as a link.
    const article = (await get(canonical)).body;
    expect(article).toContain(
      '<div class="html-block"><table><tbody><tr><td>Pasang tertinggi</td><td>2,6 m</td>',
    );
    expect(article).toContain(
      'href="https://peta.example.net/embed/rob-sanur" rel="nofollow noopener"',
    );
    expect(article).not.toContain('<iframe');
    // A WordPress permalink that looks like a Warta article URL (/2026/11/…) still goes to its post.
    expect((await get('/category/daerah/badung/')).headers.location).toBe('/badung');
    expect((await get('/category/daerah/feed/')).headers.location).toBe('/daerah/feed');
    expect((await get('/?cat=3')).headers.location).toBe('/badung');
    expect((await get('/?tag=banjir-rob')).headers.location).toBe('/tag/banjir-rob');
    expect((await get('/?feed=rss2')).headers.location).toBe('/feed');
    expect((await get('/author/redaksi/')).headers.location).toBe('/penulis/ni-luh-ayu-sekar');
    expect((await get('/2026/03/')).headers.location).toBe('/arsip/2026/03');
    const page = await articleByExternal('30');
    expect((await get('/tentang-kami/')).headers.location).toBe(`/halaman/${page.id}/tentang-kami`);
    // Not public (private, scheduled): no redirect, a plain 404.
    expect((await get('/2026/03/catatan-internal/')).statusCode).toBe(404);
    expect((await get('/?p=13')).statusCode).toBe(200);
    expect((await get('/tidak-ada-di-mana-mana')).statusCode).toBe(404);
    const home = await get('/?utm_source=x');
    expect(home.statusCode).toBe(200);
  });

  it('adds nothing on a second run and says what is already there', async () => {
    const before = await tableCounts(app.db);
    const again = await importWordpress(app.db, app.events, app.config, WXR6, {
      uploadsDir: uploads,
      staff: true,
    });
    expect(await tableCounts(app.db)).toEqual(before);
    expect(again.counts.post).toMatchObject({ imported: 0, existing: 7 });
    expect(again.counts.comment).toMatchObject({ imported: 0, existing: 7 });
    // Only the attachment no post uses is reported, on a re-run as on the first.
    expect(again.entries.filter((e) => e.code === 'attachment-unused').map((e) => e.wpId)).toEqual([
      '22',
    ]);
    expect(summaryTable(again.counts, 'en')).toMatch(/Posts\s+0\s+7/);
  });

  it('reads a WordPress 3.x export (WXR 1.1) below a blog path', async () => {
    const res = await importWordpress(app.db, app.events, app.config, WXR3);
    expect(res.error).toBeNull();
    expect(res.counts.post.imported).toBe(1);
    const a = await k()
      .selectFrom('articles')
      .selectAll()
      .where('external_id', '=', 'wp:wartalama.example:3')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(a.body)).toEqual([
      {
        type: 'paragraph',
        content: [{ text: 'Warga desa kini bisa menyeberang sungai tanpa perahu.' }],
      },
      {
        type: 'paragraph',
        content: [
          { text: 'Jembatan sepanjang ' },
          { text: '40 meter', marks: ['bold'] },
          { text: ' itu dibangun secara gotong royong.' },
        ],
      },
    ]);
    const res2 = await app.server.inject({ method: 'GET', url: '/2013/03/jembatan-desa-selesai/' });
    expect(res2.statusCode).toBe(301);
  });
});

describe.each(DIALECTS)('wordpress import: interruptions and bad input (%s)', (dialect) => {
  it('resumes after a kill to the same result as one run, and refuses to start over without --resume', async () => {
    const uploads = await makeUploads();
    const [once, twice] = [await freshDb(dialect), await freshDb(dialect)];
    try {
      const config = (await import('../../config.ts')).loadConfig(
        {},
        {
          databaseUrl: once.url,
          mediaDir: mkdtempSync(join(tmpdir(), 'warta-media-')),
          secretKey: 'test-secret-key-of-at-least-thirty-two-characters',
          siteUrl: 'http://warta.test',
        },
      );
      const events = new EventBus();
      const full = await importWordpress(once.db, events, config, WXR6, { uploadsDir: uploads });
      await expect(
        importWordpress(twice.db, events, config, WXR6, { uploadsDir: uploads, stopAfterPosts: 2 }),
      ).rejects.toThrow();
      await expect(
        importWordpress(twice.db, events, config, WXR6, { uploadsDir: uploads }),
      ).rejects.toBeInstanceOf(UnfinishedImportError);
      const resumed = await importWordpress(twice.db, events, config, WXR6, {
        uploadsDir: uploads,
        resume: true,
      });
      const a = await tableCounts(once.db);
      expect(await tableCounts(twice.db)).toEqual(a);
      // What the resumed run imported plus what the killed part had written is the whole.
      expect(resumed.counts.comment.imported + resumed.counts.comment.existing).toBe(
        full.counts.comment.imported,
      );
      const headlines = async (db: Db) =>
        await db.kysely
          .selectFrom('articles')
          .select(['external_id', 'status', 'body'])
          .orderBy('external_id')
          .execute();
      expect(await headlines(twice.db)).toEqual(await headlines(once.db));
      const runs = await twice.db.kysely.selectFrom('wp_import_runs').select(['status']).execute();
      expect(runs).toEqual([{ status: 'done' }]);

      // --dry-run: the full summary, nothing written.
      const fresh = await freshDb(dialect);
      try {
        const dry = await importWordpress(fresh.db, events, config, WXR6, {
          uploadsDir: uploads,
          dryRun: true,
        });
        expect(dry.counts.post.imported).toBe(full.counts.post.imported);
        expect(dry.counts.comment.imported).toBe(full.counts.comment.imported);
        const empty = await tableCounts(fresh.db);
        expect(Object.values(empty).every((n) => n === 0)).toBe(true);
        // Truncated XML: what came before is in, the line is reported.
        const cut = await importWordpress(
          fresh.db,
          events,
          config,
          join(FIXTURES, 'truncated.xml'),
          { uploadsDir: uploads },
        );
        expect(cut.error?.code).toBe('truncated');
        expect(cut.error?.line).toBe(330);
        expect(cut.counts.post.imported).toBe(1);
        expect(cut.counts.comment.imported).toBe(7);
        const run = await fresh.db.kysely
          .selectFrom('wp_import_runs')
          .select(['status', 'error'])
          .executeTakeFirstOrThrow();
        expect(run.status).toBe('failed');
        expect(run.error).toMatch(/line 330/);
        // XXE and billion laughs: refused at the DOCTYPE, nothing read, nothing written.
        for (const bad of ['xxe.xml', 'billion-laughs.xml']) {
          const before = await tableCounts(fresh.db);
          const res = await importWordpress(fresh.db, events, config, join(FIXTURES, bad));
          expect(res.error?.code, bad).toBe('doctype');
          expect(res.error?.line).toBe(2);
          expect(await tableCounts(fresh.db)).toEqual(before);
        }
      } finally {
        await fresh.dispose();
      }
    } finally {
      await once.dispose();
      await twice.dispose();
      rmSync(uploads, { recursive: true, force: true });
    }
  });
});

describe('wordpress import: photos from --media-base', () => {
  it('downloads what the uploads copy does not have, and reports what the server lacks', async () => {
    const uploads = await makeUploads();
    const served: string[] = [];
    const server = createServer((req, res) => {
      served.push(req.url ?? '');
      const file = join(uploads, decodeURIComponent((req.url ?? '').replace(/^\/uploads\//, '')));
      try {
        res.end(readFileSync(file));
      } catch {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const app = await testApp('sqlite');
    try {
      const res = await importWordpress(app.db, app.events, app.config, WXR6, {
        mediaBase: `http://127.0.0.1:${port}/uploads/`,
      });
      expect(res.counts.media).toMatchObject({ imported: 1, failed: 2 });
      expect(served).toContain('/uploads/2026/03/pantai-sanur.jpg');
      expect(served).toContain('/uploads/2026/03/hilang.jpg');
      const media = await app.db.kysely.selectFrom('media').select('id').execute();
      expect(media).toHaveLength(1);
    } finally {
      await app.dispose();
      server.close();
      rmSync(uploads, { recursive: true, force: true });
    }
  });
});
