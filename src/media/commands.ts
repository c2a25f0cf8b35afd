import type { Db } from '../db/connection.ts';
import { AppError } from '../lib/errors.ts';
import type { EventBus } from '../lib/events.ts';
import { audit } from '../newsroom/audit.ts';
import { type MediaActor, mayDeleteMedia, mayEditMedia } from './access.ts';
import { getMedia, type MediaItem, removeFolder, replaceImage } from './library.ts';
import { type MediaUse, mediaUsage } from './library-queries.ts';
import type { MediaTarget } from './storage.ts';

/**
 * The library's destructive writes, each checked against the policy, audited,
 * and announced: deleting a photo no article uses, and replacing a photo's
 * file in place.
 */

/** Refused delete: the articles (not deleted) that still use the photo. */
export class MediaInUseError extends AppError {
  constructor(readonly uses: MediaUse[]) {
    super('MEDIA_IN_USE', uses.map((u) => `#${u.articleId}`).join(', '));
  }
}

interface Props {
  db: Db;
  /** The media storage (or a local media folder). */
  media: MediaTarget;
  /** Who acts, and from which (hashed) address. */
  actor: MediaActor;
  ipHash?: string;
  /** The photo acted on. */
  mediaId: number;
}

async function found(db: Db, id: number): Promise<MediaItem> {
  const item = await getMedia(db.kysely, id);
  if (!item) throw new AppError('NOT_FOUND');
  return item;
}

/**
 * Deletes a photo from the library, files and all, when no article uses it
 * (featured or in the body, in any state but deleted): otherwise throws
 * MediaInUseError naming them. The check and the delete run in one
 * transaction; the files go after it commits.
 */
export async function deleteMedia(p: Props & { confirmed: boolean }): Promise<void> {
  const item = await found(p.db, p.mediaId);
  if (!mayDeleteMedia(p.actor, item)) throw new AppError('FORBIDDEN');
  if (!p.confirmed) throw new AppError('MEDIA_DELETE_UNCONFIRMED');
  const gone = await p.db.kysely.transaction().execute(async (tx) => {
    const uses = await mediaUsage(tx, item.id);
    if (uses.length > 0) throw new MediaInUseError(uses);
    // The folder as it is now (a replace may have moved it since `item` was read).
    const row = await tx
      .deleteFrom('media')
      .where('id', '=', item.id)
      .returning('storage_key')
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    await audit(tx, {
      actorId: p.actor.id,
      action: 'media.deleted',
      target: `media:${item.id}`,
      detail: item.caption || item.originalName,
      ipHash: p.ipHash,
    });
    return row.storage_key;
  });
  await removeFolder(p.media, gone);
}

/**
 * Replaces a photo's file (see replaceImage: same checks as an upload, every
 * variant and crop made again, same id) and announces `media.replaced` with
 * the articles using it, whose pages are purged from the cache.
 */
export async function replaceMedia(
  p: Props & { events: EventBus; file: Buffer; originalName?: string },
): Promise<MediaItem> {
  const item = await found(p.db, p.mediaId);
  if (!mayEditMedia(p.actor, item)) throw new AppError('FORBIDDEN');
  const updated = await replaceImage(p.db.kysely, p.media, item.id, p.file, {
    originalName: p.originalName,
  });
  await audit(p.db, {
    actorId: p.actor.id,
    action: 'media.replaced',
    target: `media:${item.id}`,
    detail: updated.originalName,
    ipHash: p.ipHash,
  });
  const uses = await mediaUsage(p.db, item.id);
  await p.events.emit('media.replaced', {
    mediaId: item.id,
    articleIds: uses.map((u) => u.articleId),
  });
  return updated;
}
