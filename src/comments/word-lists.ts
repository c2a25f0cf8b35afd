import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { normalizeWord } from './normalize.ts';

export type WordKind = 'banned' | 'suspect';

/** Both word lists, as editors wrote them. */
export async function loadWordLists(
  db: Kysely<Database>,
): Promise<{ banned: string[]; suspect: string[] }> {
  const rows = await db
    .selectFrom('comment_words')
    .select(['kind', 'word'])
    .orderBy('word')
    .execute();
  return {
    banned: rows.filter((r) => r.kind === 'banned').map((r) => r.word),
    suspect: rows.filter((r) => r.kind === 'suspect').map((r) => r.word),
  };
}

/** Parses a textarea (one entry per line): trimmed, de-duplicated after normalising, at most 500 entries of 60 characters. */
export function parseWordList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const word = line.trim().slice(0, 60);
    const key = normalizeWord(word);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(word);
    if (out.length >= 500) break;
  }
  return out;
}

/** Replaces one list in a transaction. */
export async function replaceWordList(
  db: Kysely<Database>,
  kind: WordKind,
  words: string[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('comment_words').where('kind', '=', kind).execute();
    if (words.length > 0) {
      await trx
        .insertInto('comment_words')
        .values(words.map((word) => ({ kind, word })))
        .execute();
    }
  });
}
