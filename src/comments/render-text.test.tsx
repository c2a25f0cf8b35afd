import fc from 'fast-check';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { CommentText, linkify } from './render-text.tsx';

const html = (body: string) => renderToString(<CommentText body={body} />);

/** Every tag in the output must be one of: div.comment-text, p, br, a with the fixed rel and an http(s) href. */
function disallowedMarkup(out: string): string[] {
  const bad: string[] = [];
  for (const m of out.matchAll(/<[^>]*>/g)) {
    const tag = m[0];
    if (/^<\/?p>$|^<br\/?>$|^<\/a>$|^<div class="comment-text">$|^<\/div>$/.test(tag)) continue;
    if (/^<a href="https?:\/\/[^"<>\s]+" rel="nofollow ugc noopener">$/.test(tag)) continue;
    bad.push(tag);
  }
  // Anything that looks like the start of a tag but was not matched above (e.g. a lone "<").
  const stripped = out.replace(/<[^>]*>/g, '');
  if (stripped.includes('<')) bad.push('raw <');
  return bad;
}

describe('linkify on hostile input', () => {
  it('trims thousands of trailing brackets and keeps balanced ones', () => {
    const pieces = linkify(`http://a${')'.repeat(20_000)}`);
    expect(pieces[0]).toEqual({ href: 'http://a' });
    expect(linkify('lihat (https://contoh.id/a_(b)) ya')).toContainEqual({
      href: 'https://contoh.id/a_(b)',
    });
  });
});

describe('CommentText', () => {
  it('makes paragraphs, line breaks and links', () => {
    const out = html('Halo warga.\nBaris dua.\n\nLihat https://contoh.id/berita?id=1, ya.');
    expect(out).toBe(
      '<div class="comment-text"><p>Halo warga.<br/>Baris dua.</p><p>Lihat <a href="https://contoh.id/berita?id=1" rel="nofollow ugc noopener">https://contoh.id/berita?id=1</a>, ya.</p></div>',
    );
  });
  it('never passes reader HTML through', () => {
    const out = html('<script>alert(1)</script><img src=x onerror=alert(1)> <svg onload=alert(1)>');
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<svg');
    expect(disallowedMarkup(out)).toEqual([]);
  });
  it('links only http(s), never javascript: or data:', () => {
    expect(linkify('javascript:alert(1) data:text/html,x')).toEqual([
      { text: 'javascript:alert(1) data:text/html,x' },
    ]);
    const out = html('klik https://contoh.id/"onmouseover="alert(1) dan JaVaScRiPt&#58;alert(1)');
    expect(disallowedMarkup(out)).toEqual([]);
  });
  it('keeps a closing parenthesis that belongs to the URL', () => {
    expect(linkify('(lihat https://id.wikipedia.org/wiki/Bali_(pulau))')).toEqual([
      { text: '(lihat ' },
      { href: 'https://id.wikipedia.org/wiki/Bali_(pulau)' },
      { text: ')' },
    ]);
  });
  it('property: no input produces markup outside p, br and a[rel][href=http(s)]', () => {
    const pieces = fc.constantFrom(
      '<',
      '>',
      '"',
      "'",
      '&',
      '\n',
      '\n\n',
      ' ',
      'http://',
      'https://',
      'javascript:',
      'data:',
      '<a href="',
      '<script>',
      'onerror=',
      '<img src=x ',
      '</p>',
      '<br>',
      'www.',
      '.',
      ')',
      '(',
      '`',
      '\u202E',
      '\u0000',
      'contoh.id/',
      '&lt;',
      '%3C',
    );
    const text = fc
      .array(fc.oneof(pieces, fc.string(), fc.string({ unit: 'binary' })), { maxLength: 30 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(text, (body) => {
        expect(disallowedMarkup(html(body))).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});
