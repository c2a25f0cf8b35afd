import { createChallenge, encodePayload, solveChallenge } from '../src/comments/captcha.ts';
import { formToken } from '../src/comments/form-token.ts';
import { type CommentSettings, saveSettings } from '../src/comments/settings.ts';
import { articleUrl } from '../src/content/urls.ts';
import type { Db } from '../src/db/connection.ts';
import { makeSection, publishedArticle } from './factories.ts';
import type { TestApp } from './helpers.ts';

/** Cheap proof of work for tests: the same algorithm, a tiny counter. */
export const EASY_CAPTCHA = { cost: 10, counterMin: 1, counterMax: 30 };

let n = 0;

/** A published article and the URLs a reader uses to comment on it. */
export async function commentableArticle(app: TestApp, overrides: Record<string, unknown> = {}) {
  const section = await makeSection(app.db, 'Daerah');
  const a = await publishedArticle(app.db, section.id, overrides);
  const row = await app.db.kysely
    .selectFrom('articles')
    .select('slug')
    .where('id', '=', a.id)
    .executeTakeFirstOrThrow();
  const url = `/${section.slug}/${a.id}/${row.slug}`;
  return { id: a.id, sectionId: section.id, url, action: `${url}/komentar` };
}

/** Test settings: easy captcha, then whatever the test says. */
export async function setSettings(app: TestApp, patch: Partial<CommentSettings> = {}) {
  const r = await saveSettings(app.db.kysely, {
    captchaCost: EASY_CAPTCHA.cost,
    captchaCounterMin: EASY_CAPTCHA.counterMin,
    captchaCounterMax: EASY_CAPTCHA.counterMax,
    ...patch,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
}

/** A form token rendered `ageMs` ago (older than the minimum fill time by default). */
export function tokenFor(app: TestApp, articleId: number, ageMs = 10_000): string {
  return formToken(app.config.secretKey, articleId, Date.now() - ageMs);
}

/** A solved captcha payload for an article, as the widget would post it. */
export async function solvedPayload(app: TestApp, articleId: number): Promise<string> {
  const ch = await createChallenge(app.config.secretKey, articleId, EASY_CAPTCHA);
  return encodePayload(ch, await solveChallenge(ch));
}

/** A complete, valid set of form fields (unique email and text unless given). */
export function fields(
  articleToken: string,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  n += 1;
  return {
    _token: articleToken,
    body: `Komentar uji nomor ${n}: jalan desa perlu diperbaiki sebelum musim hujan.`,
    name: 'Made Pembaca',
    email: `pembaca${n}.${process.pid}@contoh.id`,
    website: '',
    telepon: '',
    ...over,
  };
}

/** Posts the comment form, urlencoded by default, from a distinct address unless given. */
export async function postComment(
  app: TestApp,
  action: string,
  body: Record<string, unknown> | string,
  opts: { json?: boolean; ip?: string; headers?: Record<string, string>; cookie?: string } = {},
) {
  n += 1;
  const headers: Record<string, string> = {
    'x-forwarded-for': opts.ip ?? `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
    ...(opts.cookie ? { cookie: opts.cookie } : {}),
    ...opts.headers,
  };
  if (opts.json) {
    return app.server.inject({
      method: 'POST',
      url: action,
      headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }
  const payload =
    typeof body === 'string'
      ? body
      : new URLSearchParams(Object.entries(body).map(([k, v]) => [k, String(v)])).toString();
  return app.server.inject({
    method: 'POST',
    url: action,
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    payload,
  });
}

/** Posts a valid comment with a solved captcha to `article`; `over` replaces form fields. */
export async function postSolved(
  app: TestApp,
  article: { id: number; action: string },
  over: Record<string, unknown> = {},
  opts: Parameters<typeof postComment>[3] = {},
) {
  const altcha = await solvedPayload(app, article.id);
  return postComment(
    app,
    article.action,
    fields(tokenFor(app, article.id), { altcha, ...over }),
    opts,
  );
}

/** Every stored comment of an article. */
export function storedComments(app: TestApp, articleId: number) {
  return app.db.kysely
    .selectFrom('comments')
    .selectAll()
    .where('article_id', '=', articleId)
    .orderBy('id')
    .execute();
}

/**
 * A database's seed for tests that run Warta as a process: one section
 * ("Daerah") with one published article open to comments, and the comment
 * settings `settings` saved over the defaults. Returns the section's id, the
 * article's id and its public address.
 */
export async function seedCommentableArticle(
  db: Db,
  settings: Partial<CommentSettings> = {},
): Promise<{ sectionId: number; articleId: number; articlePath: string }> {
  const section = await makeSection(db, 'Daerah');
  const a = await publishedArticle(db, section.id, { commentsOpen: true });
  const { slug } = await db.kysely
    .selectFrom('articles')
    .select('slug')
    .where('id', '=', a.id)
    .executeTakeFirstOrThrow();
  const saved = await saveSettings(db.kysely, settings);
  if (!saved.ok) throw new Error(JSON.stringify(saved.issues));
  return {
    sectionId: section.id,
    articleId: a.id,
    articlePath: articleUrl(section.slug, a.id, slug),
  };
}
