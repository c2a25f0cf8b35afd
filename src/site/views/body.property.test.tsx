import fc from 'fast-check';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { hostileText } from '../../../test/arbitraries.ts';
import { decodeHtml } from '../../../test/strict-xml.ts';
import type { Block, TextRun } from '../../content/blocks.ts';
import type { Article } from '../../content/model.ts';
import { messages } from '../messages.ts';
import { ArticleBody } from './body.tsx';
import type { SiteContext } from './props.ts';

/**
 * The block renderer, over any blocks the store can hold (hostile text, marks,
 * links and embeds): the HTML it writes holds only the allowed elements and
 * attributes, every link is http(s) or same-site, and every text is text.
 */

/** Allowed elements and, for each, the attributes it may carry. */
const ALLOWED: Record<string, string[]> = {
  div: ['class'],
  p: ['class'],
  strong: ['class'],
  em: [],
  a: ['href', 'rel', 'class', 'target'],
  h2: [],
  h3: [],
  blockquote: [],
  cite: [],
  ul: [],
  ol: [],
  li: [],
  figure: ['class'],
  figcaption: ['class'],
  span: ['class'],
  picture: [],
  source: ['type', 'srcset', 'sizes'],
  img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding', 'class'],
  aside: ['class'],
  small: ['class'],
};
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*(\/?)>/g;
const ATTR = /\s+([^\s"'>/=]+)(?:="([^"]*)")?/g;
const BASE = 'https://warta.example/bali/42/perahu';

const text = hostileText();
const href = fc.oneof(
  fc.constantFrom(
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    '\u0000javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    '//evil.example/',
    '/\\evil.example/',
    '\\\\evil.example',
    'https://ok.example/a"b<c>d',
    'http://ok.example/?q=<x>&y="z"',
    '/bali/1/berita',
    '#komentar',
    'relatif?a=1',
    'mailto:redaksi@warta.example',
    'https://www.youtube.com/watch?v=abc',
  ),
  fc.webUrl(),
  text,
);
const run: fc.Arbitrary<TextRun> = fc.record(
  {
    text,
    marks: fc.subarray(['bold', 'italic', 'link'] as const),
    href,
  },
  { requiredKeys: ['text'] },
);
const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ type: fc.constant('paragraph' as const), content: fc.array(run, { maxLength: 4 }) }),
  fc.record({
    type: fc.constant('heading' as const),
    level: fc.constantFrom(2 as const, 3 as const),
    text,
  }),
  fc.record(
    { type: fc.constant('quote' as const), text, cite: text },
    { requiredKeys: ['type', 'text'] },
  ),
  fc.record({
    type: fc.constant('list' as const),
    ordered: fc.boolean(),
    items: fc.array(fc.array(run, { maxLength: 3 }), { maxLength: 3 }),
  }),
  fc.record(
    {
      type: fc.constant('image' as const),
      mediaId: fc.constantFrom(1, 2),
      caption: text,
      credit: text,
      alt: text,
    },
    { requiredKeys: ['type', 'mediaId'] },
  ),
  fc.record(
    {
      type: fc.constant('embed' as const),
      provider: fc.constantFrom('youtube' as const, 'x' as const, 'instagram' as const),
      url: href,
      title: text,
    },
    { requiredKeys: ['type', 'provider', 'url'] },
  ),
);

const ctx: SiteContext = {
  siteName: 'Warta',
  iconVersion: 'test',
  siteUrl: 'https://warta.example',
  lang: 'id',
  zone: 'WITA',
  m: messages('id'),
  now: Date.UTC(2022, 9, 19),
  nav: [],
  assets: { css: '/static/warta.css', js: '/static/warta.js' },
};

function article(body: Block[], dateline: string): Article {
  const section = { id: 3, slug: 'bali', name: 'Bali', url: '/bali' };
  const image = {
    mediaId: 1,
    storageKey: 'foto',
    width: 1600,
    height: 1000,
    variants: { webp: [320, 640], jpeg: [320, 640] },
    alt: 'Foto',
    caption: 'Keterangan',
    credit: 'Warta',
    archive: false,
  };
  return {
    ...{ id: 42, slug: 'perahu', url: '/bali/42/perahu', headline: 'Judul', deck: '', section },
    ...{ image: null, bylines: [], publishedAt: 0, updatedAt: 0, body, bodyImages: { 1: image } },
    ...{ dateline, sourceCredit: '', bylineInitials: '', tags: [], firstPublishedAt: 0 },
    ...{ commentsOpen: true, seoTitle: '', seoDescription: '', pinnedIds: [] },
  };
}

/** Problems with rendered HTML: markup outside the allow-list, unsafe links, unescaped text. */
function markupProblems(html: string): string[] {
  const problems: string[] = [];
  for (const [, close, tagName, attrs] of html.matchAll(TAG)) {
    const tag = (tagName ?? '').toLowerCase();
    const allowed = ALLOWED[tag];
    if (!allowed) {
      problems.push(`element <${tag}>`);
      continue;
    }
    if (close) continue;
    for (const [, name, value] of (attrs ?? '').matchAll(ATTR)) {
      if (!allowed.includes(name ?? '')) problems.push(`attribute ${name} on <${tag}>`);
      if (name !== 'href') continue;
      const link = decodeHtml(value ?? '');
      const protocol = new URL(link, BASE).protocol;
      // biome-ignore lint/suspicious/noControlCharactersInRegex: a control character in a link is the problem
      if (/^\s*\/[/\\]|[\u0000-\u001F\u007F]/.test(link) || !/^https?:$/.test(protocol)) {
        problems.push(`href ${JSON.stringify(link)}`);
      }
    }
  }
  if (html.replace(TAG, '').includes('<')) problems.push('a raw < in text');
  return problems;
}

describe('block renderer (properties)', () => {
  it('writes only allowed markup, safe links and escaped text, whatever the blocks', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 8 }), text, (blocks, dateline) => {
        const a = article(blocks, dateline);
        const items = blocks.map((b, index) => ({ kind: 'block' as const, block: b, index }));
        const html = renderToString(<ArticleBody ctx={ctx} article={a} items={items} />);
        expect(markupProblems(html)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('finds what it is meant to find', () => {
    expect(markupProblems('<p onclick="x">a</p><a href="javascript:alert(1)">b</a>')).toEqual([
      'attribute onclick on <p>',
      'href "javascript:alert(1)"',
    ]);
    expect(markupProblems('<iframe src="x"></iframe>a < b')).toEqual([
      'element <iframe>',
      'element <iframe>',
      'a raw < in text',
    ]);
  });
});
