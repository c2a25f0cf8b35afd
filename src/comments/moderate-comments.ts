import type { Db } from '../db/connection.ts';
import { AppError } from '../lib/errors.ts';
import type { EventBus } from '../lib/events.ts';
import { audit } from '../newsroom/audit.ts';
import { can, type Role } from '../newsroom/policy.ts';
import { banAuthor, type ModAction, moderate } from './moderation.ts';

/** Who moderates, from where: the common part of every moderation command. */
export interface ModeratorProps {
  /** Comments are written and the audit log appended here. */
  db: Db;
  /** `comment.approved` / `comment.hidden` are announced here (page cache purge, counts). */
  events: EventBus;
  /** The staff member who acts; their role must allow `comment.moderate`. */
  actor: { id: number; role: Role };
  /** Keyed hash of the address the staff member acts from, for the audit log. */
  ipHash: string;
  now?: number;
}

/** Most comments one bulk action may touch. */
export const MAX_BULK = 500;

function mayModerate(actor: ModeratorProps['actor']): void {
  if (!can(actor.role, 'comment.moderate')) throw new AppError('FORBIDDEN');
}

/**
 * Applies one moderation action (approve, reject, spam, trash, restore) to
 * some comments: checks the actor may moderate, changes the statuses in one
 * transaction, records one audit entry, then announces every comment that
 * appeared or disappeared. Single and bulk actions both come here. Returns how
 * many comments changed.
 */
export async function moderateComments(
  props: ModeratorProps & {
    /** The comments acted on (deduplicated; at most MAX_BULK). */
    commentIds: number[];
    action: ModAction;
  },
): Promise<number> {
  mayModerate(props.actor);
  const ids = [...new Set(props.commentIds)];
  if (ids.length === 0) return 0;
  if (ids.length > MAX_BULK) throw new AppError('BAD_REQUEST');
  const changed = await moderate(
    props.db.kysely,
    props.events,
    ids,
    props.action,
    props.actor.id,
    props.now,
  );
  await audit(
    props.db,
    {
      actorId: props.actor.id,
      action: `comment.${props.action}`,
      target: ids.map((i) => `comment:${i}`).join(','),
      detail: String(changed),
      ipHash: props.ipHash,
    },
    props.now,
  );
  return changed;
}

/** Approves one comment: it appears on the article page and the page's cache is purged. */
export function approveComment(props: ModeratorProps & { commentId: number }): Promise<number> {
  return moderateComments({ ...props, commentIds: [props.commentId], action: 'approve' });
}

/**
 * Bans the email or the address behind a comment (keyed hashes only), audits
 * it, and marks the comment as spam. False when the comment does not exist or
 * has no such hash (the address is dropped after the retention period).
 */
export async function banCommentAuthor(
  props: ModeratorProps & { commentId: number; kind: 'email' | 'ip' },
): Promise<boolean> {
  mayModerate(props.actor);
  const k = props.db.kysely;
  const banned = await banAuthor(k, props.commentId, props.kind, props.actor.id, props.now);
  if (!banned) return false;
  await audit(
    props.db,
    {
      actorId: props.actor.id,
      action: `comment.ban.${props.kind}`,
      target: `comment:${props.commentId}`,
      ipHash: props.ipHash,
    },
    props.now,
  );
  // A banned author's comment is spam.
  await moderate(k, props.events, [props.commentId], 'spam', props.actor.id, props.now);
  return true;
}
