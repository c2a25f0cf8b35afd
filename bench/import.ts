/**
 * `npm run bench:import`: speed and memory of `warta import wordpress` on a
 * generated export (10,000 posts, 50,000 comments by default; written to a
 * temporary folder at bench time, never committed), against the reference:
 * saxes parsing the same file alone, in the same run. Each measurement runs
 * in its own child process so its peak resident set (VmHWM) is its own.
 * Linux only (reads /proc).
 *
 * Usage: npx tsx bench/import.ts [--posts 10000] [--comments-per-post 5] [--keep]
 */
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '10000' },
    'comments-per-post': { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
    child: { type: 'string' },
    file: { type: 'string' },
    dir: { type: 'string' },
  },
});

function peakMb(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const words =
  'warga nelayan pantai desa rapat dewan anggaran jalan banjir pasar harga panen sekolah pura upacara pelabuhan kapal ombak angin musim'.split(
    ' ',
  );
const pick = (i: number, n: number) =>
  Array.from({ length: n }, (_, j) => words[(i * 7 + j * 13) % words.length]).join(' ');
const cdata = (s: string) => `<![CDATA[${s}]]>`;
const pad = (n: number) => String(n).padStart(2, '0');

/** Writes a WXR 1.2 export shaped like a newsroom's: Gutenberg and classic posts, threaded comments. */
async function generate(file: string, posts: number, perPost: number): Promise<void> {
  const out = createWriteStream(file);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench Pesisir</title><link>https://bench.example</link><language>id</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://bench.example</wp:base_site_url><wp:base_blog_url>https://bench.example</wp:base_blog_url>
`);
  for (let a = 1; a <= 10; a++) {
    await write(
      `<wp:author><wp:author_id>${a}</wp:author_id><wp:author_login>${cdata(`penulis${a}`)}</wp:author_login><wp:author_email>${cdata(`penulis${a}@bench.example`)}</wp:author_email><wp:author_display_name>${cdata(`Penulis Nomor ${a}`)}</wp:author_display_name></wp:author>\n`,
    );
  }
  for (let c = 1; c <= 20; c++) {
    const parent = c > 5 ? `rubrik-${((c - 1) % 5) + 1}` : '';
    await write(
      `<wp:category><wp:term_id>${c}</wp:term_id><wp:category_nicename>${cdata(`rubrik-${c}`)}</wp:category_nicename><wp:category_parent>${cdata(parent)}</wp:category_parent><wp:cat_name>${cdata(`Rubrik ${c}`)}</wp:cat_name></wp:category>\n`,
    );
  }
  for (let t = 1; t <= 100; t++) {
    await write(
      `<wp:tag><wp:term_id>${100 + t}</wp:term_id><wp:tag_slug>${cdata(`tag-${t}`)}</wp:tag_slug><wp:tag_name>${cdata(`Tag ${t}`)}</wp:tag_name></wp:tag>\n`,
    );
  }
  let commentId = 1;
  for (let p = 1; p <= posts; p++) {
    const day = new Date(Date.UTC(2015, 0, 1) + p * 3_600_000 * 7);
    const ymd = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
    const time = `${pad(day.getUTCHours())}:00:00`;
    const slug = `berita-${p}-${words[p % words.length]}`;
    const paras = Array.from({ length: 6 }, (_, i) => `${pick(p + i, 24)}.`);
    const body =
      p % 2
        ? [
            `<!-- wp:paragraph -->\n<p>DENPASAR, BENCH.com – ${paras[0]}</p>\n<!-- /wp:paragraph -->`,
            `<!-- wp:heading -->\n<h2 class="wp-block-heading">${pick(p, 4)}</h2>\n<!-- /wp:heading -->`,
            ...paras
              .slice(1)
              .map(
                (t) =>
                  `<!-- wp:paragraph -->\n<p>${t} <strong>${pick(p, 2)}</strong></p>\n<!-- /wp:paragraph -->`,
              ),
            `<!-- wp:paragraph -->\n<p>Penutup berita. (kmb/ben)</p>\n<!-- /wp:paragraph -->`,
          ].join('\n\n')
        : `${paras.join('\n\n')}\n\n<ul><li>${pick(p, 3)}</li><li>${pick(p + 1, 3)}</li></ul>\n\nSumber: Antara`;
    let comments = '';
    const first = commentId;
    for (let c = 0; c < perPost; c++) {
      const parent = c > 0 && c % 2 === 0 ? commentId - 1 : 0;
      comments += `<wp:comment><wp:comment_id>${commentId}</wp:comment_id><wp:comment_author>${cdata(`Pembaca ${commentId % 997}`)}</wp:comment_author><wp:comment_author_email>${cdata(`pembaca${commentId % 997}@contoh.example`)}</wp:comment_author_email><wp:comment_author_url></wp:comment_author_url><wp:comment_date>${cdata(`${ymd} ${time}`)}</wp:comment_date><wp:comment_date_gmt>${cdata(`${ymd} ${time}`)}</wp:comment_date_gmt><wp:comment_content>${cdata(`Komentar ${commentId}: ${pick(commentId, 12)}`)}</wp:comment_content><wp:comment_approved>${cdata(c === 3 ? '0' : '1')}</wp:comment_approved><wp:comment_type>${cdata('comment')}</wp:comment_type><wp:comment_parent>${parent || 0}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>\n`;
      commentId++;
    }
    void first;
    await write(`<item><title>${cdata(`Berita ${p}: ${pick(p, 6)}`)}</title><link>https://bench.example/${ymd.slice(0, 4)}/${ymd.slice(5, 7)}/${slug}/</link><dc:creator>${cdata(`penulis${(p % 10) + 1}`)}</dc:creator><content:encoded>${cdata(body)}</content:encoded><excerpt:encoded>${cdata('')}</excerpt:encoded><wp:post_id>${10_000 + p}</wp:post_id><wp:post_date>${cdata(`${ymd} ${time}`)}</wp:post_date><wp:post_date_gmt>${cdata(`${ymd} ${time}`)}</wp:post_date_gmt><wp:comment_status>open</wp:comment_status><wp:post_name>${cdata(slug)}</wp:post_name><wp:status>${cdata('publish')}</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>${cdata('post')}</wp:post_type><wp:is_sticky>0</wp:is_sticky><category domain="category" nicename="rubrik-${(p % 20) + 1}">${cdata(`Rubrik ${(p % 20) + 1}`)}</category><category domain="post_tag" nicename="tag-${(p % 100) + 1}">${cdata(`Tag ${(p % 100) + 1}`)}</category>
${comments}</item>
`);
  }
  await write('</channel>\n</rss>\n');
  await new Promise<void>((r) => out.end(() => r()));
}

/** The reference: saxes alone over the same file, counting items. */
async function parseOnly(file: string): Promise<Record<string, number>> {
  const { SaxesParser } = await import('saxes');
  const started = performance.now();
  const parser = new SaxesParser();
  let items = 0;
  parser.on('closetag', (t) => {
    if (t.name === 'item') items++;
  });
  for await (const chunk of createReadStream(file, {
    encoding: 'utf8',
    highWaterMark: 64 * 1024,
  })) {
    parser.write(chunk as string);
  }
  parser.close();
  return { ms: performance.now() - started, items, peakMb: peakMb() };
}

/** Our reader alone (records built, nothing written). */
async function readOnly(file: string): Promise<Record<string, number>> {
  const { readWxrFile } = await import('../src/ingest/wordpress/wxr-reader.ts');
  const started = performance.now();
  let items = 0;
  for await (const r of readWxrFile(file)) if (r.kind === 'item') items++;
  return { ms: performance.now() - started, items, peakMb: peakMb() };
}

/** The whole import into a fresh SQLite database, listeners (search, related) wired, bulk mode as the CLI. */
async function importAll(file: string, dir: string): Promise<Record<string, number>> {
  const { loadConfig } = await import('../src/config.ts');
  const { openDb } = await import('../src/db/connection.ts');
  const { migrateToLatest } = await import('../src/db/migrate.ts');
  const { EventBus } = await import('../src/lib/events.ts');
  const { wireListeners } = await import('../src/listeners.ts');
  const { importWordpress } = await import('../src/ingest/wordpress/import.ts');
  const url = `sqlite:${join(dir, 'bench.db')}`;
  const config = loadConfig(
    {},
    {
      databaseUrl: url,
      mediaDir: join(dir, 'media'),
      logLevel: 'silent',
      secretKey: 'bench-secret-key-of-at-least-thirty-two-characters',
    },
  );
  const db = await openDb(url);
  await migrateToLatest(db);
  const events = new EventBus((err) => console.error(err));
  wireListeners(events, db, config);
  const started = performance.now();
  // As the CLI runs it: bulk mode (one indexing pass at the end).
  const res = await importWordpress(db, events, config, file, { bulk: true });
  const ms = performance.now() - started;
  await db.close();
  return {
    ms,
    posts: res.counts.post.imported,
    comments: res.counts.comment.imported,
    failed: res.counts.post.failed + res.counts.comment.failed,
    peakMb: peakMb(),
  };
}

type Measure = Record<'ms' | 'peakMb' | 'posts' | 'comments' | 'failed' | 'items', number>;

function child(kind: string, file: string, dir: string): Measure {
  const r = spawnSync(
    process.execPath,
    [...process.execArgv, import.meta.filename, '--child', kind, '--file', file, '--dir', dir],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  if (r.status !== 0 || !line.startsWith('{')) {
    throw new Error(`${kind} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  }
  return { ms: 0, peakMb: 0, posts: 0, comments: 0, failed: 0, items: 0, ...JSON.parse(line) };
}

if (values.child && values.file) {
  const run = {
    parse: parseOnly,
    read: readOnly,
    import: (f: string) => importAll(f, values.dir ?? tmpdir()),
  }[values.child as 'parse' | 'read' | 'import'];
  console.log(JSON.stringify(await run(values.file)));
} else {
  const posts = Number(values.posts);
  const perPost = Number(values['comments-per-post']);
  const dir = mkdtempSync(join(tmpdir(), 'warta-bench-import-'));
  const file = join(dir, 'export.xml');
  try {
    console.log(`Generating ${posts} posts with ${perPost} comments each in ${dir} …`);
    await generate(file, posts, perPost);
    const mb = statSync(file).size / 1024 / 1024;
    console.log(`Export: ${mb.toFixed(1)} MB\n`);
    const parse = child('parse', file, dir);
    const read = child('read', file, dir);
    const imp = child('import', file, dir);
    const f = (n: number | undefined, d = 1) => (n ?? 0).toFixed(d);
    console.log('step                         time (s)   peak RSS (MB)');
    console.log(
      `saxes alone (reference)      ${f(parse.ms / 1000).padStart(8)}   ${f(parse.peakMb).padStart(13)}`,
    );
    console.log(
      `WXR reader (records)         ${f(read.ms / 1000).padStart(8)}   ${f(read.peakMb).padStart(13)}`,
    );
    console.log(
      `whole import (SQLite)        ${f(imp.ms / 1000).padStart(8)}   ${f(imp.peakMb).padStart(13)}`,
    );
    console.log(
      `\nImported ${imp.posts} posts and ${imp.comments} comments (${imp.failed} failed): ${f(imp.posts / (imp.ms / 1000))} posts/s.`,
    );
    console.log(
      `Import time is ${f(imp.ms / parse.ms)}× saxes alone; reader ${f(read.ms / parse.ms, 2)}×. Peak RSS is ${f(imp.peakMb / parse.peakMb, 2)}× saxes alone (${f(mb)} MB file).`,
    );
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}
