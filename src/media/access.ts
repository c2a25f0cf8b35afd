import { can, type Role } from '../newsroom/policy.ts';
import type { MediaItem } from './library.ts';

/**
 * Who may see and change one photo, from the newsroom policy (see the media
 * rows of src/newsroom/policy.ts): the staff see every photo; a kontributor
 * sees their own uploads and the photos readers already see (used by a
 * published article). Changing (text, focal point, replacing the file) needs
 * `media.edit`, or `media.edit.own` on one's own upload; deleting likewise.
 */

/** The staff member acting on the library. */
export interface MediaActor {
  id: number;
  role: Role;
}

type Owned = Pick<MediaItem, 'uploadedBy' | 'publishedAt'>;

const own = (actor: MediaActor, item: Owned) => ({ userId: actor.id, authorId: item.uploadedBy });

/** True when the actor sees the whole library (otherwise: own uploads and published photos). */
export function seesWholeLibrary(actor: MediaActor): boolean {
  return can(actor.role, 'media.view.all');
}

/** True when the actor may open this photo's page and pick it for an article. */
export function maySeeMedia(actor: MediaActor, item: Owned): boolean {
  return seesWholeLibrary(actor) || item.uploadedBy === actor.id || item.publishedAt !== null;
}

/** True when the actor may change this photo's text, focal point or file. */
export function mayEditMedia(actor: MediaActor, item: Owned): boolean {
  return can(actor.role, 'media.edit') || can(actor.role, 'media.edit.own', own(actor, item));
}

/** True when the actor may delete this photo (when no article uses it). */
export function mayDeleteMedia(actor: MediaActor, item: Owned): boolean {
  return can(actor.role, 'media.delete') || can(actor.role, 'media.delete.own', own(actor, item));
}
