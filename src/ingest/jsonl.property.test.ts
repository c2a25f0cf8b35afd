import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileText } from '../../test/arbitraries.ts';
import { freshDb, type TestDb } from '../../test/helpers.ts';
import { EventBus } from '../lib/events.ts';
import { hasUnsafeChars } from '../lib/plain-text.ts';
import { importJsonl } from './jsonl.ts';

/**
 * The JSON Lines importer over any file: it never throws; every non-blank line
 * is created, skipped or reported with its line number and a reason; and what
 * it stores is clean text (no control or text-direction characters).
 */

let n = 0;
const text = fc.oneof(hostileText(), fc.constantFrom('Banjir di Denpasar', '', '  '));
const goodLine = fc
  .record({
    section: fc.oneof(text, fc.constant('daerah')),
    headline: text,
    dateline: fc.option(text),
    paragraphs: fc.array(text, { maxLength: 3 }),
    tags: fc.array(text, { maxLength: 3 }),
    published_at: fc.constantFrom('2024-03-01T09:30:00+08:00', '2024-02-30T09:30:00Z', 'kemarin'),
    source: fc.option(text),
    byline: fc.option(fc.oneof(text, fc.constant('Kmb/Warta'))),
  })
  .map((r) => {
    n += 1;
    return JSON.stringify({ id: `p${process.pid}-${n}`, ...r });
  });
/** A line the importer must take, whatever hostile text surrounds its headline's words. */
const validLine = fc.tuple(hostileText(), hostileText()).map(([before, after]) => {
  n += 1;
  return JSON.stringify({
    id: `p${process.pid}-${n}`,
    section: 'daerah',
    headline: `${before} Banjir di Denpasar ${after}`,
    paragraphs: [`${after} paragraf`],
    published_at: '2024-03-01T09:30:00+08:00',
  });
});
const line = fc.oneof(
  goodLine,
  goodLine.map((l) => l.slice(0, Math.floor(l.length / 2))),
  fc.json(),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('{"id":null}', '[]', 'null', '{"id":"x","paragraphs":"teks"}', '\u0000'),
);

describe('JSONL import (properties)', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb('sqlite');
  });
  afterAll(() => t?.dispose());

  it('reports every bad line and never throws, storing only clean text', async () => {
    let created = 0;
    await fc.assert(
      fc.asyncProperty(validLine, fc.array(line, { maxLength: 6 }), async (valid, others) => {
        const file = [valid, ...others].join('\n');
        const summary = await importJsonl(t.db, new EventBus(), file);
        const nonBlank = file.split(/\r?\n/).filter((l) => l.trim() !== '').length;
        expect(summary.created + summary.skipped + summary.failed.length).toBe(nonBlank);
        for (const f of summary.failed) {
          expect(f.line).toBeGreaterThan(0);
          expect(f.reason.length).toBeGreaterThan(0);
        }
        expect(summary.created).toBeGreaterThan(0);
        created += summary.created;
      }),
      { numRuns: 60 },
    );
    const rows = await t.db.kysely.selectFrom('articles').select(['headline', 'body']).execute();
    expect(rows.length).toBe(created);
    expect(created).toBeGreaterThan(0);
    const texts = rows.map((r) => r.headline);
    for (const r of rows) {
      JSON.parse(r.body, (_k, v) => {
        if (typeof v === 'string') texts.push(v);
        return v;
      });
    }
    expect(texts.filter(hasUnsafeChars)).toEqual([]);
  });
});
