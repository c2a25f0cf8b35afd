import type { Kysely, Selectable } from 'kysely';
import type { Block } from '../../content/blocks.ts';
import type { Database, WireItemTable } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { blocksText } from './html-blocks.ts';
import { encodeSignature, normalisedTokens, shinglesOfTokens, signatureOf } from './minhash.ts';
import type { WireSource } from './store.ts';
import { nearest, writeBands } from './store-near-dups.ts';
import type { WireItem } from './wire-item.ts';

/**
 * The wire desk's items: stored per (source, guid) and replaced only by a
 * newer version, each grouped with its nearest duplicate through the
 * near-duplicate index (store-near-dups.ts), purged after the desk's days.
 */

type DB = Kysely<Database>;
export type WireItemRow = Selectable<WireItemTable>;

/** Items kept on the desk (and searchable): older ones are purged by the poller. */
export const DESK_DAYS = 30;

/**
 * The text analysed once (site search's analyzer): space-padded terms, so
 * `LIKE '% term %'` matches whole terms on both dialects, and the MinHash signature.
 */
function analysed(headline: string, text: string): { terms: string; sig: number[] } {
  const tokens = normalisedTokens(`${headline}\n${text}`);
  return {
    terms: ` ${[...new Set(tokens)].join(' ')} `,
    sig: signatureOf(shinglesOfTokens(tokens)),
  };
}

export interface IngestCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Stores a fetch's items for a source. A new (source, guid) is added and
 * grouped with its nearest duplicate; a known one is replaced only when it is
 * newer (a higher stated version, or changed text when the format has no
 * versions) and is then marked updated; a repeat changes nothing. One
 * transaction per delivery. Only the first item of a group is in the LSH
 * index: a later duplicate finds its group through it, and a large group does
 * not make every new item verify all its members.
 */
export function ingestItems(
  db: DB,
  source: Pick<WireSource, 'id' | 'section_id'>,
  items: WireItem[],
  now: number,
): Promise<IngestCounts> {
  return inTransaction(db, (tx) => ingestInto(tx, source, items, now));
}

async function ingestInto(
  db: DB,
  source: Pick<WireSource, 'id' | 'section_id'>,
  items: WireItem[],
  now: number,
): Promise<IngestCounts> {
  const counts: IngestCounts = { added: 0, updated: 0, unchanged: 0 };
  if (items.length === 0) return counts;
  const existing = new Map<
    string,
    Pick<WireItemRow, 'id' | 'version' | 'headline' | 'body_text' | 'group_id'>
  >();
  for (let i = 0; i < items.length; i += 200) {
    const rows = await db
      .selectFrom('wire_items')
      .select(['id', 'guid', 'version', 'headline', 'body_text', 'group_id'])
      .where('source_id', '=', source.id)
      .where(
        'guid',
        'in',
        items.slice(i, i + 200).map((it) => it.guid),
      )
      .execute();
    for (const r of rows) existing.set(r.guid, r);
  }
  for (const item of items) {
    const text = blocksText(item.blocks);
    const before = existing.get(item.guid);
    if (before) {
      const newer =
        item.version !== null
          ? item.version > before.version
          : item.headline !== before.headline || text !== before.body_text;
      if (!newer) {
        counts.unchanged++;
        continue;
      }
      const { terms, sig } = analysed(item.headline, text);
      await db
        .updateTable('wire_items')
        .set({
          ...itemColumns(item, text, terms, sig),
          version: item.version ?? before.version + 1,
          updated: 1,
          updated_at: now,
        })
        .where('id', '=', before.id)
        .execute();
      if ((before.group_id ?? before.id) === before.id) await writeBands(db, 'i', before.id, sig);
      counts.updated++;
      continue;
    }
    const { terms, sig } = analysed(item.headline, text);
    const row = await db
      .insertInto('wire_items')
      .values({
        source_id: source.id,
        guid: item.guid,
        ...itemColumns(item, text, terms, sig),
        version: item.version ?? 1,
        received_at: now,
        updated_at: now,
        updated: item.isUpdate ? 1 : 0,
        group_id: null,
        dup_article_id: null,
        section_id: source.section_id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const near = await nearest(db, sig, row.id, now);
    const group = near.item?.group ?? row.id;
    await db
      .updateTable('wire_items')
      .set({ group_id: group, dup_article_id: near.articleId })
      .where('id', '=', row.id)
      .execute();
    if (group === row.id) await writeBands(db, 'i', row.id, sig);
    existing.set(item.guid, {
      id: row.id,
      version: item.version ?? 1,
      headline: item.headline,
      body_text: text,
      group_id: group,
    });
    counts.added++;
  }
  return counts;
}

function itemColumns(item: WireItem, text: string, terms: string, sig: number[]) {
  return {
    headline: item.headline,
    body: JSON.stringify(item.blocks),
    body_text: text,
    terms,
    url: item.url,
    dateline: item.dateline,
    image_url: item.image?.url ?? '',
    image_caption: item.image?.caption ?? '',
    image_credit: item.image?.credit ?? '',
    published_at: item.publishedAt,
    embargo_until: item.embargoUntil,
    signature: encodeSignature(sig),
  };
}

/** Forgets items older than the desk keeps (and their band keys). */
export async function purgeOldItems(db: DB, now: number): Promise<number> {
  const cutoff = now - DESK_DAYS * 24 * 3600_000;
  const old = await db
    .selectFrom('wire_items')
    .select('id')
    .where('received_at', '<', cutoff)
    .limit(1000)
    .execute();
  if (old.length === 0) return 0;
  const ids = old.map((r) => r.id);
  await db.deleteFrom('wire_lsh').where('ref_kind', '=', 'i').where('ref_id', 'in', ids).execute();
  await db.deleteFrom('wire_items').where('id', 'in', ids).execute();
  return ids.length;
}

/** Parses an item's stored body. */
export function itemBlocks(row: Pick<WireItemRow, 'body'>): Block[] {
  try {
    const v = JSON.parse(row.body) as unknown;
    return Array.isArray(v) ? (v as Block[]) : [];
  } catch {
    return [];
  }
}
