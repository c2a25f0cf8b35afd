/**
 * Comment-posting benchmark. Starts Warta (SQLite, then the machine's
 * PostgreSQL) on a fresh database with one article, lets many concurrent
 * clients post comments with valid proof-of-work solutions (challenges fetched
 * from the real endpoint and solved here with the same PBKDF2 algorithm), then
 * checks that every comment answered 2xx is stored exactly once. Fifty
 * identical posts are mixed in: exactly one may be stored.
 *
 * Reference, measured in the same run: the same number of GETs of the article
 * page (rendered, no page cache) at the same concurrency.
 *
 * Usage: npm run bench:comments [-- --comments 1000 --concurrency 32]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { type Challenge, encodePayload, solveChallenge } from '../src/comments/captcha.ts';
import { formToken } from '../src/comments/form-token.ts';
import { saveSettings } from '../src/comments/settings.ts';
import { loadConfig } from '../src/config.ts';
import { paragraph } from '../src/content/blocks.ts';
import { createArticle } from '../src/content/commands.ts';
import { publishArticle } from '../src/content/publication.ts';
import { createSection } from '../src/content/section-commands.ts';
import { type Dialect, openDb } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { EventBus } from '../src/lib/events.ts';

const { values } = parseArgs({
  options: {
    comments: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '32' },
    /** Proof-of-work difficulty for the bench (the cost is the client's; it is not what is measured). */
    cost: { type: 'string', default: '100' },
    counterMax: { type: 'string', default: '300' },
  },
});
const COMMENTS = Number(values.comments);
const CONCURRENCY = Number(values.concurrency);
const DUPLICATES = 50;
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

type Req = { path: string; body?: string; ip?: string };
type Res = { status: number; id: number | null; ms: number };

async function load(base: string, requests: Req[]): Promise<{ results: Res[]; seconds: number }> {
  const worker = new Worker(new URL('./comment-worker.mjs', import.meta.url), {
    workerData: { base, requests, concurrency: CONCURRENCY },
  });
  const out = await new Promise<{ results: Res[]; seconds: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  return out;
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)] ?? 0;

async function run(dialect: Dialect) {
  const dir = mkdtempSync(join(tmpdir(), 'warta-bench-comments-'));
  const schema = `bench_c_${process.pid}`;
  const databaseUrl = dialect === 'sqlite' ? `sqlite:${join(dir, 'bench.db')}` : PG_URL;
  const db = await openDb(databaseUrl, dialect === 'postgres' ? { schema } : {});
  await migrateToLatest(db);
  const config = loadConfig(
    {},
    {
      databaseUrl,
      mediaDir: join(dir, 'media'),
      logLevel: 'silent',
      host: '127.0.0.1',
      port: 0,
      // The load workers stand in for many readers behind a proxy on loopback.
      trustProxy: '127.0.0.1',
      pageCacheTtl: 0,
      secretKey: 'bench-comments-secret-of-at-least-32-chars',
    },
  );
  const app = await buildApp(config, { db });
  try {
    const k = db.kysely;
    await createSection(k, { slug: 'daerah', name: 'Daerah' });
    const section = await k
      .selectFrom('sections')
      .select('id')
      .where('slug', '=', 'daerah')
      .executeTakeFirstOrThrow();
    const id = await createArticle(k, {
      headline: 'Bench: jalan desa',
      deck: 'Uji beban komentar.',
      sectionId: section.id,
      body: [paragraph('Paragraf uji beban.')],
      tagNames: [],
    });
    await publishArticle(k, new EventBus(), id, Date.now() - 3_600_000);
    const slug = (
      await k.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow()
    ).slug;
    const url = `/daerah/${id}/${slug}`;
    await saveSettings(k, {
      mode: 'post',
      trustAfter: 0,
      minFillSeconds: 0,
      captchaCost: Number(values.cost),
      captchaCounterMin: 1,
      captchaCounterMax: Number(values.counterMax),
    });
    await app.server.listen({ host: '127.0.0.1', port: 0 });
    const addr = app.server.server.address();
    const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;

    // Prepare (not timed): a challenge per post from the real endpoint, solved here.
    const total = COMMENTS + DUPLICATES;
    process.stdout.write(`[${dialect}] fetching and solving ${total} challenges… `);
    const t0 = performance.now();
    const payloads: string[] = [];
    for (let i = 0; i < total; i += 64) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(64, total - i) }, async () => {
          const ch = (await (
            await fetch(`${base}/komentar/tantangan?artikel=${id}`)
          ).json()) as Challenge;
          return encodePayload(ch, await solveChallenge(ch));
        }),
      );
      payloads.push(...batch);
    }
    process.stdout.write(`${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    const token = formToken(config.secretKey, id, Date.now() - 60_000);
    const posts: Req[] = payloads.map((altcha, i) => {
      const dup = i >= COMMENTS;
      return {
        path: `${url}/komentar`,
        ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        body: JSON.stringify({
          _token: token,
          body: dup
            ? 'Komentar kembar yang sama persis.'
            : `Komentar bench nomor ${i}: jalan desa perlu diaspal.`,
          name: `Pembaca ${i}`,
          email: dup ? 'kembar@contoh.id' : `pembaca${i}@contoh.id`,
          altcha,
        }),
      };
    });
    // Shuffle the duplicates in among the others.
    for (let i = posts.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [posts[i], posts[j]] = [posts[j] as Req, posts[i] as Req];
    }

    const gets = await load(
      base,
      Array.from({ length: total }, () => ({ path: url })),
    );
    const post = await load(base, posts);

    const ok = post.results.filter((r) => r.status >= 200 && r.status < 300);
    const statuses: Record<number, number> = {};
    for (const r of post.results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    const rows = await k
      .selectFrom('comments')
      .select(['id', 'body'])
      .where('article_id', '=', id)
      .execute();
    const stored = new Map(rows.map((r) => [r.id, r.body]));
    const okIds = ok.map((r) => r.id as number);
    const eachOnce = new Set(okIds).size === okIds.length && okIds.every((i) => stored.has(i));
    const dupRows = rows.filter((r) => r.body === 'Komentar kembar yang sama persis.').length;
    const countOk = eachOnce && rows.length === ok.length && dupRows === 1;
    return {
      dialect,
      getRps: total / gets.seconds,
      getP95: pct(
        gets.results.map((r) => r.ms),
        0.95,
      ),
      postRps: total / post.seconds,
      storedRps: ok.length / post.seconds,
      postP50: pct(
        post.results.map((r) => r.ms),
        0.5,
      ),
      postP95: pct(
        post.results.map((r) => r.ms),
        0.95,
      ),
      statuses,
      ok: ok.length,
      rows: rows.length,
      dupRows,
      countOk,
    };
  } finally {
    await app.close();
    if (dialect === 'postgres')
      await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(db.kysely);
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const out = [];
for (const dialect of ['sqlite', 'postgres'] as const) out.push(await run(dialect));
console.log(
  `\n${COMMENTS} comments + ${DUPLICATES} identical posts, ${CONCURRENCY} concurrent clients, each with a valid proof-of-work solution\n`,
);
for (const r of out) {
  console.log(
    `[${r.dialect}] reference: GET article page  ${r.getRps.toFixed(0)} req/s (p95 ${r.getP95.toFixed(1)} ms)`,
  );
  console.log(
    `[${r.dialect}] POST comment               ${r.postRps.toFixed(0)} req/s, ${r.storedRps.toFixed(0)} comments/s stored (p50 ${r.postP50.toFixed(1)} ms, p95 ${r.postP95.toFixed(1)} ms), ${(r.postRps / r.getRps).toFixed(2)}× the reference`,
  );
  console.log(
    `[${r.dialect}] statuses ${JSON.stringify(r.statuses)}; 2xx ${r.ok}, rows ${r.rows}, identical posts stored ${r.dupRows} → count check ${r.countOk ? 'OK: every 2xx stored exactly once' : 'FAILED'}`,
  );
}
if (out.some((r) => !r.countOk)) process.exitCode = 1;
