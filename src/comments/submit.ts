import type { Kysely } from 'kysely';
import { getPublishedArticle } from '../content/published-article.ts';
import { listSections } from '../content/taxonomy-queries.ts';
import type { Database } from '../db/schema.ts';
import { AppError, type ErrorCode } from '../lib/errors.ts';
import type { EventBus } from '../lib/events.ts';
import { bodyHash, emailHash, encryptEmail, ipHash } from './hashing.ts';
import type { CommentMessages } from './messages.ts';
import type { HoldReason } from './phases/types.ts';
import { runPipeline } from './pipeline.ts';
import { commentsOpen, loadSettings } from './settings.ts';
import { type FieldErrors, type FormValues, parseCommentForm } from './validate.ts';
import { loadWordLists } from './word-lists.ts';

export interface SubmitDeps {
  db: Kysely<Database>;
  events: EventBus;
  secret: string;
  /** SECRET_KEY then SECRET_KEY_PREVIOUS: what the form token and challenge may be signed with. */
  verifyingKeys?: readonly string[];
}

export type SubmitResult =
  | {
      kind: 'stored';
      id: number;
      status: 'approved' | 'pending';
      reasons: HoldReason[];
      articleUrl: string;
      /** How many post times the browser's cookie keeps (the hourly limit). */
      keepPosts: number;
    }
  | { kind: 'invalid'; errors: FieldErrors; values: FormValues }
  | {
      kind: 'refused';
      code: ErrorCode;
      values: FormValues;
      retryAfter?: number;
      reload?: boolean;
      quiet?: boolean;
    };

type ParentRow = {
  id: number;
  article_id: number;
  parent_id: number | null;
  status: string;
  depth: number;
};

async function parentRow(db: Kysely<Database>, id: number): Promise<ParentRow | undefined> {
  return db
    .selectFrom('comments')
    .select(['id', 'article_id', 'parent_id', 'status', 'depth'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The article's section and its parent (a sub-section inherits its parent's mode), from content's section list. */
async function sectionChain(db: Kysely<Database>, sectionId: number): Promise<number[]> {
  const section = (await listSections(db)).find((s) => s.id === sectionId);
  return section?.parent ? [sectionId, section.parent.id] : [sectionId];
}

/**
 * Where a reply goes: under an approved comment of the same article, at most
 * `maxDepth` levels deep (a deeper reply attaches to the deepest allowed
 * level). Undefined when the parent is missing, elsewhere, pending or removed.
 */
export async function resolveParent(
  db: Kysely<Database>,
  articleId: number,
  parentId: number,
  maxDepth: number,
): Promise<{ parentId: number | null; depth: number } | undefined> {
  let parent = await parentRow(db, parentId);
  if (!parent || parent.article_id !== articleId || parent.status !== 'approved') return undefined;
  let depth = parent.depth + 1;
  while (parent && depth > maxDepth) {
    parent = parent.parent_id === null ? undefined : await parentRow(db, parent.parent_id);
    depth -= 1;
  }
  return parent ? { parentId: parent.id, depth } : { parentId: null, depth: 0 };
}

/**
 * The one way a reader's comment gets in: validate every field, check the
 * article, run the pipeline, store (the unique index settles races between
 * identical posts) and announce a visible comment with `comment.approved`.
 */
export async function submitComment(
  deps: SubmitDeps,
  articleId: number,
  raw: unknown,
  /** The client's address, and when its browser last posted (from its cookie, `recentPostsOf`). */
  client: { ip: string; recentPosts?: number[] },
  m: CommentMessages,
  now = Date.now(),
): Promise<SubmitResult> {
  const { db } = deps;
  const found = await getPublishedArticle(db, articleId, now);
  if (found.kind === 'gone') throw new AppError('GONE');
  if (found.kind === 'missing') throw new AppError('NOT_FOUND');
  const { article } = found;
  const parsed = parseCommentForm(raw, m);
  const [settings, words] = await Promise.all([loadSettings(db), loadWordLists(db)]);
  if (!commentsOpen(settings, article, now)) {
    return { kind: 'refused', code: 'COMMENT_CLOSED', values: parsed.values };
  }
  if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors, values: parsed.values };
  const { input, values } = parsed;
  let placement = { parentId: null as number | null, depth: 0 };
  if (input.parentId !== null) {
    const p = await resolveParent(db, articleId, input.parentId, settings.maxDepth);
    if (!p) return { kind: 'invalid', errors: { parent: m.field.parent }, values };
    placement = p;
  }
  const candidate = {
    articleId,
    sectionIds: await sectionChain(db, article.section.id),
    body: input.body,
    name: input.name,
    email: input.email,
    website: input.website,
    emailHash: emailHash(deps.secret, input.email),
    ipHash: ipHash(deps.secret, client.ip),
    browserTimes: client.recentPosts ?? [],
    bodyHash: bodyHash(input.body),
    token: input.token,
    honeypot: input.honeypot,
    captcha: input.captcha,
  };
  const verdict = await runPipeline(candidate, {
    db,
    secret: deps.secret,
    verifyingKeys: deps.verifyingKeys,
    settings,
    words,
    now,
  });
  if (verdict.kind === 'reject') {
    return {
      kind: 'refused',
      code: verdict.code,
      values,
      retryAfter: verdict.retryAfter,
      reload: verdict.reload,
      quiet: verdict.quiet,
    };
  }
  const reasons = verdict.kind === 'hold' ? verdict.reasons : [];
  const status = reasons.length > 0 ? 'pending' : 'approved';
  const row = await db
    .insertInto('comments')
    .values({
      article_id: articleId,
      parent_id: placement.parentId,
      depth: placement.depth,
      author_name: input.name,
      body: input.body,
      status,
      created_at: now,
      updated_at: now,
      email_hash: candidate.emailHash,
      body_hash: candidate.bodyHash,
      ip_hash: candidate.ipHash,
      website: input.website,
      held_reasons: JSON.stringify(reasons),
      notify_email:
        input.notify && settings.replyNotifications ? encryptEmail(deps.secret, input.email) : null,
    })
    .onConflict((oc) => oc.columns(['article_id', 'email_hash', 'body_hash']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return { kind: 'refused', code: 'COMMENT_DUPLICATE', values };
  if (status === 'approved')
    await deps.events.emit('comment.approved', { commentId: row.id, articleId });
  return {
    kind: 'stored',
    id: row.id,
    status,
    reasons,
    articleUrl: article.url,
    keepPosts: settings.ratePerHour,
  };
}
