import { availableParallelism } from 'node:os';
import type { Kysely } from 'kysely';
import { createArticle, createPerson, setPins } from '../content/commands.ts';
import { publishArticle, touchArticle } from '../content/publication.ts';
import { createSection } from '../content/section-commands.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { reindexSearch } from '../discovery/indexing.ts';
import { rebuildRelatedIndex } from '../discovery/related-bulk.ts';
import { type DomainEvents, EventBus } from '../lib/events.ts';
import type { MediaTarget } from '../media/storage.ts';
import { DEMO_COMMENTS } from './comments.ts';
import { DEMO_PEOPLE } from './people.ts';
import { type DemoPhoto, storeDemoPhoto } from './photos.ts';
import { DEMO_SECTIONS } from './sections.ts';
import { DEMO_STORIES } from './stories.ts';
import type { DemoStory } from './types.ts';

const HOUR = 3_600_000;

/** Demo articles carry `external_id = 'demo:<story key>'`: how a resumed demo knows what exists. */
const DEMO_ID_PREFIX = 'demo:';

export function demoExternalId(storyKey: string): string {
  return `${DEMO_ID_PREFIX}${storyKey}`;
}

/**
 * Where a database stands with the demo newspaper:
 * - `fresh`: no articles at all;
 * - `partial`: only demo articles, but an earlier run stopped before the end;
 * - `complete`: the whole demo is there;
 * - `has-articles`: it has articles of its own, and never gets demo content.
 */
export type DemoState = 'fresh' | 'partial' | 'complete' | 'has-articles';

export async function demoState(db: Db): Promise<DemoState> {
  const k = db.kysely;
  const own = await k
    .selectFrom('articles')
    .select('id')
    .where((eb) =>
      eb.or([eb('external_id', 'is', null), eb('external_id', 'not like', `${DEMO_ID_PREFIX}%`)]),
    )
    .limit(1)
    .executeTakeFirst();
  if (own) return 'has-articles';
  const any = await k.selectFrom('articles').select('id').limit(1).executeTakeFirst();
  if (!any) return 'fresh';
  return (await commentsDone(db.kysely)) ? 'complete' : 'partial';
}

/** True when the database has no articles yet (a fresh install). */
export async function isEmpty(db: Db): Promise<boolean> {
  return (await demoState(db)) === 'fresh';
}

/** The comments go in last, in one transaction: once one is there, the demo is complete. */
async function commentsDone(k: Kysely<Database>): Promise<boolean> {
  const first = DEMO_COMMENTS[0];
  if (!first) return true;
  const row = await k
    .selectFrom('comments')
    .innerJoin('articles', 'articles.id', 'comments.article_id')
    .select('comments.id')
    .where('articles.external_id', '=', demoExternalId(first.story))
    .where('comments.body', '=', first.body)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface SeedOptions {
  now?: number;
  onProgress?: (done: number, total: number) => void;
  limit?: number;
  /** Stops after the story being written when aborted (tests use it to interrupt the demo). */
  signal?: AbortSignal;
  /** How many photos are drawn at once; defaults to the number of cores. */
  concurrency?: number;
}

/**
 * Fills an empty database with the demo newspaper, or completes one that an
 * interrupted run left half done: sections, people, stories with generated
 * photos, pins and a few comments. Never touches a database with articles of
 * its own.
 *
 * Each story (photo row, article, publication, pins) is written in one
 * transaction, keyed by `external_id = 'demo:<key>'`, so an interruption loses
 * at most the story in progress and a rerun skips what exists. Photos are
 * drawn ahead, one per core, while stories are written oldest first; each
 * story's events (search, related articles, page cache) follow its commit.
 * Resuming rebuilds search and related articles in bulk (the same code as
 * `warta reindex`). The comments go in last, which marks the demo complete.
 */
export async function seedDemo(
  db: Db,
  events: EventBus,
  media: MediaTarget,
  opts: SeedOptions = {},
): Promise<{ articles: number; created: number }> {
  const state = await demoState(db);
  if (state === 'has-articles') throw new Error('The database has articles of its own.');
  const k = db.kysely;
  const now = opts.now ?? Date.now();
  const stories = DEMO_STORIES.slice(0, opts.limit ?? DEMO_STORIES.length);
  if (state === 'complete') return { articles: stories.length, created: 0 };

  const { sectionIds, personIds } = await k.transaction().execute(async (tx) => ({
    sectionIds: await ensureSections(tx),
    personIds: await ensurePeople(tx),
  }));

  const articleIds = await existingDemoArticles(k);
  // Oldest first, so ids grow with publication time as they would in a newsroom.
  const ordered = [...stories].sort((a, b) => b.hoursAgo - a.hoursAgo);
  const todo = ordered.filter((s) => !articleIds.has(s.key));
  const stop = new AbortController();
  const photos = drawAhead(todo, media, opts.concurrency ?? availableParallelism(), stop.signal);
  // Listeners read through `db`, not the transaction: announce each story after its commit.
  const later = new Recorder();
  let done = ordered.length - todo.length;
  let created = 0;
  opts.onProgress?.(done, ordered.length);
  try {
    for (const [i, story] of todo.entries()) {
      opts.signal?.throwIfAborted();
      const photo = await (photos[i] as Promise<DemoPhoto>);
      const id = await k
        .transaction()
        .execute((tx) =>
          writeStory(tx, later.bus, story, photo, now, sectionIds, personIds, articleIds),
        );
      await later.replay(events);
      articleIds.set(story.key, id);
      created++;
      opts.onProgress?.(++done, ordered.length);
    }
  } finally {
    // Photos not started yet are skipped; those being drawn finish before anything closes.
    stop.abort();
    await Promise.allSettled(photos);
  }

  if (state === 'partial') {
    // A run killed between a story's commit and its events left the indexes behind.
    await reindexSearch(db);
    await rebuildRelatedIndex(db, { lists: true });
  }

  await k.transaction().execute(async (tx) => {
    for (const c of DEMO_COMMENTS) {
      const articleId = articleIds.get(c.story);
      if (articleId === undefined) continue;
      await tx
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
  });
  return { articles: ordered.length, created };
}

/** Collects the events a transaction announces, to emit them once it has committed. */
class Recorder {
  private events: [keyof DomainEvents, DomainEvents[keyof DomainEvents]][] = [];
  readonly bus = new EventBus();

  constructor() {
    for (const name of ['article.published', 'article.updated'] as const) {
      this.bus.on(name, (payload) => {
        this.events.push([name, payload]);
      });
    }
  }

  async replay(to: EventBus): Promise<void> {
    const events = this.events;
    this.events = [];
    for (const [name, payload] of events) await to.emit(name, payload as never);
  }
}

/**
 * Starts drawing every photo, at most `concurrency` at a time, in order; one
 * promise per story. After `stop`, photos not yet started reject.
 */
function drawAhead(
  stories: DemoStory[],
  media: MediaTarget,
  concurrency: number,
  stop: AbortSignal,
): Promise<DemoPhoto>[] {
  let running = 0;
  const waiting: (() => void)[] = [];
  const slot = async () => {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
  };
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  const promises = stories.map(async (story) => {
    await slot();
    try {
      stop.throwIfAborted();
      return await storeDemoPhoto(media, story.key, story.image.scene);
    } finally {
      release();
    }
  });
  // Rejections are seen when each promise is awaited in turn; none may go unhandled meanwhile.
  for (const p of promises) p.catch(() => {});
  return promises;
}

async function ensureSections(tx: Kysely<Database>): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const existing = await tx.selectFrom('sections').select(['id', 'slug']).execute();
  for (const s of existing) ids.set(s.slug, s.id);
  for (const [position, s] of DEMO_SECTIONS.entries()) {
    if (ids.has(s.slug)) continue;
    ids.set(
      s.slug,
      await createSection(tx, {
        slug: s.slug,
        name: s.name,
        parentSlug: s.parent,
        description: s.description,
        position,
      }),
    );
  }
  return ids;
}

async function ensurePeople(tx: Kysely<Database>): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const existing = await tx.selectFrom('people').select(['id', 'slug']).execute();
  for (const p of existing) ids.set(p.slug, p.id);
  for (const p of DEMO_PEOPLE) if (!ids.has(p.slug)) ids.set(p.slug, await createPerson(tx, p));
  return ids;
}

async function existingDemoArticles(k: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await k
    .selectFrom('articles')
    .select(['id', 'external_id'])
    .where('external_id', 'like', `${DEMO_ID_PREFIX}%`)
    .execute();
  return new Map(rows.map((r) => [(r.external_id ?? '').slice(DEMO_ID_PREFIX.length), r.id]));
}

async function writeStory(
  tx: Kysely<Database>,
  events: EventBus,
  story: DemoStory,
  photo: DemoPhoto,
  now: number,
  sectionIds: Map<string, number>,
  personIds: Map<string, number>,
  articleIds: Map<string, number>,
): Promise<number> {
  const publishedAt = now - story.hoursAgo * HOUR;
  const sectionId = sectionIds.get(story.section);
  if (sectionId === undefined) throw new Error(`Unknown demo section ${story.section}`);
  const media = await tx
    .insertInto('media')
    .values({
      storage_key: photo.storageKey,
      mime: photo.mime,
      width: photo.width,
      height: photo.height,
      bytes: photo.bytes,
      variants: JSON.stringify(photo.variants),
      crops: JSON.stringify(photo.crops),
      caption: story.image.caption,
      credit: story.image.credit,
      alt: story.image.alt,
      focal_x: 0.5,
      focal_y: 0.5,
      created_at: publishedAt - HOUR,
      uploaded_by: null,
      original_name: '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = await createArticle(tx, {
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
      mediaId: media.id,
      caption: story.image.caption,
      credit: story.image.credit,
      alt: story.image.alt,
      archive: story.image.archive,
    },
    createdAt: publishedAt - 2 * HOUR,
  });
  await tx
    .updateTable('articles')
    .set({ external_id: demoExternalId(story.key) })
    .where('id', '=', id)
    .execute();
  await publishArticle(tx, events, id, publishedAt);
  if (story.updatedHoursAgo !== undefined) {
    await touchArticle(tx, events, id, {}, now - story.updatedHoursAgo * HOUR);
  }
  // Pins point at older stories, which are written first.
  const pins = (story.pins ?? []).flatMap((key) => articleIds.get(key) ?? []);
  if (pins.length) await setPins(tx, id, pins);
  return id;
}
