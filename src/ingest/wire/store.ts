import type { Kysely, Selectable } from 'kysely';
import type { Database, WireFormat, WireSourceTable } from '../../db/schema.ts';
import { parseRules, type WireRules } from './rules.ts';
import type { WireProblem } from './wire-item.ts';

/**
 * The wire desk's tables, sources part: sources, their settings and poll
 * state (validators, failures and backoff, the last report). Items
 * deduplicated by (source, guid) and version are in store-items.ts; the
 * near-duplicate index (MinHash LSH band keys of wire items and published
 * Warta articles) is in store-near-dups.ts.
 */

type DB = Kysely<Database>;
export type WireSource = Selectable<WireSourceTable>;

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
