import type { Kysely } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { AppError } from '../lib/errors.ts';
import type { EventBus } from '../lib/events.ts';
import { audit } from '../newsroom/audit.ts';
import { can } from '../newsroom/policy.ts';
import type { Actor } from './workflow.ts';

/**
 * The home page's lead story ("Berita utama"): one article an editor pins to
 * the lead slot. The home shows it only while it is published and visible
 * (the summary query's reader filter); otherwise the lead falls back to the
 * newest story with a photo, so a pulled lead never leaves a hole.
 */

const SLOT = 'home';

/** The pinned lead's article id, or null (whether or not it is visible now). */
export async function homeLeadId(db: Kysely<Database>): Promise<number | null> {
  const row = await db
    .selectFrom('home_lead')
    .select('article_id')
    .where('slot', '=', SLOT)
    .executeTakeFirst();
  return row?.article_id ?? null;
}

/** Writes the slot (null clears it); the caller audits and announces. */
async function writeLead(
  tx: Kysely<Database>,
  articleId: number | null,
  setBy: number | null,
  now: number,
): Promise<void> {
  await tx.deleteFrom('home_lead').where('slot', '=', SLOT).execute();
  if (articleId !== null)
    await tx
      .insertInto('home_lead')
      .values({ slot: SLOT, article_id: articleId, set_by: setBy, set_at: now })
      .execute();
}

/**
 * Sets (articleId) or clears (null) the home lead as a staff member: checks
 * the `home.lead` policy and that the article exists, writes and audits in one
 * transaction, then emits `home.lead.changed` (page cache and read cache purge the home).
 */
export async function setHomeLead(props: {
  db: Db;
  events: EventBus;
  actor: Actor;
  articleId: number;
  lead: boolean;
  ipHash?: string;
  now?: number;
}): Promise<void> {
  const { db, events, actor, articleId, lead } = props;
  if (!can(actor.role, 'home.lead')) throw new AppError('FORBIDDEN');
  const now = props.now ?? Date.now();
  const article = await db.kysely
    .selectFrom('articles')
    .select('headline')
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (!article) throw new AppError('NOT_FOUND');
  const current = await homeLeadId(db.kysely);
  if (!lead && current !== articleId) return;
  await db.kysely.transaction().execute(async (tx) => {
    await writeLead(tx, lead ? articleId : null, actor.userId, now);
    await audit(
      tx,
      {
        actorId: actor.userId,
        action: lead ? 'home.lead.set' : 'home.lead.cleared',
        target: `article:${articleId}`,
        detail: article.headline,
        ipHash: props.ipHash ?? '',
      },
      now,
    );
  });
  await events.emit('home.lead.changed', { articleId: lead ? articleId : null });
}

/** Sets the lead from an import (WordPress's sticky post): no actor, audited as the system. */
export async function importHomeLead(
  db: Db,
  events: EventBus,
  articleId: number,
  detail: string,
  now = Date.now(),
): Promise<void> {
  // The import may already run inside a transaction (a dry run): join it.
  await inTransaction(db.kysely, async (tx) => {
    await writeLead(tx, articleId, null, now);
    await audit(
      tx,
      { actorId: null, action: 'home.lead.set', target: `article:${articleId}`, detail },
      now,
    );
  });
  await events.emit('home.lead.changed', { articleId });
}
