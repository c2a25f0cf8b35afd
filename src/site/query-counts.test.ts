import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePerson, makeSection, publishedArticle } from '../../test/factories.ts';
import { DIALECTS, type TestApp, testApp } from '../../test/helpers.ts';
import { forgetReads } from '../db/write-generation.ts';
import { forgetMostRead } from '../discovery/most-read.ts';
import { localDateParts } from '../lib/time.ts';

/**
 * The SQL statements each public page makes, counted by openDb's `onQuery`.
 * `cold`: the first request after every in-memory read was dropped (what the
 * page costs after an edit); `warm`: the next request. A page over its budget
 * fails (a query added to the page, or one added in a loop); the counts must
 * not grow with the number of articles on the page. Every cold request also
 * reads the site settings once (migration 013; held in memory for a second).
 */
const BUDGET: Record<string, { cold: number; warm: number }> = {
  // sections, the front list and one per top-level section, their bylines, most read (day, week)
  // +1 for the pinned lead story (home_lead, migration 012).
  home: { cold: 8, warm: 0 },
  // count, page, bylines (the section list is held in memory)
  section: { cold: 5, warm: 3 },
  tag: { cold: 6, warm: 4 },
  author: { cold: 6, warm: 4 },
  archiveDay: { cold: 5, warm: 3 },
  // article, bylines, tags, pins, related ids, three lists, their bylines, comments,
  // most read (2), sections, comment settings; nothing when warm
  article: { cold: 15, warm: 0 },
  feed: { cold: 4, warm: 3 },
  // +1 cold: the news sitemap's exclusions (migration 017), held in memory when warm.
  sitemap: { cold: 5, warm: 3 },
};
/** Search reads its own index, which differs by dialect. */
const SEARCH_BUDGET = { sqlite: { cold: 8, warm: 6 }, postgres: { cold: 6, warm: 4 } };

const HOUR = 3_600_000;

describe.each(DIALECTS)('SQL statements per public page (%s)', (dialect) => {
  let app: TestApp;
  let statements: string[] = [];
  let pages: Record<string, string>;
  let section: { id: number; slug: string };
  let child: { id: number; slug: string };
  let person: { id: number; slug: string };
  const base = Date.now() - 30 * HOUR;

  /** Adds `n` articles in the child section, all on the same local day. */
  async function addArticles(n: number, from: number) {
    for (let i = 0; i < n; i++) {
      await publishedArticle(
        app.db,
        child.id,
        { tagNames: ['Subak', 'Kekeringan'], personIds: [person.id] },
        base + (from + i) * 60_000,
        app.events,
      );
    }
  }

  /** Statements of a cold and of a warm request for each page. */
  async function countAll(): Promise<Record<string, { cold: number; warm: number }>> {
    const out: Record<string, { cold: number; warm: number }> = {};
    for (const [name, url] of Object.entries(pages)) {
      forgetReads(app.db.kysely);
      forgetMostRead(app.db.kysely);
      const counts = [];
      for (let i = 0; i < 2; i++) {
        statements = [];
        const res = await app.server.inject({ url });
        expect(res.statusCode, `${name} ${url}`).toBe(200);
        counts.push(statements.length);
      }
      out[name] = { cold: counts[0] ?? -1, warm: counts[1] ?? -1 };
    }
    return out;
  }

  beforeAll(async () => {
    app = await testApp(dialect, {}, { onQuery: (sql) => statements.push(sql) });
    section = await makeSection(app.db, 'Daerah');
    child = await makeSection(app.db, 'Bali', section.slug);
    person = await makePerson(app.db, 'Ni Luh Uji');
    await addArticles(8, 0);
    const first = await app.server.inject({ url: `/${child.slug}` });
    const articleUrl = /href="(\/[a-z0-9-]+\/\d+\/[a-z0-9-]+)"/.exec(first.body)?.[1] ?? '';
    const day = localDateParts(base, app.config.timeZone);
    const pad = (n: number) => String(n).padStart(2, '0');
    pages = {
      home: '/',
      section: `/${section.slug}`,
      tag: '/tag/subak',
      author: `/penulis/${person.slug}`,
      archiveDay: `/arsip/${day.year}/${pad(day.month)}/${pad(day.day)}`,
      article: articleUrl,
      search: '/cari?q=jalan+desa',
      feed: '/feed',
      sitemap: '/sitemap-news.xml',
    };
  });
  afterAll(() => app?.dispose());

  it('each page stays within its recorded count, and none grows with the articles listed', async () => {
    await countAll(); // one-time work (the search index's first sweep) out of the way
    const few = await countAll();
    await addArticles(8, 10);
    const more = await countAll();
    expect(more).toEqual(few);
    const budget: Record<string, { cold: number; warm: number }> = {
      ...BUDGET,
      search: SEARCH_BUDGET[dialect],
    };
    for (const [name, count] of Object.entries(few)) {
      expect(count.cold, `${name} cold`).toBeLessThanOrEqual(budget[name]?.cold ?? 0);
      expect(count.warm, `${name} warm`).toBeLessThanOrEqual(budget[name]?.warm ?? 0);
    }
  });
});
