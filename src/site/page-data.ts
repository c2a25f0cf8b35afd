import type { Kysely } from 'kysely';
import { approvedComments } from '../comments/queries.ts';
import type { Article, ArticleSummary, Section } from '../content/model.ts';
import { listPublished, sameTopicIds, summariesByIds } from '../content/queries.ts';
import type { Database } from '../db/schema.ts';
import { mostReadLists } from '../discovery/most-read.ts';
import { headlineOverlap, NEAR_DUPLICATE_HEADLINE } from '../discovery/related.ts';
import { relatedIds } from '../discovery/related-store.ts';
import { analyze } from '../discovery/text.ts';
import { placeInlineRelated } from './baca-juga.ts';
import type { ArticlePageProps, HomePageProps } from './views/props.ts';

type DB = Kysely<Database>;

/** How many related stories the end-of-article list shows. */
const RELATED_LIST_SIZE = 6;
/** The first candidates are meant for the inline "Baca juga" slots. */
const INLINE_SLOTS = 3;

/** Drops stories whose headline nearly repeats the article's or an earlier one's. */
function withoutNearDuplicates(article: Article, items: ArticleSummary[]): ArticleSummary[] {
  const kept: { item: ArticleSummary; words: string[] }[] = [];
  const own = analyze(article.headline);
  for (const item of items) {
    const words = analyze(item.headline);
    if (item.id === article.id || headlineOverlap(own, words) >= NEAR_DUPLICATE_HEADLINE) continue;
    if (kept.some((k) => headlineOverlap(k.words, words) >= NEAR_DUPLICATE_HEADLINE)) continue;
    kept.push({ item, words });
  }
  return kept.map((k) => k.item);
}

/**
 * Everything around an article on its page: "Baca juga" candidates (editors'
 * pins first, then the related articles computed at publication), the
 * "Berita terkait" list of six (related stories not placed inline, then the
 * section's latest), the latest stories, the most read and approved comments.
 */
export async function loadArticlePage(
  db: DB,
  article: Article,
  now: number,
): Promise<ArticlePageProps> {
  // Articles not indexed yet (published before the related index existed, or
  // without the app's event bus) fall back to same-section/tag stories.
  const stored = await relatedIds(db, article.id);
  const computed = stored.length
    ? stored
    : await sameTopicIds(db, article, now, INLINE_SLOTS + RELATED_LIST_SIZE);
  const candidateIds = [...new Set([...article.pinnedIds, ...computed])];
  const [found, fromSection, latest, comments, mostRead] = await Promise.all([
    summariesByIds(db, candidateIds, now),
    listPublished(
      db,
      { sectionIds: [article.section.id], excludeIds: [article.id, ...candidateIds] },
      { now, pageSize: RELATED_LIST_SIZE, count: false },
    ),
    listPublished(db, { excludeIds: [article.id] }, { now, pageSize: 5, count: false }),
    approvedComments(db, article.id),
    mostReadLists(db, now),
  ]);
  const candidates = withoutNearDuplicates(article, found);
  const inlineRelated = candidates.map((a) => ({ id: a.id, headline: a.headline, url: a.url }));
  // The view places the inline links by the same rules; the rest go to the list below.
  const placed = new Set(
    placeInlineRelated(article.body, inlineRelated, {
      selfId: article.id,
      max: INLINE_SLOTS,
    }).flatMap((b) => (b.kind === 'related' ? [b.item.id] : [])),
  );
  return {
    article,
    inlineRelated,
    moreFromSection: [...candidates.filter((a) => !placed.has(a.id)), ...fromSection.items].slice(
      0,
      RELATED_LIST_SIZE,
    ),
    latest: latest.items,
    comments,
    mostRead,
  };
}

/**
 * The front page: the newest story with a photo as the lead, four top stories,
 * the latest list, and one block per top-level section without repeats.
 */
export async function loadHomePage(db: DB, nav: Section[], now: number): Promise<HomePageProps> {
  const front = (await listPublished(db, {}, { now, pageSize: 15, count: false })).items;
  const lead = front.find((a) => a.image) ?? front[0] ?? null;
  const rest = front.filter((a) => a !== lead);
  const top = rest.slice(0, 4);
  const shown = [lead, ...top].flatMap((a) => (a ? [a.id] : []));
  const sectionBlocks = await Promise.all(
    nav.map(async (section) => ({
      section,
      articles: (
        await listPublished(
          db,
          { sectionIds: [section.id, ...section.children.map((s) => s.id)], excludeIds: shown },
          { now, pageSize: 4, count: false },
        )
      ).items as ArticleSummary[],
    })),
  );
  return {
    lead,
    top,
    latest: rest.slice(4, 14),
    sectionBlocks: sectionBlocks.filter((b) => b.articles.length > 0),
    mostRead: await mostReadLists(db, now),
  };
}
