import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { hostileText } from '../../test/arbitraries.ts';
import { decodeHtml, strictXmlProblems } from '../../test/strict-xml.ts';
import type { Config } from '../config.ts';
import type { ArticleSummary } from '../content/model.ts';
import { xmlChars } from '../lib/plain-text.ts';
import { feedXml } from './feeds.ts';

/**
 * The feed writer, whatever text it is given (markup, CDATA ends, NUL and
 * other controls, unpaired surrogates, U+FFFF, bidi overrides): always valid
 * XML 1.0, and each title and description reads back, as HTML, as the text
 * itself less only the characters XML cannot carry.
 */

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false });
const hostile = hostileText(6);

const config = { siteUrl: 'https://warta.example', language: 'id' } as Config;
const lines = (s: string) => s.replace(/\r\n?/g, '\n');

function summary(id: number, headline: string, deck: string, name: string): ArticleSummary {
  const section = { id: 1, slug: 'daerah', name, url: '/daerah' };
  return {
    ...{ id, slug: 'berita', url: `/daerah/${id}/berita`, headline, deck, section },
    image: null,
    bylines: [{ id: 1, slug: 'made', name, initials: 'M', url: '/penulis/made' }],
    publishedAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  };
}

describe('feed writer', () => {
  it('always writes valid XML in which titles and descriptions are the text', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (headline, deck, name, siteName) => {
        const xml = feedXml(
          { ...config, siteName },
          [summary(1, headline, deck, name), summary(2, deck, headline, siteName)],
          { name, url: '/daerah', description: deck },
        );
        expect(strictXmlProblems(xml)).toEqual([]);
        const items = parser.parse(xml).rss.channel.item;
        for (const [item, title, description] of [
          [items[0], headline, deck],
          [items[1], deck, headline],
        ]) {
          for (const [got, want] of [
            [item.title, title],
            [item.description, description],
          ]) {
            if (xmlChars(want) === '') continue;
            expect(String(got)).not.toMatch(/[<>]/);
            expect(lines(decodeHtml(String(got)))).toBe(lines(xmlChars(want)));
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
