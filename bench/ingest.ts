/**
 * Wire desk ingest benchmark: 10,000 agency items (20 RSS deliveries of 500,
 * generated from the near-duplicate set's stories with varied places, figures
 * and sentence order, so the MinHash LSH index sees realistic candidates and
 * real duplicates) go into the desk of a fresh database with dedup on: parse,
 * source rules, (source, guid) dedup, near-duplicate grouping, search terms.
 *
 * Reference, measured in the same run: parsing the same deliveries alone
 * (parseFeed). The table prints items/s for both and their ratio, median of
 * `--runs` runs (default 3).
 *
 * Usage: npm run bench:ingest [-- --items 10000 --runs 3 --dialect sqlite|postgres]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { type Db, type Dialect, openDb } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { parseFeed } from '../src/ingest/wire/parsers.ts';
import { applyRules } from '../src/ingest/wire/rules.ts';
import { insertSource } from '../src/ingest/wire/store.ts';
import { ingestItems } from '../src/ingest/wire/store-items.ts';
import { buildSourceInput } from '../src/ingest/wire/test-kit.ts';
import { STORIES } from '../test/fixtures/wire/near-dup-stories.ts';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    dialect: { type: 'string', default: 'sqlite' },
  },
});
const ITEMS = Number(values.items);
const RUNS = Number(values.runs);
const DIALECT = values.dialect as Dialect;
const PER_DOC = 500;

const PLACES = [
  'Kupang',
  'Bekasi',
  'Kudus',
  'Garut',
  'Medan',
  'Makassar',
  'Bima',
  'Lebak',
  'Batam',
  'Parapat',
  'Padang',
  'Bitung',
];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Deterministic generated deliveries: every 10th item re-sends an earlier story under a new guid. */
function deliveries(): string[] {
  const docs: string[] = [];
  let n = 0;
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  while (n < ITEMS) {
    const items: string[] = [];
    for (let i = 0; i < PER_DOC && n < ITEMS; i++, n++) {
      const s = STORIES[Math.floor(rnd() * STORIES.length)] as (typeof STORIES)[number];
      const text = n % 10 === 9 ? s.base : rnd() < 0.5 ? s.base : s.rewrite;
      const sentences = text.split(/(?<=\.)\s+/);
      if (n % 10 !== 9) sentences.sort(() => rnd() - 0.5);
      const place = PLACES[Math.floor(rnd() * PLACES.length)] ?? 'Kupang';
      const body = sentences
        .map((x) => `<p>${esc(x.replace(/\d+/, String(Math.floor(rnd() * 900) + 10)))}</p>`)
        .join('');
      items.push(
        `<item><guid>g-${n}</guid><title>${esc(`${s.key} ${place} ${n}`)}</title><link>https://kawat.example/${n}</link><pubDate>${new Date().toUTCString()}</pubDate><description><![CDATA[<p>${place.toUpperCase()} (Uji) - kabar terbaru.</p>${body}<p>Baca juga: berita lain</p>]]></description></item>`,
      );
    }
    docs.push(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Uji</title>${items.join('')}</channel></rss>`,
    );
  }
  return docs;
}

async function freshDb(): Promise<{ db: Db; dispose: () => Promise<void> }> {
  if (DIALECT === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'warta-bench-ingest-'));
    const db = await openDb(`sqlite:${join(dir, 'b.db')}`);
    await migrateToLatest(db);
    return {
      db,
      dispose: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `bench_ingest_${process.pid}`;
  const db = await openDb(
    process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    { schema },
  );
  await migrateToLatest(db);
  return {
    db,
    dispose: async () => {
      await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(db.kysely);
      await db.close();
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main() {
  const docs = deliveries();
  const rules = { replace: [], strip: ['Baca juga'] };
  const parseRates: number[] = [];
  const ingestRates: number[] = [];
  let grouped = 0;
  for (let run = 0; run < RUNS; run++) {
    // Reference: parsing alone.
    let t = performance.now();
    let parsed = 0;
    for (const d of docs) parsed += parseFeed(d, 'rss').items.length;
    parseRates.push(parsed / ((performance.now() - t) / 1000));

    // The desk: parse, rules, dedup, near-duplicate grouping, stored.
    const { db, dispose } = await freshDb();
    try {
      const sourceId = await insertSource(db.kysely, buildSourceInput(), Date.now());
      t = performance.now();
      let stored = 0;
      for (const d of docs) {
        const items = parseFeed(d, 'rss').items.map((it) => applyRules(it, rules));
        const c = await ingestItems(
          db.kysely,
          { id: sourceId, section_id: null },
          items,
          Date.now(),
        );
        stored += c.added + c.updated + c.unchanged;
      }
      ingestRates.push(stored / ((performance.now() - t) / 1000));
      const g = await db.kysely
        .selectFrom('wire_items')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .whereRef('group_id', '!=', 'id')
        .executeTakeFirst();
      grouped = Number(g?.n ?? 0);
    } finally {
      await dispose();
    }
  }
  const p = median(parseRates);
  const i = median(ingestRates);
  console.log(
    `wire ingest, ${ITEMS} items in ${docs.length} deliveries, ${DIALECT}, median of ${RUNS}`,
  );
  console.log(`  parse only (reference)        ${p.toFixed(0).padStart(8)} items/s`);
  console.log(`  into the desk, dedup on       ${i.toFixed(0).padStart(8)} items/s`);
  console.log(`  ratio desk / parse            ${(i / p).toFixed(3)}`);
  console.log(`  items grouped with an earlier one: ${grouped}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
