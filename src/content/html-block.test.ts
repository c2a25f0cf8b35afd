import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlText, sanitizeHtmlBlock } from './html-block.ts';

const corpus = JSON.parse(
  readFileSync(new URL('../../test/security/xss-vectors.json', import.meta.url), 'utf8'),
) as { vectors: { v: string }[] };

describe('html block sanitiser', () => {
  it('leaves no way to run script for any vector of the XSS corpus, alone or in a table cell', () => {
    expect(corpus.vectors.length).toBeGreaterThan(100);
    for (const { v } of corpus.vectors) {
      for (const input of [v, `<table><tr><td>${v}</td></tr></table>`]) {
        const out = sanitizeHtmlBlock(input);
        const tags = out.toLowerCase();
        expect(tags, v).not.toMatch(/<script|<iframe|<object|<embed|<svg|<style|<form|<base|<meta/);
        // No event handler or script URL inside any tag (text between tags is harmless).
        for (const tag of tags.match(/<[^>]*>/g) ?? []) {
          expect(tag, v).not.toMatch(/\son[a-z]+\s*=|javascript:|vbscript:|data:|style=/);
        }
        // Idempotent: render-time cleaning leaves a stored block as it is.
        expect(sanitizeHtmlBlock(out), v).toBe(out);
      }
    }
  });

  it('keeps tables, formatting, lists, safe links and own media images', () => {
    const html =
      '<table class="x"><thead><tr><th scope="col">Jam</th></tr></thead><tbody><tr><td colspan="2"><strong>07.00</strong> <em>pasang</em></td></tr></tbody></table>' +
      '<ul><li><a href="https://bmkg.example/rob" target="_blank">BMKG</a></li><li><a href="mailto:redaksi@warta.example">surel</a></li></ul>' +
      '<img src="/media/2026/03/peta.jpg" alt="Peta"><img src="https://elsewhere.example/x.jpg"><img src="/media/../etc/passwd"><iframe src="https://x.example"></iframe>';
    expect(sanitizeHtmlBlock(html)).toBe(
      '<table><thead><tr><th scope="col">Jam</th></tr></thead><tbody><tr><td colspan="2"><strong>07.00</strong> <em>pasang</em></td></tr></tbody></table>' +
        '<ul><li><a href="https://bmkg.example/rob" rel="nofollow noopener">BMKG</a></li><li><a href="mailto:redaksi@warta.example" rel="nofollow noopener">surel</a></li></ul>' +
        '<img src="/media/2026/03/peta.jpg" alt="Peta" />',
    );
    expect(htmlText('<table><tr><td>A &amp; B</td><td>2,6 m</td></tr></table>')).toBe(
      'A & B 2,6 m',
    );
  });
});
