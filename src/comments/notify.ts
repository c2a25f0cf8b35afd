import { type Config, verifyingKeys } from '../config.ts';
import type { Db } from '../db/connection.ts';
import type { EventBus } from '../lib/events.ts';
import { enqueueMail } from '../newsroom/outbox.ts';
import { decryptEmail } from './hashing.ts';
import { commentText } from './messages.ts';
import { commentsWithArticle } from './queries.ts';

/**
 * Email the author of a comment when a reply to it becomes visible, if they
 * asked for it (opt-in checkbox) — through the newsroom's outbox, so a mail
 * server outage loses nothing. Nobody is told about their own replies.
 */
export async function notifyReply(db: Db, config: Config, commentId: number): Promise<boolean> {
  const k = db.kysely;
  const reply = await commentsWithArticle(k)
    .innerJoin('comments as p', 'p.id', 'c.parent_id')
    .select([
      'c.id',
      'c.author_name',
      'c.email_hash',
      'c.status',
      'p.email_hash as parent_email_hash',
      'p.notify_email',
      'p.status as parent_status',
      'a.id as article_id',
      'a.slug',
      'a.headline',
      's.slug as section_slug',
    ])
    .where('c.id', '=', commentId)
    .executeTakeFirst();
  if (reply?.status !== 'approved' || reply.parent_status !== 'approved') return false;
  if (!reply.notify_email || reply.email_hash === reply.parent_email_hash) return false;
  // Sealed under the previous key when SECRET_KEY was rotated since: every verifying key is tried.
  const sealed = reply.notify_email;
  const to = verifyingKeys(config)
    .map((key) => decryptEmail(key, sealed))
    .find((address) => address !== null);
  if (!to) return false;
  const m = commentText(config.language).mail;
  const url = `${config.siteUrl}/${reply.section_slug}/${reply.article_id}/${reply.slug}#komentar-${reply.id}`;
  await enqueueMail(db, {
    to,
    subject: m.replySubject(reply.headline),
    text: m.replyBody(reply.author_name.replace(/[\r\n]/g, ' '), url),
  });
  return true;
}

/** Registers the comments capability's listeners. */
export function wireComments(events: EventBus, db: Db, config: Config): void {
  events.on('comment.approved', async ({ commentId }) => {
    await notifyReply(db, config, commentId);
  });
}
