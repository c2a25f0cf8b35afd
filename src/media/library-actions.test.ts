import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArticle, makeSection, publishedArticle } from '../../test/factories.ts';
import { type TestApp, testApp } from '../../test/helpers.ts';
import { photo, pngBomb } from '../../test/images.ts';
import { loginAs } from '../../test/staff.ts';
import { createArticle } from '../content/commands.ts';
import { ERRORS } from '../lib/errors.ts';
import { MAX_UPLOAD_FILES } from './routes.ts';
import { type FilePart, multipartBody } from './test-kit.ts';
import { MAX_UPLOAD_BYTES } from './upload.ts';

type Staff = Awaited<ReturnType<typeof loginAs>>;

/**
 * Issue 15's library work over HTTP: stringers' uploads and who sees them,
 * several files in one upload, deleting an unused photo, replacing one in
 * place (with the page cache on, to see the articles' pages purged).
 */
describe('media library: stringers, several files, delete and replace', () => {
  let app: TestApp;
  let stringer: Staff;
  let otherStringer: Staff;
  let wartawan: Staff;
  let redaktur: Staff;
  let english: Staff;
  let jpeg: Buffer;
  let sectionId: number;

  beforeAll(async () => {
    app = await testApp('sqlite', { pageCacheTtl: 600 });
    [stringer, otherStringer, wartawan, redaktur, english] = await Promise.all([
      loginAs(app, 'kontributor'),
      loginAs(app, 'kontributor'),
      loginAs(app, 'wartawan'),
      loginAs(app, 'redaktur'),
      loginAs(app, 'redaktur', { lang: 'en' }),
    ]);
    jpeg = await photo(640, 480, 'jpeg');
    sectionId = (await makeSection(app.db, 'Daerah')).id;
  });
  afterAll(async () => {
    await app.dispose();
  });

  const file = (filename: string, data = jpeg): FilePart => ({
    filename,
    type: 'image/jpeg',
    data,
  });

  function upload(who: Staff, files: FilePart[], fields: Record<string, string> = {}, json = true) {
    const body = multipartBody(json ? fields : { _csrf: who.csrf, ...fields }, files);
    const headers: Record<string, string> = {
      'content-type': body.contentType,
      cookie: who.cookie,
    };
    if (json) Object.assign(headers, { accept: 'application/json', 'x-csrf-token': who.csrf });
    return app.server.inject({
      method: 'POST',
      url: '/newsroom/media',
      headers,
      payload: body.payload,
    });
  }

  function get(who: Staff, url: string, json = false) {
    const headers: Record<string, string> = { cookie: who.cookie };
    if (json) headers.accept = 'application/json';
    return app.server.inject({ method: 'GET', url, headers });
  }

  function post(who: Staff, url: string, fields: Record<string, string>, json = false) {
    const headers: Record<string, string> = {
      cookie: who.cookie,
      'content-type': 'application/x-www-form-urlencoded',
    };
    if (json) headers.accept = 'application/json';
    return app.server.inject({
      method: 'POST',
      url,
      headers,
      payload: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString(),
    });
  }

  const listed = async (who: Staff) =>
    (await get(who, '/newsroom/media?format=json', true)).json().map((i: { id: number }) => i.id);

  const row = (id: number) =>
    app.db.kysely.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();

  it('lets a kontributor upload with the same checks; editors see it, other stringers only once it is published', async () => {
    const res = await upload(stringer, [file('pura.jpg')], { alt: 'Pura di tepi danau' });
    expect(res.statusCode).toBe(201);
    const id: number = res.json().id;
    expect((await row(id))?.uploaded_by).toBe(stringer.user.id);
    // The same refusals as any upload: content sniffing, decompression bombs.
    const html = await upload(stringer, [file('x.jpg', Buffer.from('<html><script>1</script>'))]);
    expect([html.statusCode, html.json().error.code]).toEqual([415, 'MEDIA_UNSUPPORTED_TYPE']);
    const bomb = await upload(stringer, [
      { filename: 'bom.png', type: 'image/png', data: pngBomb(10_000) },
    ]);
    expect([bomb.statusCode, bomb.json().error.code]).toEqual([413, 'MEDIA_TOO_MANY_PIXELS']);

    const staffPhoto = (await upload(wartawan, [file('rapat.jpg')])).json().id as number;
    expect(await listed(stringer)).toEqual([id]);
    expect(await listed(otherStringer)).toEqual([]);
    expect(await listed(wartawan)).toEqual(expect.arrayContaining([id, staffPhoto]));
    expect((await get(redaktur, `/newsroom/media/${id}`)).statusCode).toBe(200);
    expect((await get(otherStringer, `/newsroom/media/${id}`)).statusCode).toBe(403);
    expect((await get(stringer, `/newsroom/media/${staffPhoto}`)).statusCode).toBe(403);

    // Their own photo: the stringer edits it; nobody else's, and no other stringer theirs.
    const own = await get(stringer, `/newsroom/media/${id}`);
    expect(own.body).toContain(`action="/newsroom/media/${id}/ganti"`);
    expect(own.body).toContain(`action="/newsroom/media/${id}/hapus"`);
    expect(
      (await post(stringer, `/newsroom/media/${id}`, { caption: 'Pura Ulun Danu' })).statusCode,
    ).toBe(303);
    expect(
      (await post(stringer, `/newsroom/media/${staffPhoto}`, { caption: 'x' })).statusCode,
    ).toBe(403);
    const forbidden = await post(stringer, `/newsroom/media/${staffPhoto}/hapus`, { yakin: '1' });
    expect(forbidden.statusCode).toBe(403);
    expect(
      (await post(otherStringer, `/newsroom/media/${id}/hapus`, { yakin: '1' })).statusCode,
    ).toBe(403);
    expect(await row(staffPhoto)).toBeDefined();

    // Published with an article (through the app's events): every stringer sees it, read-only.
    await publishedArticle(
      app.db,
      sectionId,
      { featured: { mediaId: id } },
      Date.now() - 60_000,
      app.events,
    );
    expect(await listed(otherStringer)).toEqual([id]);
    const seen = await get(otherStringer, `/newsroom/media/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain(`action="/newsroom/media/${id}`);
  });

  it('uploads several files at once, each checked on its own, with a message per refused file', async () => {
    const bad = file('dokumen.jpg', Buffer.from('%PDF-1.7\n'));
    const big = file('besar.jpg', Buffer.concat([jpeg, Buffer.alloc(MAX_UPLOAD_BYTES)]));
    const res = await upload(wartawan, [file('satu.jpg'), bad, big, file('dua.jpg')], {
      credit: 'Warta',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.uploaded.map((u: { name: string }) => u.name)).toEqual(['satu.jpg', 'dua.jpg']);
    expect(body.uploaded[0]).toMatchObject({ credit: 'Warta', width: 640 });
    expect(body.refused).toEqual([
      {
        name: 'dokumen.jpg',
        error: { code: 'MEDIA_UNSUPPORTED_TYPE', message: ERRORS.MEDIA_UNSUPPORTED_TYPE.id },
      },
      {
        name: 'besar.jpg',
        error: { code: 'MEDIA_FILE_TOO_LARGE', message: ERRORS.MEDIA_FILE_TOO_LARGE.id },
      },
    ]);

    // Without JavaScript: one form post, the library again with a line per file.
    const page = await upload(english, [file('tiga.jpg'), bad], {}, false);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('1 photo uploaded.');
    expect(page.body).toContain('1 file was refused; see why below.');
    expect(page.body).toMatch(/dokumen\.jpg<\/span> <span class="upload-msg">This kind of file/);
    expect(page.body).toMatch(
      /tiga\.jpg<\/span> <a class="upload-msg" href="\/newsroom\/media\/\d+"/,
    );

    const allBad = await upload(english, [bad, bad], { caption: 'Tetap di sini' }, false);
    expect(allBad.statusCode).toBe(415);
    expect(allBad.body).toContain('2 files were refused');
    expect(allBad.body).toContain('Tetap di sini');

    const before = (await app.db.kysely.selectFrom('media').select('id').execute()).length;
    const tooMany = await upload(
      wartawan,
      Array.from({ length: MAX_UPLOAD_FILES + 1 }, (_, i) => file(`f${i}.jpg`)),
    );
    expect([tooMany.statusCode, tooMany.json().error]).toEqual([
      400,
      { code: 'MEDIA_TOO_MANY_FILES', message: ERRORS.MEDIA_TOO_MANY_FILES.id },
    ]);
    const longAlt = await upload(wartawan, [file('a.jpg'), file('b.jpg')], {
      alt: 'x'.repeat(501),
    });
    expect([longAlt.statusCode, longAlt.json().error.code]).toEqual([400, 'MEDIA_ALT_TOO_LONG']);
    expect((await app.db.kysely.selectFrom('media').select('id').execute()).length).toBe(before);
  });

  it('deletes a photo no article uses after confirmation, and refuses one in use naming the articles', async () => {
    const id: number = (await upload(redaktur, [file('hapus.jpg')])).json().id;
    const key = (await row(id))?.storage_key ?? '';
    expect(fs.existsSync(path.join(app.mediaDir, key))).toBe(true);
    const unconfirmed = await post(english, `/newsroom/media/${id}/hapus`, {});
    expect([
      unconfirmed.statusCode,
      unconfirmed.body.includes(ERRORS.MEDIA_DELETE_UNCONFIRMED.en),
    ]).toEqual([400, true]);
    const wartawanTry = await post(wartawan, `/newsroom/media/${id}/hapus`, { yakin: '1' });
    expect(wartawanTry.statusCode).toBe(403);
    expect(await row(id)).toBeDefined();
    const done = await post(redaktur, `/newsroom/media/${id}/hapus`, { yakin: '1' });
    expect([done.statusCode, done.headers.location]).toEqual([303, '/newsroom/media?dihapus=1']);
    expect(await row(id)).toBeUndefined();
    expect(fs.existsSync(path.join(app.mediaDir, key))).toBe(false);
    expect((await get(redaktur, '/newsroom/media?dihapus=1')).body).toContain(
      'Foto sudah dihapus dari pustaka.',
    );
    const logged = await app.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('target', '=', `media:${id}`)
      .execute();
    expect(logged).toEqual([{ action: 'media.deleted', actor_id: redaktur.user.id }]);
    expect((await post(redaktur, `/newsroom/media/${id}/hapus`, { yakin: '1' })).statusCode).toBe(
      404,
    );
    expect((await post(redaktur, '/newsroom/media/abc/hapus', { yakin: '1' })).statusCode).toBe(
      404,
    );

    // In use: a draft shows it in the body, a published article as its featured photo.
    const used: number = (await upload(redaktur, [file('dipakai.jpg')])).json().id;
    await createArticle(
      app.db.kysely,
      buildArticle(sectionId, {
        headline: 'Draf dengan foto di badan',
        body: [{ type: 'image', mediaId: used }],
      }),
    );
    await publishedArticle(app.db, sectionId, {
      headline: 'Berita terbit dengan foto utama',
      featured: { mediaId: used },
    });
    const refused = await post(english, `/newsroom/media/${used}/hapus`, { yakin: '1' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('This photo cannot be deleted because 2 articles still use it');
    expect(refused.body).toContain('“Draf dengan foto di badan”');
    expect(refused.body).toContain('“Berita terbit dengan foto utama”');
    const json = await post(redaktur, `/newsroom/media/${used}/hapus`, { yakin: '1' }, true);
    expect(json.statusCode).toBe(409);
    expect(json.json().error.code).toBe('MEDIA_IN_USE');
    expect(
      json
        .json()
        .usedIn.map((u: { headline: string }) => u.headline)
        .sort(),
    ).toEqual(['Berita terbit dengan foto utama', 'Draf dengan foto di badan']);
    expect(await row(used)).toBeDefined();
    // The photo's page lists both, each with its status as the article list words it.
    const usedIn = (await get(redaktur, `/newsroom/media/${used}`)).body;
    expect(usedIn).toContain('(Draf, ');
    expect(usedIn).toContain('(Terbit, ');
    expect((await get(english, `/newsroom/media/${used}`)).body).toContain('(Published, ');
  });

  it('replaces a photo in place: same id, every variant made again, the articles’ cached pages purged', async () => {
    const id: number = (
      await upload(redaktur, [file('lama.jpg')], { caption: 'Upacara di pura', alt: 'Upacara' })
    ).json().id;
    const old = await row(id);
    const article = await publishedArticle(
      app.db,
      sectionId,
      { featured: { mediaId: id } },
      Date.now() - 60_000,
      app.events,
    );
    const slug = (
      await app.db.kysely
        .selectFrom('articles')
        .select('slug')
        .where('id', '=', article.id)
        .executeTakeFirstOrThrow()
    ).slug;
    const section = await app.db.kysely
      .selectFrom('sections')
      .select('slug')
      .where('id', '=', sectionId)
      .executeTakeFirstOrThrow();
    const url = `/${section.slug}/${article.id}/${slug}`;
    const read = () => app.server.inject({ method: 'GET', url });
    expect((await read()).statusCode).toBe(200);
    const cached = await read();
    expect(cached.headers['x-cache']).toBe('HIT');
    expect(cached.body).toContain(`/media/${old?.storage_key}/`);

    const replace = (who: Staff, files: FilePart[], json = false) => {
      const body = multipartBody({ _csrf: who.csrf }, files);
      const headers: Record<string, string> = {
        'content-type': body.contentType,
        cookie: who.cookie,
      };
      if (json) headers.accept = 'application/json';
      return app.server.inject({
        method: 'POST',
        url: `/newsroom/media/${id}/ganti`,
        headers,
        payload: body.payload,
      });
    };
    const wider = await photo(1000, 600, 'jpeg');
    expect((await replace(stringer, [file('baru.jpg', wider)])).statusCode).toBe(403);
    const bad = await replace(english, [file('baru.jpg', Buffer.from('GIF89a not really'))]);
    expect([bad.statusCode, bad.body.includes(ERRORS.MEDIA_CORRUPT.en)]).toEqual([400, true]);
    const none = await replace(english, [], true);
    expect([none.statusCode, none.json().error.code]).toEqual([400, 'MEDIA_NO_FILE']);
    expect((await row(id))?.storage_key).toBe(old?.storage_key);

    const res = await replace(redaktur, [file('baru.jpg', wider)]);
    expect([res.statusCode, res.headers.location]).toEqual([
      303,
      `/newsroom/media/${id}?diganti=1`,
    ]);
    const now = await row(id);
    expect(now).toMatchObject({
      id,
      width: 1000,
      height: 600,
      mime: 'image/jpeg',
      caption: 'Upacara di pura',
      alt: 'Upacara',
      original_name: 'baru.jpg',
    });
    expect(now?.storage_key).not.toBe(old?.storage_key);
    expect(JSON.parse(now?.variants ?? '{}').webp).toEqual([320, 480, 640, 960]);
    const files = fs.readdirSync(path.join(app.mediaDir, now?.storage_key ?? ''));
    expect(files).toEqual(
      expect.arrayContaining(['960.webp', '960.avif', '960.jpg', 'original.jpg']),
    );
    expect(files.some((f) => f.startsWith('16x9-'))).toBe(true);
    expect(fs.existsSync(path.join(app.mediaDir, old?.storage_key ?? ''))).toBe(false);

    const fresh = await read();
    expect(fresh.headers['x-cache']).toBe('MISS');
    expect(fresh.body).toContain(`/media/${now?.storage_key}/`);
    expect(fresh.body).not.toContain(`/media/${old?.storage_key}/`);
    const page = await get(redaktur, `/newsroom/media/${id}?diganti=1`);
    expect(page.body).toContain('Foto sudah diganti; semua ukuran dan potongan dibuat ulang.');
  });
});
