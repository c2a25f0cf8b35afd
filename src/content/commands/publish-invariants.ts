import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import { requireAltText } from '../../media/library-queries.ts';
import { loadEditable } from '../editable.ts';

/** Ids of images an article would publish without any alt text (its own or the library's). */
export async function imagesMissingAlt(k: Kysely<Database>, articleId: number): Promise<number[]> {
  const a = await loadEditable(k, articleId);
  if (!a) return [];
  const ids = a.edit.body.flatMap((b) => (b.type === 'image' && !b.alt?.trim() ? [b.mediaId] : []));
  if (a.edit.featured.mediaId != null && !a.edit.featured.alt.trim())
    ids.push(a.edit.featured.mediaId);
  return requireAltText(k, ids);
}

/** Refuses to put an article before readers while a photo in it has no alt text. */
export async function assertAltText(k: Kysely<Database>, articleId: number): Promise<void> {
  if ((await imagesMissingAlt(k, articleId)).length) throw new AppError('ALT_TEXT_MISSING');
}
