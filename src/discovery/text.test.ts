import { describe, expect, it } from 'vitest';
import { paragraph } from '../content/blocks.ts';
import { analyze, bodyText, boundBase, STOPWORDS, searchForms, stem, tokenize } from './text.ts';

describe('tokenize', () => {
  it('lowercases, applies NFKC and keeps names and numbers whole', () => {
    expect(tokenize('Kasus COVID-19 naik pada 2024 di Kubu')).toEqual([
      'kasus',
      'covid-19',
      'naik',
      'pada',
      '2024',
      'di',
      'kubu',
    ]);
    expect(tokenize('Ｒｐ 1.500 dan 3,5 persen')).toEqual(['rp', '1.500', 'dan', '3,5', 'persen']);
  });

  it('removes zero-width characters and keeps other scripts', () => {
    expect(tokenize('ba\u200Bnjir\uFEFF')).toEqual(['banjir']);
    expect(tokenize('Jum’at 北京 مرحبا ꦗꦮ 🙂')).toEqual(["jum'at", '北京', 'مرحبا', 'ꦗꦮ']);
    expect(tokenize('"*NEAR( -:) AND')).toEqual(['near', 'and']);
  });
});

describe('stem', () => {
  it('reduces Indonesian affixes', () => {
    expect(stem('penggunaan')).toBe('guna');
    expect(stem('menggunakan')).toBe('guna');
    expect(stem('pembangunan')).toBe('bangun');
    expect(stem('kesehatan')).toBe('sehat');
  });

  it('leaves numbers, short words, names it would mangle and foreign scripts alone', () => {
    expect(stem('2024')).toBe('2024');
    expect(stem('covid-19')).toBe('covid-19');
    expect(stem('air')).toBe('air');
    expect(stem('bekasi')).toBe('bekasi');
    expect(stem('kediri')).toBe('kediri');
    expect(stem('pemilu')).toBe('pemilu');
    expect(stem('stoltenberg')).toBe('stoltenberg');
    expect(stem('مرحبا')).toBe('مرحبا');
  });

  it('treats reduplication as the base word', () => {
    expect(stem('anak-anak')).toBe('anak');
    expect(stem('rumah-rumah')).toBe('rumah');
  });
});

describe('analyze', () => {
  it('gives word forms of one root the same terms', () => {
    expect(analyze('penggunaan senjata')).toEqual(analyze('menggunakan senjata'));
    expect(analyze('penggunaan senjata')).toEqual(['guna', 'senjata']);
    expect(analyze('Pembangunan jembatan')).toEqual(analyze('membangun jembatan'));
  });

  it('drops stop words', () => {
    expect(analyze('yang dan di ke dari untuk dengan ini itu')).toEqual([]);
    expect(analyze('Banjir di Bekasi')).toEqual(['banjir', 'bekasi']);
    expect(STOPWORDS.size).toBeGreaterThan(300);
    for (const w of ['air', 'banjir', 'guna', 'baru', 'besar'])
      expect(STOPWORDS.has(w)).toBe(false);
  });
});

describe('search forms', () => {
  it('splits hyphenated compounds into word parts, keeping numbers whole', () => {
    expect(searchForms('gilimanuk-ketapang')).toEqual({
      whole: 'gilimanuk-ketapang',
      parts: ['gilimanuk', 'ketapang'],
      phrase: ['gilimanuk', 'ketapang'],
      base: null,
    });
    expect(searchForms('covid-19').parts).toEqual(['covid']);
    expect(searchForms('covid-19').phrase).toEqual(['covid', '19']);
    expect(searchForms('anak-anak')).toMatchObject({ whole: 'anak', parts: [] });
  });

  it('finds the base word after a fused bound prefix, only when it is a real word', () => {
    expect(boundBase('antirabies')).toBe('rabies');
    expect(boundBase('pascabencana')).toBe('bencana');
    expect(boundBase('antarkota')).toBe('kota');
    expect(boundBase('nonsubsidi')).toBe('subsidi');
    for (const w of ['pramuka', 'prabowo', 'antena', 'antara', 'swasta', 'nonton', 'pasca']) {
      expect(boundBase(w), w).toBeNull();
    }
  });
});

describe('bodyText', () => {
  it('collects the text of every text-bearing block', () => {
    const text = bodyText([
      paragraph('Satu.'),
      { type: 'heading', level: 2, text: 'Dua' },
      { type: 'quote', text: 'Tiga', cite: 'Empat' },
      {
        type: 'list',
        ordered: false,
        items: [[{ text: 'Lima' }], [{ text: 'E', marks: ['bold'] }, { text: 'nam' }]],
      },
      { type: 'image', mediaId: 1, caption: 'Tujuh' },
      { type: 'embed', provider: 'youtube', url: 'https://example.com', title: 'Delapan' },
    ]);
    expect(text.split('\n')).toEqual([
      'Satu.',
      'Dua',
      'Tiga Empat',
      'Lima',
      'Enam',
      'Tujuh',
      'Delapan',
    ]);
  });
});
