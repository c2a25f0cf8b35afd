/**
 * The Sastrawi Indonesian stemmer (Nazief–Adriani with the CS/ECS improvements),
 * vendored from sastrawijs 1.1.0 (MIT, see LICENSE here) as plain modern code:
 * same rules in the same order, same dictionary, same stems. Vendored because
 * the package declares a Babel 6 plugin (and through it core-js 2) as a runtime
 * dependency it never uses. See docs/decisions/002-indonesian-stemmer.md.
 *
 * One deliberate difference: sastrawijs keeps its dictionary in a plain object,
 * so `find('constructor')` and `find('__proto__')` are true through the
 * prototype. Here the dictionary is a Set and only real root words are found.
 */
import { ROOT_WORDS } from './dictionary.ts';

const VOWEL = 'aiueo';
const CONSONANT = 'bcdfghjklmnpqrstvwxyz';

/** Whether the single character `c` is one of `chars`; the empty string (past the end) never is. */
function is(c: string, chars: string): boolean {
  return c !== '' && chars.includes(c);
}

function not(c: string, chars: string): boolean {
  return !is(c, chars);
}

/** The character at `i`, or '' past the end. */
function at(word: string, i: number): string {
  return word[i] ?? '';
}

/** A stem and, when the rule is ambiguous, the letters to try in front of it. */
type Cut = [rest: string, recode: string[] | null];

/** What removeEndings took off a word (each '' when absent) and whether the rest is a root. */
interface Endings {
  root: boolean;
  word: string;
  particle: string;
  possessive: string;
  suffix: string;
}

export class Stemmer {
  private readonly words: Set<string>;

  constructor(dictionary: Iterable<string> = ROOT_WORDS.split('\n')) {
    this.words = new Set(dictionary);
  }

  /** Whether `word` is a root word of the dictionary. */
  find(word: string): boolean {
    return this.words.has(word);
  }

  /** The root of an Indonesian word (lowercased); the word itself when none is found. */
  stem(input: string): string {
    let word = input.toLowerCase();
    const original = word;
    if (word.length < 3 || this.find(word)) return word;
    let removed: Endings;
    let found: boolean;
    if (/^(be.+lah|be.+an|me.+i|di.+i|pe.+i|ter.+i)$/.test(word)) {
      // A confix: prefixes first, then the endings.
      [found, word] = this.removePrefixes(word);
      if (found) return word;
      removed = this.removeEndings(word);
      if (removed.root) return removed.word;
    } else {
      removed = this.removeEndings(word);
      if (removed.root) return removed.word;
      [found, word] = this.removePrefixes(removed.word);
      if (found) return word;
    }
    // No root yet: put the endings back one by one and try the prefixes again.
    const { particle, possessive, suffix } = removed;
    const endings =
      suffix === 'kan' ? ['', 'k', 'an', possessive, particle] : ['', suffix, possessive, particle];
    const [restored, root] = this.returnEndings(original, endings);
    return restored ? root : original;
  }

  /** Particle, possessive, then suffix, stopping as soon as what is left is a root word. */
  private removeEndings(input: string): Endings {
    const [particle, afterParticle] = removeEnding(input, /-?(lah|kah|tah|pun)$/);
    if (this.find(afterParticle))
      return { root: true, word: afterParticle, particle, possessive: '', suffix: '' };
    const [possessive, afterPossessive] = removeEnding(afterParticle, /-?(ku|mu|nya)$/);
    if (this.find(afterPossessive))
      return { root: true, word: afterPossessive, particle, possessive, suffix: '' };
    const [suffix, word] = removeEnding(afterPossessive, /-?(is|isme|isasi|i|kan|an)$/);
    return { root: this.find(word), word, particle, possessive, suffix };
  }

  private returnEndings(original: string, endings: string[]): [boolean, string] {
    const removed = endings.reduce((n, e) => n + e.length, 0);
    // substring, not slice: a negative end means the empty string here.
    const base = original.substring(0, original.length - removed);
    for (let i = 0; i < endings.length; i++) {
      const word = base + endings.slice(0, i + 1).join('');
      if (this.find(word)) return [true, word];
      const [found, root] = this.removePrefixes(word);
      if (found) return [true, root];
    }
    return [false, original];
  }

  /** Up to three prefixes, stopping when one repeats; [found, what is left]. */
  private removePrefixes(input: string): [boolean, string] {
    let word = input;
    let removed: string | undefined = '';
    for (let i = 0; i < 3; i++) {
      if (word.length < 3) return [false, input];
      if (word.substring(0, 2) === removed) break;
      let recode: string[] | null;
      [removed, word, recode] = removePrefix(word);
      if (this.find(word)) return [true, word];
      for (const r of recode ?? []) if (this.find(r + word)) return [true, r + word];
    }
    return [false, word];
  }
}

/** Cuts an ending matched by `re`; returns [ending, rest]. */
function removeEnding(word: string, re: RegExp): [string, string] {
  const rest = word.replace(re, '');
  return [word.slice(rest.length), rest];
}

function removePrefix(word: string): [string | undefined, string, string[] | null] {
  if (/^(di|ke|se|ku)/.test(word)) return [word.substring(0, 2), word.substring(2), null];
  if (word.startsWith('kau')) return ['kau', word.substring(3), null];
  if (word.startsWith('me')) return ['me', ...removeMe(word)];
  if (word.startsWith('pe')) return ['pe', ...removePe(word)];
  if (word.startsWith('be')) return ['be', ...removeBe(word)];
  if (word.startsWith('te')) return ['te', ...removeTe(word)];
  return [undefined, ...removeInfix(word)];
}

function removeMe(w: string): Cut {
  const [s3, s4, s5] = [at(w, 2), at(w, 3), at(w, 4)];
  if (is(s3, 'lrwy') && is(s4, VOWEL)) return [w.substring(2), null];
  if (is(s3, 'm') && is(s4, 'bfv')) return [w.substring(3), null];
  if (is(s3, 'm') && is(s4, 'p') && is(s5, 'e')) return [w.substring(3), null];
  if (is(s3, 'm') && (is(s4, VOWEL) || (is(s4, 'r') && is(s5, VOWEL)))) {
    return [w.substring(3), ['m', 'p']];
  }
  if (is(s3, 'n') && is(s4, 'cdjstz')) return [w.substring(3), null];
  if (is(s3, 'n') && is(s4, VOWEL)) return [w.substring(3), ['n', 't']];
  if (is(s3, 'n') && is(s4, 'g') && is(s5, 'ghqk')) return [w.substring(4), null];
  if (is(s3, 'n') && is(s4, 'g') && is(s5, VOWEL)) {
    return is(s5, 'e') ? [w.substring(5), null] : [w.substring(4), ['ng', 'k']];
  }
  if (is(s3, 'n') && is(s4, 'y') && is(s5, VOWEL)) {
    return is(s5, 'a') ? [w.substring(2), null] : [`s${w.substring(4)}`, null];
  }
  if (is(s3, 'm') && is(s4, 'p') && not(s5, 'e')) return [w.substring(3), null];
  return [w, null];
}

function removePe(w: string): Cut {
  const [s3, s4, s5, s6, s7, s8] = [at(w, 2), at(w, 3), at(w, 4), at(w, 5), at(w, 6), at(w, 7)];
  if (is(s3, 'wy') && is(s4, VOWEL)) return [w.substring(2), null];
  if (is(s3, 'r') && is(s4, VOWEL)) return [w.substring(3), ['r']];
  const perC = is(s3, 'r') && is(s4, CONSONANT) && not(s4, 'r');
  if (perC && not(s6, 'e')) return [w.substring(3), null];
  if (perC && is(s6, 'e') && is(s7, 'r') && is(s8, VOWEL)) return [w.substring(3), null];
  if (is(s3, 'm') && is(s4, 'bfv')) return [w.substring(3), null];
  if (is(s3, 'm') && (is(s4, VOWEL) || (is(s4, 'r') && is(s5, VOWEL)))) {
    return [w.substring(3), ['m', 'p']];
  }
  if (is(s3, 'n') && is(s4, 'cdjstz')) return [w.substring(3), null];
  if (is(s3, 'n') && is(s4, VOWEL)) return [w.substring(3), ['n', 't']];
  if (is(s3, 'n') && is(s4, 'g') && is(s5, CONSONANT)) return [w.substring(4), null];
  if (is(s3, 'n') && is(s4, 'g') && is(s5, VOWEL)) {
    return is(s5, 'e') ? [w.substring(5), null] : [w.substring(4), ['k']];
  }
  if (is(s3, 'n') && is(s4, 'y') && is(s5, VOWEL)) return [w.substring(4), ['s', 'ny']];
  if (is(s3, 'l') && is(s4, VOWEL)) {
    return w === 'pelajar' ? ['ajar', null] : [w.substring(2), null];
  }
  const peC = is(s3, CONSONANT) && not(s3, 'rwylmn');
  if (peC && is(s4, 'e') && is(s5, 'r') && is(s6, VOWEL)) return [w.substring(3), null];
  // In sastrawijs the next rule ("C is not 'e'") always holds for a consonant,
  // so the peC1erC2 rule after it can never be reached.
  if (peC) return [w.substring(2), null];
  return [w, null];
}

function removeBe(w: string): Cut {
  const [s3, s4, s5, s6, s7, s8] = [at(w, 2), at(w, 3), at(w, 4), at(w, 5), at(w, 6), at(w, 7)];
  if (is(s3, 'r') && is(s4, VOWEL)) return [w.substring(3), ['r']];
  const berC = is(s3, 'r') && is(s4, CONSONANT) && not(s4, 'r');
  if (berC && not(s6, 'e')) return [w.substring(3), null];
  if (berC && is(s6, 'e') && is(s7, 'r') && is(s8, VOWEL)) return [w.substring(3), null];
  if (w === 'belajar') return [w.substring(3), null];
  if (
    is(s3, CONSONANT) &&
    not(s3, 'r') &&
    not(s3, 'l') &&
    is(s4, 'e') &&
    is(s5, 'r') &&
    is(s6, CONSONANT)
  ) {
    return [w.substring(2), null];
  }
  return [w, null];
}

function removeTe(w: string): Cut {
  const [s3, s4, s5, s6, s7] = [at(w, 2), at(w, 3), at(w, 4), at(w, 5), at(w, 6)];
  if (is(s3, 'r') && is(s4, VOWEL)) return [w.substring(3), ['r']];
  const terC = is(s3, 'r') && is(s4, CONSONANT) && not(s4, 'r');
  if (terC && is(s5, 'e') && is(s6, 'r') && is(s7, VOWEL)) return [w.substring(3), null];
  if (terC && not(s5, 'e')) return [w.substring(3), null];
  if (is(s3, CONSONANT) && not(s3, 'r') && is(s4, 'e') && is(s5, 'r') && is(s6, CONSONANT)) {
    return [w.substring(2), null];
  }
  if (terC && is(s5, 'e') && is(s6, 'r') && is(s7, CONSONANT)) return [w.substring(3), null];
  return [w, null];
}

/** -er-, -el-, -em- and -in- infixes (gerigi, telunjuk, kinerja). */
function removeInfix(w: string): Cut {
  const [s1, s2, s3, s4] = [at(w, 0), at(w, 1), at(w, 2), at(w, 3)];
  if (
    is(s1, CONSONANT) &&
    ((is(s2, 'e') && is(s3, 'rlm')) || (is(s2, 'i') && is(s3, 'n'))) &&
    is(s4, VOWEL)
  ) {
    return [w.substring(3), [w.substring(0, 3), w.substring(0, 1)]];
  }
  return [w, null];
}
