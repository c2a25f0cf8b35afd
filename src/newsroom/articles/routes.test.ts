import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeImage, makeSection, publishedArticle } from '../../../test/factories.ts';
import { DIALECTS, type TestApp, testApp } from '../../../test/helpers.ts';
import { articleClient, fullEdit } from '../../../test/newsroom-client.ts';
import { loginAs } from '../../../test/staff.ts';
import { toLocalInput } from './route-helpers.ts';

describe.each(DIALECTS)('newsroom articles over HTTP on %s', (dialect) => {
  let app: TestApp;
  let sectionId: number;
  let sectionSlug: string;
  let c: ReturnType<typeof articleClient>;
  beforeAll(async () => {
    app = await testApp(dialect);
    const s = await makeSection(app.db, 'Daerah');
    sectionId = s.id;
    sectionSlug = s.slug;
    c = articleClient(app);
  });
  afterAll(() => app.dispose());

  it('takes an article from a contributor’s draft to the public page', async () => {
    const writer = await loginAs(app, 'kontributor', { name: 'Kadek Kontributor' });
    const editor = await loginAs(app, 'redaktur', { name: 'Rina Redaktur' });
    const id = await c.create(writer, sectionId);
    const page = await c.get(writer, `/newsroom/artikel/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="nr-editor"');
    expect(page.body).toMatch(/<script src="\/static\/newsroom-editor\/[0-9a-f]{10}\.js"/);

    const img = await makeImage(app.db, app.mediaDir, {
      caption: 'Jalan berlubang',
      credit: 'Warta/Uji',
      alt: 'Jalan desa',
    });
    const saved = await c.json(writer, `/newsroom/artikel/${id}`, {
      ...fullEdit(sectionId, {
        featuredMediaId: String(img),
        featuredCaption: 'Warga menambal jalan',
        featuredCredit: 'Warta/Made',
      }),
      version: 1,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, slug: 'jalan-desa-tista-diperbaiki' });

    expect(
      (await c.post(writer, `/newsroom/artikel/${id}/tindakan`, { action: 'submit' })).statusCode,
    ).toBe(303);
    const desk = await c.get(editor, '/newsroom/meja');
    expect(desk.statusCode).toBe(200);
    expect(desk.body).toContain('Jalan desa Tista diperbaiki');
    expect(desk.body).toContain('Kadek Kontributor');

    const approve = await c.post(editor, `/newsroom/artikel/${id}/tindakan`, {
      action: 'approve',
      back: 'desk',
    });
    expect(approve.headers.location).toBe('/newsroom/meja?done=approve');
    const publish = await c.post(editor, `/newsroom/artikel/${id}/tindakan`, {
      action: 'publish',
      back: 'desk',
    });
    expect(publish.statusCode).toBe(303);
    expect((await c.row(id)).status).toBe('published');

    const pub = await app.server.inject({
      method: 'GET',
      url: `/${sectionSlug}/${id}/jalan-desa-tista-diperbaiki`,
    });
    expect(pub.statusCode).toBe(200);
    for (const text of [
      'Jalan desa Tista diperbaiki',
      'Warga bergotong royong',
      'TABANAN, WARTA',
      'Dana desa',
      'Kami tidak menunggu bantuan.',
      'Warga menambal jalan',
      'Warta/Made',
      'Mdp/Warta',
      'Made Penulis',
    ]) {
      expect(pub.body, text).toContain(text);
    }
    const audit = await app.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('target', '=', `article:${id}`)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'article.create',
        'article.submit',
        'article.approve',
        'article.published',
      ]),
    );
  });

  it('schedules through the job queue', async () => {
    const editor = await loginAs(app, 'redaktur');
    const id = await c.create(editor, sectionId, 'Jadwal pasar malam');
    await c.post(editor, `/newsroom/artikel/${id}/tindakan`, { action: 'submit' });
    await c.post(editor, `/newsroom/artikel/${id}/tindakan`, { action: 'approve' });
    const when = toLocalInput(Date.now() + 2 * 3_600_000, app.config.timeZone);
    const res = await c.post(editor, `/newsroom/artikel/${id}/tindakan`, {
      action: 'schedule',
      scheduleAt: when,
    });
    expect(res.statusCode).toBe(303);
    const a = await c.row(id);
    expect(a.status).toBe('scheduled');
    const job = await app.db.kysely
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'publish-scheduled')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(job.payload)).toEqual({ articleId: id, scheduledAt: a.scheduled_at });
    expect(job.run_at).toBe(a.scheduled_at);
    const desk = await c.get(editor, '/newsroom/meja');
    expect(desk.body).toContain('Jadwal pasar malam');
  });

  it('keeps every save as a revision with a readable diff and restores one', async () => {
    const writer = await loginAs(app, 'wartawan');
    const id = await c.create(writer, sectionId, 'Harga cabai naik');
    await c.json(writer, `/newsroom/artikel/${id}`, {
      ...fullEdit(sectionId, { headline: 'Harga cabai naik tajam' }),
      version: 1,
    });
    await c.json(writer, `/newsroom/artikel/${id}/autosave`, {
      ...fullEdit(sectionId, {
        headline: 'Harga cabai turun',
        body: [{ type: 'paragraph', content: [{ text: 'Pedagang lega.' }] }],
      }),
      version: 2,
    });
    const history = await c.get(writer, `/newsroom/artikel/${id}/riwayat`);
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('<del');
    expect(history.body).toContain('turun');
    const revs = await app.db.kysely
      .selectFrom('revisions')
      .select(['id', 'version'])
      .where('article_id', '=', id)
      .orderBy('id')
      .execute();
    expect(revs.map((r) => r.version)).toEqual([1, 2, 3]);
    const restore = await c.post(
      writer,
      `/newsroom/artikel/${id}/riwayat/${revs[1]?.id}/pulihkan`,
      { version: '3' },
    );
    expect(restore.statusCode).toBe(303);
    const a = await c.row(id);
    expect(a.headline).toBe('Harga cabai naik tajam');
    expect(a.version).toBe(4);
  });

  it('previews the body through the public renderer', async () => {
    const writer = await loginAs(app, 'kontributor');
    const id = await c.create(writer, sectionId, 'Pratinjau uji');
    await c.json(writer, `/newsroom/artikel/${id}`, {
      ...fullEdit(sectionId, { headline: 'Pratinjau uji' }),
      version: 1,
    });
    const res = await c.get(writer, `/newsroom/artikel/${id}/pratinjau`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('class="article-body"');
    expect(res.body).toContain('<blockquote>');
    expect(res.body).toContain('noindex');
  });

  it('answers the autocomplete lookups', async () => {
    const writer = await loginAs(app, 'kontributor');
    const published = await publishedArticle(app.db, sectionId, {
      headline: 'Festival layang-layang Sanur',
      tagNames: ['Layangan'],
    });
    const art = await c.get(writer, '/newsroom/artikel/saran/artikel?q=layang');
    expect(art.json()).toEqual([
      expect.objectContaining({ id: published.id, headline: 'Festival layang-layang Sanur' }),
    ]);
    expect((await c.get(writer, '/newsroom/artikel/saran/tag?q=layang')).json()).toEqual([
      'Layangan',
    ]);
    expect((await c.get(writer, '/newsroom/artikel/saran/apa?q=x')).statusCode).toBe(404);
  });
});
