import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeImage, makeSection } from '../../../test/factories.ts';
import { DIALECTS, type TestApp, testApp } from '../../../test/helpers.ts';
import { articleClient, fullEdit } from '../../../test/newsroom-client.ts';
import { form } from '../../../test/newsroom-http.ts';
import { loginAs } from '../../../test/staff.ts';
import { toLocalInput } from './route-helpers.ts';

/**
 * Every bad input to the writing routes: a clear message in the staff
 * member's language, the right status, and nothing changed.
 */
describe.each(DIALECTS)('bad input to the article routes on %s', (dialect) => {
  let app: TestApp;
  let sectionId: number;
  let c: ReturnType<typeof articleClient>;
  let writer: Awaited<ReturnType<typeof loginAs>>;
  let editor: Awaited<ReturnType<typeof loginAs>>;
  beforeAll(async () => {
    app = await testApp(dialect);
    sectionId = (await makeSection(app.db)).id;
    c = articleClient(app);
    writer = await loginAs(app, 'kontributor', { name: 'Kadek' });
    editor = await loginAs(app, 'redaktur', { name: 'Rina' });
  });
  afterAll(() => app.dispose());

  /** Asserts the article is exactly as before the request. */
  async function unchanged(id: number, run: () => Promise<void>) {
    const before = await c.row(id);
    const revs = async () =>
      (
        await app.db.kysely
          .selectFrom('revisions')
          .select('id')
          .where('article_id', '=', id)
          .execute()
      ).length;
    const nRevs = await revs();
    await run();
    expect(await c.row(id)).toEqual(before);
    expect(await revs()).toBe(nRevs);
  }
  const save = (
    who = writer,
    id: number,
    body: Record<string, unknown>,
    url = `/newsroom/artikel/${id}`,
  ) => c.json(who, url, { ...fullEdit(sectionId), version: 1, ...body });

  it('refuses an empty or too long headline, field by field, in Indonesian', async () => {
    const id = await c.create(writer, sectionId);
    await unchanged(id, async () => {
      const empty = await save(writer, id, { headline: '   ' });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error).toMatchObject({
        code: 'ARTICLE_INVALID',
        fields: { headline: 'Wajib diisi.' },
      });
      const long = await save(writer, id, { headline: 'x'.repeat(201), deck: 'y'.repeat(501) });
      expect(long.statusCode).toBe(400);
      expect(long.json().error.fields).toEqual({
        headline: 'Terlalu panjang: paling banyak 200 karakter.',
        deck: 'Terlalu panjang: paling banyak 500 karakter.',
      });
    });
  });

  it('answers in English for a staff member who reads English', async () => {
    const en = await loginAs(app, 'kontributor', { lang: 'en' });
    const id = await c.create(en, sectionId);
    const res = await save(en, id, { headline: '' });
    expect(res.json().error.message).toBe(
      'Some fields are not right. Check the message at each field.',
    );
    expect(res.json().error.fields.headline).toBe('Required.');
  });

  it('refuses every field left empty in the form post, re-showing the form', async () => {
    const id = await c.create(writer, sectionId);
    await unchanged(id, async () => {
      const res = await c.post(writer, `/newsroom/artikel/${id}`, { version: '1' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Wajib diisi.');
      expect(res.body).toContain('Beberapa isian belum benar');
      const create = await c.post(writer, '/newsroom/artikel', {});
      expect(create.statusCode).toBe(400);
      expect(create.body).toContain('Wajib diisi.');
    });
  });

  it('refuses arrays and objects where text is expected', async () => {
    const id = await c.create(writer, sectionId);
    await unchanged(id, async () => {
      const res = await save(writer, id, {
        headline: ['a', 'b'],
        deck: { x: 1 },
        tags: 5,
        version: '1',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toMatchObject({
        headline: 'Harus berupa teks.',
        deck: 'Harus berupa teks.',
        tags: 'Harus berupa teks.',
      });
      const repeated = await app.server.inject({
        method: 'POST',
        url: `/newsroom/artikel/${id}`,
        headers: { cookie: writer.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({
          _csrf: writer.csrf,
          version: '1',
          headline: ['satu', 'dua'],
          sectionId: String(sectionId),
        }),
      });
      expect(repeated.statusCode).toBe(400);
      const badBody = await save(writer, id, { body: [{ type: 'script', text: 'alert(1)' }] });
      expect(badBody.json().error.fields.body).toContain('Isi berita tidak valid');
      const badVersion = await save(writer, id, { version: 'satu' });
      expect(badVersion.statusCode).toBe(400);
      const badSection = await save(writer, id, { sectionId: '999999' });
      expect(badSection.json().error.fields.sectionId).toBe('Pilih rubrik yang ada.');
      const badMedia = await save(writer, id, { featuredMediaId: '424242' });
      expect(badMedia.json().error.fields.featuredMediaId).toBe('Foto tidak ditemukan di pustaka.');
      const badPins = await save(writer, id, { pins: '1,2,3,4' });
      expect(badPins.statusCode).toBe(400);
    });
  });

  it('stores HTML in plain fields as text and shows it escaped; drops unsafe links', async () => {
    const id = await c.create(writer, sectionId);
    const res = await save(writer, id, {
      headline: '<script>alert(1)</script> Banjir',
      deck: '<img src=x onerror=alert(1)>',
      body: [
        {
          type: 'paragraph',
          content: [{ text: 'klik', marks: ['link'], href: 'javascript:alert(1)' }],
        },
      ],
    });
    expect(res.statusCode).toBe(200);
    const a = await c.row(id);
    expect(a.headline).toBe('<script>alert(1)</script> Banjir');
    expect(JSON.parse(a.body)).toEqual([{ type: 'paragraph', content: [{ text: 'klik' }] }]);
    const page = await c.get(writer, `/newsroom/artikel/${id}`);
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script> Banjir');
  });

  it('refuses a duplicate or malformed slug', async () => {
    const first = await c.create(writer, sectionId, 'Slug pertama');
    const id = await c.create(writer, sectionId, 'Slug kedua');
    await unchanged(id, async () => {
      const dup = await save(writer, id, { slug: (await c.row(first)).slug });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error).toMatchObject({
        code: 'SLUG_TAKEN',
        fields: { slug: 'Slug ini sudah dipakai artikel lain. Pilih slug lain.' },
      });
      for (const slug of ['Huruf Besar', 'cari', '12345', 'a--b', 'émoji']) {
        const bad = await save(writer, id, { slug });
        expect(bad.statusCode, slug).toBe(400);
        expect(bad.json().error.fields.slug).toContain('Slug hanya boleh');
      }
    });
  });

  it('refuses a request without CSRF token or with a wrong one', async () => {
    const id = await c.create(writer, sectionId);
    await unchanged(id, async () => {
      const none = await app.server.inject({
        method: 'POST',
        url: `/newsroom/artikel/${id}/autosave`,
        headers: {
          cookie: writer.cookie,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        payload: JSON.stringify({ ...fullEdit(sectionId), version: 1 }),
      });
      expect(none.statusCode).toBe(403);
      expect(none.json().error.code).toBe('CSRF_INVALID');
      const wrong = await c.json(
        writer,
        `/newsroom/artikel/${id}/tindakan`,
        { action: 'submit' },
        'x'.repeat(43),
      );
      expect(wrong.statusCode).toBe(403);
    });
  });

  it("refuses another user's session: no reading or writing someone else's draft", async () => {
    const id = await c.create(writer, sectionId);
    const other = await loginAs(app, 'kontributor');
    const wartawan = await loginAs(app, 'wartawan');
    await unchanged(id, async () => {
      expect((await c.get(other, `/newsroom/artikel/${id}`)).statusCode).toBe(403);
      expect((await c.get(wartawan, `/newsroom/artikel/${id}`)).statusCode).toBe(403);
      expect((await save(other, id, {})).statusCode).toBe(403);
      expect(
        (await c.json(other, `/newsroom/artikel/${id}/tindakan`, { action: 'submit' })).statusCode,
      ).toBe(403);
      expect((await c.post(other, `/newsroom/artikel/${id}/ambil-alih`, {})).statusCode).toBe(403);
      // A session cookie with the other user's CSRF token.
      const mixed = await c.json(
        { ...writer, csrf: other.csrf },
        `/newsroom/artikel/${id}/autosave`,
        { ...fullEdit(sectionId), version: 1 },
      );
      expect(mixed.statusCode).toBe(403);
    });
    const anon = await app.server.inject({
      method: 'POST',
      url: `/newsroom/artikel/${id}/autosave`,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      payload: JSON.stringify({ version: 1 }),
    });
    expect(anon.statusCode).toBe(401);
  });

  it('refuses a contributor crafting approve, publish, schedule or delete', async () => {
    const id = await c.create(writer, sectionId);
    await c.post(writer, `/newsroom/artikel/${id}/tindakan`, { action: 'submit' });
    await unchanged(id, async () => {
      for (const action of ['approve', 'publish', 'schedule', 'unpublish', 'return', 'delete']) {
        const res = await c.post(writer, `/newsroom/artikel/${id}/tindakan`, {
          action,
          note: 'x',
          scheduleAt: toLocalInput(Date.now() + 7_200_000, 'WITA'),
        });
        expect(res.statusCode, action).toBe(403);
        expect(res.body).toContain('Anda tidak berwenang');
      }
      const json = await c.json(writer, `/newsroom/artikel/${id}/tindakan`, { action: 'publish' });
      expect(json.json().error.code).toBe('WORKFLOW_FORBIDDEN');
      expect(
        (await c.post(writer, `/newsroom/artikel/${id}/tindakan`, { action: 'hack' })).statusCode,
      ).toBe(400);
    });
  });

  it('refuses invalid dates and a publish time in the past for scheduling', async () => {
    const id = await c.create(editor, sectionId);
    await c.post(editor, `/newsroom/artikel/${id}/tindakan`, { action: 'submit' });
    await c.post(editor, `/newsroom/artikel/${id}/tindakan`, { action: 'approve' });
    await unchanged(id, async () => {
      for (const scheduleAt of [
        'besok',
        '2025-02-30T10:00',
        '2025-13-01T10:00',
        '2025-01-01T25:00',
      ]) {
        const res = await c.post(editor, `/newsroom/artikel/${id}/tindakan`, {
          action: 'schedule',
          scheduleAt,
        });
        expect(res.statusCode, scheduleAt).toBe(400);
        expect(res.body).toContain('Tanggal atau jam tidak valid');
      }
      const past = await c.post(editor, `/newsroom/artikel/${id}/tindakan`, {
        action: 'schedule',
        scheduleAt: toLocalInput(Date.now() - 3_600_000, 'WITA'),
      });
      expect(past.statusCode).toBe(400);
      expect(past.body).toContain('Waktu terbit terjadwal harus di masa depan.');
      const missing = await c.post(editor, `/newsroom/artikel/${id}/tindakan`, {
        action: 'schedule',
        scheduleAt: '',
      });
      expect(missing.statusCode).toBe(400);
      const note = await c.post(editor, `/newsroom/artikel/${id}/tindakan`, {
        action: 'return',
        note: '  ',
      });
      expect(note.statusCode).toBe(400);
      expect(note.body).toContain('Tulis catatan untuk penulis');
    });
    expect(
      await app.db.kysely
        .selectFrom('jobs')
        .select('id')
        .where('payload', 'like', `%"articleId":${id},%`)
        .execute(),
    ).toEqual([]);
  });

  it('refuses a stale version with a clear message and never overwrites', async () => {
    const id = await c.create(editor, sectionId);
    expect((await save(editor, id, { headline: 'Versi pertama' })).statusCode).toBe(200);
    await unchanged(id, async () => {
      const stale = await save(editor, id, { headline: 'Versi basi' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('STALE_VERSION');
      expect(stale.json().error.message).toContain('sudah diubah orang lain');
      const form409 = await c.post(editor, `/newsroom/artikel/${id}`, {
        version: '1',
        headline: 'Versi basi',
        sectionId: String(sectionId),
        body: '[]',
      });
      expect(form409.statusCode).toBe(409);
      expect(form409.body).toContain('Versi basi'); // the writer's text is shown back, not lost
    });
  });

  it('tells the second editor who holds the article and lets them take over', async () => {
    const id = await c.create(editor, sectionId, 'Rapat anggaran');
    const second = await loginAs(app, 'redaktur', { name: 'Budi Redaktur' });
    expect((await c.get(editor, `/newsroom/artikel/${id}`)).statusCode).toBe(200);
    const page = await c.get(second, `/newsroom/artikel/${id}`);
    expect(page.body).toContain('Sedang disunting oleh Rina sejak');
    expect(page.body).toContain('Ambil alih');
    await unchanged(id, async () => {
      const blocked = await save(second, id, {});
      expect(blocked.statusCode).toBe(409);
      expect(blocked.json().error.code).toBe('ARTICLE_LOCKED');
    });
    expect((await c.post(second, `/newsroom/artikel/${id}/ambil-alih`, {})).statusCode).toBe(303);
    const beat = await c.json(editor, `/newsroom/artikel/${id}/kunci`, {});
    expect(beat.json()).toMatchObject({ held: false, holder: { name: 'Budi Redaktur' } });
    expect((await save(editor, id, {}, `/newsroom/artikel/${id}/autosave`)).statusCode).toBe(409);
    expect((await save(second, id, { headline: 'Rapat anggaran 2025' })).statusCode).toBe(200);
  });

  it('refuses to publish while a photo lacks alt text', async () => {
    const id = await c.create(editor, sectionId);
    const img = await makeImage(app.db, app.mediaDir, { alt: '' });
    await save(editor, id, { body: [{ type: 'image', mediaId: img, caption: 'Foto' }] });
    await c.post(editor, `/newsroom/artikel/${id}/tindakan`, { action: 'submit' });
    await c.post(editor, `/newsroom/artikel/${id}/tindakan`, { action: 'approve' });
    await unchanged(id, async () => {
      const res = await c.post(editor, `/newsroom/artikel/${id}/tindakan`, { action: 'publish' });
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('teks alternatif');
    });
  });

  it('answers 404 for ids that are not ids and articles that do not exist', async () => {
    for (const url of [
      '/newsroom/artikel/abc',
      '/newsroom/artikel/0',
      '/newsroom/artikel/999999',
      '/newsroom/artikel/1e3/riwayat',
    ]) {
      expect((await c.get(editor, url)).statusCode, url).toBe(404);
    }
    expect((await c.get(editor, '/newsroom/artikel?status=hilang')).statusCode).toBe(400);
  });
});
