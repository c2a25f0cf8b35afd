import type { Kysely } from 'kysely';
import { summariesByIds } from '../../content/queries.ts';
import type { Database } from '../../db/schema.ts';
import { analyze } from '../../discovery/text.ts';
import { DESK_DAYS } from './store-items.ts';

/**
 * What the "Masuk" desk reads: items newest first with their source, group
 * siblings from other sources, the published Warta article they duplicate,
 * and who took them. Search uses site search's Indonesian analyzer on both
 * sides (the stored terms and the query), over the last 30 days.
 */

type DB = Kysely<Database>;

export interface DeskFilter {
  sourceId?: number;
  sectionId?: number;
  /** Only items received in the last this many ms. */
  withinMs?: number;
  q?: string;
  /** Only items with an id above this (the live update). */
  afterId?: number;
  limit?: number;
}

export interface DeskItem {
  id: number;
  sourceId: number;
  sourceName: string;
  credit: string;
  headline: string;
  firstLines: string;
  url: string;
  hasPhoto: boolean;
  imageUrl: string;
  sectionId: number | null;
  publishedAt: number;
  receivedAt: number;
  embargoUntil: number | null;
  version: number;
  updated: boolean;
  groupId: number;
  /** The same story from other sources on the desk. */
  siblings: { id: number; sourceName: string; headline: string }[];
  /** A published Warta article with the same story. */
  alreadyRan: { headline: string; url: string } | null;
  /** Drafts already made from it. */
  takes: { articleId: number; by: string }[];
}

/** Desk items matching the filter (newest first). */
export async function listDesk(db: DB, f: DeskFilter, now: number): Promise<DeskItem[]> {
  let q = db
    .selectFrom('wire_items as i')
    .innerJoin('wire_sources as s', 's.id', 'i.source_id')
    .select([
      'i.id',
      'i.source_id',
      's.name as source_name',
      's.credit',
      'i.headline',
      'i.body_text',
      'i.url',
      'i.image_url',
      'i.section_id',
      'i.published_at',
      'i.received_at',
      'i.embargo_until',
      'i.version',
      'i.updated',
      'i.group_id',
      'i.dup_article_id',
    ])
    .orderBy('i.received_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(Math.min(f.limit ?? 50, 200));
  if (f.sourceId) q = q.where('i.source_id', '=', f.sourceId);
  if (f.sectionId) q = q.where('i.section_id', '=', f.sectionId);
  if (f.afterId) q = q.where('i.id', '>', f.afterId);
  const window = f.q
    ? Math.min(f.withinMs ?? Number.POSITIVE_INFINITY, DESK_DAYS * 24 * 3600_000)
    : f.withinMs;
  if (window !== undefined && Number.isFinite(window))
    q = q.where('i.received_at', '>=', now - window);
  if (f.q) {
    const terms = [...new Set(analyze(f.q))].slice(0, 12);
    if (terms.length === 0) return [];
    for (const t of terms) q = q.where('i.terms', 'like', `% ${t} %`);
  }
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const groupIds = [...new Set(rows.map((r) => r.group_id ?? r.id))];
  const ids = rows.map((r) => r.id);
  const [siblings, takes, articles] = await Promise.all([
    db
      .selectFrom('wire_items as i')
      .innerJoin('wire_sources as s', 's.id', 'i.source_id')
      .select(['i.id', 'i.group_id', 'i.headline', 's.name'])
      .where('i.group_id', 'in', groupIds)
      .limit(1000)
      .execute(),
    db
      .selectFrom('wire_takes as t')
      .leftJoin('users as u', 'u.id', 't.taken_by')
      .select(['t.item_id', 't.article_id', 'u.name'])
      .where('t.item_id', 'in', ids)
      .execute(),
    summariesByIds(
      db,
      [...new Set(rows.flatMap((r) => (r.dup_article_id ? [r.dup_article_id] : [])))],
      now,
    ),
  ]);
  const articleById = new Map(articles.map((a) => [a.id, a]));
  return rows.map((r) => {
    const group = r.group_id ?? r.id;
    const dup = r.dup_article_id ? articleById.get(r.dup_article_id) : undefined;
    return {
      id: r.id,
      sourceId: r.source_id,
      sourceName: r.source_name,
      credit: r.credit,
      headline: r.headline,
      firstLines: r.body_text.slice(0, 280),
      url: r.url,
      hasPhoto: r.image_url !== '',
      imageUrl: r.image_url,
      sectionId: r.section_id,
      publishedAt: Number(r.published_at),
      receivedAt: Number(r.received_at),
      embargoUntil: r.embargo_until === null ? null : Number(r.embargo_until),
      version: r.version,
      updated: r.updated === 1,
      groupId: group,
      siblings: siblings
        .filter((s) => s.group_id === group && s.id !== r.id)
        .map((s) => ({ id: s.id, sourceName: s.name, headline: s.headline })),
      alreadyRan: dup ? { headline: dup.headline, url: dup.url } : null,
      takes: takes
        .filter((t) => t.item_id === r.id)
        .map((t) => ({ articleId: t.article_id, by: t.name ?? '' })),
    };
  });
}

/** The newest item id (the live update's starting point). */
export async function latestItemId(db: DB): Promise<number> {
  const row = await db
    .selectFrom('wire_items')
    .select((eb) => eb.fn.max('id').as('m'))
    .executeTakeFirst();
  return Number(row?.m ?? 0);
}
