import { createApiKey } from '../../src/api/keys.ts';
import { wireFixture } from '../../src/ingest/wire/test-kit.ts';
import { addImage } from '../../src/media/library.ts';
import type { Action } from '../../src/newsroom/policy.ts';
import { createResetToken, RESET_MS } from '../../src/newsroom/resets.ts';
import { beginEnrolment, totpCode } from '../../src/newsroom/totp.ts';
import { createEndpoint } from '../../src/webhooks/webhooks.ts';
import type { TestApp } from '../helpers.ts';
import { fullEdit } from '../newsroom-client.ts';
import { TEST_PASSWORD } from '../staff.ts';
import {
  articleOf,
  banRow,
  bareUser,
  type Call,
  type Caller,
  commentOn,
  type Fixtures,
  versionOf,
} from './routes-kit.ts';

/**
 * Every route the app registers, with its protection and who may call it.
 * routes.test.ts fails for a registered route missing here ("new route:
 * declare its protection and role") and for an entry whose route is gone;
 * csrf.test.ts and roles.test.ts call every entry with real parameters.
 *
 * `who`: 'anyone' (no login: the public site and the newsroom's login,
 * reset and setup forms), 'staff' (any logged-in staff member), or the
 * policy action (src/newsroom/policy.ts) the route needs, judged on the
 * object `make` builds: another writer's article waiting on the desk, so
 * reading it needs `article.view.desk` and changing it `article.edit.any`.
 *
 * `csrf` (every POST/PUT/PATCH/DELETE): 'session' (the session's token),
 * 'pre-session' (a form used before login: the double-submit token of the
 * `warta_csrf` cookie, or the session's when logged in), 'session-if-any'
 * (logout: checked when there is a session to end), or `own` with the reason
 * and the route's own protection, which csrf.test.ts tests instead.
 */

export type Who = 'anyone' | 'staff' | Action;
export type CsrfRule =
  | 'session'
  | 'pre-session'
  | 'session-if-any'
  | { own: 'comment-form' | 'comment-report'; reason: string };

export interface Env {
  app: TestApp;
  fx: Fixtures;
}

export interface RouteRule {
  who: Who;
  csrf?: CsrfRule;
  /** Builds a valid call (fresh objects where the call uses them up). */
  make?: (env: Env, caller: Caller) => Promise<Call>;
  /** What an allowed caller gets for that call. */
  ok?: readonly number[];
  /** Why `ok` is not a success status. */
  why?: string;
}

/**
 * A paused webhook endpoint on loopback (allowed), for the per-endpoint routes:
 * paused, so articles published by other calls queue no deliveries for it.
 */
const hook = async (app: TestApp) => {
  const made = await createEndpoint(app.db, app.config, {
    url: 'http://127.0.0.1:9/terima',
    events: ['article.published'],
    allowPrivate: true,
    createdBy: null,
  });
  await app.db.kysely
    .updateTable('webhook_endpoints')
    .set({ paused_at: Date.now() })
    .where('id', '=', made.id)
    .execute();
  return made;
};

const get =
  (url: string | ((env: Env) => string | Promise<string>), accept?: 'json') =>
  async (env: Env): Promise<Call> => ({
    method: 'GET',
    url: typeof url === 'string' ? url : await url(env),
    accept,
  });

const post =
  (
    url: string | ((env: Env) => string | Promise<string>),
    fields: Record<string, string> = {},
    accept?: 'json',
  ) =>
  async (env: Env): Promise<Call> => ({
    method: 'POST',
    url: typeof url === 'string' ? url : await url(env),
    form: fields,
    accept,
  });

/** Another writer's article on the desk (fresh for each call, so each caller changes its own). */
const deskArticle = ({ app, fx }: Env) => articleOf(app, fx, fx.writer.id, 'submitted');
const deskUrl = async (env: Env, tail = '') => `/newsroom/artikel/${await deskArticle(env)}${tail}`;

/** One shared desk article for the read-only routes. */
const readable = new WeakMap<Fixtures, number>();
const readableUrl = async (env: Env, tail = '') => {
  const id = readable.get(env.fx) ?? (await deskArticle(env));
  readable.set(env.fx, id);
  return `/newsroom/artikel/${id}${tail}`;
};

/** A save of another writer's desk article, as the editor script sends it. */
const saveCall =
  (tail: '' | '/autosave') =>
  async (env: Env): Promise<Call> => {
    const id = await deskArticle(env);
    const { version } = await versionOf(env.app, id);
    return {
      method: 'POST',
      url: `/newsroom/artikel/${id}${tail}`,
      json: { ...fullEdit(env.fx.sectionId), version: String(version) },
      accept: 'json',
    };
  };

let emails = 0;

export const ROUTES: Record<string, RouteRule> = {
  // --- The newsroom: login, account, logout ---
  'GET /newsroom': { who: 'staff', make: get('/newsroom'), ok: [200] },
  'GET /newsroom/masuk': {
    who: 'anyone',
    make: get('/newsroom/masuk'),
    ok: [200, 302],
    why: 'logged in: sent on to the newsroom',
  },
  'GET /newsroom/masuk/tantangan': {
    who: 'anyone',
    make: get('/newsroom/masuk/tantangan'),
    ok: [200],
    why: 'the login form’s proof-of-work challenge: signed, single-use, rate-limited',
  },
  'POST /newsroom/masuk': {
    who: 'anyone',
    csrf: 'pre-session',
    make: async ({ fx }) => ({
      method: 'POST',
      url: '/newsroom/masuk',
      form: { email: fx.loginTarget.email, password: TEST_PASSWORD },
    }),
    ok: [303],
  },
  'GET /newsroom/masuk/kode': {
    who: 'anyone',
    make: get('/newsroom/masuk/kode'),
    ok: [302],
    why: 'without a half-done login there is no code to ask for',
  },
  'POST /newsroom/masuk/kode': {
    who: 'anyone',
    csrf: 'pre-session',
    make: post('/newsroom/masuk/kode', { code: '000000' }),
    ok: [303],
    why: 'without a half-done login: back to the login page',
  },
  'POST /newsroom/keluar': {
    who: 'anyone',
    csrf: 'session-if-any',
    make: post('/newsroom/keluar'),
    ok: [303],
  },
  'POST /newsroom/keluar-semua': {
    who: 'staff',
    csrf: 'session',
    make: post('/newsroom/keluar-semua'),
    ok: [303],
  },
  'GET /newsroom/akun': { who: 'staff', make: get('/newsroom/akun'), ok: [200] },
  'GET /newsroom/akun/dua-langkah': {
    who: 'staff',
    make: get('/newsroom/akun/dua-langkah'),
    ok: [200],
  },
  'POST /newsroom/akun/dua-langkah': {
    who: 'staff',
    csrf: 'session',
    make: async ({ app }, caller) => {
      let code = '000000';
      if (caller.role !== 'anon') code = totpCode(await beginEnrolment(app.db, caller.user.id));
      return { method: 'POST', url: '/newsroom/akun/dua-langkah', form: { code } };
    },
    ok: [200, 303],
    why: 'already enrolled: back to the 2FA page',
  },
  'POST /newsroom/akun/dua-langkah/matikan': {
    who: 'staff',
    csrf: 'session',
    make: post('/newsroom/akun/dua-langkah/matikan', { password: TEST_PASSWORD }),
    ok: [303],
  },
  'GET /newsroom/lupa-sandi': { who: 'anyone', make: get('/newsroom/lupa-sandi'), ok: [200] },
  'POST /newsroom/lupa-sandi': {
    who: 'anyone',
    csrf: 'pre-session',
    make: async ({ fx }) => ({
      method: 'POST',
      url: '/newsroom/lupa-sandi',
      form: { email: fx.resetTarget.email },
    }),
    ok: [200],
  },
  'GET /newsroom/atur-ulang': {
    who: 'anyone',
    make: get(
      async ({ app, fx }) =>
        `/newsroom/atur-ulang?token=${await createResetToken(app.db, fx.resetTarget.id, RESET_MS)}`,
    ),
    ok: [200],
  },
  'POST /newsroom/atur-ulang': {
    who: 'anyone',
    csrf: 'pre-session',
    make: async ({ app }) => {
      // Its own account each time: a completed reset voids the account's other links.
      const target = await bareUser(app.db);
      const token = await createResetToken(app.db, target.id, RESET_MS);
      const password = 'sandi-baru-yang-cukup-panjang';
      return {
        method: 'POST',
        url: '/newsroom/atur-ulang',
        form: { token, password, password2: password },
      };
    },
    ok: [303],
  },
  'GET /newsroom/siapkan': {
    who: 'anyone',
    make: get('/newsroom/siapkan?token=x'),
    ok: [404],
    why: 'setup closes once an admin exists',
  },
  'POST /newsroom/siapkan': {
    who: 'anyone',
    csrf: 'pre-session',
    make: post('/newsroom/siapkan', { token: 'x', name: 'A', email: 'a@b.id', password: 'x' }),
    ok: [404],
    why: 'setup closes once an admin exists',
  },

  // --- Staff, audit, outbox (admin) ---
  'GET /newsroom/staf': { who: 'staff.manage', make: get('/newsroom/staf'), ok: [200] },
  'POST /newsroom/staf': {
    who: 'staff.manage',
    csrf: 'session',
    make: async () => {
      emails += 1;
      const email = `baru-${process.pid}-${emails}@warta.test`;
      return {
        method: 'POST',
        url: '/newsroom/staf',
        form: { name: 'Staf Baru', email, role: 'kontributor', lang: 'id', password: '' },
      };
    },
    ok: [303],
  },
  'POST /newsroom/staf/:id/peran': {
    who: 'staff.manage',
    csrf: 'session',
    make: post(({ fx }) => `/newsroom/staf/${fx.staffTargets.peran.id}/peran`, {
      role: 'wartawan',
    }),
    ok: [303],
  },
  'POST /newsroom/staf/:id/status': {
    who: 'staff.manage',
    csrf: 'session',
    make: post(({ fx }) => `/newsroom/staf/${fx.staffTargets.status.id}/status`, {
      status: 'disable',
    }),
    ok: [303],
  },
  'POST /newsroom/staf/:id/reset-2fa': {
    who: 'staff.manage',
    csrf: 'session',
    make: post(({ fx }) => `/newsroom/staf/${fx.staffTargets.reset2fa.id}/reset-2fa`),
    ok: [303],
  },
  'POST /newsroom/staf/:id/buka-kunci': {
    who: 'login.unlock',
    csrf: 'session',
    make: post(({ fx }) => `/newsroom/staf/${fx.staffTargets.status.id}/buka-kunci`),
    ok: [303],
  },
  'GET /newsroom/audit': { who: 'audit.view', make: get('/newsroom/audit'), ok: [200] },
  'GET /newsroom/kotak-keluar': {
    who: 'outbox.view',
    make: get('/newsroom/kotak-keluar'),
    ok: [200],
  },
  'GET /newsroom/impor': { who: 'audit.view', make: get('/newsroom/impor'), ok: [200] },

  // --- Media library ---
  'GET /newsroom/media': { who: 'media.view', make: get('/newsroom/media'), ok: [200] },
  'POST /newsroom/media': {
    who: 'media.upload',
    csrf: 'session',
    make: async ({ fx }) => ({
      method: 'POST',
      url: '/newsroom/media',
      multipart: {
        fields: { caption: 'Foto uji keamanan', credit: 'Warta/Uji', alt: 'Foto uji' },
        file: { name: 'uji.jpg', data: fx.jpeg },
      },
    }),
    ok: [303],
  },
  'GET /newsroom/media/:id': {
    // Someone else's photo no article has published: a kontributor sees only their own and published ones.
    who: 'media.view.all',
    make: get(({ fx }) => `/newsroom/media/${fx.mediaId}`),
    ok: [200],
  },
  'POST /newsroom/media/:id': {
    who: 'media.edit',
    csrf: 'session',
    make: post(({ fx }) => `/newsroom/media/${fx.mediaId}`, {
      caption: 'Keterangan baru',
      credit: 'Warta/Uji',
      alt: 'Teks alternatif',
    }),
    ok: [303],
  },
  'POST /newsroom/media/:id/fokus': {
    who: 'media.edit',
    csrf: 'session',
    make: post(({ fx }) => `/newsroom/media/${fx.mediaId}/fokus`, { fx: '40', fy: '60' }),
    ok: [303],
  },
  'POST /newsroom/media/:id/ganti': {
    who: 'media.edit',
    csrf: 'session',
    make: async ({ fx }) => ({
      method: 'POST',
      url: `/newsroom/media/${fx.mediaId}/ganti`,
      multipart: { fields: {}, file: { name: 'ganti.jpg', data: fx.jpeg } },
    }),
    ok: [303],
  },
  'POST /newsroom/media/:id/hapus': {
    // A fresh photo nobody uploaded and no article uses, for each caller.
    who: 'media.delete',
    csrf: 'session',
    make: post(
      async ({ app, fx }) =>
        `/newsroom/media/${await addImage(app.db.kysely, app.mediaDir, fx.jpeg)}/hapus`,
      { yakin: '1' },
    ),
    ok: [303],
  },

  // --- Articles and the desk ---
  'GET /newsroom/artikel': { who: 'article.create', make: get('/newsroom/artikel'), ok: [200] },
  'POST /newsroom/artikel': {
    who: 'article.create',
    csrf: 'session',
    make: async ({ fx }) => ({
      method: 'POST',
      url: '/newsroom/artikel',
      form: { headline: 'Draf baru uji keamanan', sectionId: String(fx.sectionId) },
    }),
    ok: [303],
  },
  'GET /newsroom/artikel/baru': {
    who: 'article.create',
    make: get('/newsroom/artikel/baru'),
    ok: [200],
  },
  'GET /newsroom/artikel/saran/:kind': {
    who: 'article.create',
    make: get('/newsroom/artikel/saran/tag?q=jalan', 'json'),
    ok: [200],
  },
  'GET /newsroom/artikel/:id': {
    who: 'article.view.desk',
    make: get((env) => readableUrl(env)),
    ok: [200],
  },
  'POST /newsroom/artikel/:id': {
    who: 'article.edit.any',
    csrf: 'session',
    make: saveCall(''),
    ok: [200],
  },
  'POST /newsroom/artikel/:id/autosave': {
    who: 'article.edit.any',
    csrf: 'session',
    make: saveCall('/autosave'),
    ok: [200],
  },
  'POST /newsroom/artikel/:id/kunci': {
    who: 'article.edit.any',
    csrf: 'session',
    make: post((env) => deskUrl(env, '/kunci'), {}, 'json'),
    ok: [200],
  },
  'POST /newsroom/artikel/:id/ambil-alih': {
    who: 'article.edit.any',
    csrf: 'session',
    make: post((env) => deskUrl(env, '/ambil-alih')),
    ok: [303],
  },
  'POST /newsroom/artikel/:id/tindakan': {
    who: 'article.approve',
    csrf: 'session',
    make: post((env) => deskUrl(env, '/tindakan'), { action: 'approve' }),
    ok: [303],
  },
  'POST /newsroom/artikel/:id/utama': {
    who: 'home.lead',
    csrf: 'session',
    make: post((env) => deskUrl(env, '/utama'), { lead: '1' }),
    ok: [303],
  },
  'GET /newsroom/artikel/:id/riwayat': {
    who: 'article.view.desk',
    make: get((env) => readableUrl(env, '/riwayat')),
    ok: [200],
  },
  'POST /newsroom/artikel/:id/riwayat/:rev/pulihkan': {
    who: 'article.edit.any',
    csrf: 'session',
    make: async (env) => {
      const id = await deskArticle(env);
      const { version, revisionId } = await versionOf(env.app, id);
      return {
        method: 'POST',
        url: `/newsroom/artikel/${id}/riwayat/${revisionId}/pulihkan`,
        form: { version: String(version) },
      };
    },
    ok: [303],
  },
  'GET /newsroom/artikel/:id/pratinjau': {
    who: 'article.view.desk',
    make: get((env) => readableUrl(env, '/pratinjau')),
    ok: [200],
  },
  'GET /newsroom/meja': { who: 'article.view.desk', make: get('/newsroom/meja'), ok: [200] },

  // --- Sections and site settings (newsroom/site-admin) ---
  'GET /newsroom/rubrik': { who: 'section.manage', make: get('/newsroom/rubrik'), ok: [200] },
  'POST /newsroom/rubrik': {
    who: 'section.manage',
    csrf: 'session',
    make: async () =>
      post('/newsroom/rubrik', {
        name: 'Rubrik Uji',
        slug: `rubrik-uji-${Math.random().toString(36).slice(2, 8)}`,
        parent: '',
      })({} as Env),
    ok: [303],
  },
  'POST /newsroom/rubrik/:id': {
    who: 'section.manage',
    csrf: 'session',
    // Saves the fixture section unchanged (its slug is in other entries' URLs).
    make: async (env) => {
      const s = await env.app.db.kysely
        .selectFrom('sections')
        .select(['name', 'slug'])
        .where('id', '=', env.fx.sectionId)
        .executeTakeFirstOrThrow();
      return post(`/newsroom/rubrik/${env.fx.sectionId}`, { name: s.name, slug: s.slug })(env);
    },
    ok: [303],
  },
  'POST /newsroom/rubrik/:id/geser': {
    who: 'section.manage',
    csrf: 'session',
    make: post(({ fx }) => `/newsroom/rubrik/${fx.sectionId}/geser`, { arah: 'down' }),
    ok: [303],
  },
  'GET /newsroom/situs': { who: 'settings.manage', make: get('/newsroom/situs'), ok: [200] },
  'POST /newsroom/situs': {
    who: 'settings.manage',
    csrf: 'session',
    // The configured values: other entries' pages keep their name, zone and language.
    make: post('/newsroom/situs', {
      siteName: 'Warta',
      siteTagline: '',
      timeZone: 'WITA',
      language: 'id',
    }),
    ok: [303],
  },
  'POST /newsroom/situs/gambar': {
    who: 'settings.manage',
    csrf: 'session',
    make: async ({ fx }) => ({
      method: 'POST',
      url: '/newsroom/situs/gambar',
      multipart: { fields: { which: 'logo' }, file: { name: 'logo.jpg', data: fx.jpeg } },
    }),
    ok: [303],
  },
  'POST /newsroom/situs/gambar/hapus': {
    who: 'settings.manage',
    csrf: 'session',
    make: post('/newsroom/situs/gambar/hapus', { which: 'logo' }),
    ok: [303],
  },

  // --- Comment moderation ---
  'GET /newsroom/komentar': { who: 'comment.moderate', make: get('/newsroom/komentar'), ok: [200] },
  'POST /newsroom/komentar/aksi': {
    who: 'comment.moderate',
    csrf: 'session',
    make: async ({ app, fx }) => ({
      method: 'POST',
      url: '/newsroom/komentar/aksi',
      form: { one: `approve:${await commentOn(app, fx, 'pending')}` },
    }),
    ok: [303],
  },
  'GET /newsroom/komentar/pengaturan': {
    who: 'comment.moderate',
    make: get('/newsroom/komentar/pengaturan'),
    ok: [200],
  },
  'POST /newsroom/komentar/pengaturan': {
    who: 'settings.manage',
    csrf: 'session',
    make: post('/newsroom/komentar/pengaturan', { reportThreshold: '3' }),
    ok: [303],
  },
  'POST /newsroom/komentar/kata': {
    who: 'comment.moderate',
    csrf: 'session',
    make: post('/newsroom/komentar/kata', { banned: 'katakasar', suspect: 'judi' }),
    ok: [303],
  },
  'POST /newsroom/komentar/blokir/:id/cabut': {
    who: 'comment.moderate',
    csrf: 'session',
    make: post(async ({ app }) => `/newsroom/komentar/blokir/${await banRow(app)}/cabut`),
    ok: [303],
  },
  'POST /newsroom/komentar/data': {
    who: 'settings.manage',
    csrf: 'session',
    make: post('/newsroom/komentar/data', { email: 'pembaca@contoh.id', action: 'export' }),
    ok: [200],
  },

  // --- The public site: state-changing routes with their own protection ---
  'POST /:section/:id/:slug/komentar': {
    who: 'anyone',
    csrf: {
      own: 'comment-form',
      reason:
        'readers have no session: the form carries a signed, article-bound, time-limited token, ' +
        'cross-site posts (Sec-Fetch-Site, Origin) are refused and a proof of work is asked',
    },
  },
  'POST /komentar/:id/laporkan': {
    who: 'anyone',
    csrf: {
      own: 'comment-report',
      reason: 'readers have no session: the article’s signed form token and the cross-site check',
    },
  },

  // --- The Content API (a key, or public reads when the site allows them; JSON errors) ---
  'GET /api/v1/openapi.json': { who: 'anyone' },
  'GET /api/v1/*': { who: 'anyone', ok: [404], why: 'any other path under the API is a JSON 404' },
  'GET /api/v1/articles': { who: 'anyone', ok: [401], why: 'a key is required by default' },
  'GET /api/v1/articles/:id': { who: 'anyone', ok: [401], why: 'a key is required by default' },
  'GET /api/v1/articles/by-path': { who: 'anyone', ok: [401], why: 'a key is required by default' },
  'GET /api/v1/articles/:id/related': {
    who: 'anyone',
    ok: [401],
    why: 'a key is required by default',
  },
  'GET /api/v1/sections': { who: 'anyone', ok: [401], why: 'a key is required by default' },
  'GET /api/v1/tags': { who: 'anyone', ok: [401], why: 'a key is required by default' },
  'GET /api/v1/authors': { who: 'anyone', ok: [401], why: 'a key is required by default' },
  'GET /api/v1/search': { who: 'anyone', ok: [401], why: 'a key is required by default' },
  'GET /api/v1/most-read': { who: 'anyone', ok: [401], why: 'a key is required by default' },
  // --- The public site: reading ---
  'GET /': { who: 'anyone' },
  'GET /healthz': { who: 'anyone' },
  'GET /readyz': { who: 'anyone' },
  'GET /metrics': {
    who: 'anyone',
    ok: [404],
    why: 'off without METRICS_TOKEN; with it, a bearer token (src/ops/metrics.test.ts)',
  },
  'GET /robots.txt': { who: 'anyone' },
  // The favicon and app icons (issue 15, src/site/icons.ts).
  'GET /favicon.ico': { who: 'anyone' },
  'GET /icon.svg': { who: 'anyone' },
  'GET /apple-touch-icon.png': { who: 'anyone' },
  'GET /icon-192.png': { who: 'anyone' },
  'GET /icon-512.png': { who: 'anyone' },
  'GET /manifest.webmanifest': { who: 'anyone' },
  'GET /feed': { who: 'anyone' },
  'GET /:section/feed': { who: 'anyone' },
  'GET /feed/:format': { who: 'anyone' },
  'GET /:section/feed/:format': { who: 'anyone' },
  'GET /tag/:slug/feed': { who: 'anyone' },
  'GET /tag/:slug/feed/:format': { who: 'anyone' },
  'GET /penulis/:slug/feed': { who: 'anyone' },
  'GET /penulis/:slug/feed/:format': { who: 'anyone' },
  'GET /sitemap.xml': { who: 'anyone' },
  'GET /sitemap-pages.xml': { who: 'anyone' },
  'GET /sitemap-news.xml': { who: 'anyone' },
  'GET /sitemap-:ym': { who: 'anyone' },
  'GET /cari': { who: 'anyone' },
  'GET /cari/saran': { who: 'anyone' },
  'GET /komentar/tantangan': { who: 'anyone' },
  'GET /komentar/token': { who: 'anyone' },
  'GET /:section/:id/:slug/komentar': { who: 'anyone' },
  'GET /tag/:slug': { who: 'anyone' },
  'GET /penulis/:slug': { who: 'anyone' },
  'GET /arsip/:y': { who: 'anyone' },
  'GET /arsip/:y/:m': { who: 'anyone' },
  'GET /arsip/:y/:m/:d': { who: 'anyone' },
  'GET /:section': { who: 'anyone' },
  'GET /:section/:id': { who: 'anyone' },
  'GET /:section/:id/:slug': { who: 'anyone' },
  'GET /media/*': { who: 'anyone' },
  'GET /static/newsroom-editor/:file': { who: 'anyone' },

  // --- The wire desk (issue 12): agency copy stays behind login ---
  'GET /newsroom/kawat': { who: 'wire.view', make: get('/newsroom/kawat'), ok: [200] },
  'GET /newsroom/kawat/baru': {
    who: 'wire.view',
    make: get('/newsroom/kawat/baru?setelah=0', 'json'),
    ok: [200],
  },
  'POST /newsroom/kawat/:id/ambil': {
    who: 'wire.take',
    csrf: 'session',
    make: post(async ({ app }) => `/newsroom/kawat/${(await wireFixture(app.db)).itemId}/ambil`),
    ok: [303],
  },
  'GET /newsroom/kawat/sumber': {
    who: 'wire.manage',
    make: get('/newsroom/kawat/sumber'),
    ok: [200],
  },
  'POST /newsroom/kawat/sumber': {
    who: 'wire.manage',
    csrf: 'session',
    make: post('/newsroom/kawat/sumber', {
      name: 'Kantor Uji',
      url: 'http://127.0.0.1:9/feed.xml',
      intervalS: '300',
      credit: 'Uji',
    }),
    ok: [303],
  },
  'GET /newsroom/kawat/sumber/:id': {
    who: 'wire.manage',
    make: get(async ({ app }) => `/newsroom/kawat/sumber/${(await wireFixture(app.db)).sourceId}`),
    ok: [200],
  },
  'POST /newsroom/kawat/sumber/:id': {
    who: 'wire.manage',
    csrf: 'session',
    make: post(
      async ({ app }) => `/newsroom/kawat/sumber/${(await wireFixture(app.db)).sourceId}`,
      {
        name: 'Kantor Uji 2',
        url: 'http://127.0.0.1:9/feed.xml',
        intervalS: '600',
      },
    ),
    ok: [303],
  },
  'POST /newsroom/kawat/sumber/:id/periksa': {
    who: 'wire.manage',
    csrf: 'session',
    make: post(
      async ({ app }) => `/newsroom/kawat/sumber/${(await wireFixture(app.db)).sourceId}/periksa`,
    ),
    ok: [303],
  },
  // --- Content API keys, webhooks and the API reference (admins) ---
  'GET /newsroom/api': { who: 'settings.manage', make: get('/newsroom/api'), ok: [200] },
  'GET /newsroom/api/referensi': {
    who: 'settings.manage',
    make: get('/newsroom/api/referensi'),
    ok: [200],
  },
  'POST /newsroom/api/kunci': {
    who: 'settings.manage',
    csrf: 'session',
    make: post('/newsroom/api/kunci', { name: 'Bot WhatsApp', rate: '60' }),
    ok: [200],
    why: 'the new key is shown once in the answer itself, never through a redirect',
  },
  'POST /newsroom/api/kunci/:id/cabut': {
    who: 'settings.manage',
    csrf: 'session',
    make: post(async ({ app }) => {
      const k = await createApiKey(app.db.kysely, app.config.secretKey, {
        name: 'Uji',
        ratePerMinute: 10,
        createdBy: null,
      });
      return `/newsroom/api/kunci/${k.id}/cabut`;
    }),
    ok: [303],
  },
  'POST /newsroom/api/setelan': {
    who: 'settings.manage',
    csrf: 'session',
    make: post('/newsroom/api/setelan', {}),
    ok: [303],
  },
  'POST /newsroom/api/webhook': {
    who: 'settings.manage',
    csrf: 'session',
    make: post('/newsroom/api/webhook', {
      url: 'http://127.0.0.1:9/terima',
      events: 'article.published',
      allowPrivate: '1',
    }),
    ok: [200],
    why: 'the signing secret is shown once in the answer itself',
  },
  'POST /newsroom/api/webhook/:id/hapus': {
    who: 'settings.manage',
    csrf: 'session',
    make: post(async ({ app }) => `/newsroom/api/webhook/${(await hook(app)).id}/hapus`),
    ok: [303],
  },
  'POST /newsroom/api/webhook/:id/lanjutkan': {
    who: 'settings.manage',
    csrf: 'session',
    make: post(async ({ app }) => `/newsroom/api/webhook/${(await hook(app)).id}/lanjutkan`),
    ok: [303],
  },
  'GET /newsroom/api/webhook/:id': {
    who: 'settings.manage',
    make: get(async ({ app }) => `/newsroom/api/webhook/${(await hook(app)).id}`),
    ok: [200],
  },
  'POST /newsroom/api/webhook/kirim/:id': {
    who: 'settings.manage',
    csrf: 'session',
    make: post(async ({ app }) => {
      // A logged delivery without a queued job: nothing runs in the background meanwhile.
      const { id } = await hook(app);
      const d = await app.db.kysely
        .insertInto('webhook_deliveries')
        .values({
          endpoint_id: id,
          event: 'article.published',
          payload: '{}',
          status: 'failed',
          response_status: 500,
          duration_ms: 3,
          response_excerpt: 'gagal',
          error: null,
          created_at: Date.now(),
          last_attempt_at: Date.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return `/newsroom/api/webhook/kirim/${d.id}`;
    }),
    ok: [303],
  },
  // --- Google News sitemap exclusions (editors) ---
  'GET /newsroom/sitemap-berita': {
    who: 'news.sitemap',
    make: get('/newsroom/sitemap-berita'),
    ok: [200],
  },
  'POST /newsroom/sitemap-berita/rubrik': {
    who: 'news.sitemap',
    csrf: 'session',
    make: post('/newsroom/sitemap-berita/rubrik', {}),
    ok: [303],
  },
  'POST /newsroom/sitemap-berita/artikel': {
    who: 'news.sitemap',
    csrf: 'session',
    make: async (env) => ({
      method: 'POST',
      url: '/newsroom/sitemap-berita/artikel',
      form: { article: String(await deskArticle(env)), exclude: '1' },
    }),
    ok: [303],
  },
};

/** Content-hashed asset files (their names change with their content): public GETs only. */
export const ASSET_URL = /^\/static\/[a-z][a-z0-9-]*\.[0-9a-f]{10}\.(css|js)$/;

/** The methods that change state and must carry proof they come from our own page. */
export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
