import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDraft } from '../../src/content/revisions.ts';
import { type Db, type Dialect, openDb } from '../../src/db/connection.ts';
import { createSession } from '../../src/newsroom/sessions.ts';
import { createUser } from '../../src/newsroom/users.ts';
import { EASY_CAPTCHA, seedCommentableArticle } from '../comments-kit.ts';
import { freshDb, PG_URL } from '../helpers.ts';
import { TEST_PASSWORD } from '../staff.ts';
import {
  type AutosaveRecord,
  autosaveMarker,
  type CommentOutcome,
  type Counters,
  readerLoop,
  writerLoop,
} from './kill-clients.ts';
import { freePort, ServerProcess } from './kill-server.ts';

/**
 * Durability under crashes: many readers post comments and writers autosave
 * drafts through the compiled server while it is killed with SIGKILL and
 * started again on the same data. Every write answered 2xx must be stored
 * exactly once, a write cut off by the kill at most once (a retry never
 * doubles it), nothing refused stored, every draft must hold its last
 * answered autosave (or the one cut off after it), and the database must be
 * intact: SQLite's integrity and foreign-key checks, PostgreSQL's constraints.
 */

const READERS = 16;
const WRITERS = 4;
const DRAFTS_PER_WRITER = 2;
const KILLS = 3;
/** Writes answered between two kills, so every kill lands in the middle of the traffic. */
const WRITES_PER_LIFE = 12;
/** A site setting like any other: the readers below wait this long before sending. */
const MIN_FILL_SECONDS = 1;
const SECRET = 'kill-test-secret-of-at-least-thirty-two-characters';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Prepared {
  dialect: Dialect;
  /** What the server's DATABASE_URL says (a PostgreSQL schema rides in `options`). */
  serverUrl: string;
  dir: string;
  schema?: string;
  article: { id: number; url: string };
  sectionId: number;
  drafts: { id: number; cookie: string }[];
}

/** The database a run starts from, made with the app's own commands. */
async function prepare(dialect: Dialect): Promise<Prepared> {
  const t = await freshDb(dialect);
  const db = t.db;
  try {
    const seeded = await seedCommentableArticle(db, {
      captchaCost: EASY_CAPTCHA.cost,
      captchaCounterMin: EASY_CAPTCHA.counterMin,
      captchaCounterMax: EASY_CAPTCHA.counterMax,
      minFillSeconds: MIN_FILL_SECONDS,
    });
    const drafts: Prepared['drafts'] = [];
    for (let w = 1; w <= WRITERS; w++) {
      const userId = await createUser(db, {
        email: `penulis${w}@kill.test`,
        name: `Penulis ${w}`,
        role: 'wartawan',
        password: TEST_PASSWORD,
      });
      const { token } = await createSession(db, userId);
      for (let d = 1; d <= DRAFTS_PER_WRITER; d++) {
        const id = await createDraft(db, {
          authorId: userId,
          sectionId: seeded.sectionId,
          headline: `Draf awal ${w}-${d}`,
        });
        drafts.push({ id, cookie: `warta_session=${token}` });
      }
    }
    let serverUrl = t.url;
    if (t.schema) {
      const url = new URL(t.url);
      url.searchParams.set('options', `-c search_path=${t.schema}`);
      serverUrl = url.toString();
    }
    return {
      dialect,
      serverUrl,
      dir: mkdtempSync(join(tmpdir(), 'warta-kill-')),
      schema: t.schema,
      article: { id: seeded.articleId, url: seeded.articlePath },
      sectionId: seeded.sectionId,
      drafts,
    };
  } finally {
    // The server gets the database to itself; the checks open it again afterwards.
    await db.close();
  }
}

/** Opens the run's database again (after the last kill) for the checks. */
function reopen(p: Prepared): Promise<Db> {
  return p.schema ? openDb(PG_URL, { schema: p.schema }) : openDb(p.serverUrl);
}

async function dispose(p: Prepared): Promise<void> {
  if (p.schema) {
    const db = await openDb(PG_URL);
    await sql`DROP SCHEMA IF EXISTS ${sql.id(p.schema)} CASCADE`.execute(db.kysely);
    await db.close();
  } else {
    rmSync(dirname(p.serverUrl.slice('sqlite:'.length)), { recursive: true, force: true });
  }
  rmSync(p.dir, { recursive: true, force: true });
}

interface RunResult {
  comments: CommentOutcome[];
  autosaves: AutosaveRecord[];
  kills: number;
  retried: number;
  resends: number;
  resolved: number;
  answers: Map<string, number>;
}

/** Starts the server, lets the clients write, kills and restarts it KILLS times, then kills it for good. */
async function run(p: Prepared, server: ServerProcess, port: number): Promise<RunResult> {
  const base = `http://127.0.0.1:${port}`;
  const counters: Counters = {
    retried: 0,
    resends: 0,
    acked: 0,
    resolved: 0,
    answeredClients: new Set(),
    answers: new Map(),
  };
  let running = true;
  const keepGoing = () => running;
  await server.start();
  // Caught here so an early failure is not "unhandled"; awaited (and thrown) below.
  const quiet = <T>(work: Promise<T>) => {
    work.catch(() => {});
    return work;
  };
  const readers = Array.from({ length: READERS }, (_, c) =>
    quiet(
      readerLoop({
        base,
        articleUrl: p.article.url,
        client: c + 1,
        json: c % 2 === 0,
        minFillSeconds: MIN_FILL_SECONDS,
        counters,
        running: keepGoing,
      }),
    ),
  );
  const writers = p.drafts.map((d) =>
    quiet(
      writerLoop({
        base,
        draftId: d.id,
        sectionId: p.sectionId,
        cookie: d.cookie,
        counters,
        running: keepGoing,
      }),
    ),
  );
  /**
   * Lets the server answer WRITES_PER_LIFE more writes (in its last life, also
   * at least one from every client), then a random moment more.
   */
  const live = async (last = false) => {
    const until = counters.acked + WRITES_PER_LIFE;
    const clients = READERS + p.drafts.length;
    const giveUpAt = Date.now() + 120_000;
    while (counters.acked < until || (last && counters.answeredClients.size < clients)) {
      if (!server.alive || Date.now() > giveUpAt)
        throw new Error(
          `no progress (${counters.acked} writes answered, ${JSON.stringify([...counters.answers])}):\n${server.output}`,
        );
      await sleep(20);
    }
    await sleep(Math.random() * 1_000);
  };
  try {
    for (let k = 0; k < KILLS; k++) {
      await live();
      await server.kill();
      await server.start();
    }
    await live(true);
  } finally {
    running = false;
  }
  // Every client now finishes its last write; a server that dies by itself meanwhile fails the run.
  let settled = false;
  const watchdog = (async () => {
    for (; !settled; await sleep(50))
      if (!server.alive) throw new Error(`the server died by itself:\n${server.output}`);
  })();
  watchdog.catch(() => {});
  const [comments, autosaves] = await Promise.race([
    Promise.all([Promise.all(readers).then((r) => r.flat()), Promise.all(writers)]),
    watchdog.then(() => {
      throw new Error('unreachable');
    }),
  ]).finally(() => {
    settled = true;
  });
  // The last answers were given by a live server; a final crash must not lose them either.
  await server.kill();
  return { comments, autosaves, kills: server.kills, ...counters };
}

/** Every answered comment stored exactly once, a cut-off one at most once, a refused one never. */
async function checkComments(db: Db, p: Prepared, outcomes: CommentOutcome[]) {
  const rows = await db.kysely
    .selectFrom('comments')
    .select(['id', 'body'])
    .where('article_id', '=', p.article.id)
    .execute();
  const stored = new Map<string, number[]>();
  for (const r of rows) {
    const marker = /KILL-\d+-\d+/.exec(r.body)?.[0] ?? `(no marker) ${r.body}`;
    stored.set(marker, [...(stored.get(marker) ?? []), r.id]);
  }
  const problems: string[] = [];
  for (const o of outcomes) {
    const ids = stored.get(o.marker) ?? [];
    if (o.kind === 'acked' && (ids.length !== 1 || ids[0] !== o.id))
      problems.push(`${o.marker} answered #${o.id}, stored as [${ids}]`);
    if (o.kind === 'earlier-copy' && ids.length !== 1)
      problems.push(`${o.marker} cut off then "duplicate", stored as [${ids}]`);
    if (o.kind === 'refused' && ids.length !== 0)
      problems.push(`${o.marker} refused (${o.code}), stored as [${ids}]`);
  }
  const known = new Set(outcomes.map((o) => o.marker));
  for (const [marker, ids] of stored)
    if (!known.has(marker)) problems.push(`${marker} stored as [${ids}] but never sent`);
  expect(problems).toEqual([]);
  return rows.length;
}

/**
 * Each draft holds the text of its last save that reached the database (the
 * last answered one, or one cut off after it), its version counts every
 * stored save exactly once, and its newest revision is that same text.
 */
async function checkDrafts(db: Db, records: AutosaveRecord[]) {
  const problems: string[] = [];
  for (const rec of records) {
    const a = await db.kysely
      .selectFrom('articles')
      .select(['headline', 'body', 'version'])
      .where('id', '=', rec.draftId)
      .executeTakeFirstOrThrow();
    const revisions = await db.kysely
      .selectFrom('revisions')
      .select(['id', 'version', 'snapshot'])
      .where('article_id', '=', rec.draftId)
      .orderBy('id')
      .execute();
    const landed = [...rec.acked.map((x) => x.seq), ...rec.landedUnanswered];
    const last = Math.max(0, ...landed);
    const want = autosaveMarker(rec.draftId, last);
    const markers = new Set(`${a.headline} ${a.body}`.match(/SIMPAN-\d+-\d+/g) ?? []);
    const name = `draft ${rec.draftId}`;
    if (last === 0) problems.push(`${name}: no autosave reached the database`);
    if (markers.size !== 1 || !markers.has(want))
      problems.push(`${name}: holds [${[...markers]}], its last stored save is ${want}`);
    if (a.version !== 1 + landed.length)
      problems.push(`${name}: version ${a.version} after ${landed.length} stored saves`);
    const answered = rec.acked.map((x) => x.version);
    if (answered.some((v, i) => i > 0 && v <= (answered[i - 1] ?? 0)))
      problems.push(`${name}: answered versions not increasing: ${answered}`);
    const versions = revisions.map((r) => r.version);
    if (versions.some((v, i) => i > 0 && v <= (versions[i - 1] ?? 0)))
      problems.push(`${name}: revision versions not increasing: ${versions}`);
    const newest = revisions.at(-1);
    const snapshot = newest
      ? (JSON.parse(newest.snapshot) as { headline: string; body: unknown })
      : undefined;
    if (
      newest?.version !== a.version ||
      snapshot?.headline !== a.headline ||
      JSON.stringify(snapshot.body) !== a.body
    )
      problems.push(`${name}: newest revision v${newest?.version} is not the stored v${a.version}`);
    for (const r of rec.refused)
      problems.push(`${name}: save ${r.seq} refused ${r.status} ${r.code}`);
  }
  expect(problems).toEqual([]);
}

/** SQLite: the file's own checks. PostgreSQL: every constraint validated and every foreign key rechecked. */
async function checkIntegrity(db: Db, p: Prepared) {
  if (p.dialect === 'sqlite') {
    const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(
      db.kysely,
    );
    expect(integrity.rows).toEqual([{ integrity_check: 'ok' }]);
    const orphans = await sql`PRAGMA foreign_key_check`.execute(db.kysely);
    expect(orphans.rows).toEqual([]);
    return;
  }
  const ns = sql`to_regnamespace(${p.schema})`;
  const unvalidated = await sql<{ conname: string }>`
    SELECT conname FROM pg_constraint WHERE connamespace = ${ns} AND NOT convalidated`.execute(
    db.kysely,
  );
  expect(unvalidated.rows).toEqual([]);
  const invalidIndexes = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE c.relnamespace = ${ns} AND NOT (i.indisvalid AND i.indisready)`.execute(db.kysely);
  expect(invalidIndexes.rows).toEqual([]);
  const fks = await sql<{
    conname: string;
    child: string;
    parent: string;
    cols: string[];
    pcols: string[];
  }>`
    SELECT c.conname, child.relname AS child, parent.relname AS parent,
      (SELECT array_agg(a.attname::text ORDER BY k.i) FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS cols,
      (SELECT array_agg(a.attname::text ORDER BY k.i) FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
        JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS pcols
    FROM pg_constraint c
    JOIN pg_class child ON child.oid = c.conrelid
    JOIN pg_class parent ON parent.oid = c.confrelid
    WHERE c.contype = 'f' AND c.connamespace = ${ns}`.execute(db.kysely);
  expect(fks.rows.map((f) => f.child)).toEqual(expect.arrayContaining(['comments', 'revisions']));
  const broken: string[] = [];
  for (const fk of fks.rows) {
    const notNull = sql.join(
      fk.cols.map((c) => sql`x.${sql.id(c)} IS NOT NULL`),
      sql` AND `,
    );
    const match = sql.join(
      fk.cols.map((c, i) => sql`y.${sql.id(fk.pcols[i] ?? '')} = x.${sql.id(c)}`),
      sql` AND `,
    );
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ${sql.id(fk.child)} x WHERE ${notNull}
      AND NOT EXISTS (SELECT 1 FROM ${sql.id(fk.parent)} y WHERE ${match})`.execute(db.kysely);
    if (rows[0]?.n) broken.push(`${fk.conname}: ${rows[0].n} rows of ${fk.child}`);
  }
  expect(broken).toEqual([]);
}

describe.concurrent('SIGKILL during comment posts and autosaves', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c().catch(() => {});
  });

  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`${dialect}: nothing answered is lost or doubled, the database stays intact`, async () => {
      const p = await prepare(dialect);
      const port = await freePort();
      const server = new ServerProcess(p.dir, {
        DATABASE_URL: p.serverUrl,
        MEDIA_DIR: join(p.dir, 'media'),
        PORT: String(port),
        HOST: '127.0.0.1',
        SITE_URL: `http://127.0.0.1:${port}`,
        SECRET_KEY: SECRET,
        TRUST_PROXY: '127.0.0.1',
        LOG_LEVEL: 'warn',
      });
      cleanups.push(async () => {
        await server.kill();
        await dispose(p);
      });
      const r = await run(p, server, port);
      const db = await reopen(p);
      try {
        const stored = await checkComments(db, p, r.comments);
        await checkDrafts(db, r.autosaves);
        await checkIntegrity(db, p);
        const count = (kind: CommentOutcome['kind']) =>
          r.comments.filter((c) => c.kind === kind).length;
        const autosaved = r.autosaves.reduce((n, a) => n + a.acked.length, 0);
        const cutOff = r.autosaves.reduce((n, a) => n + a.landedUnanswered.length, 0);
        console.log(
          `[kill ${dialect}] ${r.kills} kills, ${server.starts} starts, ${r.retried} requests retried (${r.resends} resends), ${r.resolved} challenges solved again; ` +
            `comments: ${count('acked')} answered 2xx/303, ${count('earlier-copy')} cut off and stored once, ` +
            `${count('refused')} refused, ${stored} stored; autosaves: ${autosaved} answered 200, ` +
            `${cutOff} cut off and stored once, over ${r.autosaves.length} drafts; answers ${JSON.stringify([...r.answers])}`,
        );
        expect(r.comments.filter((c) => c.kind === 'refused')).toEqual([]);
        expect(count('acked')).toBeGreaterThan(READERS);
        expect(autosaved).toBeGreaterThan(p.drafts.length);
        expect(r.kills).toBe(KILLS + 1);
      } finally {
        await db.close();
      }
    }, 240_000);
  }
});
