import type { Db } from '../../db/connection.ts';
import { enqueueJob, type JobHandler } from '../../jobs/runner.ts';
import {
  DEFAULT_LIMITS,
  FetchFailed,
  type FetchLimits,
  fetchHttpSource,
  readWatchedFolder,
} from './fetcher.ts';
import { parseFeed } from './parsers.ts';
import { applyRules, parseRules } from './rules.ts';
import { getSource, recordPollFailure, recordPollSuccess } from './store.ts';
import { type IngestCounts, ingestItems, purgeOldItems } from './store-items.ts';
import type { WireItem, WireProblem } from './wire-item.ts';

/**
 * Polling: each source has one queued `wire-poll` job in the persisted job
 * runner, due at its next poll. The job fetches, parses, applies the source's
 * rules, stores, records the outcome on the source and queues the next poll
 * (after its interval, or backed off after failures). Wire polls run
 * concurrently in the runner (see `handle(..., { concurrent: true })`), each
 * under its own deadline, so a slow or hanging source never holds up another.
 */

export const WIRE_POLL = 'wire-poll';

export interface PollResult extends IngestCounts {
  ok: boolean;
  notModified?: boolean;
  problems: WireProblem[];
}

/** Polls one source now and records the outcome; never throws for a feed's faults. */
export async function pollSource(
  wdb: Db,
  sourceId: number,
  opts: { limits?: FetchLimits; now?: () => number } = {},
): Promise<PollResult> {
  const db = wdb.kysely;
  const now = opts.now ?? Date.now;
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const source = await getSource(db, sourceId);
  const empty = { added: 0, updated: 0, unchanged: 0 };
  if (!source) return { ok: false, problems: [], ...empty };
  let moved: (() => Promise<void>) | undefined;
  try {
    const folder = source.folder ? await readWatchedFolder(source.folder, limits, now()) : null;
    moved = folder?.moved;
    const fetched = folder
      ? folder
      : await fetchHttpSource(
          {
            url: source.url,
            etag: source.etag,
            lastModified: source.last_modified,
            authKind: source.auth_kind,
            authUser: source.auth_user,
            authSecret: source.auth_secret,
            tokenHeader: source.token_header,
          },
          limits,
        );
    if (fetched.kind === 'not-modified') {
      await recordPollSuccess(db, source, { now: now() });
      return { ok: true, notModified: true, problems: [], ...empty };
    }
    const rules = parseRules(source.rules);
    const problems: WireProblem[] = [];
    const items: WireItem[] = [];
    for (const doc of fetched.documents) {
      const parsed = parseFeed(doc.body, source.format, now());
      problems.push(
        ...parsed.problems.map((p) =>
          source.folder ? { ...p, detail: `${doc.name}${p.detail ? `: ${p.detail}` : ''}` } : p,
        ),
      );
      items.push(...parsed.items.map((it) => applyRules(it, rules)));
    }
    // A document that could not be read at all, with nothing valid in it, is a failed poll.
    const fatal = problems.find((p) =>
      ['not-a-feed', 'invalid-xml', 'doctype', 'too-large', 'invalid-json'].includes(p.code),
    );
    if (fatal && items.length === 0) {
      await recordPollFailure(db, source, { error: fatal, now: now() });
      await moved?.();
      return { ok: false, problems, ...empty };
    }
    const counts = await ingestItems(db, source, items, now());
    await moved?.();
    await recordPollSuccess(db, source, {
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      report: problems,
      now: now(),
    });
    return { ok: true, problems, ...counts };
  } catch (err) {
    const problem: WireProblem =
      err instanceof FetchFailed
        ? { code: err.code, detail: err.detail }
        : { code: 'network', detail: String((err as Error)?.message ?? err).slice(0, 200) };
    await recordPollFailure(db, source, { error: problem, now: now() });
    return { ok: false, problems: [problem], ...empty };
  }
}

/**
 * Makes sure the source has exactly one queued poll, due no later than `at`
 * ("poll now" moves it forward; it never queues a second one).
 */
export async function schedulePoll(wdb: Db, sourceId: number, at: number): Promise<void> {
  const db = wdb.kysely;
  const payload = JSON.stringify({ sourceId });
  const queued = await db
    .selectFrom('jobs')
    .select(['id', 'run_at'])
    .where('kind', '=', WIRE_POLL)
    .where('payload', '=', payload)
    .where('status', '=', 'queued')
    .execute();
  if (queued.length > 0) {
    const first = queued[0] as { id: number; run_at: number };
    if (Number(first.run_at) > at)
      await db.updateTable('jobs').set({ run_at: at }).where('id', '=', first.id).execute();
    return;
  }
  await enqueueJob(wdb, WIRE_POLL, { sourceId }, at);
}

/** The runner's handler: poll, then queue the next poll of an enabled source. */
export function wirePollHandler(
  db: Db,
  opts: { limits?: FetchLimits; now?: () => number } = {},
): JobHandler {
  return async (payload) => {
    const sourceId = Number(payload.sourceId);
    if (!Number.isInteger(sourceId)) return;
    const source = await getSource(db.kysely, sourceId);
    if (!source?.enabled) return;
    await pollSource(db, sourceId, opts);
    const after = await getSource(db.kysely, sourceId);
    if (after?.enabled) await schedulePoll(db, sourceId, Number(after.next_poll_at));
    await purgeOldItems(db.kysely, (opts.now ?? Date.now)());
  };
}

/** At start: every enabled source without a queued poll gets one (e.g. after a restore). */
export async function ensurePollsQueued(db: Db, now: number): Promise<void> {
  const sources = await db.kysely
    .selectFrom('wire_sources')
    .select(['id', 'next_poll_at'])
    .where('enabled', '=', 1)
    .execute();
  for (const s of sources) await schedulePoll(db, s.id, Math.max(now, Number(s.next_poll_at)));
}
