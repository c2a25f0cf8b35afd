/**
 * Discovery benchmark. Builds a generated corpus (default 100,000 articles,
 * Indonesian-like text from templates) in a fresh SQLite file (or PostgreSQL
 * schema), inserted in batches straight through kysely, then builds the search
 * index and the related-articles index in bulk and measures:
 *
 * - index build time (search, related);
 * - search latency p50/p95 over 200 mixed queries (target p95 ≤ 30 ms on SQLite);
 * - time to index a new article and compute its related list (target ≤ 50 ms);
 * - the database size.
 *
 * Reference, measured in the same run: a plain indexed lookup
 * (`SELECT ... FROM articles WHERE id = ?`) and loading ten article summaries
 * through the read path; search latency is printed as a ratio of both.
 *
 * Usage: npm run bench:discovery [-- --articles 100000 --dialect sqlite|postgres]
 *
 * For tuning, `--keep FILE` (SQLite only) builds the corpus into FILE and
 * leaves it there; a later run with the same FILE skips the insert (add
 * `--reindex` to rebuild both indexes, e.g. after changing the analyzer).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { progressBar } from '../src/cli/progress.ts';
import { paragraph } from '../src/content/blocks.ts';
import { createArticle } from '../src/content/commands.ts';
import { summariesByIds } from '../src/content/queries.ts';
import { type Db, type Dialect, openDb } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { reindexSearch } from '../src/discovery/indexing.ts';
import { rebuildRelatedIndex } from '../src/discovery/related-bulk.ts';
import { refreshRelated, removeFromIndex } from '../src/discovery/related-store.ts';
import { searchArticles } from '../src/discovery/search.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    dialect: { type: 'string', default: 'sqlite' },
    queries: { type: 'string', default: '200' },
    keep: { type: 'string' },
    reindex: { type: 'boolean', default: false },
  },
});
const N = Math.max(100, Number(values.articles));
const DIALECT = values.dialect as Dialect;
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

// A seeded generator, so every run measures the same corpus.
let seed = 42;
const rnd = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
// Zipf-like: low indexes are common, the tail is rare.
const zipf = <T>(xs: readonly T[]): T => xs[Math.floor(xs.length * rnd() ** 2.2)] as T;

const TOPICS = [
  'banjir hujan sungai pengungsi tanggul genangan evakuasi bendungan longsor drainase',
  'nelayan kapal ikan tangkapan solar perahu ombak pelabuhan laut dermaga',
  'petani sawah padi irigasi subak pupuk panen gabah kekeringan benih',
  'wisatawan hotel okupansi pariwisata pantai turis kunjungan objek vila restoran',
  'narkoba sabu kurir bandar penangkapan ganja tersangka penyidik jaringan barang',
  'pilkada kampanye calon gubernur bupati pemilih suara debat partai koalisi',
  'sekolah siswa guru ujian kurikulum pendaftaran zonasi beasiswa kelas kampus',
  'rumah sakit pasien dokter puskesmas vaksin demam nyamuk obat perawat layanan',
  'sampah plastik daur ulang pengolahan organik kompos pembuangan limbah bank kebersihan',
  'gunung erupsi abu vulkanik letusan kawah status siaga lahar gempa magma',
  'sepak bola pelatih pemain gol stadion suporter klasemen laga kompetisi liga',
  'harga beras inflasi pasar pedagang cabai telur minyak pangan distribusi',
  'bank kredit bunga suku rupiah investasi saham obligasi deposito pinjaman',
  'internet jaringan sinyal menara telekomunikasi operator serat digital aplikasi data',
  'jalan jembatan proyek pembangunan anggaran kontraktor tol aspal perbaikan infrastruktur',
  'upacara pura adat ngaben odalan galungan banjar tari gamelan budaya',
  'kebakaran api pemadam korsleting kios gudang asap kerugian hangus padam',
  'listrik pembangkit energi nuklir reaktor tenaga surya batu bara emisi tarif',
  'polisi lalu lintas kecelakaan sopir truk motor korban luka tabrakan pengendara',
  'anjing rabies gigitan vaksinasi hewan ternak sapi babi peternak penyakit',
] as const;
const TOPIC_WORDS = TOPICS.map((t) => t.split(' '));
const COMMON =
  'pemerintah warga desa kabupaten kota provinsi kepala dinas masyarakat tahun bulan hari program kegiatan bantuan wilayah daerah kondisi rencana petugas tim upaya laporan data jumlah persen rupiah juta miliar pekan lokasi kawasan pihak sejumlah ribuan ratusan puluhan menjelaskan meminta menyampaikan mengatakan berharap menilai meningkat menurun baru besar kecil utama umum khusus resmi segera'.split(
    ' ',
  );
const VERBS =
  'membahas menyiapkan meninjau mendata menyalurkan membangun memperbaiki mengawasi menertibkan mengevaluasi menggelar membuka menutup menambah mengurangi memantau menangani'.split(
    ' ',
  );
const PLACES =
  'Denpasar Badung Gianyar Tabanan Bangli Klungkung Karangasem Buleleng Jembrana Ubud Kuta Sanur Singaraja Negara Amlapura Semarapura Kintamani Nusa Penida Jimbaran Canggu Seminyak Lovina Candidasa Mataram Lombok Sumbawa Kupang Surabaya Banyuwangi Jakarta'.split(
    ' ',
  );
const FIRST = 'Wayan Made Nyoman Ketut Putu Kadek Komang Gede Luh Ayu Agung Bagus Dewa Gusti'.split(
  ' ',
);
const LAST =
  'Sutama Wirawan Pratama Suarjana Adnyana Mahendra Saputra Wijaya Kusuma Arsana Darmawan Suparta Widiana Sudarma Astawa Budiarta Mertha Sukarya Juliarta Antara'.split(
    ' ',
  );
const names = Array.from({ length: 2000 }, () => `${pick(FIRST)} ${pick(LAST)}`);

function sentence(topic: string[], place: string, person: string): string {
  const words: string[] = [];
  const len = 10 + Math.floor(rnd() * 12);
  for (let i = 0; i < len; i++) {
    const r = rnd();
    if (r < 0.35) words.push(zipf(topic));
    else if (r < 0.5) words.push(zipf(TOPIC_WORDS.flat()));
    else if (r < 0.6) words.push(pick(VERBS));
    else words.push(zipf(COMMON));
  }
  if (rnd() < 0.5) words.splice(Math.floor(rnd() * len), 0, 'di', place);
  if (rnd() < 0.4) words.splice(1, 0, person);
  const s = words.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

function article(i: number) {
  const t = Math.floor(rnd() * TOPICS.length);
  const topic = TOPIC_WORDS[t] as string[];
  const place = zipf(PLACES);
  const person = zipf(names);
  const headline = `${pick(VERBS)} ${zipf(topic)} ${zipf(topic)} di ${place}`;
  const paragraphs = Array.from({ length: 4 + Math.floor(rnd() * 4) }, () =>
    [sentence(topic, place, person), sentence(topic, place, person)].join(' '),
  );
  return {
    topic: t,
    headline: `${headline.charAt(0).toUpperCase()}${headline.slice(1)} (${i})`,
    deck: sentence(topic, place, person),
    body: JSON.stringify(paragraphs.map((p) => paragraph(p))),
    tags: [t + 1, TOPICS.length + 1 + PLACES.indexOf(place)],
  };
}

const ms = (t0: number) => performance.now() - t0;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

async function open(): Promise<{
  db: Db;
  size: () => Promise<number>;
  dispose: () => Promise<void>;
}> {
  if (DIALECT === 'sqlite') {
    const dir = values.keep ? null : mkdtempSync(join(tmpdir(), 'warta-bench-'));
    const file = values.keep ?? join(dir as string, 'bench.db');
    const db = await openDb(`sqlite:${file}`);
    return {
      db,
      size: async () => {
        await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db.kysely);
        return statSync(file).size;
      },
      dispose: async () => {
        await db.close();
        if (dir) rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `bench_${process.pid}`;
  const db = await openDb(PG_URL, { schema });
  return {
    db,
    size: async () => {
      const r = await sql<{
        n: string;
      }>`SELECT sum(pg_total_relation_size(quote_ident(schemaname) || '.' || quote_ident(tablename)))::bigint AS n FROM pg_tables WHERE schemaname = ${schema}`.execute(
        db.kysely,
      );
      return Number(r.rows[0]?.n ?? 0);
    },
    dispose: async () => {
      await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(db.kysely);
      await db.close();
    },
  };
}

async function main() {
  const started = performance.now();
  const { db, size, dispose } = await open();
  const k = db.kysely;
  try {
    await migrateToLatest(db);
    // A kept database from an earlier run (--keep) already holds the corpus.
    const existing = Number(
      (
        await k
          .selectFrom('articles')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const reuse = existing > 0;
    if (reuse && existing !== N)
      throw new Error(`--keep file holds ${existing} articles, not ${N}`);
    const tagNames = [...TOPICS.map((t) => t.split(' ')[0] as string), ...PLACES];
    // Sections and tags.
    if (!reuse)
      await k
        .insertInto('sections')
        .values(
          TOPICS.map((_, i) => ({
            slug: `rubrik-${i + 1}`,
            name: `Rubrik ${i + 1}`,
            parent_id: null,
            position: i,
            description: '',
          })),
        )
        .execute();
    if (!reuse)
      await k
        .insertInto('tags')
        .values(tagNames.map((name, i) => ({ slug: `tag-${i + 1}-${name.toLowerCase()}`, name })))
        .execute();

    console.log(`Generating and inserting ${N.toLocaleString('en')} articles (${DIALECT})…`);
    const bar = progressBar('Insert');
    let t0 = performance.now();
    const now = Date.now();
    const BATCH = 500;
    for (let from = 0; from < N; from += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, N - from) }, (_, j) =>
        article(from + j + 1),
      );
      // Generated either way, so the queries below are the same in every run.
      if (!reuse)
        await k.transaction().execute(async (tx) => {
          const ids = await tx
            .insertInto('articles')
            .values(
              rows.map((r, j) => {
                const at = now - (N - from - j) * 600_000;
                return {
                  slug: `berita-${from + j + 1}`,
                  section_id: r.topic + 1,
                  headline: r.headline,
                  deck: r.deck,
                  body: r.body,
                  status: 'published',
                  published_at: at,
                  first_published_at: at,
                  updated_at: at,
                  created_at: at,
                } as never;
              }),
            )
            .returning('id')
            .execute();
          await tx
            .insertInto('article_tags')
            .values(
              ids.flatMap((row, j) =>
                (rows[j]?.tags ?? []).map((tag_id, position) => ({
                  article_id: row.id,
                  tag_id,
                  position,
                })),
              ),
            )
            .execute();
        });
      bar.update(Math.min(from + BATCH, N), N);
    }
    bar.done();
    const insertMs = ms(t0);

    let searchBuildMs = 0;
    let relatedBuildMs = 0;
    if (!reuse || values.reindex) {
      t0 = performance.now();
      const sbar = progressBar('Search index');
      await reindexSearch(db, sbar.update);
      sbar.done();
      searchBuildMs = ms(t0);

      t0 = performance.now();
      const rbar = progressBar('Related index');
      await rebuildRelatedIndex(db, {
        onProgress: (d, total) => rbar.update(Math.floor(d), total),
      });
      rbar.done();
      relatedBuildMs = ms(t0);
    }

    // Reference: a plain primary-key lookup and ten summaries through the read path.
    const idLookups: number[] = [];
    const summaryLoads: number[] = [];
    for (let i = 0; i < 200; i++) {
      const id = 1 + Math.floor(rnd() * N);
      let t = performance.now();
      await k
        .selectFrom('articles')
        .select(['id', 'headline', 'published_at'])
        .where('id', '=', id)
        .executeTakeFirst();
      idLookups.push(ms(t));
      const ids = Array.from({ length: 10 }, () => 1 + Math.floor(rnd() * N));
      t = performance.now();
      await summariesByIds(k, ids, Date.now());
      summaryLoads.push(ms(t));
    }

    // 200 mixed queries: topic words, phrases, places, names, typos, stop words.
    const queries: string[] = [];
    const Q = Number(values.queries);
    for (let i = 0; i < Q; i++) {
      const topic = pick(TOPIC_WORDS);
      const kind = i % 7;
      if (kind === 0) queries.push(pick(topic));
      else if (kind === 1) queries.push(`${pick(topic)} ${pick(topic)}`);
      else if (kind === 2) queries.push(`${pick(topic)} ${pick(PLACES)}`);
      else if (kind === 3) queries.push(pick(names));
      else if (kind === 4) queries.push(pick(names).replace(/a/, 'e'));
      else if (kind === 5)
        queries.push(`yang ${pick(topic)} di ${pick(PLACES)} dan ${pick(topic)}`);
      else queries.push(`${pick(VERBS)} ${pick(topic)}`);
    }
    const latencies: number[] = [];
    let hits = 0;
    for (const q of queries) {
      const t = performance.now();
      const r = await searchArticles(db, q, { now: Date.now(), page: 1, pageSize: 10 });
      latencies.push(ms(t));
      if (r.page.items.length) hits++;
    }

    // A new article: index it and compute its related list (and forward links).
    const relatedTimes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const a = article(N + i + 1);
      const id = await createArticle(k, {
        headline: a.headline,
        deck: a.deck,
        sectionId: a.topic + 1,
        body: JSON.parse(a.body),
        tagNames: [tagNames[a.topic] as string],
      });
      await k
        .updateTable('articles')
        .set({ status: 'published', published_at: Date.now() - 1000 })
        .where('id', '=', id)
        .execute();
      const t = performance.now();
      await refreshRelated(db, id);
      relatedTimes.push(ms(t));
    }

    if (values.keep) {
      // Leave the kept corpus as it was built, for the next run.
      const added = await k.selectFrom('articles').select('id').where('id', '>', N).execute();
      for (const { id } of added) await removeFromIndex(db, id);
      await k.deleteFrom('articles').where('id', '>', N).execute();
    }
    const bytes = await size();
    const p50 = quantile(latencies, 0.5);
    const p95 = quantile(latencies, 0.95);
    const ref = quantile(idLookups, 0.5);
    const refSummaries = quantile(summaryLoads, 0.5);
    const f = (x: number) => `${x.toFixed(2)} ms`;
    console.log(`\nDiscovery benchmark — ${N.toLocaleString('en')} articles, ${DIALECT}`);
    console.log(`  insert (bulk, no events)      ${(insertMs / 1000).toFixed(1)} s`);
    console.log(`  search index build            ${(searchBuildMs / 1000).toFixed(1)} s`);
    console.log(`  related index build           ${(relatedBuildMs / 1000).toFixed(1)} s`);
    console.log(
      `  search p50 / p95 (${Q} queries, ${hits} with results)  ${f(p50)} / ${f(p95)}   target p95 ≤ 30 ms`,
    );
    console.log(
      `  related for one new article p50 / max  ${f(quantile(relatedTimes, 0.5))} / ${f(Math.max(...relatedTimes))}   target ≤ 50 ms`,
    );
    console.log(`  database size                 ${(bytes / 1024 / 1024).toFixed(1)} MiB`);
    console.log(`  reference: id lookup p50 ${f(ref)}, 10 summaries p50 ${f(refSummaries)}`);
    console.log(
      `  ratios: search p50 = ${(p50 / ref).toFixed(0)}× id lookup = ${(p50 / refSummaries).toFixed(1)}× loading 10 summaries`,
    );
    console.log(`  total ${(ms(started) / 1000).toFixed(0)} s`);
  } finally {
    await dispose();
  }
}

await main();
