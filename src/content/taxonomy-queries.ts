import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Person, Section, SectionRef, TagRef } from './model.ts';
import { sectionRef } from './summary-rows.ts';
import { authorUrl, tagUrl } from './urls.ts';

/**
 * Sections, tags and people (authors) as readers see them: the section menu,
 * lookups by slug, the tags of articles, and keyset pages for the Content API.
 */

type DB = Kysely<Database>;

/** Every section, top-level first in menu order, with parents and children linked. */
export async function listSections(db: DB): Promise<Section[]> {
  const rows = await db
    .selectFrom('sections')
    .selectAll()
    .orderBy('position')
    .orderBy('id')
    .execute();
  const refs = new Map(rows.map((r) => [r.id, sectionRef(r.id, r.slug, r.name)]));
  return rows.map((r) => ({
    ...(refs.get(r.id) as SectionRef),
    description: r.description,
    position: r.position,
    parent: r.parent_id != null ? (refs.get(r.parent_id) ?? null) : null,
    children: rows.filter((c) => c.parent_id === r.id).map((c) => refs.get(c.id) as SectionRef),
    hidden: r.hidden === 1,
  }));
}

/** A tag by slug, or undefined. */
export async function findTag(db: DB, slug: string): Promise<TagRef | undefined> {
  const t = await db
    .selectFrom('tags')
    .select(['id', 'slug', 'name'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  return t && { ...t, url: tagUrl(t.slug) };
}

/** A person by slug, or undefined. */
export async function findPerson(db: DB, slug: string): Promise<Person | undefined> {
  const p = await db.selectFrom('people').selectAll().where('slug', '=', slug).executeTakeFirst();
  return p && { ...p, url: authorUrl(p.slug) };
}

/** Tags of each given article, in the order the article lists them (one query). */
export async function tagsOfArticles(db: DB, ids: number[]): Promise<Map<number, TagRef[]>> {
  const out = new Map<number, TagRef[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('article_tags as at')
    .innerJoin('tags as t', 't.id', 'at.tag_id')
    .select(['at.article_id', 't.id', 't.slug', 't.name'])
    .where('at.article_id', 'in', ids)
    .orderBy('at.article_id')
    .orderBy('at.position')
    .execute();
  for (const r of rows) {
    const list = out.get(r.article_id) ?? [];
    list.push({ id: r.id, slug: r.slug, name: r.name, url: tagUrl(r.slug) });
    out.set(r.article_id, list);
  }
  return out;
}

/** Tags in id order after `afterId` (keyset pages for the Content API). */
export async function listTagsAfter(db: DB, afterId: number, limit: number): Promise<TagRef[]> {
  const rows = await db
    .selectFrom('tags')
    .select(['id', 'slug', 'name'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((t) => ({ ...t, url: tagUrl(t.slug) }));
}

/** People (authors) in id order after `afterId` (keyset pages for the Content API). */
export async function listPeopleAfter(db: DB, afterId: number, limit: number): Promise<Person[]> {
  const rows = await db
    .selectFrom('people')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((p) => ({ ...p, url: authorUrl(p.slug) }));
}
