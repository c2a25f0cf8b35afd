import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb, type TestDb } from '../../test/helpers.ts';
import { createArticle } from '../content/commands.ts';
import { createSection } from '../content/section-commands.ts';
import { EventBus } from '../lib/events.ts';
import { DEMO_COMMENTS } from './comments.ts';
import { demoState, seedDemo } from './seed.ts';
import { DEMO_STORIES } from './stories.ts';

describe.each(DIALECTS)('demo newspaper on %s', (dialect) => {
  let t: TestDb | undefined;
  let mediaDir: string | undefined;

  afterEach(async () => {
    await t?.dispose();
    t = undefined;
    if (mediaDir) rmSync(mediaDir, { recursive: true, force: true });
    mediaDir = undefined;
  });

  async function counts() {
    if (!t) throw new Error('no database');
    const k = t.db.kysely;
    const n = async (table: 'articles' | 'media' | 'comments' | 'sections' | 'people') =>
      Number(
        (
          await k
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const slugs = await k.selectFrom('articles').select('slug').execute();
    return {
      articles: await n('articles'),
      distinctSlugs: new Set(slugs.map((r) => r.slug)).size,
      media: await n('media'),
      comments: await n('comments'),
      sections: await n('sections'),
      people: await n('people'),
    };
  }

  it('completes an interrupted demo to exactly the whole paper, without duplicates', async () => {
    mediaDir = mkdtempSync(join(tmpdir(), 'warta-demo-'));
    t = await freshDb(dialect);
    const stop = new AbortController();
    const first = seedDemo(t.db, new EventBus(), mediaDir, {
      onProgress: (done) => {
        if (done === 5) stop.abort();
      },
      signal: stop.signal,
    });
    await expect(first).rejects.toThrow();
    expect(await demoState(t.db)).toBe('partial');
    const half = await counts();
    expect(half.articles).toBe(5);
    expect(half.media).toBe(5);
    expect(half.comments).toBe(0);

    const second = await seedDemo(t.db, new EventBus(), mediaDir);
    expect(second).toEqual({ articles: DEMO_STORIES.length, created: DEMO_STORIES.length - 5 });
    expect(await demoState(t.db)).toBe('complete');
    const whole = await counts();
    expect(whole.articles).toBe(DEMO_STORIES.length);
    expect(whole.distinctSlugs).toBe(DEMO_STORIES.length);
    expect(whole.media).toBe(DEMO_STORIES.length);
    expect(whole.comments).toBe(DEMO_COMMENTS.length);
    expect(readdirSync(mediaDir)).toHaveLength(DEMO_STORIES.length);

    // Search and related articles cover every story, the resumed ones included.
    const indexed = await sql<{ n: number }>`SELECT count(*) AS n FROM search_docs`.execute(
      t.db.kysely,
    );
    expect(Number(indexed.rows[0]?.n)).toBe(DEMO_STORIES.length);

    // A third run finds nothing to do.
    expect(await seedDemo(t.db, new EventBus(), mediaDir)).toEqual({
      articles: DEMO_STORIES.length,
      created: 0,
    });
    expect(await counts()).toEqual(whole);
  }, 300_000);

  it('never adds demo content to a database with articles of its own', async () => {
    mediaDir = mkdtempSync(join(tmpdir(), 'warta-demo-'));
    t = await freshDb(dialect);
    const sectionId = await createSection(t.db.kysely, { slug: 'kota', name: 'Kota' });
    await createArticle(t.db.kysely, { headline: 'Berita kami sendiri', sectionId, body: [] });
    expect(await demoState(t.db)).toBe('has-articles');
    await expect(seedDemo(t.db, new EventBus(), mediaDir)).rejects.toThrow(/of its own/);
    const c = await counts();
    expect([c.articles, c.media, c.people]).toEqual([1, 0, 0]);
    expect(readdirSync(mediaDir)).toEqual([]);
  });
});
