import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { archiveUrl, articleUrl, authorUrl, sectionUrl, tagUrl } from '../../content/urls.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import type { AppError } from '../../lib/errors.ts';
import type { WxrItem } from './wxr-reader.ts';

/**
 * Old WordPress addresses answer 301 to their Warta page. The lookup costs
 * nothing on normal requests: paths are looked up only where the site would
 * answer 404, and WordPress query links (`/?p=12`, `?cat=`, `?feed=`…) only
 * when the address has one of those parameters. Targets are stored as
 * (kind, id) and turned into a URL when asked, so a later slug or section
 * change still lands on the current address.
 */

export type LegacyTarget = {
  kind: 'article' | 'section' | 'section-feed' | 'tag' | 'feed' | 'person';
  id: number;
};

/** Normalises a path the way keys are stored: decoded, no trailing slash, no `index.php`. */
export function legacyKey(rawPath: string): string {
  let p = rawPath.split('#')[0] ?? '';
  try {
    p = decodeURIComponent(p);
  } catch {
    // keep it as written
  }
  p = p.replace(/\/index\.php$/i, '').replace(/\/+$/, '');
  return p || '/';
}

/** The keys an imported post answers to: its permalink, `?p=`, old slugs, its comment feed. */
export function legacyKeysFor(item: WxrItem, pathOf: (link: string) => string | null): string[] {
  const keys: string[] = [`?p=${item.id}`];
  if (item.type === 'page') keys.push(`?page_id=${item.id}`);
  const permalink = pathOf(item.link);
  if (permalink && !permalink.startsWith('?')) {
    keys.push(permalink, `${permalink}/feed`);
    // `_wp_old_slug`: the same permalink with the old slug as its last part.
    for (const old of item.oldSlugs) {
      if (!old || !item.name) continue;
      const segments = permalink.split('/');
      const at = segments.lastIndexOf(legacyKey(`/${item.name}`).slice(1));
      if (at > 0) {
        segments[at] = legacyKey(`/${old}`).slice(1);
        keys.push(segments.join('/'));
      }
      keys.push(`/${legacyKey(`/${old}`).slice(1)}`);
    }
  }
  return [...new Set(keys.map((k) => (k.startsWith('?') ? k : legacyKey(k))))].filter(
    (k) => k !== '/',
  );
}

/** Stores old addresses (first writer wins); returns how many were new. */
export async function recordLegacyPaths(
  k: Kysely<Database>,
  rows: { key: string; target: LegacyTarget }[],
  now: number,
): Promise<number> {
  let added = 0;
  const fitting = rows.filter((r) => r.key.length <= 1000);
  for (let i = 0; i < fitting.length; i += 200) {
    const inserted = await k
      .insertInto('legacy_paths')
      .values(
        fitting.slice(i, i + 200).map((r) => ({
          path: r.key,
          target_kind: r.target.kind,
          target_id: r.target.id,
          created_at: now,
        })),
      )
      .onConflict((oc) => oc.column('path').doNothing())
      .returning('path')
      .execute();
    added += inserted.length;
  }
  // This process knows at once that there are old addresses now (a renamed section's, too).
  if (added > 0) knownSome.add(k);
  return added;
}

/** The current Warta URL of a stored target, or null when it is gone or not public. */
async function targetUrl(
  k: Kysely<Database>,
  kind: string,
  id: number,
  now: number,
): Promise<string | null> {
  switch (kind) {
    case 'article': {
      const row = await k
        .selectFrom('articles')
        .innerJoin('sections', 'sections.id', 'articles.section_id')
        .select(['articles.id', 'articles.slug', 'sections.slug as section'])
        .where('articles.id', '=', id)
        .where('articles.status', '=', 'published')
        .where('articles.deleted_at', 'is', null)
        .where('articles.published_at', '<=', now)
        .executeTakeFirst();
      return row ? articleUrl(row.section, row.id, row.slug) : null;
    }
    case 'section':
    case 'section-feed': {
      const row = await k
        .selectFrom('sections')
        .select('slug')
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return null;
      return kind === 'section' ? sectionUrl(row.slug) : `${sectionUrl(row.slug)}/feed`;
    }
    case 'tag': {
      const row = await k.selectFrom('tags').select('slug').where('id', '=', id).executeTakeFirst();
      return row ? tagUrl(row.slug) : null;
    }
    case 'person': {
      const row = await k
        .selectFrom('people')
        .select('slug')
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? authorUrl(row.slug) : null;
    }
    case 'feed':
      return '/feed';
    default:
      return null;
  }
}

/**
 * Whether this database has any old addresses: a site that never imported
 * pays no query on its 404s. "None" is re-checked every 30 s (an import may
 * run in another process); "some" stays true.
 */
const NONE_RECHECK_MS = 30_000;
const knownSome = new WeakSet<object>();
const noneUntil = new WeakMap<object, number>();
async function hasLegacyPaths(k: Kysely<Database>, now: number): Promise<boolean> {
  if (knownSome.has(k)) return true;
  if ((noneUntil.get(k) ?? 0) > now) return false;
  const row = await k.selectFrom('legacy_paths').select('path').limit(1).executeTakeFirst();
  if (row) knownSome.add(k);
  else noneUntil.set(k, now + NONE_RECHECK_MS);
  return Boolean(row);
}

/** The new address for an old one (path or WordPress query link), or null. */
export async function legacyRedirect(
  k: Kysely<Database>,
  url: string,
  now = Date.now(),
): Promise<string | null> {
  const q = url.indexOf('?');
  const pathPart = q === -1 ? url : url.slice(0, q);
  const keys: string[] = [];
  if (q !== -1) {
    const params = new URLSearchParams(url.slice(q + 1));
    for (const name of WP_QUERY) {
      const v = params.get(name);
      if (v && v.length <= 200) keys.push(`?${name}=${v}`);
    }
  }
  if (pathPart.length <= 1000) keys.push(legacyKey(pathPart));
  if (keys.length === 0 || !(await hasLegacyPaths(k, now))) return null;
  const rows = await k
    .selectFrom('legacy_paths')
    .select(['path', 'target_kind', 'target_id'])
    .where('path', 'in', keys)
    .execute();
  for (const key of keys) {
    const row = rows.find((r) => r.path === key);
    if (!row && key === keys[keys.length - 1]) {
      // WordPress date archives (/2024/, /2024/03/, /2024/03/09/) → Warta's archive.
      const d = /^\/(\d{4})(?:\/(\d{2}))?(?:\/(\d{2}))?$/.exec(key);
      if (d)
        return archiveUrl(
          Number(d[1]),
          d[2] ? Number(d[2]) : undefined,
          d[3] ? Number(d[3]) : undefined,
        );
    }
    if (!row) continue;
    const target = await targetUrl(k, row.target_kind, row.target_id, now);
    if (target) return target;
  }
  return null;
}

const WP_QUERY = ['p', 'page_id', 'attachment_id', 'cat', 'tag', 'feed'] as const;
/** A cheap test on the raw URL: only these parameters make a WordPress query link. */
const WP_QUERY_TEST = /[?&](?:p|page_id|attachment_id|cat|tag|feed)=[^&]/;

/**
 * Registers the query-link check: for a GET whose URL carries a WordPress
 * parameter, a stored `?p=` (etc.) answers 301 before any page work. Other
 * requests pay one `indexOf`. Register before the page cache, so a cached
 * home page never answers `/?p=12`.
 */
export function registerLegacyQueryRedirects(server: FastifyInstance, db: Db): void {
  server.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return;
    if (req.url.indexOf('?') === -1 || !WP_QUERY_TEST.test(req.url)) return;
    const path = req.url.slice(0, req.url.indexOf('?'));
    if (path !== '/' && path !== '/index.php') return;
    const to = await legacyRedirect(db.kysely, req.url);
    if (to) return reply.redirect(to, 301);
  });
}

/**
 * Wraps the site's error renderer: a 404 (or 410) for a GET first asks the old
 * addresses, so redirects cost nothing unless the page was missing anyway.
 */
export function withLegacyRedirects(
  db: Db,
  render: (reply: FastifyReply, err: AppError) => Promise<FastifyReply>,
): (reply: FastifyReply, err: AppError) => Promise<FastifyReply> {
  return async (reply, err) => {
    const req = reply.request;
    // 410 too: `/2024/11/old-post` may look like a deleted Warta article 11.
    if (
      (err.status === 404 || err.status === 410) &&
      (req.method === 'GET' || req.method === 'HEAD')
    ) {
      try {
        const to = await legacyRedirect(db.kysely, req.url);
        if (to) return reply.redirect(to, 301);
      } catch {
        // the database is down: the plain 404 page follows
      }
    }
    return render(reply, err);
  };
}
