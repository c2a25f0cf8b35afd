import { expect } from 'vitest';
import type { TestApp } from './helpers.ts';
import { form } from './newsroom-http.ts';
import type { loginAs } from './staff.ts';

/** Test helpers for the article routes (used by routes.test.ts and bad-input.test.ts). */

type Staff = Awaited<ReturnType<typeof loginAs>>;

/** Helpers that speak to the article routes the way the editor page does. */
export function articleClient(app: TestApp) {
  const post = (who: Staff, url: string, fields: Record<string, string>) =>
    app.server.inject({
      method: 'POST',
      url,
      headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: who.csrf, ...fields }),
    });
  const json = (who: Staff, url: string, body: Record<string, unknown>, csrf = who.csrf) =>
    app.server.inject({
      method: 'POST',
      url,
      headers: {
        cookie: who.cookie,
        'content-type': 'application/json',
        accept: 'application/json',
        'x-csrf-token': csrf,
      },
      payload: JSON.stringify(body),
    });
  const get = (who: Staff, url: string) =>
    app.server.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const create = async (who: Staff, sectionId: number, headline = 'Jalan desa diperbaiki') => {
    const res = await post(who, '/newsroom/artikel', { headline, sectionId: String(sectionId) });
    expect(res.statusCode).toBe(303);
    return Number(String(res.headers.location).split('/').pop());
  };
  const row = (id: number) =>
    app.db.kysely.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { post, json, get, create, row };
}

/** A complete, valid editor payload. */
export function fullEdit(sectionId: number, overrides: Record<string, unknown> = {}) {
  return {
    headline: 'Jalan desa Tista diperbaiki',
    deck: 'Warga bergotong royong menambal jalan.',
    slug: '',
    sectionId: String(sectionId),
    tags: 'Jalan Desa, Gotong Royong',
    bylines: 'Made Penulis',
    bylineInitials: 'Mdp/Warta',
    dateline: 'Tabanan',
    sourceCredit: 'Antara',
    featuredMediaId: '',
    featuredCaption: '',
    featuredCredit: '',
    featuredAlt: '',
    featuredArchive: false,
    pins: '',
    commentsOpen: true,
    seoTitle: '',
    seoDescription: '',
    body: [
      { type: 'paragraph', content: [{ text: 'Warga mulai bekerja pagi hari.' }] },
      { type: 'heading', level: 2, text: 'Dana desa' },
      { type: 'quote', text: 'Kami tidak menunggu bantuan.', cite: 'Kepala desa' },
    ],
    ...overrides,
  };
}
