import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSection, publishedArticle } from '../../test/factories.ts';
import { type TestApp, testApp } from '../../test/helpers.ts';
import { cleanQuery, MAX_QUERY_CHARS, MAX_TERMS, parseQuery } from './search.ts';

/**
 * The search query parser over any input a reader can send: cleaning never
 * throws and is stable, parsing stays within its bounds, and the search and
 * suggestion routes answer anything (invalid UTF-8, FTS syntax, operators,
 * repeated keys) with a page or a 4xx, never a 500.
 */

const words = fc.constantFrom(
  'air',
  'bersih',
  '"',
  '*',
  'NEAR(',
  'OR',
  'AND NOT',
  ':',
  '^',
  '-',
  "'",
  '(',
  ')',
  '{',
  '\\',
  '%',
  '&',
  '!',
  '|',
  'di',
  'pemilu2024',
  '1.000,5',
  'ﬁ',
  '\u0000',
  '\u202E',
  '\uD800',
);
const query = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(words, { maxLength: 30 }).map((w) => w.join(' ')),
  fc.array(words, { maxLength: 30 }).map((w) => w.join('')),
);
/** Any bytes, percent-encoded: what a URL's query string can carry, invalid UTF-8 included. */
const rawParam = fc.oneof(
  query.map((q) => encodeURIComponent(q.replace(/[\uD800-\uDFFF]/g, ''))),
  fc
    .uint8Array({ maxLength: 60 })
    .map((b) => [...b].map((x) => `%${x.toString(16).padStart(2, '0')}`).join('')),
);

describe('search query parser (properties)', () => {
  it('cleans any input to bounded, control-free, stable text and parses it within bounds', () => {
    fc.assert(
      fc.property(fc.oneof(query, fc.anything()), (raw) => {
        const q = cleanQuery(raw);
        expect([...q].length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
        expect(q).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}]/u);
        expect(cleanQuery(q)).toBe(q);
        const parsed = parseQuery(q);
        expect(parsed.units.length).toBeLessThanOrEqual(MAX_TERMS);
        for (const t of parsed.terms) expect(t.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  describe('over HTTP (SQLite)', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await testApp('sqlite');
      const s = await makeSection(app.db, 'Daerah');
      await publishedArticle(app.db, s.id, { headline: 'Air bersih kembali mengalir di desa' });
    });
    afterAll(() => app?.dispose());

    it('answers any query with a page or a 4xx', async () => {
      let n = 0;
      const seen = new Set<number>();
      await fc.assert(
        fc.asyncProperty(rawParam, rawParam, async (q, page) => {
          for (const url of [
            `/cari?q=${q}`,
            `/cari?q=${q}&q=${page}&page=${page}&dari=${page}`,
            `/cari/saran?q=${q}`,
          ]) {
            // A fresh address each time, so the suggestions' rate limit never answers instead.
            n += 1;
            const remoteAddress = `127.1.${n >> 8}.${n & 255}`;
            const res = await app.server.inject({ url, remoteAddress });
            expect(res.statusCode, url).toBeLessThan(500);
            seen.add(res.statusCode);
          }
        }),
        { numRuns: 40 },
      );
      expect(seen).toContain(200);
    });
  });
});
