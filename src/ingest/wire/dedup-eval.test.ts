import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bandKeys, NEAR_DUP_THRESHOLD, signatureOfText, similarity } from './minhash.ts';

/**
 * Guards the near-duplicate threshold with the labelled set (228 pairs we
 * wrote: agency rewrites, re-sends and flashes against two different floods,
 * fires, matches... on the same day). Prints the precision/recall curve the
 * threshold was chosen from; fails if the chosen point degrades.
 */
interface Pair {
  a: string;
  b: string;
  dup: boolean;
  kind: string;
}

const pairs: Pair[] = readFileSync(
  new URL('../../../test/fixtures/wire/near-dups.jsonl', import.meta.url),
  'utf8',
)
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Pair);

const scored = pairs.map((p) => {
  const a = signatureOfText(p.a);
  const b = signatureOfText(p.b);
  const ka = new Set(bandKeys(a));
  return { ...p, sim: similarity(a, b), candidate: bandKeys(b).some((k) => ka.has(k)) };
});

function at(t: number) {
  const predicted = (r: (typeof scored)[number]) => r.candidate && r.sim >= t;
  const tp = scored.filter((r) => r.dup && predicted(r)).length;
  const fp = scored.filter((r) => !r.dup && predicted(r)).length;
  const fn = scored.filter((r) => r.dup && !predicted(r)).length;
  return { t, precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1) };
}

describe('near-duplicate grouping on the labelled set', () => {
  it('has at least 200 labelled pairs with both classes', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(200);
    expect(pairs.filter((p) => p.dup).length).toBeGreaterThan(80);
    expect(pairs.filter((p) => p.kind.startsWith('same-topic')).length).toBeGreaterThan(40);
  });

  it('keeps precision and recall at the chosen threshold', () => {
    const curve = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4].map(at);
    console.log(
      'near-dup P/R curve:\n' +
        curve
          .map(
            (c) => `  t=${c.t.toFixed(2)}  P=${c.precision.toFixed(3)}  R=${c.recall.toFixed(3)}`,
          )
          .join('\n'),
    );
    const chosen = at(NEAR_DUP_THRESHOLD);
    console.log(
      `chosen t=${NEAR_DUP_THRESHOLD}: P=${chosen.precision.toFixed(3)} R=${chosen.recall.toFixed(3)}`,
    );
    expect(chosen.precision).toBeGreaterThanOrEqual(0.95);
    expect(chosen.recall).toBeGreaterThanOrEqual(0.95);
  });
});
