import { type Kysely, sql } from 'kysely';
import { articleTextsForIndex, tagIdsOf } from '../content/reads.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { EventBus } from '../lib/events.ts';
import {
  extractFeatures,
  headlineOverlap,
  idf,
  NEAR_DUPLICATE_HEADLINE,
  type RelatedInput,
  relatedScore,
} from './related.ts';
import {
  addDf,
  type Doc,
  dfMap,
  docColumns,
  loadDocs,
  N_TERM,
  postingsFor,
  type RelatedArticleTable,
  type RelatedDb,
  type RelatedPostingTable,
  rdb,
} from './related-tables.ts';
import { bodyText } from './text.ts';

/**
 * Storage of the related-articles index, the same code on SQLite and
 * PostgreSQL: document frequencies, each article's features, an inverted index
 * of its strongest terms (so one article's candidates come from a few index
 * range reads, never a scan of all bodies), and the stored related lists that
 * article pages read. Lists are computed when an article is published or
 * edited, never at request time. The tables and their row-level reads and
 * writes are in related-tables.ts.
 */

/** How many related articles each article keeps (3 inline + 6 listed, with spares). */
export const STORED_RELATED = 12;
/** Below this score an article is not related enough to show. */
const MIN_SCORE = 0.04;
/** Rows read from each term's posting list, strongest first. */
const PER_TERM = 60;
/** Candidates re-scored with full features. */
const RESCORE = 40;

/**
 * Text, tags and time of a published or scheduled article (indexed now, shown
 * when due), read through content: two key reads, not getPublishedArticle,
 * which also loads summaries and pins.
 */
async function loadInput(
  db: Db,
  articleId: number,
): Promise<(RelatedInput & { publishedAt: number }) | null> {
  const [a] = await articleTextsForIndex(db.kysely, [articleId]);
  if (!a) return null;
  const tags = await tagIdsOf(db.kysely, [articleId]);
  return {
    headline: a.headline,
    deck: a.deck,
    body: bodyText(a.body),
    tagIds: tags.get(articleId) ?? [],
    publishedAt: a.publishedAt,
  };
}

/**
 * Adds or refreshes one article in the index (features, document frequencies,
 * postings). Returns its features and its terms' frequencies, or null when the
 * article is not published.
 */
export async function indexForRelated(
  db: Db,
  articleId: number,
): Promise<{ doc: Doc; dfs: Map<string, number> } | null> {
  const input = await loadInput(db, articleId);
  if (!input) {
    await removeFromIndex(db, articleId);
    return null;
  }
  return indexInput(db, articleId, input);
}

/**
 * Indexes already-loaded article text; also returns the document frequencies
 * of the article's terms as now stored, so computing its list reads them once.
 */
export async function indexInput(
  db: Db,
  articleId: number,
  input: RelatedInput & { publishedAt: number },
): Promise<{ doc: Doc; dfs: Map<string, number> }> {
  const k = rdb(db);
  const old = (await loadDocs(k, [articleId], true)).get(articleId);
  // First pass for the term list, then frequencies, then the real features.
  const draft = extractFeatures(input, () => undefined, 1);
  const dfs = await dfMap(k, draft.terms);
  const oldTerms = new Set(old?.features.terms ?? []);
  const newTerms = new Set(draft.terms);
  const deltas = new Map<string, number>();
  for (const t of newTerms) if (!oldTerms.has(t)) deltas.set(t, 1);
  for (const t of oldTerms) if (!newTerms.has(t)) deltas.set(t, -1);
  if (!old) deltas.set(N_TERM, 1);
  for (const [t, d] of deltas) dfs.set(t, (dfs.get(t) ?? 0) + d);
  const n = dfs.get(N_TERM) ?? 1;
  const features = extractFeatures(input, (t) => dfs.get(t), n);
  const idfOf = (t: string) => idf(dfs.get(t), n);
  await k.transaction().execute(async (tx) => {
    await addDf(tx, deltas);
    await tx.deleteFrom('related_docs').where('article_id', '=', articleId).execute();
    await tx
      .insertInto('related_docs')
      .values({
        article_id: articleId,
        published_at: input.publishedAt,
        ...docColumns(features),
      })
      .execute();
    await tx.deleteFrom('related_postings').where('article_id', '=', articleId).execute();
    const rows = postingsFor(articleId, features, idfOf);
    if (rows.length) await tx.insertInto('related_postings').values(rows).execute();
  });
  return { doc: { id: articleId, publishedAt: input.publishedAt, features }, dfs };
}

/** Candidate ids for a document from the inverted index, with a first rough score. */
async function candidates(k: RelatedDb, doc: Doc, idfOf: (t: string) => number) {
  const query = postingsFor(doc.id, doc.features, idfOf);
  if (query.length === 0) return [];
  const qw = new Map(
    query.map((q) => [q.term, q.term.startsWith('#') || q.term.startsWith('@') ? 0.3 : q.weight]),
  );
  const parts = query.map(
    (q, i) =>
      sql`SELECT * FROM (SELECT term, article_id, weight FROM related_postings WHERE term = ${q.term} ORDER BY weight DESC, article_id DESC LIMIT ${PER_TERM}) AS ${sql.raw(`p${i}`)}`,
  );
  const rows = await sql<RelatedPostingTable>`${sql.join(parts, sql` UNION ALL `)}`.execute(k);
  const rough = new Map<number, number>();
  for (const r of rows.rows) {
    if (r.article_id === doc.id) continue;
    rough.set(
      r.article_id,
      (rough.get(r.article_id) ?? 0) + (qw.get(r.term) ?? 0) * Number(r.weight),
    );
  }
  return [...rough]
    .sort((a, b) => b[1] - a[1] || b[0] - a[0])
    .slice(0, RESCORE)
    .map(([id]) => id);
}

export interface Scored {
  id: number;
  score: number;
}

/**
 * The best related articles for an indexed document: candidates from the
 * inverted index, re-scored on full features, near-duplicates of the article
 * or of a better candidate left out.
 */
export async function computeRelated(
  db: Db,
  doc: Doc,
  knownDf?: Map<string, number>,
): Promise<Scored[]> {
  const k = rdb(db);
  const ownDf = knownDf ?? (await dfMap(k, doc.features.terms));
  const n = ownDf.get(N_TERM) ?? 1;
  const ids = await candidates(k, doc, (t) => idf(ownDf.get(t), n));
  const docs = await loadDocs(k, ids);
  const needed = new Set<string>();
  for (const d of docs.values()) {
    for (const t of Object.keys(d.features.v)) if (!ownDf.has(t)) needed.add(t);
    for (const t of [...d.features.g, ...d.features.e]) if (!ownDf.has(t)) needed.add(t);
  }
  const dfs = needed.size ? new Map([...ownDf, ...(await dfMap(k, needed))]) : ownDf;
  const idfOf = (t: string) => idf(dfs.get(t), n);
  const scored = [...docs.values()]
    .map((d) => ({ d, parts: relatedScore(doc, d, idfOf) }))
    .filter((x) => x.parts.score >= MIN_SCORE && !x.parts.nearDuplicate)
    .sort((a, b) => b.parts.score - a.parts.score || b.d.id - a.d.id);
  const chosen: { d: Doc; score: number }[] = [];
  for (const x of scored) {
    if (
      chosen.some((c) => headlineOverlap(c.d.features.h, x.d.features.h) >= NEAR_DUPLICATE_HEADLINE)
    ) {
      continue;
    }
    chosen.push({ d: x.d, score: x.parts.score });
    if (chosen.length >= STORED_RELATED) break;
  }
  return chosen.map((c) => ({ id: c.d.id, score: c.score }));
}

async function storeList(k: RelatedDb, articleId: number, list: Scored[]) {
  await k.deleteFrom('related_articles').where('article_id', '=', articleId).execute();
  if (list.length) {
    await k
      .insertInto('related_articles')
      .values(list.map((r) => ({ article_id: articleId, related_id: r.id, score: r.score })))
      .execute();
  }
}

/**
 * Offers a new or edited article to the lists of the articles it is most
 * related to, so a developing story links forward as well as back.
 */
async function linkForward(k: RelatedDb, articleId: number, list: Scored[]) {
  await k.deleteFrom('related_articles').where('related_id', '=', articleId).execute();
  if (list.length === 0) return;
  const rows = await k
    .selectFrom('related_articles')
    .select(['article_id', 'related_id', 'score'])
    .where(
      'article_id',
      'in',
      list.map((r) => r.id),
    )
    .execute();
  const lists = new Map<number, { related_id: number; score: number }[]>();
  for (const r of rows) lists.set(r.article_id, [...(lists.get(r.article_id) ?? []), r]);
  const inserts: RelatedArticleTable[] = [];
  const drops: { article_id: number; related_id: number }[] = [];
  for (const { id, score } of list) {
    const current = (lists.get(id) ?? []).sort((a, b) => b.score - a.score);
    if (current.length >= STORED_RELATED && (current.at(-1)?.score ?? 0) >= score) continue;
    inserts.push({ article_id: id, related_id: articleId, score });
    for (const drop of current.slice(STORED_RELATED - 1)) {
      drops.push({ article_id: id, related_id: drop.related_id });
    }
  }
  if (inserts.length) await k.insertInto('related_articles').values(inserts).execute();
  if (drops.length) {
    await k
      .deleteFrom('related_articles')
      .where((eb) =>
        eb.or(
          drops.map((d) =>
            eb.and([eb('article_id', '=', d.article_id), eb('related_id', '=', d.related_id)]),
          ),
        ),
      )
      .execute();
  }
}

/** Re-indexes an article and recomputes its related list, then links it forward. */
export async function refreshRelated(db: Db, articleId: number): Promise<Scored[]> {
  const indexed = await indexForRelated(db, articleId);
  if (!indexed) return [];
  const list = await computeRelated(db, indexed.doc, indexed.dfs);
  const k = rdb(db);
  await k.transaction().execute(async (tx) => {
    await storeList(tx, articleId, list);
    await linkForward(tx, articleId, list);
  });
  return list;
}

/** Recomputes the stored list of an already indexed article (no forward links). */
export async function recomputeList(db: Db, articleId: number): Promise<void> {
  const doc = (await loadDocs(rdb(db), [articleId])).get(articleId);
  if (!doc) return;
  await storeList(rdb(db), articleId, await computeRelated(db, doc));
}

/**
 * Takes an article out of the index and out of every other article's list;
 * those lists are recomputed so they stay full.
 */
export async function removeFromIndex(db: Db, articleId: number): Promise<void> {
  const k = rdb(db);
  const old = (await loadDocs(k, [articleId], true)).get(articleId);
  const affected = await k
    .selectFrom('related_articles')
    .select('article_id')
    .where('related_id', '=', articleId)
    .execute();
  await k.transaction().execute(async (tx) => {
    if (old) {
      const deltas = new Map<string, number>([[N_TERM, -1]]);
      for (const t of new Set(old.features.terms)) deltas.set(t, -1);
      await addDf(tx, deltas);
    }
    await tx.deleteFrom('related_docs').where('article_id', '=', articleId).execute();
    await tx.deleteFrom('related_postings').where('article_id', '=', articleId).execute();
    await tx.deleteFrom('related_articles').where('article_id', '=', articleId).execute();
    await tx.deleteFrom('related_articles').where('related_id', '=', articleId).execute();
  });
  for (const r of affected.slice(0, 50)) await recomputeList(db, r.article_id);
}

/** Stored related ids of an article, best first (visibility is checked by the caller's read path). */
export async function relatedIds(
  db: Kysely<Database>,
  articleId: number,
  limit = STORED_RELATED,
): Promise<number[]> {
  const rows = await rdb(db)
    .selectFrom('related_articles')
    .select('related_id')
    .where('article_id', '=', articleId)
    .orderBy('score', 'desc')
    .orderBy('related_id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.related_id);
}

/** Subscribes the related index to the article events (called from listeners.ts). */
export function wireRelated(events: EventBus, db: Db): void {
  const refresh = async ({ articleId }: { articleId: number }) => {
    await refreshRelated(db, articleId);
  };
  const remove = async ({ articleId }: { articleId: number }) => {
    await removeFromIndex(db, articleId);
  };
  events.on('article.published', refresh);
  events.on('article.updated', refresh);
  events.on('article.unpublished', remove);
  events.on('article.deleted', remove);
}
