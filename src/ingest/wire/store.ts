import type { Kysely, Selectable } from 'kysely';
import type { Block } from '../../content/blocks.ts';
import { articleTextsForIndex } from '../../content/reads.ts';
import type { Database, WireFormat, WireItemTable, WireSourceTable } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { bodyText } from '../../discovery/text.ts';
import { blocksText } from './html-blocks.ts';
import {
  bandKeys,
  decodeSignature,
  encodeSignature,
  NEAR_DUP_THRESHOLD,
  normalisedTokens,
  shinglesOfTokens,
  signatureOf,
  signatureOfText,
  similarity,
} from './minhash.ts';
import type { WireItem, WireProblem } from './parsers.ts';
import { parseRules, type WireRules } from './rules.ts';

/**
 * The wire desk's tables: sources and their poll state, items deduplicated by
 * (source, guid) and version, near-duplicate groups through MinHash LSH band
 * keys (wire items and published Warta articles in one index), and drafts
 * taken from items.
 */

type DB = Kysely<Database>;
export type WireSource = Selectable<WireSourceTable>;
export type WireItemRow = Selectable<WireItemTable>;

/** How far back near-duplicates are looked for among wire items. */
const GROUP_WINDOW_MS = 7 * 24 * 3600_000;
/** Candidates verified per item at most (a very common band cannot make ingest quadratic). */
const MAX_CANDIDATES = 200;
/** Items kept on the desk (and searchable): older ones are purged by the poller. */
export const DESK_DAYS = 30;

export interface SourceInput {
  name: string;
  format: WireFormat;
  url: string;
  folder: string;
  credit: string;
  photoCredit: string;
  sectionId: number | null;
  intervalS: number;
  authKind: 'none' | 'basic' | 'token';
  authUser: string;
  /** Empty keeps the stored secret on update. */
  authSecret: string;
  tokenHeader: string;
  rules: WireRules;
  enabled: boolean;
}

function sourceColumns(input: SourceInput) {
  return {
    name: input.name,
    format: input.format,
    url: input.url,
    folder: input.folder,
    credit: input.credit,
    photo_credit: input.photoCredit,
    section_id: input.sectionId,
    interval_s: input.intervalS,
    auth_kind: input.authKind,
    auth_user: input.authUser,
    token_header: input.tokenHeader,
    rules: JSON.stringify(input.rules),
    enabled: input.enabled ? 1 : 0,
  };
}

/** Stores a new source, due for its first poll now; returns its id. */
export async function insertSource(db: DB, input: SourceInput, now: number): Promise<number> {
  const row = await db
    .insertInto('wire_sources')
    .values({
      ...sourceColumns(input),
      auth_secret: input.authSecret,
      etag: '',
      last_modified: '',
      last_polled_at: null,
      last_success_at: null,
      last_error: '',
      last_error_at: null,
      last_report: '[]',
      failures: 0,
      next_poll_at: now,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Updates a source's settings; a changed URL forgets the conditional-GET validators. */
export async function updateSourceRow(
  db: DB,
  id: number,
  input: SourceInput,
  now: number,
): Promise<void> {
  const before = await getSource(db, id);
  if (!before) return;
  await db
    .updateTable('wire_sources')
    .set({
      ...sourceColumns(input),
      ...(input.authSecret ? { auth_secret: input.authSecret } : {}),
      ...(before.url !== input.url ? { etag: '', last_modified: '' } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

/** One source, or undefined. */
export async function getSource(db: DB, id: number): Promise<WireSource | undefined> {
  return db.selectFrom('wire_sources').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface SourceStatus {
  source: WireSource;
  rules: WireRules;
  report: WireProblem[];
  itemsLast24h: number;
}

/** Every source with what its page shows: last success and error, the last report, items in 24 hours. */
export async function listSourceStatus(db: DB, now: number): Promise<SourceStatus[]> {
  const [sources, counts] = await Promise.all([
    db.selectFrom('wire_sources').selectAll().orderBy('name').execute(),
    db
      .selectFrom('wire_items')
      .select(['source_id', db.fn.countAll<string>().as('n')])
      .where('received_at', '>=', now - 24 * 3600_000)
      .groupBy('source_id')
      .execute(),
  ]);
  const byId = new Map(counts.map((c) => [c.source_id, Number(c.n)]));
  return sources.map((source) => ({
    source,
    rules: parseRules(source.rules),
    report: parseReport(source.last_report),
    itemsLast24h: byId.get(source.id) ?? 0,
  }));
}

function parseReport(json: string): WireProblem[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as WireProblem[]) : [];
  } catch {
    return [];
  }
}

/** Backoff after `failures` failed polls in a row: doubling from the interval, at most six hours. */
export function nextPollDelay(intervalS: number, failures: number): number {
  return Math.min(6 * 3600_000, intervalS * 1000 * 2 ** Math.min(failures, 12));
}

/** Records a poll that worked (possibly with per-item problems): validators, report, next poll. */
export async function recordPollSuccess(
  db: DB,
  source: WireSource,
  r: { etag?: string; lastModified?: string; report?: WireProblem[]; now: number },
): Promise<void> {
  await db
    .updateTable('wire_sources')
    .set({
      ...(r.etag !== undefined ? { etag: r.etag.slice(0, 500) } : {}),
      ...(r.lastModified !== undefined ? { last_modified: r.lastModified.slice(0, 200) } : {}),
      last_polled_at: r.now,
      last_success_at: r.now,
      // Not modified (no report): the last delivery's report stays.
      ...(r.report ? { last_report: JSON.stringify(r.report.slice(0, 100)) } : {}),
      failures: 0,
      next_poll_at: r.now + nextPollDelay(source.interval_s, 0),
    })
    .where('id', '=', source.id)
    .execute();
}

/** Records a failed poll: the error for the source's page and a backed-off next poll. */
export async function recordPollFailure(
  db: DB,
  source: WireSource,
  r: { error: WireProblem; now: number },
): Promise<number> {
  const failures = source.failures + 1;
  const next = r.now + nextPollDelay(source.interval_s, failures);
  await db
    .updateTable('wire_sources')
    .set({
      last_polled_at: r.now,
      last_error: JSON.stringify(r.error),
      last_error_at: r.now,
      last_report: JSON.stringify([r.error]),
      failures,
      next_poll_at: next,
    })
    .where('id', '=', source.id)
    .execute();
  return next;
}

/** Adds a problem to a source's last report (e.g. an agency photo that was not an image at take time). */
export async function appendReport(db: DB, sourceId: number, problem: WireProblem): Promise<void> {
  const source = await getSource(db, sourceId);
  if (!source) return;
  const report = [...parseReport(source.last_report), problem].slice(-100);
  await db
    .updateTable('wire_sources')
    .set({ last_report: JSON.stringify(report) })
    .where('id', '=', sourceId)
    .execute();
}

// --- Items -----------------------------------------------------------------

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

async function writeBands(db: DB, kind: 'i' | 'a', id: number, sig: number[]): Promise<void> {
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
async function nearest(
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

/** Parses an item's stored body. */
export function itemBlocks(row: Pick<WireItemRow, 'body'>): Block[] {
  try {
    const v = JSON.parse(row.body) as unknown;
    return Array.isArray(v) ? (v as Block[]) : [];
  } catch {
    return [];
  }
}
