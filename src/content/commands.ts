import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { slugify } from '../lib/slug.ts';
import type { Block } from './blocks.ts';

/**
 * Writes that create content: draft articles with their tags and bylines,
 * tags, people and the editors' pins. Each function is one named step that may
 * span several tables. Sections are written in section-commands.ts; the
 * changes readers see (publish, update, unpublish, delete), which announce
 * themselves through the event bus, in publication.ts.
 */

type DB = Kysely<Database>;

/** Finds a tag by its name's slug or creates it; returns its id. */
export async function ensureTag(db: DB, name: string): Promise<number> {
  const slug = slugify(name);
  const found = await db
    .selectFrom('tags')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (found) return found.id;
  const row = await db
    .insertInto('tags')
    .values({ slug, name: name.trim() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface PersonInput {
  slug: string;
  name: string;
  initials?: string;
  title?: string;
  bio?: string;
}

/** Creates a person (a byline; not necessarily a staff account). */
export async function createPerson(db: DB, input: PersonInput): Promise<number> {
  const row = await db
    .insertInto('people')
    .values({
      slug: input.slug,
      name: input.name,
      initials: input.initials ?? '',
      title: input.title ?? '',
      bio: input.bio ?? '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface ArticleInput {
  headline: string;
  slug?: string;
  deck?: string;
  sectionId: number;
  body: Block[];
  dateline?: string;
  sourceCredit?: string;
  bylineInitials?: string;
  tagNames?: string[];
  personIds?: number[];
  featured?: {
    mediaId: number;
    caption?: string;
    credit?: string;
    alt?: string;
    archive?: boolean;
  };
  commentsOpen?: boolean;
  /** The article's note for the desk (e.g. the wire story's source link). */
  editorNote?: string;
  seoTitle?: string;
  seoDescription?: string;
  /** Creation time (epoch ms); defaults to now. */
  createdAt?: number;
  /** The staff user who writes it (newsroom); none for imports and demo stories. */
  authorId?: number | null;
}

/** Creates a draft article with its tags and bylines, in one transaction. */
export async function createArticle(db: DB, input: ArticleInput): Promise<number> {
  const now = input.createdAt ?? Date.now();
  return inTransaction(db, async (tx) => {
    const row = await tx
      .insertInto('articles')
      .values({
        slug: input.slug ?? slugify(input.headline),
        section_id: input.sectionId,
        headline: input.headline,
        deck: input.deck ?? '',
        body: JSON.stringify(input.body),
        status: 'draft',
        dateline: input.dateline ?? '',
        source_credit: input.sourceCredit ?? '',
        byline_initials: input.bylineInitials ?? '',
        featured_media_id: input.featured?.mediaId ?? null,
        featured_caption: input.featured?.caption ?? '',
        featured_credit: input.featured?.credit ?? '',
        featured_alt: input.featured?.alt ?? '',
        featured_archive: input.featured?.archive ? 1 : 0,
        comments_open: input.commentsOpen === false ? 0 : 1,
        seo_title: input.seoTitle ?? '',
        seo_description: input.seoDescription ?? '',
        published_at: null,
        first_published_at: null,
        deleted_at: null,
        version: 1,
        author_id: input.authorId ?? null,
        ...(input.editorNote ? { editor_note: input.editorNote } : {}),
        created_at: now,
        updated_at: now,
        modified_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const tagIds: number[] = [];
    for (const name of input.tagNames ?? []) {
      const id = await ensureTag(tx, name);
      if (!tagIds.includes(id)) tagIds.push(id);
    }
    if (tagIds.length) {
      await tx
        .insertInto('article_tags')
        .values(tagIds.map((tag_id, position) => ({ article_id: row.id, tag_id, position })))
        .execute();
    }
    const personIds = [...new Set(input.personIds ?? [])];
    if (personIds.length) {
      await tx
        .insertInto('article_bylines')
        .values(
          personIds.map((person_id, position) => ({ article_id: row.id, person_id, position })),
        )
        .execute();
    }
    return row.id;
  });
}

/** Sets the editors' "Baca juga" pins of an article, replacing earlier ones. */
export async function setPins(db: DB, articleId: number, relatedIds: number[]): Promise<void> {
  const ids = [...new Set(relatedIds)].filter((id) => id !== articleId);
  await inTransaction(db, async (tx) => {
    await tx.deleteFrom('article_pins').where('article_id', '=', articleId).execute();
    if (ids.length) {
      await tx
        .insertInto('article_pins')
        .values(
          ids.map((related_id, position) => ({ article_id: articleId, related_id, position })),
        )
        .execute();
    }
  });
}
