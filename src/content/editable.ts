import type { Kysely } from 'kysely';
import type { ArticleStatus, Database } from '../db/schema.ts';
import type { Block } from './blocks.ts';

/**
 * An article as the newsroom edits it: every editable field (also the shape of
 * a revision snapshot) plus the workflow facts, and loading it for the editor.
 */

type DB = Kysely<Database>;

/** Every field a writer edits; also the shape of a revision snapshot. */
export interface ArticleEdit {
  headline: string;
  deck: string;
  /** Empty: generated from the headline (made unique). */
  slug: string;
  sectionId: number;
  body: Block[];
  dateline: string;
  sourceCredit: string;
  bylineInitials: string;
  tags: string[];
  /** Byline names, in order; unknown names become new people. */
  bylines: string[];
  featured: {
    mediaId: number | null;
    caption: string;
    credit: string;
    alt: string;
    archive: boolean;
  };
  /** "Baca juga" pins: published article ids, at most three. */
  pins: number[];
  commentsOpen: boolean;
  seoTitle: string;
  seoDescription: string;
}

/** An article as the newsroom edits it: fields plus workflow facts. */
export interface EditableArticle {
  id: number;
  edit: ArticleEdit;
  status: ArticleStatus;
  version: number;
  authorId: number | null;
  scheduledAt: number | null;
  submittedAt: number | null;
  publishedAt: number | null;
  editorNote: string;
  updatedAt: number;
  createdAt: number;
  /** The editor who opened it while submitted (withdrawing is then refused). */
  reviewStartedBy: number | null;
  /** When the content last changed (status changes aside). */
  modifiedAt: number;
}

/** Loads an article (not deleted) with every editable field, for the editor. */
export async function loadEditable(db: DB, id: number): Promise<EditableArticle | undefined> {
  const a = await db
    .selectFrom('articles')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!a) return undefined;
  const [tags, bylines, pins] = await Promise.all([
    db
      .selectFrom('article_tags as at')
      .innerJoin('tags as t', 't.id', 'at.tag_id')
      .select('t.name')
      .where('at.article_id', '=', id)
      .orderBy('at.position')
      .execute(),
    db
      .selectFrom('article_bylines as b')
      .innerJoin('people as p', 'p.id', 'b.person_id')
      .select('p.name')
      .where('b.article_id', '=', id)
      .orderBy('b.position')
      .execute(),
    db
      .selectFrom('article_pins')
      .select('related_id')
      .where('article_id', '=', id)
      .orderBy('position')
      .execute(),
  ]);
  return {
    id,
    status: a.status,
    version: a.version,
    authorId: a.author_id,
    scheduledAt: a.scheduled_at,
    submittedAt: a.submitted_at,
    publishedAt: a.published_at,
    editorNote: a.editor_note,
    updatedAt: a.updated_at,
    createdAt: a.created_at,
    reviewStartedBy: a.review_started_by,
    modifiedAt: a.modified_at ?? a.updated_at,
    edit: {
      headline: a.headline,
      deck: a.deck,
      slug: a.slug,
      sectionId: a.section_id,
      body: JSON.parse(a.body) as Block[],
      dateline: a.dateline,
      sourceCredit: a.source_credit,
      bylineInitials: a.byline_initials,
      tags: tags.map((t) => t.name),
      bylines: bylines.map((b) => b.name),
      featured: {
        mediaId: a.featured_media_id,
        caption: a.featured_caption,
        credit: a.featured_credit,
        alt: a.featured_alt,
        archive: a.featured_archive === 1,
      },
      pins: pins.map((p) => p.related_id),
      commentsOpen: a.comments_open === 1,
      seoTitle: a.seo_title,
      seoDescription: a.seo_description,
    },
  };
}
