import { ACCEPT, type Phase } from './types.ts';

/** Links in a text: http(s) URLs and bare www. addresses. */
export function countLinks(text: string): number {
  return (text.match(/\bhttps?:\/\/|(?<![\w/.])www\.[a-z0-9-]+\./gi) ?? []).length;
}

/** Two or more links in the text (the website field does not count) hold the comment. */
export const linkCheck: Phase = {
  name: 'links',
  run(c) {
    return countLinks(c.body) >= 2 ? { kind: 'hold', reason: 'links' } : ACCEPT;
  },
};
