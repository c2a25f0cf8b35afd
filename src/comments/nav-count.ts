import type { Db } from '../db/connection.ts';
import { pendingCount } from './moderation.ts';

/**
 * The number for the newsroom navigation's "Komentar" item: comments waiting
 * for an editor (pending plus reported). The layout calls this for staff who
 * may moderate (`comment.moderate`).
 */
export function commentNavCount(db: Db): Promise<number> {
  return pendingCount(db.kysely);
}
