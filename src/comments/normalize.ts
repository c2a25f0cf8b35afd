/**
 * Text normalisation for word lists: spammers write "g4c0r" and "gac​or" (with
 * a zero-width space) to dodge filters; both must match "gacor".
 */

/** Zero-width and invisible formatting characters removed before matching. */
const INVISIBLE =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: a list of single invisible code points, each removed on its own
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;

/** Common letter substitutions (leet). */
const SUBSTITUTIONS: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};

/** NFKC, lowercase, invisible characters removed, common substitutions undone, spaces collapsed. */
export function normalizeForMatching(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(INVISIBLE, '')
    .replace(/[013457@$!|]/g, (c) => SUBSTITUTIONS[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Normalises a word-list entry the same way text is normalised. */
export function normalizeWord(word: string): string {
  return normalizeForMatching(word);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The words of `list` found in `text` as whole words (or phrases), after both
 * are normalised. Also catches letters split by dots, dashes or stars
 * ("g.a.c.o.r") by matching against a second, separator-free reading.
 */
export function findWords(text: string, list: readonly string[]): string[] {
  if (list.length === 0) return [];
  const norm = normalizeForMatching(text);
  const squashed = norm.replace(/(?<=\p{L})[.\-_*•·]+(?=\p{L})/gu, '');
  const found: string[] = [];
  for (const raw of list) {
    const word = normalizeWord(raw);
    if (!word) continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegex(word)}(?![\\p{L}\\p{N}])`, 'u');
    if (re.test(norm) || re.test(squashed)) found.push(raw);
  }
  return found;
}
