/**
 * Measured quality of search and "Baca juga" on an evaluation set, for each
 * storage backend (SQLite in a temporary file, PostgreSQL in a fresh schema).
 *
 * Usage: npm run eval:search [-- --corpus FILE --queries FILE --dialect sqlite|postgres --verbose]
 * Defaults to test/fixtures/eval-corpus.jsonl and test/fixtures/eval-queries.jsonl.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { progressBar } from '../src/cli/progress.ts';
import type { Dialect } from '../src/db/connection.ts';
import { evaluate } from '../src/discovery/evaluate.ts';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'test/fixtures/eval-corpus.jsonl' },
    queries: { type: 'string', default: 'test/fixtures/eval-queries.jsonl' },
    dialect: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});

const dialects: Dialect[] = values.dialect ? [values.dialect as Dialect] : ['sqlite', 'postgres'];
const corpus = readFileSync(values.corpus, 'utf8');
const queries = readFileSync(values.queries, 'utf8');
const pct = (x: number) => x.toFixed(3);

const rows: string[] = [];
for (const dialect of dialects) {
  const bar = progressBar(`Import (${dialect})`);
  const r = await evaluate({ dialect, corpus, queries, onProgress: bar.update });
  bar.done();
  for (const e of r.importErrors) console.log(`  line ${e.line}: ${e.reason}`);
  if (values.verbose) {
    for (const m of r.misses) {
      console.log(
        `  "${m.q}": first relevant at ${m.rank ?? '-'}; missing ${m.missing.join(', ') || '-'}`,
      );
    }
  }
  rows.push(
    `${dialect.padEnd(9)} ${String(r.articles).padStart(8)} ${String(r.queries).padStart(8)} ${pct(r.recallAt10).padStart(10)} ${pct(r.mrr).padStart(7)} ${pct(r.relatedPrecisionAt3).padStart(12)} ${r.seconds.toFixed(1).padStart(7)}s`,
  );
}
console.log(
  `\nbackend   articles  queries  recall@10     MRR  related P@3    time\n${rows.join('\n')}`,
);
console.log('targets                        ≥ 0.950 ≥ 0.900      ≥ 0.900');
