import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test/helpers.ts';
import { jpegWithGps, photo, pngBomb, xmpPacket } from '../../test/images.ts';
import { loginAs } from '../../test/staff.ts';
import { ERRORS } from '../lib/errors.ts';
import { type FilePart, multipartBody } from './test-kit.ts';
import { MAX_UPLOAD_BYTES } from './upload.ts';

type Staff = Awaited<ReturnType<typeof loginAs>>;

/** A multipart/form-data body with text fields, at most one file, and fields `after` the file. */
function multipart(
  fields: Record<string, string>,
  file?: FilePart,
  after: Record<string, string> = {},
) {
  return multipartBody(fields, file ? [file] : [], after);
}

describe('media library over HTTP', () => {
  let app: TestApp;
  let wartawan: Staff;
  let english: Staff;
  let kontributor: Staff;
  let jpeg: Buffer;
  /** The app's log lines at level error (500s and what caused them). */
  const logLines: string[] = [];

  beforeAll(async () => {
    app = await testApp(
      'sqlite',
      { logLevel: 'error' },
      { logStream: { write: (line) => logLines.push(line) } },
    );
    wartawan = await loginAs(app, 'wartawan');
    english = await loginAs(app, 'redaktur', { lang: 'en' });
    kontributor = await loginAs(app, 'kontributor');
    jpeg = await photo(800, 600, 'jpeg');
  });
  afterAll(async () => {
    await app.dispose();
  });

  function upload(
    who: Staff | null,
    body: ReturnType<typeof multipart>,
    opts: { json?: boolean; csrf?: string | null; viaQuery?: boolean } = {},
  ) {
    const csrf = opts.csrf === undefined ? who?.csrf : opts.csrf;
    const headers: Record<string, string> = { 'content-type': body.contentType };
    if (who) headers.cookie = who.cookie;
    if (opts.json !== false) headers.accept = 'application/json';
    if (csrf && !opts.viaQuery) headers['x-csrf-token'] = csrf;
    const url =
      csrf && opts.viaQuery
        ? `/newsroom/media?_csrf=${encodeURIComponent(csrf)}`
        : '/newsroom/media';
    return app.server.inject({ method: 'POST', url, headers, payload: body.payload });
  }

  /** Caption, credit and alt of one photo as stored. */
  function mediaText(id: number) {
    return app.db.kysely
      .selectFrom('media')
      .select(['caption', 'credit', 'alt'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  }

  /** Posts the photo page's text form (urlencoded, token as `_csrf`). */
  function postText(id: number, who: Staff, fields: Record<string, string>, csrf = who.csrf) {
    return app.server.inject({
      method: 'POST',
      url: `/newsroom/media/${id}`,
      headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
    });
  }

  async function stored() {
    const rows = await app.db.kysely.selectFrom('media').select('id').execute();
    return {
      rows: rows.length,
      dirs: fs.readdirSync(app.mediaDir).filter((f) => !f.startsWith('.')),
    };
  }

  it('uploads a photo for the picker, prefilled from XMP, and lists it as JSON', async () => {
    const file = await sharp(jpeg)
      .withXmp(xmpPacket({ description: 'Nelayan di Pantai Kedonganan', credit: 'Warta' }))
      .jpeg()
      .toBuffer();
    const res = await upload(
      wartawan,
      multipart(
        { alt: 'Perahu nelayan' },
        { filename: 'IMG_1.JPG', type: 'image/jpeg', data: file },
      ),
    );
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      caption: 'Nelayan di Pantai Kedonganan',
      credit: 'Warta',
      alt: 'Perahu nelayan',
      width: 800,
      height: 600,
      prefilled: true,
    });
    expect(body.thumbUrl).toMatch(/^\/media\/[a-z0-9-]+\/320\.webp$/);
    const thumb = await app.server.inject({ method: 'GET', url: body.thumbUrl });
    expect([thumb.statusCode, thumb.headers['content-type']]).toEqual([200, 'image/webp']);
    const row = await app.db.kysely
      .selectFrom('media')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect([row.uploaded_by, row.original_name, row.mime]).toEqual([
      wartawan.user.id,
      'IMG_1.JPG',
      'image/jpeg',
    ]);

    const list = await app.server.inject({
      method: 'GET',
      url: '/newsroom/media?format=json&q=kedonganan',
      headers: { cookie: english.cookie, accept: 'application/json' },
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().map((i: { id: number }) => i.id)).toEqual([body.id]);
    expect(Object.keys(list.json()[0])).toEqual(
      expect.arrayContaining([
        'id',
        'thumbUrl',
        'caption',
        'credit',
        'alt',
        'width',
        'height',
        'createdAt',
      ]),
    );
  });

  it('detects a PNG named .jpg as PNG, and strips its GPS', async () => {
    const png = await photo(400, 300, 'png');
    const res = await upload(
      wartawan,
      multipart({}, { filename: 'foto.jpg', type: 'image/jpeg', data: png }),
    );
    expect(res.statusCode).toBe(201);
    const row = await app.db.kysely
      .selectFrom('media')
      .selectAll()
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row.mime).toBe('image/png');
    const gps = await upload(
      wartawan,
      multipart({}, { filename: 'hp.jpg', type: 'image/jpeg', data: await jpegWithGps() }),
    );
    const key = (
      await app.db.kysely
        .selectFrom('media')
        .select('storage_key')
        .where('id', '=', gps.json().id)
        .executeTakeFirstOrThrow()
    ).storage_key;
    const meta = await sharp(path.join(app.mediaDir, key, 'original.jpg')).metadata();
    expect([meta.exif, meta.xmp]).toEqual([undefined, undefined]);
  });

  it('refuses bad files with a clear message, the right status, and stores nothing', async () => {
    const before = await stored();
    type Case = [string, ReturnType<typeof multipart>, number, keyof typeof ERRORS];
    /** A valid jpeg upload with one text field `length` characters long. */
    const tooLong = (field: string, length: number, code: keyof typeof ERRORS): Case => [
      `${field} too long`,
      multipart(
        { [field]: 'x'.repeat(length) },
        { filename: 'a.jpg', type: 'image/jpeg', data: jpeg },
      ),
      400,
      code,
    ];
    const cases: Case[] = [
      [
        'html as jpg',
        multipart(
          {},
          {
            filename: 'foto.jpg',
            type: 'image/jpeg',
            data: Buffer.from('<!doctype html><script>alert(1)</script>'),
          },
        ),
        415,
        'MEDIA_UNSUPPORTED_TYPE',
      ],
      [
        'svg as jpg',
        multipart(
          {},
          {
            filename: 'logo.jpg',
            type: 'image/jpeg',
            data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>'),
          },
        ),
        415,
        'MEDIA_UNSUPPORTED_TYPE',
      ],
      [
        'svg',
        multipart(
          {},
          {
            filename: 'logo.svg',
            type: 'image/svg+xml',
            data: Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
          },
        ),
        415,
        'MEDIA_UNSUPPORTED_TYPE',
      ],
      [
        'pdf as jpg',
        multipart(
          {},
          { filename: 'surat.jpg', type: 'image/jpeg', data: Buffer.from('%PDF-1.7\n1 0 obj\n') },
        ),
        415,
        'MEDIA_UNSUPPORTED_TYPE',
      ],
      [
        'exe as jpg',
        multipart(
          {},
          {
            filename: 'setup.jpg',
            type: 'image/jpeg',
            data: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]),
          },
        ),
        415,
        'MEDIA_UNSUPPORTED_TYPE',
      ],
      [
        'truncated',
        multipart(
          {},
          { filename: 'putus.jpg', type: 'image/jpeg', data: jpeg.subarray(0, jpeg.length >> 1) },
        ),
        400,
        'MEDIA_CORRUPT',
      ],
      [
        '0 bytes',
        multipart({}, { filename: 'kosong.jpg', type: 'image/jpeg', data: Buffer.alloc(0) }),
        400,
        'MEDIA_EMPTY_FILE',
      ],
      [
        'over 20 MB',
        multipart(
          {},
          {
            filename: 'besar.jpg',
            type: 'image/jpeg',
            data: Buffer.concat([jpeg, Buffer.alloc(MAX_UPLOAD_BYTES)]),
          },
        ),
        413,
        'MEDIA_FILE_TOO_LARGE',
      ],
      ['no file', multipart({ caption: 'Tanpa berkas' }), 400, 'MEDIA_NO_FILE'],
      [
        'wrong field',
        multipart({}, { name: 'gambar', filename: 'a.jpg', type: 'image/jpeg', data: jpeg }),
        400,
        'MEDIA_TOO_MANY_FIELDS',
      ],
      tooLong('caption', 1001, 'MEDIA_CAPTION_TOO_LONG'),
      tooLong('credit', 201, 'MEDIA_CREDIT_TOO_LONG'),
      tooLong('alt', 501, 'MEDIA_ALT_TOO_LONG'),
    ];
    for (const [label, body, status, code] of cases) {
      const res = await upload(wartawan, body);
      expect([label, res.statusCode, res.json().error]).toEqual([
        label,
        status,
        { code, message: ERRORS[code].id },
      ]);
      const en = await upload(english, body);
      expect([label, en.statusCode, en.json().error.message]).toEqual([
        label,
        status,
        ERRORS[code].en,
      ]);
    }
    const urlencoded = await app.server.inject({
      method: 'POST',
      url: '/newsroom/media',
      headers: {
        cookie: wartawan.cookie,
        'x-csrf-token': wartawan.csrf,
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'file=foto.jpg',
    });
    expect([urlencoded.statusCode, urlencoded.json().error.code]).toEqual([400, 'MEDIA_NO_FILE']);
    expect(await stored()).toEqual(before);
  });

  it('refuses image bombs from their header, before decoding, with a clear message, storing nothing', async () => {
    const before = await stored();
    const wide = pngBomb(49_000_000, 1);
    // Tiny files (about 50 and 100 KB) that declare enormous images.
    const bombs: Array<[string, Buffer, number, keyof typeof ERRORS]> = [
      ['49,000,000 × 1', wide, 422, 'MEDIA_SIDE_TOO_LONG'],
      ['1 × 49,000,000', pngBomb(1, 49_000_000), 422, 'MEDIA_SIDE_TOO_LONG'],
      ['16,000 × 500', pngBomb(16_000, 500), 422, 'MEDIA_BAD_ASPECT'],
      ['10,000 × 10,000', pngBomb(10_000), 413, 'MEDIA_TOO_MANY_PIXELS'],
    ];
    for (const [label, data, status, code] of bombs) {
      expect(data.length).toBeLessThan(200_000);
      const file = { filename: 'bom.png', type: 'image/png', data };
      const res = await upload(wartawan, multipart({ caption: 'Bom' }, file));
      expect([label, res.statusCode, res.json().error]).toEqual([
        label,
        status,
        { code, message: ERRORS[code].id },
      ]);
      const page = await upload(english, multipart({ _csrf: english.csrf }, file), {
        json: false,
        csrf: null,
      });
      expect([label, page.statusCode, page.body.includes(ERRORS[code].en)]).toEqual([
        label,
        status,
        true,
      ]);
    }
    // Ten at once: each is refused from its header, none is decoded.
    const many = await Promise.all(
      Array.from({ length: 10 }, () =>
        upload(wartawan, multipart({}, { filename: 'bom.png', type: 'image/png', data: wide })),
      ),
    );
    expect(many.map((r) => r.statusCode)).toEqual(Array(10).fill(422));
    expect(await stored()).toEqual(before);
  });

  it('logs the underlying error when storing an upload fails with a 500, and keeps no row', async () => {
    const before = await stored();
    // The media folder is replaced by a file: every image folder under it fails with ENOTDIR.
    const aside = `${app.mediaDir}.aside`;
    fs.renameSync(app.mediaDir, aside);
    fs.writeFileSync(app.mediaDir, 'not a folder');
    logLines.length = 0;
    try {
      const res = await upload(
        wartawan,
        multipart({}, { filename: 'a.jpg', type: 'image/jpeg', data: jpeg }),
      );
      expect([res.statusCode, res.json().error]).toEqual([
        500,
        { code: 'INTERNAL', message: ERRORS.INTERNAL.id },
      ]);
    } finally {
      fs.rmSync(app.mediaDir);
      fs.renameSync(aside, app.mediaDir);
    }
    const failed = logLines
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.msg === 'request failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].err).toMatchObject({
      code: 'ENOTDIR',
      message: expect.stringContaining('ENOTDIR'),
    });
    expect(await stored()).toEqual(before);
  });

  it('refuses uploads without CSRF, with another session token, or from a stranger', async () => {
    const before = await stored();
    const body = () =>
      multipart({ caption: 'x' }, { filename: 'a.jpg', type: 'image/jpeg', data: jpeg });
    const noCsrf = await upload(wartawan, body(), { csrf: null });
    expect([noCsrf.statusCode, noCsrf.json().error.code]).toEqual([403, 'CSRF_INVALID']);
    const otherToken = await upload(wartawan, body(), { csrf: english.csrf });
    expect([otherToken.statusCode, otherToken.json().error.code]).toEqual([403, 'CSRF_INVALID']);
    const noKontributorCsrf = await upload(kontributor, body(), { csrf: null });
    expect([noKontributorCsrf.statusCode, noKontributorCsrf.json().error.code]).toEqual([
      403,
      'CSRF_INVALID',
    ]);
    const stranger = await upload(null, body(), { csrf: wartawan.csrf });
    expect(stranger.statusCode).toBe(401);
    expect(await stored()).toEqual(before);
  });

  it('no-JS form: token as the field before the file, redirect on success, the form again with the message on failure', async () => {
    const ok = await upload(
      wartawan,
      multipart(
        { _csrf: wartawan.csrf, caption: '<b>Pawai</b> & <script>x</script>' },
        { filename: 'a.jpg', type: 'image/jpeg', data: jpeg },
      ),
      { json: false, csrf: null },
    );
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toMatch(/^\/newsroom\/media\/\d+\?baru=1$/);
    const page = await app.server.inject({
      method: 'GET',
      url: String(ok.headers.location),
      headers: { cookie: wartawan.cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('&lt;b>Pawai&lt;/b> &amp; &lt;script>x&lt;/script>');
    expect(page.body).not.toContain('<script>x');
    expect(page.body).toContain('Foto sudah diunggah.');

    const bad = await upload(
      english,
      multipart(
        { _csrf: english.csrf, caption: 'Kept caption' },
        { filename: 'x.jpg', type: 'image/jpeg', data: Buffer.from('GIF89a not really') },
      ),
      { json: false, csrf: null },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/text\/html/);
    expect(bad.body).toContain(ERRORS.MEDIA_CORRUPT.en);
    expect(bad.body).toContain('Kept caption');
  });

  it('refuses the token in the query, after the file, or from another session, with the catalog message, storing nothing', async () => {
    const before = await stored();
    const file = { filename: 'a.jpg', type: 'image/jpeg', data: jpeg };
    const cases: Array<[string, ReturnType<typeof multipart>, boolean]> = [
      ['query only', multipart({ caption: 'x' }, file), true],
      ['after the file', multipart({ caption: 'x' }, file, { _csrf: wartawan.csrf }), false],
      ['another session', multipart({ _csrf: english.csrf }, file), false],
      ['right in the query, wrong in the field', multipart({ _csrf: 'x'.repeat(43) }, file), true],
      [
        'no token, broken body',
        { payload: Buffer.from('--x\r\nnonsense'), contentType: 'multipart/form-data; boundary=x' },
        false,
      ],
    ];
    for (const [label, body, viaQuery] of cases) {
      const csrf = viaQuery ? wartawan.csrf : null;
      const json = await upload(wartawan, body, { csrf, viaQuery });
      expect([label, json.statusCode, json.json().error]).toEqual([
        label,
        403,
        { code: 'CSRF_INVALID', message: ERRORS.CSRF_INVALID.id },
      ]);
      const page = await upload(wartawan, body, { json: false, csrf, viaQuery });
      expect([label, page.statusCode, page.body.includes(ERRORS.CSRF_INVALID.id)]).toEqual([
        label,
        403,
        true,
      ]);
    }
    expect(await stored()).toEqual(before);
  });

  it('stores caption, credit and alt without NUL or bidi overrides, from the upload and the edit form', async () => {
    const dirty = {
      caption: 'Banjir\u0000 di \u202eBadung',
      credit: '\u2066Warta\u2069/Ant',
      alt: 'Air\u0000 naik\u202d',
    };
    const clean = { caption: 'Banjir di Badung', credit: 'Warta/Ant', alt: 'Air naik' };
    const res = await upload(
      wartawan,
      multipart(dirty, { filename: 'a.jpg', type: 'image/jpeg', data: jpeg }),
    );
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    expect(await mediaText(id)).toEqual(clean);
    await app.db.kysely
      .updateTable('media')
      .set({ caption: '', credit: '', alt: '' })
      .where('id', '=', id)
      .execute();
    expect((await postText(id, wartawan, dirty)).statusCode).toBe(303);
    expect(await mediaText(id)).toEqual(clean);
  });

  it('edits caption, credit and alt; refuses kontributor, bad CSRF and overlong text without changing anything', async () => {
    const id = (
      await upload(wartawan, multipart({}, { filename: 'a.jpg', type: 'image/jpeg', data: jpeg }))
    ).json().id;
    const post = (who: Staff, fields: Record<string, string>, csrf = who.csrf) =>
      postText(id, who, fields, csrf);
    const ok = await post(wartawan, {
      caption: 'Sawah di Jatiluwih',
      credit: 'Warta',
      alt: 'Terasering hijau',
    });
    expect([ok.statusCode, ok.headers.location]).toEqual([303, `/newsroom/media/${id}?disimpan=1`]);
    const current = () => mediaText(id);
    const saved = await current();
    expect(saved).toEqual({
      caption: 'Sawah di Jatiluwih',
      credit: 'Warta',
      alt: 'Terasering hijau',
    });

    expect((await post(kontributor, { caption: 'diubah' })).statusCode).toBe(403);
    expect((await post(wartawan, { caption: 'diubah' }, english.csrf)).statusCode).toBe(403);
    const long = await post(english, { caption: 'diubah', alt: 'x'.repeat(501) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain(ERRORS.MEDIA_ALT_TOO_LONG.en);
    expect(await current()).toEqual(saved);
    const missing = await post(wartawan, { caption: 'x' });
    expect(missing.statusCode).toBe(303);
    const notFound = await app.server.inject({
      method: 'POST',
      url: '/newsroom/media/99999',
      headers: { cookie: wartawan.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${wartawan.csrf}`,
    });
    expect(notFound.statusCode).toBe(404);
  });

  it('sets the focal point by clicking the image and recuts the crops', async () => {
    const id = (
      await upload(wartawan, multipart({}, { filename: 'a.jpg', type: 'image/jpeg', data: jpeg }))
    ).json().id;
    const page = await app.server.inject({
      method: 'GET',
      url: `/newsroom/media/${id}`,
      headers: { cookie: wartawan.cookie },
    });
    expect(page.body).toContain('type="image" name="fokus"');
    expect(page.body).toContain('16x9-320.webp?v=1');
    const click = (fields: Record<string, string>, who = wartawan) =>
      app.server.inject({
        method: 'POST',
        url: `/newsroom/media/${id}/fokus`,
        headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString(),
      });
    const res = await click({ 'fokus.x': '160', 'fokus.y': '120', w: '640', h: '480' });
    expect([res.statusCode, res.headers.location]).toEqual([303, `/newsroom/media/${id}?fokus=1`]);
    const row = await app.db.kysely
      .selectFrom('media')
      .select(['focal_x', 'focal_y', 'crops'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect([row.focal_x, row.focal_y, JSON.parse(row.crops).v]).toEqual([0.25, 0.25, 2]);
    const after = await app.server.inject({
      method: 'GET',
      url: `/newsroom/media/${id}?fokus=1`,
      headers: { cookie: wartawan.cookie },
    });
    expect(after.body).toContain('16x9-320.webp?v=2');
    expect((await click({ fx: '80', fy: '10' })).statusCode).toBe(303);
    const bad = await click({ fx: 'abc', fy: '200' }, english);
    expect([bad.statusCode, bad.body.includes(ERRORS.MEDIA_BAD_FOCAL.en)]).toEqual([400, true]);
    expect((await click({ fx: '50', fy: '50' }, kontributor)).statusCode).toBe(403);
    const still = await app.db.kysely
      .selectFrom('media')
      .select(['focal_x', 'focal_y'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(still).toEqual({ focal_x: 0.8, focal_y: 0.1 });
  });

  it('shows a kontributor the upload form, and no edit form on a published photo of someone else', async () => {
    const lib = await app.server.inject({
      method: 'GET',
      url: '/newsroom/media',
      headers: { cookie: kontributor.cookie },
    });
    expect(lib.statusCode).toBe(200);
    expect(lib.body).toContain('Pustaka media');
    expect(lib.body).toContain('enctype="multipart/form-data"');
    const withUpload = await app.server.inject({
      method: 'GET',
      url: '/newsroom/media',
      headers: { cookie: english.cookie },
    });
    expect(withUpload.body).toContain('Media library');
    // The token travels as the form's first field, never in the address.
    const form = /<form[^>]*enctype="multipart\/form-data"[^>]*>([\s\S]*?)<\/form>/.exec(
      withUpload.body,
    );
    const [tag, fields] = [form?.[0] ?? '', form?.[1] ?? ''];
    expect(tag).toContain('action="/newsroom/media"');
    expect(fields).toMatch(/^\s*<input type="hidden" name="_csrf" value="([^"]+)"/);
    expect(fields).toContain(`value="${english.csrf}"`);
    expect(fields.indexOf('name="_csrf"')).toBeLessThan(fields.indexOf('name="file"'));
    const first = (
      await app.db.kysely.selectFrom('media').select('id').orderBy('id').executeTakeFirstOrThrow()
    ).id;
    await app.db.kysely
      .updateTable('media')
      .set({ published_at: Date.now() })
      .where('id', '=', first)
      .execute();
    const item = await app.server.inject({
      method: 'GET',
      url: `/newsroom/media/${first}`,
      headers: { cookie: kontributor.cookie },
    });
    expect(item.statusCode).toBe(200);
    expect(item.body).not.toContain(`action="/newsroom/media/${first}`);
    const badDate = await app.server.inject({
      method: 'GET',
      url: '/newsroom/media?dari=2024-02-31',
      headers: { cookie: kontributor.cookie },
    });
    expect([badDate.statusCode, badDate.body.includes(ERRORS.MEDIA_BAD_SEARCH.id)]).toEqual([
      400,
      true,
    ]);
    const anon = await app.server.inject({ method: 'GET', url: '/newsroom/media' });
    expect([anon.statusCode, anon.headers.location]).toEqual([
      302,
      '/newsroom/masuk?next=%2Fnewsroom%2Fmedia',
    ]);
    expect(
      (
        await app.server.inject({
          method: 'GET',
          url: '/newsroom/media/abc',
          headers: { cookie: kontributor.cookie },
        })
      ).statusCode,
    ).toBe(404);
  });
});
