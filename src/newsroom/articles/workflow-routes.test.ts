import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeImage, makeSection, publishedArticle } from '../../../test/factories.ts';
import { DIALECTS, type TestApp, testApp } from '../../../test/helpers.ts';
import { articleClient, fullEdit } from '../../../test/newsroom-client.ts';
import { loginAs } from '../../../test/staff.ts';
import { saveApiSettings } from '../../api/keys.ts';

/**
 * Issue 15's workflow items over HTTP: submitting lets go of the lock, a
 * writer withdraws an unopened submission, revision diffs name things, an
 * unchanged autosave is no revision, unpublishing takes a reason, republishing
 * keeps the publication time, and placed "Baca juga" blocks.
 */
describe.each(DIALECTS)('newsroom workflow over HTTP on %s', (dialect) => {
  let app: TestApp;
  let sectionId: number;
  let sectionSlug: string;
  let c: ReturnType<typeof articleClient>;
  let writer: Awaited<ReturnType<typeof loginAs>>;
  let editor: Awaited<ReturnType<typeof loginAs>>;

  beforeAll(async () => {
    app = await testApp(dialect);
    const s = await makeSection(app.db, 'Daerah');
    sectionId = s.id;
    sectionSlug = s.slug;
    c = articleClient(app);
    writer = await loginAs(app, 'kontributor', { name: 'Kadek Kontributor' });
    editor = await loginAs(app, 'redaktur', { name: 'Rina Redaktur' });
  });
  afterAll(() => app.dispose());

  const act = (who: typeof writer, id: number, fields: Record<string, string>) =>
    c.post(who, `/newsroom/artikel/${id}/tindakan`, fields);
  const locks = (id: number) =>
    app.db.kysely.selectFrom('article_locks').selectAll().where('article_id', '=', id).execute();
  const revisions = async (id: number) =>
    (
      await app.db.kysely
        .selectFrom('revisions')
        .select('id')
        .where('article_id', '=', id)
        .execute()
    ).length;

  it('submitting releases the lock; the writer withdraws until an editor opens it', async () => {
    const id = await c.create(writer, sectionId, 'Pasar desa dibuka lagi');
    expect((await c.get(writer, `/newsroom/artikel/${id}`)).statusCode).toBe(200);
    expect(await locks(id)).toHaveLength(1);
    expect((await act(writer, id, { action: 'submit' })).statusCode).toBe(303);
    expect(await locks(id)).toEqual([]);

    // Nobody opened it yet: the writer sees the button and takes it back.
    const page = await c.get(writer, `/newsroom/artikel/${id}`);
    expect(page.body).toContain('Tarik kembali pengajuan');
    const back = await act(writer, id, { action: 'withdraw' });
    expect(back.headers.location).toBe(`/newsroom/artikel/${id}?done=withdraw`);
    expect((await c.row(id)).status).toBe('draft');
    const done = await c.get(writer, String(back.headers.location));
    expect(done.body).toContain('Pengajuan ditarik; artikel kembali menjadi draf.');

    // Submitted again; the editor opens it: no lock in the way, and the review has started.
    await act(writer, id, { action: 'submit' });
    const opened = await c.get(editor, `/newsroom/artikel/${id}`);
    expect(opened.body).toContain('"heldByOther":false');
    expect((await c.row(id)).review_started_by).toBe(editor.user.id);
    expect((await c.get(writer, `/newsroom/artikel/${id}`)).body).not.toContain(
      'Tarik kembali pengajuan',
    );
    const refused = await act(writer, id, { action: 'withdraw' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Redaktur sudah mulai memeriksa naskah ini');
    const json = await c.json(writer, `/newsroom/artikel/${id}/tindakan`, { action: 'withdraw' });
    expect(json.json().error.code).toBe('REVIEW_STARTED');
    expect((await c.row(id)).status).toBe('submitted');
    // Someone else's submission is not theirs to withdraw.
    const other = await loginAs(app, 'kontributor');
    expect((await act(other, id, { action: 'withdraw' })).statusCode).toBe(403);

    // Back to draft and submitted anew: a fresh round, withdrawable again.
    await act(editor, id, { action: 'return', note: 'Tambah kutipan.' });
    await act(writer, id, { action: 'submit' });
    expect((await c.row(id)).review_started_by).toBeNull();

    const history = await c.get(writer, `/newsroom/artikel/${id}/riwayat`);
    expect(history.body).toContain('Alur kerja');
    expect(history.body).toContain('Pengajuan ditarik kembali');
    expect(history.body).toContain('Tambah kutipan.');
    const audit = await app.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('target', '=', `article:${id}`)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toContain('article.withdraw');
  });

  it('diffs name the story and the photo; an autosave that changed nothing is no revision', async () => {
    const pin = await publishedArticle(app.db, sectionId, { headline: 'Bendungan Titab rampung' });
    const img = await makeImage(app.db, app.mediaDir, { caption: 'Sawah di Jatiluwih' });
    const id = await c.create(writer, sectionId, 'Irigasi subak diperbaiki');
    const edit = fullEdit(sectionId, { headline: 'Irigasi subak diperbaiki' });
    const first = await c.json(writer, `/newsroom/artikel/${id}`, { ...edit, version: 1 });
    expect(first.statusCode).toBe(200);
    const before = await revisions(id);
    // The same text again, twice, by the autosave timer: nothing is written.
    for (let i = 0; i < 2; i++) {
      const same = await c.json(writer, `/newsroom/artikel/${id}/autosave`, {
        ...edit,
        version: 2,
      });
      expect(same.json()).toMatchObject({ version: 2 });
    }
    expect(await revisions(id)).toBe(before);

    const changed = await c.json(writer, `/newsroom/artikel/${id}/autosave`, {
      ...edit,
      pins: String(pin.id),
      featuredMediaId: String(img),
      featuredAlt: 'Sawah',
      body: [...edit.body, { type: 'related', articleId: pin.id }, { type: 'image', mediaId: img }],
      version: 2,
    });
    expect(changed.json()).toMatchObject({ version: 3 });
    expect(await revisions(id)).toBe(before + 1);
    const history = await c.get(writer, `/newsroom/artikel/${id}/riwayat`);
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('Baca juga: Bendungan Titab rampung');
    expect(history.body).toContain('Foto utama: Sawah di Jatiluwih');
    expect(history.body).toContain('[Foto: Sawah di Jatiluwih]');
    expect(history.body).toContain('[Baca juga: Bendungan Titab rampung]');
    expect(history.body).not.toMatch(/#\d+/);
  });

  it('unpublishing takes a reason; republishing keeps the time and says Diperbarui after an edit', async () => {
    const id = await c.create(writer, sectionId, 'Festival layang-layang Sanur');
    await c.json(writer, `/newsroom/artikel/${id}`, {
      ...fullEdit(sectionId, { headline: 'Festival layang-layang Sanur' }),
      version: 1,
    });
    await act(writer, id, { action: 'submit' });
    await act(editor, id, { action: 'approve' });
    await act(editor, id, { action: 'publish' });
    // Published two hours ago.
    const t0 = Date.now() - 2 * 3_600_000;
    await app.db.kysely
      .updateTable('articles')
      .set({ published_at: t0, modified_at: t0, updated_at: t0 })
      .where('id', '=', id)
      .execute();
    const url = `/${sectionSlug}/${id}/${(await c.row(id)).slug}`;
    const publicPage = () => app.server.inject({ url });
    expect((await publicPage()).body).not.toContain('Diperbarui');

    // The form asks for confirmation and a reason; without one nothing happens.
    const edit = await c.get(editor, `/newsroom/artikel/${id}`);
    expect(edit.body).toMatch(/data-confirm="Tarik artikel ini dari situs\?/);
    expect(edit.body).toMatch(/<textarea id="a-reason" name="note"[^>]*required/);
    const bare = await act(editor, id, { action: 'unpublish' });
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain('Tulis alasan menurunkan artikel ini');
    expect((await c.row(id)).status).toBe('published');
    const down = await act(editor, id, { action: 'unpublish', note: 'Nama narasumber keliru.' });
    expect(down.statusCode).toBe(303);
    expect((await c.row(id)).status).toBe('unpublished');
    expect((await publicPage()).statusCode).toBe(404);
    const history = await c.get(editor, `/newsroom/artikel/${id}/riwayat`);
    expect(history.body).toContain('Ditarik dari situs');
    expect(history.body).toContain('Alasan: Nama narasumber keliru.');

    // Republished without a change: the same publication time, no "Diperbarui".
    const republish = await c.get(editor, `/newsroom/artikel/${id}`);
    expect(republish.body).toContain('name="bump"');
    await act(editor, id, { action: 'publish' });
    expect(Number((await c.row(id)).published_at)).toBe(t0);
    const same = await publicPage();
    expect(same.statusCode).toBe(200);
    expect(same.body).not.toContain('Diperbarui');

    // Saving without a change is no update for readers either.
    const saveAgain = await c.row(id);
    await c.json(editor, `/newsroom/artikel/${id}`, {
      ...fullEdit(sectionId, { headline: 'Festival layang-layang Sanur', slug: saveAgain.slug }),
      version: saveAgain.version,
    });
    expect(Number((await c.row(id)).modified_at)).toBe(t0);
    expect((await publicPage()).body).not.toContain('Diperbarui');

    // An edit after publication: the page, JSON-LD and the feed agree on the time.
    const row = await c.row(id);
    await c.json(editor, `/newsroom/artikel/${id}`, {
      ...fullEdit(sectionId, { headline: 'Festival layang-layang Sanur', slug: row.slug }),
      deck: 'Ratusan layangan tradisional memenuhi langit Sanur.',
      version: row.version,
    });
    const modified = Number((await c.row(id)).modified_at);
    expect(modified).toBeGreaterThan(t0 + 60_000);
    const updated = await publicPage();
    expect(updated.body).toContain('Diperbarui');
    const ld = /"dateModified":"([^"]+)"/.exec(updated.body)?.[1] ?? '';
    expect(Math.floor(Date.parse(ld) / 1000)).toBe(Math.floor(modified / 1000));
    const published = /"datePublished":"([^"]+)"/.exec(updated.body)?.[1] ?? '';
    expect(Math.floor(Date.parse(published) / 1000)).toBe(Math.floor(t0 / 1000));
    const feed = await app.server.inject({ url: '/feed/json' });
    const item = (feed.json() as { items: { url: string; date_modified: string }[] }).items.find(
      (x) => x.url.endsWith(url),
    );
    expect(Math.floor(Date.parse(item?.date_modified ?? '') / 1000)).toBe(
      Math.floor(modified / 1000),
    );

    // A genuinely new story: the editor bumps the time.
    await act(editor, id, { action: 'unpublish', note: 'Diperbarui menyeluruh.' });
    const before = Date.now();
    await act(editor, id, { action: 'publish', bump: '1' });
    expect(Number((await c.row(id)).published_at)).toBeGreaterThanOrEqual(before);
    expect((await publicPage()).body).not.toContain('Diperbarui');
  });

  it('shows the placed Baca juga where the editor put it, and only visible ones', async () => {
    const linked = await publishedArticle(app.db, sectionId, { headline: 'Harga cabai turun' });
    const pinned = await publishedArticle(app.db, sectionId, { headline: 'Panen bawang merah' });
    const id = await c.create(editor, sectionId, 'Pasar Badung ramai');
    const p = (text: string) => ({ type: 'paragraph', content: [{ text }] });
    const body = [
      p('Paragraf satu.'),
      p('Paragraf dua.'),
      { type: 'related', articleId: linked.id },
      p('Paragraf tiga.'),
      p('Paragraf empat.'),
      p('Paragraf lima.'),
      p('Paragraf enam.'),
    ];
    const saved = await c.json(editor, `/newsroom/artikel/${id}`, {
      ...fullEdit(sectionId, { headline: 'Pasar Badung ramai', pins: String(pinned.id), body }),
      version: 1,
    });
    expect(saved.statusCode).toBe(200);
    await act(editor, id, { action: 'submit' });
    await act(editor, id, { action: 'approve' });
    await act(editor, id, { action: 'publish' });
    const url = `/${sectionSlug}/${id}/${(await c.row(id)).slug}`;
    const page = await app.server.inject({ url });
    const asides = [...page.body.matchAll(/<aside class="baca-juga">(.*?)<\/aside>/g)].map(
      (m) => m[1] ?? '',
    );
    // Only the placed one (the editor's choice), between paragraphs two and three.
    expect(asides).toHaveLength(1);
    expect(asides[0]).toContain('Harga cabai turun');
    expect(page.body).toMatch(
      /Paragraf dua\.<\/p><aside class="baca-juga">.*?<\/aside><p>Paragraf tiga/,
    );

    // The Content API hands the block out as stored (its schema knows the type).
    await saveApiSettings(app.db.kysely, { publicRead: true });
    const api = await app.server.inject({ url: `/api/v1/articles/${id}?fields=body` });
    expect(api.statusCode, api.body).toBe(200);
    expect(api.json().data.body).toContainEqual({ type: 'related', articleId: linked.id });

    // The linked story goes offline: its link is not rendered; the automatic ones return.
    await app.db.kysely
      .updateTable('articles')
      .set({ status: 'unpublished' })
      .where('id', '=', linked.id)
      .execute();
    await app.events.emit('article.unpublished', { articleId: linked.id });
    const after = await app.server.inject({ url });
    expect(after.body).not.toContain('Harga cabai turun');
    expect(after.body).toMatch(/<aside class="baca-juga">.*Panen bawang merah/);

    // A malformed placed block is refused with the field's message.
    const bad = await c.json(editor, `/newsroom/artikel/${id}`, {
      ...fullEdit(sectionId, { body: [{ type: 'related', articleId: 'x' }] }),
      version: (await c.row(id)).version,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.body).toBeTruthy();
  });
});
