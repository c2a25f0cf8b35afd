import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, TextRun } from '../../content/blocks.ts';
import { htmlToBlocks } from './html-blocks.ts';
import { detectFormat, parseFeed } from './parsers.ts';
import { applyRules, rulesFromForm } from './rules.ts';
import { parseXml, XmlRefused } from './safe-xml.ts';
import { initialsOf, splitDateline } from './take.ts';

/** The wire desk's pure pieces: safe XML, the HTML-to-blocks sanitiser, rules, datelines. */
describe('wire parsing pieces', () => {
  it('refuses any DOCTYPE before an entity can be expanded, and limits nesting', () => {
    expect(() =>
      parseXml('<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>'),
    ).toThrow(XmlRefused);
    expect(() => parseXml('<a>&custom;</a>')).toThrow(XmlRefused);
    expect(() => parseXml(`${'<a>'.repeat(100)}${'</a>'.repeat(100)}`)).toThrow(/too-deep/);
    expect(parseXml('<a x="1">t &amp; <b>u</b></a>')).toMatchObject({
      name: 'a',
      attrs: { x: '1' },
    });
  });

  it('keeps only blocks, bold, italic and http(s) links from agency HTML', () => {
    const { blocks, images } = htmlToBlocks(
      '<h1>Judul</h1><p>Satu <strong>dua</strong> <em>tiga</em> <a href="https://a.example/x">empat</a> <a href="javascript:alert(1)">lima</a></p>' +
        '<script>alert(1)</script><style>p{}</style><iframe src="x"><p>dalam</p></iframe><svg><script>x</script></svg>' +
        '<img src="https://a.example/f.jpg" onerror="x()"><blockquote>kutip</blockquote><ol><li>a</li><li>b</li></ol><p onclick="x()">&lt;b&gt;aman&lt;/b&gt; &#x41;</p>',
    );
    const json = JSON.stringify(blocks);
    for (const bad of ['alert', 'javascript', 'onclick', 'onerror', 'dalam', 'p{}'])
      expect(json).not.toContain(bad);
    expect(blocks[0]).toEqual({ type: 'heading', level: 2, text: 'Judul' });
    expect(blocks[1]).toMatchObject({ type: 'paragraph' });
    expect(json).toContain('{"text":"dua","marks":["bold"]}');
    expect(json).toContain('{"text":"empat","marks":["link"],"href":"https://a.example/x"}');
    expect(blocks).toContainEqual({ type: 'quote', text: 'kutip' });
    expect(blocks).toContainEqual({
      type: 'list',
      ordered: true,
      items: [[{ text: 'a' }], [{ text: 'b' }]],
    });
    expect(blocks.at(-1)).toEqual({ type: 'paragraph', content: [{ text: '<b>aman</b> A' }] });
    expect(images).toEqual(['https://a.example/f.jpg']);
  });

  it('turns every XSS vector of the security suite into blocks with only allowed shapes', () => {
    const { vectors } = JSON.parse(
      readFileSync(new URL('../../../test/security/xss-vectors.json', import.meta.url), 'utf8'),
    ) as { vectors: { v: string }[] };
    const runOk = (r: TextRun) =>
      Object.keys(r).every((k) => ['text', 'marks', 'href'].includes(k)) &&
      (r.marks ?? []).every((m) => ['bold', 'italic', 'link'].includes(m)) &&
      (r.href === undefined || /^https?:\/\//.test(r.href));
    const blockOk = (b: Block) =>
      b.type === 'paragraph'
        ? b.content.every(runOk)
        : b.type === 'list'
          ? b.items.every((runs) => runs.every(runOk))
          : b.type === 'heading' || b.type === 'quote';
    for (const { v } of vectors) {
      const { blocks, images } = htmlToBlocks(`<p>sebelum</p>${v}<p>sesudah</p>`);
      expect(blocks.every(blockOk), v).toBe(true);
      expect(
        images.every((u) => /^https?:\/\//.test(u)),
        v,
      ).toBe(true);
    }
  });

  it('tells formats apart and says when a page is not a feed', () => {
    expect(detectFormat('<!doctype html><html></html>')).toBe('html');
    expect(detectFormat('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">')).toBe(
      'atom',
    );
    expect(detectFormat('<?xml version="1.0"?><newsItem guid="x"><body>')).toBe('newsml');
    expect(detectFormat('{"version":"https://jsonfeed.org/version/1.1"}')).toBe('jsonfeed');
    expect(parseFeed('<html><body>Masuk</body></html>').problems).toEqual([{ code: 'not-a-feed' }]);
    expect(parseFeed('{"uri": ').problems[0]?.code).toBe('invalid-json');
  });

  it('applies find-and-replace and strips boilerplate paragraphs and signatures', () => {
    const rules = rulesFromForm('Jkt => Jakarta', 'Baca juga\n(ant)');
    expect(rules).toEqual({
      replace: [{ find: 'Jkt', replace: 'Jakarta' }],
      strip: ['Baca juga', '(ant)'],
    });
    const item = applyRules(
      {
        guid: 'g',
        version: null,
        headline: 'Hujan di Jkt',
        blocks: [
          { type: 'paragraph', content: [{ text: 'Hujan turun di Jkt sejak pagi.' }] },
          { type: 'paragraph', content: [{ text: 'Baca juga: Banjir kemarin' }] },
          { type: 'paragraph', content: [{ text: 'Warga diminta waspada. (Ant/Rdn)' }] },
        ],
        url: '',
        dateline: '',
        publishedAt: 0,
        embargoUntil: null,
        image: null,
        isUpdate: false,
      },
      rules,
    );
    expect(item.headline).toBe('Hujan di Jakarta');
    expect(item.blocks).toEqual([
      { type: 'paragraph', content: [{ text: 'Hujan turun di Jakarta sejak pagi.' }] },
      { type: 'paragraph', content: [{ text: 'Warga diminta waspada.' }] },
    ]);
  });

  it('takes the dateline off the lead and makes initials', () => {
    const out = splitDateline([
      { type: 'paragraph', content: [{ text: 'KUPANG (ANTARA) - Hujan deras.' }] },
    ]);
    expect(out.dateline).toBe('KUPANG');
    expect(out.blocks).toEqual([{ type: 'paragraph', content: [{ text: 'Hujan deras.' }] }]);
    expect(
      splitDateline([{ type: 'paragraph', content: [{ text: 'Hujan deras - kata warga.' }] }])
        .dateline,
    ).toBe('');
    expect(initialsOf('Rina Dewi  Lestari')).toBe('RDL');
  });
});
