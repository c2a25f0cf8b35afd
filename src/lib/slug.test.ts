import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isReservedSlug, slugify } from './slug.ts';

describe('slugify', () => {
  it('lowercases and hyphenates a headline', () => {
    expect(slugify('Gubernur Sulsel Resmikan Jembatan Baru di Makassar')).toBe(
      'gubernur-sulsel-resmikan-jembatan-baru-di-makassar',
    );
  });

  it('collapses runs of punctuation and whitespace into one hyphen and trims', () => {
    expect(slugify('  --Harga BBM: Naik?!  Turun... ')).toBe('harga-bbm-naik-turun');
    expect(slugify('A/B_C.D')).toBe('a-b-c-d');
  });

  it('strips diacritics and folds a few special letters', () => {
    expect(slugify('Café Crème à Bandung')).toBe('cafe-creme-a-bandung');
    expect(slugify('Ñandú Øresund Straße Łódź')).toBe('nandu-oresund-strasse-lodz');
    expect(slugify('Ｆｕｌｌｗｉｄｔｈ ①')).toBe('fullwidth-1');
  });

  it('drops emoji', () => {
    expect(slugify('Banjir 🌊 melanda 🙏🏽 Jakarta')).toBe('banjir-melanda-jakarta');
    expect(slugify('🔥🔥🔥')).toBe('artikel');
  });

  it('falls back to artikel for non-Latin scripts and pure punctuation', () => {
    expect(slugify('مرحبا بالعالم')).toBe('artikel');
    expect(slugify('你好世界')).toBe('artikel');
    expect(slugify('Berita 你好 2024')).toBe('berita-2024');
    expect(slugify('!!! ??? ... ---')).toBe('artikel');
    expect(slugify('')).toBe('artikel');
  });

  it('cuts very long input at a word boundary within maxLength', () => {
    const long = 'pemerintah kabupaten '.repeat(50);
    const slug = slugify(long);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
    expect(long.replace(/ /g, '-').startsWith(`${slug}-`)).toBe(true);
    expect(slugify('satu dua tiga', 9)).toBe('satu-dua');
    expect(slugify('satu dua tiga', 8)).toBe('satu-dua');
    expect(slugify('satu dua tiga', 7)).toBe('satu');
  });

  it('hard-cuts a single word longer than maxLength', () => {
    expect(slugify('a'.repeat(200))).toBe('a'.repeat(80));
    expect(slugify('supercalifragilistic kata', 10)).toBe('supercalif');
  });

  it('always yields a valid slug within the limit (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.integer({ min: 7, max: 120 }),
        (s, max) => {
          const slug = slugify(s, max);
          return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) && slug.length <= max;
        },
      ),
    );
  });
});

describe('isReservedSlug', () => {
  it('knows every reserved route', () => {
    for (const s of [
      'tag',
      'penulis',
      'arsip',
      'cari',
      'static',
      'media',
      'feed',
      'rss',
      'sitemap',
      'sitemap.xml',
      'api',
      'newsroom',
      'admin',
      'healthz',
      'robots.txt',
      'favicon.ico',
    ]) {
      expect(isReservedSlug(s)).toBe(true);
    }
  });

  it('ignores case but not near-misses', () => {
    expect(isReservedSlug('Admin')).toBe(true);
    expect(isReservedSlug('admin-baru')).toBe(false);
    expect(isReservedSlug('tags')).toBe(false);
    expect(isReservedSlug('artikel')).toBe(false);
  });
});
