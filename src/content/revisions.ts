import type { Kysely } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database, RevisionKind } from '../db/schema.ts';
import { AppError } from '../lib/errors.ts';
import type { EventBus } from '../lib/events.ts';
import { isReservedSlug, slugify } from '../lib/slug.ts';
import { createArticle, ensureTag } from './commands.ts';
import { type ArticleEdit, loadEditable } from './editable.ts';
import { lockedByOther } from './locks.ts';

/**
 * Saving an article from the newsroom: every save checks the version the
 * writer started from (a stale write is refused, never merged or overwritten),
 * refuses while someone else holds the lock, and records a revision holding a
 * snapshot of every editable field. Restoring a revision is just another save.
 * The edited shape and its loading are in editable.ts; reading revisions back
 * is in revision-history.ts.
 */

type DB = Kysely<Database>;

/** A slug no other live article uses: the wanted one, or it with -2, -3… */
async function uniqueSlug(db: DB, wanted: string, articleId: number): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const slug = n === 1 ? wanted : `${wanted.slice(0, 74)}-${n}`;
    if (!(await slugTaken(db, slug, articleId)) && !isReservedSlug(slug)) return slug;
  }
  return `${wanted.slice(0, 60)}-${Date.now()}`;
}

/** True when another live article already uses the slug. */
export async function slugTaken(db: DB, slug: string, articleId: number): Promise<boolean> {
  const row = await db
    .selectFrom('articles')
    .select('id')
    .where('slug', '=', slug)
    .where('id', '!=', articleId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Finds byline people by name (case-insensitive) or creates them; ids in order. */
async function peopleFor(db: DB, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (!name) continue;
    const found = await db
      .selectFrom('people')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
      .orderBy('id')
      .executeTakeFirst();
    let id = found?.id;
    if (id === undefined) {
      let slug = slugify(name, 60);
      for (
        let n = 2;
        await db.selectFrom('people').select('id').where('slug', '=', slug).executeTakeFirst();
        n++
      ) {
        slug = `${slugify(name, 60)}-${n}`;
      }
      const row = await db
        .insertInto('people')
        .values({ slug, name, initials: '', title: '', bio: '' })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * Starts a draft for a staff writer: unique slug from the headline, the
 * writer as author, and the first revision.
 */
export async function createDraft(
  db: Db,
  input: { authorId: number; sectionId: number; headline: string; now?: number },
): Promise<number> {
  const now = input.now ?? Date.now();
  const k = db.kysely;
  const slug = await uniqueSlug(k, slugify(input.headline || 'artikel'), 0);
  const id = await createArticle(k, {
    headline: input.headline,
    slug,
    sectionId: input.sectionId,
    body: [],
    authorId: input.authorId,
    createdAt: now,
  });
  const edit = await loadEditable(k, id);
  await k
    .insertInto('revisions')
    .values({
      article_id: id,
      version: 1,
      snapshot: JSON.stringify(edit?.edit),
      author_id: input.authorId,
      kind: 'save',
      created_at: now,
    })
    .execute();
  return id;
}

export interface SaveOptions {
  /** The version the writer's copy is based on; anything else is a stale write. */
  expectedVersion: number;
  userId: number;
  kind: RevisionKind;
  now?: number;
  /** Runs inside the save's transaction after the write (a command's audit entry). */
  alsoInTransaction?: (tx: DB) => Promise<void>;
}

/** Consecutive autosaves by one person within this window share one revision. */
const AUTOSAVE_COALESCE_MS = 10 * 60_000;

/**
 * Saves every editable field, checked against the writer's version and the
 * lock; bumps the version and records a revision. Answers the new version.
 * Throws STALE_VERSION, ARTICLE_LOCKED, SLUG_TAKEN or NOT_FOUND and then has
 * changed nothing. A live article announces `article.updated`.
 */
export async function saveArticle(
  db: Db,
  events: EventBus,
  articleId: number,
  edit: ArticleEdit,
  opts: SaveOptions,
): Promise<{ version: number; slug: string }> {
  const now = opts.now ?? Date.now();
  const k = db.kysely;
  if (await lockedByOther(k, articleId, opts.userId, now)) throw new AppError('ARTICLE_LOCKED');
  const result = await k.transaction().execute(async (tx) => {
    const current = await tx
      .selectFrom('articles')
      .select(['version', 'status'])
      .where('id', '=', articleId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND');
    if (current.version !== opts.expectedVersion) throw new AppError('STALE_VERSION');
    let slug = edit.slug;
    if (slug === '') slug = await uniqueSlug(tx, slugify(edit.headline || 'artikel'), articleId);
    else if (await slugTaken(tx, slug, articleId)) throw new AppError('SLUG_TAKEN');
    const pins = [...new Set(edit.pins)].filter((id) => id !== articleId).slice(0, 3);
    // An autosave that changes nothing (the timer fired, a field was focused
    // and left) writes nothing: no new version, no revision, no "updated".
    // A deliberate Save still records its revision, but readers see no update.
    const stored = await loadEditable(tx, articleId);
    const unchanged = stored !== undefined && sameEdit(stored.edit, { ...edit, slug, pins });
    if (unchanged && opts.kind === 'autosave') {
      return { version: current.version, slug, status: current.status, changed: false };
    }
    const version = current.version + 1;
    const updated = await tx
      .updateTable('articles')
      .set({
        headline: edit.headline,
        deck: edit.deck,
        slug,
        section_id: edit.sectionId,
        body: JSON.stringify(edit.body),
        dateline: edit.dateline,
        source_credit: edit.sourceCredit,
        byline_initials: edit.bylineInitials,
        featured_media_id: edit.featured.mediaId,
        featured_caption: edit.featured.caption,
        featured_credit: edit.featured.credit,
        featured_alt: edit.featured.alt,
        featured_archive: edit.featured.archive ? 1 : 0,
        comments_open: edit.commentsOpen ? 1 : 0,
        seo_title: edit.seoTitle,
        seo_description: edit.seoDescription,
        updated_at: now,
        ...(unchanged ? {} : { modified_at: now }),
        version,
      })
      .where('id', '=', articleId)
      .where('version', '=', opts.expectedVersion)
      .executeTakeFirst();
    // Someone saved between our read and our write.
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('STALE_VERSION');

    const tagIds: number[] = [];
    for (const name of edit.tags) {
      const id = await ensureTag(tx, name);
      if (!tagIds.includes(id)) tagIds.push(id);
    }
    await tx.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
    if (tagIds.length) {
      await tx
        .insertInto('article_tags')
        .values(tagIds.map((tag_id, position) => ({ article_id: articleId, tag_id, position })))
        .execute();
    }
    const personIds = await peopleFor(tx, edit.bylines);
    await tx.deleteFrom('article_bylines').where('article_id', '=', articleId).execute();
    if (personIds.length) {
      await tx
        .insertInto('article_bylines')
        .values(
          personIds.map((person_id, position) => ({ article_id: articleId, person_id, position })),
        )
        .execute();
    }
    await tx.deleteFrom('article_pins').where('article_id', '=', articleId).execute();
    if (pins.length) {
      await tx
        .insertInto('article_pins')
        .values(
          pins.map((related_id, position) => ({ article_id: articleId, related_id, position })),
        )
        .execute();
    }

    const snapshot = JSON.stringify({ ...edit, slug, pins } satisfies ArticleEdit);
    const last = await tx
      .selectFrom('revisions')
      .select(['id', 'kind', 'author_id', 'created_at'])
      .where('article_id', '=', articleId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const coalesce =
      opts.kind === 'autosave' &&
      last?.kind === 'autosave' &&
      last.author_id === opts.userId &&
      now - last.created_at < AUTOSAVE_COALESCE_MS;
    if (coalesce && last) {
      await tx
        .updateTable('revisions')
        .set({ snapshot, version, created_at: now })
        .where('id', '=', last.id)
        .execute();
    } else {
      await tx
        .insertInto('revisions')
        .values({
          article_id: articleId,
          version,
          snapshot,
          author_id: opts.userId,
          kind: opts.kind,
          created_at: now,
        })
        .execute();
    }
    await opts.alsoInTransaction?.(tx);
    return { version, slug, status: current.status, changed: true };
  });
  if (result.changed && result.status === 'published') {
    await events.emit('article.updated', { articleId });
  }
  return { version: result.version, slug: result.slug };
}

/** JSON with object keys sorted, so two equal edits compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** True when saving `next` over `stored` would change nothing. */
export function sameEdit(stored: ArticleEdit, next: ArticleEdit): boolean {
  return canonical(stored) === canonical(next);
}
