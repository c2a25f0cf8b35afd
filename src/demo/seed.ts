import {
  createArticle,
  createPerson,
  createSection,
  publishArticle,
  setPins,
  touchArticle,
} from '../content/commands.ts';
import type { Db } from '../db/connection.ts';
import type { EventBus } from '../lib/events.ts';
import { addImage } from '../media/library.ts';
import { DEMO_COMMENTS } from './comments.ts';
import { renderDemoPhoto } from './images.ts';
import { DEMO_PEOPLE } from './people.ts';
import { DEMO_SECTIONS } from './sections.ts';
import { DEMO_STORIES } from './stories.ts';

const HOUR = 3_600_000;

/** True when the database has no articles yet (a fresh install). */
export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.kysely.selectFrom('articles').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Fills an empty database with the demo newspaper: sections, people, stories
 * with generated photos, pins and a few comments. Publishing goes through the
 * same commands (and events) the newsroom uses.
 */
export async function seedDemo(
  db: Db,
  events: EventBus,
  mediaDir: string,
  opts: { now?: number; onProgress?: (done: number, total: number) => void; limit?: number } = {},
): Promise<{ articles: number }> {
  const k = db.kysely;
  const now = opts.now ?? Date.now();
  const stories = DEMO_STORIES.slice(0, opts.limit ?? DEMO_STORIES.length);
  const sectionIds = new Map<string, number>();
  for (const [position, s] of DEMO_SECTIONS.entries()) {
    sectionIds.set(
      s.slug,
      await createSection(k, {
        slug: s.slug,
        name: s.name,
        parentSlug: s.parent,
        description: s.description,
        position,
      }),
    );
  }
  const personIds = new Map<string, number>();
  for (const p of DEMO_PEOPLE) personIds.set(p.slug, await createPerson(k, p));

  const articleIds = new Map<string, number>();
  // Oldest first, so ids grow with publication time as they would in a newsroom.
  const ordered = [...stories].sort((a, b) => b.hoursAgo - a.hoursAgo);
  for (const [i, story] of ordered.entries()) {
    const publishedAt = now - story.hoursAgo * HOUR;
    const photo = await renderDemoPhoto(story.image.scene, story.key);
    const mediaId = await addImage(
      k,
      mediaDir,
      photo,
      {
        caption: story.image.caption,
        credit: story.image.credit,
        alt: story.image.alt,
      },
      publishedAt - HOUR,
    );
    const sectionId = sectionIds.get(story.section);
    if (sectionId === undefined) throw new Error(`Unknown demo section ${story.section}`);
    const id = await createArticle(k, {
      headline: story.headline,
      deck: story.deck,
      sectionId,
      body: story.blocks,
      dateline: story.dateline,
      sourceCredit: story.source ?? '',
      bylineInitials: story.initials,
      tagNames: story.tags,
      personIds: story.bylines.flatMap((slug) => personIds.get(slug) ?? []),
      featured: {
        mediaId,
        caption: story.image.caption,
        credit: story.image.credit,
        alt: story.image.alt,
        archive: story.image.archive,
      },
      createdAt: publishedAt - 2 * HOUR,
    });
    await publishArticle(k, events, id, publishedAt);
    if (story.updatedHoursAgo !== undefined) {
      await touchArticle(k, events, id, {}, now - story.updatedHoursAgo * HOUR);
    }
    articleIds.set(story.key, id);
    opts.onProgress?.(i + 1, ordered.length);
  }

  for (const story of stories) {
    const id = articleIds.get(story.key);
    const pins = (story.pins ?? []).flatMap((key) => articleIds.get(key) ?? []);
    if (id !== undefined && pins.length) await setPins(k, id, pins);
  }

  for (const c of DEMO_COMMENTS) {
    const articleId = articleIds.get(c.story);
    if (articleId === undefined) continue;
    await k
      .insertInto('comments')
      .values({
        article_id: articleId,
        parent_id: null,
        author_name: c.name,
        body: c.body,
        status: 'approved',
        created_at: now - c.hoursAgo * HOUR,
      })
      .execute();
  }
  return { articles: ordered.length };
}
