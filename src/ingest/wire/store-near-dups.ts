import type { Kysely } from 'kysely';
import { articleTextsForIndex } from '../../content/reads.ts';
import type { Database } from '../../db/schema.ts';
import { bodyText } from '../../discovery/text.ts';
import {
  bandKeys,
  decodeSignature,
  encodeSignature,
  NEAR_DUP_THRESHOLD,
  signatureOfText,
  similarity,
} from './minhash.ts';

/**
 * The wire desk's near-duplicate index: MinHash LSH band keys of wire items
 * and of published Warta articles in one table, the lookup of an item's
 * nearest duplicate, and keeping published articles in the index.
 */

type DB = Kysely<Database>;

/** How far back near-duplicates are looked for among wire items. */
const GROUP_WINDOW_MS = 7 * 24 * 3600_000;
/** Candidates verified per item at most (a very common band cannot make ingest quadratic). */
const MAX_CANDIDATES = 200;

/** Replaces the band keys of a wire item ('i') or a published article ('a'). */
export async function writeBands(
  db: DB,
  kind: 'i' | 'a',
  id: number,
  sig: number[],
): Promise<void> {
  await db.deleteFrom('wire_lsh').where('ref_kind', '=', kind).where('ref_id', '=', id).execute();
  const keys = bandKeys(sig);
  if (keys.length === 0) return;
  await db
    .insertInto('wire_lsh')
    .values(keys.map((band_key) => ({ band_key, ref_kind: kind, ref_id: id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The best near-duplicate wire item and published article for a signature (each at or above the threshold). */
export async function nearest(
  db: DB,
  sig: number[],
  selfId: number,
  now: number,
): Promise<{ item: { id: number; group: number } | null; articleId: number | null }> {
  const keys = bandKeys(sig);
  if (keys.length === 0) return { item: null, articleId: null };
  const refs = await db
    .selectFrom('wire_lsh')
    .select(['ref_kind', 'ref_id'])
    .distinct()
    .where('band_key', 'in', keys)
    .limit(MAX_CANDIDATES + 1)
    .execute();
  const itemIds = refs
    .filter((r) => r.ref_kind === 'i' && r.ref_id !== selfId)
    .map((r) => r.ref_id);
  const articleIds = refs.filter((r) => r.ref_kind === 'a').map((r) => r.ref_id);
  /** The best row at or above the threshold. */
  const best = <T extends { signature: string }>(rows: T[]): T | null => {
    let top = NEAR_DUP_THRESHOLD;
    let found: T | null = null;
    for (const r of rows) {
      const s = similarity(sig, decodeSignature(r.signature));
      if (s >= top) {
        top = s;
        found = r;
      }
    }
    return found;
  };
  const itemRow =
    itemIds.length === 0
      ? null
      : best(
          await db
            .selectFrom('wire_items')
            .select(['id', 'group_id', 'signature'])
            .where('id', 'in', itemIds)
            .where('received_at', '>=', now - GROUP_WINDOW_MS)
            .execute(),
        );
  const articleRow =
    articleIds.length === 0
      ? null
      : best(
          await db
            .selectFrom('wire_article_sigs')
            .selectAll()
            .where('article_id', 'in', articleIds)
            .execute(),
        );
  const item = itemRow ? { id: itemRow.id, group: itemRow.group_id ?? itemRow.id } : null;
  const articleId = articleRow?.article_id ?? null;
  return { item, articleId };
}

// --- Published articles in the near-duplicate index -------------------------

/**
 * Puts a published article into the near-duplicate index (or takes it out
 * when it is no longer published), so the desk can say "we already ran this".
 */
export async function indexArticleForWire(db: DB, articleId: number): Promise<void> {
  const [text] = await articleTextsForIndex(db, [articleId]);
  if (!text) {
    await db
      .deleteFrom('wire_lsh')
      .where('ref_kind', '=', 'a')
      .where('ref_id', '=', articleId)
      .execute();
    await db.deleteFrom('wire_article_sigs').where('article_id', '=', articleId).execute();
    return;
  }
  const sig = signatureOfText(`${text.headline}\n${bodyText(text.body)}`);
  await db.deleteFrom('wire_article_sigs').where('article_id', '=', articleId).execute();
  await db
    .insertInto('wire_article_sigs')
    .values({ article_id: articleId, signature: encodeSignature(sig) })
    .execute();
  await writeBands(db, 'a', articleId, sig);
}
