import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// The published package, kept as a devDependency only to check the vendored copy against it.
import { Stemmer as Sastrawijs } from 'sastrawijs';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../text.ts';
import { ROOT_WORDS } from './dictionary.ts';
import { Stemmer } from './stemmer.ts';

const root = join(import.meta.dirname, '../../..');

/** Every word of the demo stories and of the evaluation corpus. */
function corpusWords(): string[] {
  const demo = readdirSync(join(root, 'src/demo'))
    .filter((f) => /^stories-\d+\.ts$/.test(f))
    .map((f) => readFileSync(join(root, 'src/demo', f), 'utf8'));
  const evalCorpus = readFileSync(join(root, 'test/fixtures/eval-corpus.jsonl'), 'utf8');
  return [...new Set(tokenize([...demo, evalCorpus].join('\n')))];
}

/** Affixed forms of every 7th root word, to reach rules the corpus may not use. */
function affixedWords(): string[] {
  const roots = ROOT_WORDS.split('\n').filter((_, i) => i % 7 === 0);
  const prefixes = ['', 'me', 'mem', 'men', 'meng', 'meny', 'pe', 'pem', 'pen', 'peng', 'per'];
  const more = ['be', 'ber', 'te', 'ter', 'di', 'ke', 'se', 'diper', 'memper', 'kau', 'ku'];
  const suffixes = ['', 'kan', 'an', 'i', 'nya', 'lah', 'kah', 'annya', 'kannya', 'isme', 'pun'];
  const out: string[] = [];
  for (const [i, r] of roots.entries()) {
    const p = [...prefixes, ...more][i % (prefixes.length + more.length)] ?? '';
    const s = suffixes[(i * 7) % suffixes.length] ?? '';
    out.push(p + r + s, p + r, r + s);
  }
  return out;
}

describe('vendored Sastrawi stemmer', () => {
  const ours = new Stemmer();
  const theirs = new Sastrawijs();

  it('gives the same stems as sastrawijs on the demo and evaluation corpora', () => {
    const words = corpusWords();
    expect(words.length).toBeGreaterThan(3000);
    const diff = words.filter((w) => ours.stem(w) !== theirs.stem(w));
    expect(diff).toEqual([]);
  });

  it('gives the same stems on affixed dictionary words', () => {
    const words = affixedWords();
    expect(words.length).toBeGreaterThan(10_000);
    const diff = words.filter((w) => ours.stem(w) !== theirs.stem(w));
    expect(diff).toEqual([]);
  });

  it('knows the same root words, except what sastrawijs finds on Object.prototype', () => {
    for (const w of ROOT_WORDS.split('\n').filter((_, i) => i % 50 === 0)) {
      expect(ours.find(w), w).toBe(true);
      expect(theirs.find(w), w).toBe(true);
    }
    expect(ours.find('constructor')).toBe(false);
    expect(theirs.find('constructor')).toBe(true);
    expect(ours.stem('Penggunaan')).toBe('guna');
  });
});
