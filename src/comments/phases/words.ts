import { findWords } from '../normalize.ts';
import { ACCEPT, type Phase } from './types.ts';

/**
 * Banned words reject, suspect words hold; both lists are matched after
 * normalising (NFKC, case, zero-width characters, letter substitutions) in the
 * text, the name and the website.
 */
export const wordCheck: Phase = {
  name: 'words',
  run(c, env) {
    const all = `${c.body}\n${c.name}\n${c.website}`;
    if (findWords(all, env.words.banned).length > 0)
      return { kind: 'reject', code: 'COMMENT_BANNED_WORD' };
    const suspect = findWords(all, env.words.suspect);
    if (suspect.length > 0)
      return { kind: 'hold', reason: 'suspect-words', detail: suspect.join(', ') };
    return ACCEPT;
  },
};
