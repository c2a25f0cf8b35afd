import { describe, expect, it } from 'vitest';
import { extractEntities, extractFeatures, headlineOverlap, relatedScore } from './related.ts';

describe('extractEntities', () => {
  it('finds names and places, not sentence starts or titles', () => {
    const e = extractEntities(
      'Gubernur Bali Wayan Koster meninjau Pasar Banyuasri di Singaraja. Petani mengeluh harga turun.',
    );
    expect(e).toContain('@bali wayan koster');
    expect(e).toContain('@koster');
    expect(e).toContain('@singaraja');
    expect(e).not.toContain('@petani');
    expect(e).not.toContain('@gubernur');
  });
});

describe('relatedScore', () => {
  const day = 86_400_000;
  const feat = (headline: string, body: string, tagIds: number[] = []) =>
    extractFeatures({ headline, deck: '', body, tagIds }, () => 1, 10);
  const idfOf = () => 1;
  const weapons = feat(
    'Ancaman penggunaan senjata nuklir',
    'Rusia menggunakan ancaman senjata nuklir terhadap Ukraina.',
    [1],
  );
  const weapons2 = feat(
    'NATO peringatkan soal senjata nuklir',
    'Senjata nuklir Rusia dan NATO.',
    [1],
  );
  const plant = feat(
    'Pembangkit listrik tenaga nuklir',
    'Reaktor pembangkit listrik di Kalimantan.',
    [2],
  );

  it('ranks the same topic above a shared surface word', () => {
    const a = { features: weapons, publishedAt: 0 };
    const near = relatedScore(a, { features: weapons2, publishedAt: day }, idfOf).score;
    const far = relatedScore(a, { features: plant, publishedAt: day }, idfOf).score;
    expect(near).toBeGreaterThan(far);
  });

  it('is symmetric and decays with time', () => {
    const a = { features: weapons, publishedAt: 0 };
    const b = { features: weapons2, publishedAt: day };
    expect(relatedScore(a, b, idfOf).score).toBeCloseTo(relatedScore(b, a, idfOf).score);
    const old = relatedScore(a, { features: weapons2, publishedAt: 400 * day }, idfOf).score;
    expect(old).toBeLessThan(relatedScore(a, b, idfOf).score);
  });

  it('flags near-identical headlines', () => {
    expect(headlineOverlap(['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd'])).toBe(1);
    const a = { features: weapons, publishedAt: 0 };
    expect(relatedScore(a, a, idfOf).nearDuplicate).toBe(true);
  });
});
