import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), 'utf8');

describe('measured quality on the evaluation set (SQLite)', () => {
  it('keeps search and related articles above their floors', async () => {
    const r = await evaluate({
      dialect: 'sqlite',
      corpus: fixture('eval-corpus.jsonl'),
      queries: fixture('eval-queries.jsonl'),
    });
    expect(r.importErrors).toEqual([]);
    expect(r.articles).toBeGreaterThanOrEqual(100);
    expect(r.queries).toBeGreaterThanOrEqual(30);
    expect(r.relatedPrecisionAt3).toBeGreaterThanOrEqual(0.9);
    // Search floors sit just under what the index reaches today (recall 0.995, MRR 1.0).
    expect(r.mrr).toBeGreaterThanOrEqual(0.95);
    expect(r.recallAt10).toBeGreaterThanOrEqual(0.97);
  }, 120_000);
});
