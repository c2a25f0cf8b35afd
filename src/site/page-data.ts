import type { Kysely } from 'kysely';
import type { Article, ArticleSummary, Section } from '../content/model.ts';
import {
  approvedComments,
  listPublished,
  sameTopicIds,
  summariesByIds,
} from '../content/queries.ts';
import type { Database } from '../db/schema.ts';
import type { ArticlePageProps, HomePageProps } from './views/props.ts';

type DB = Kysely<Database>;

/** How many related stories the end-of-article list shows. */
const RELATED_LIST_SIZE = 6;
/** The first candidates are meant for the inline "Baca juga" slots. */
const INLINE_SLOTS = 3;

/**
 * Everything around an article on its page: "Baca juga" candidates (editors'
 * pins first, then same-topic stories), the "Berita terkait" list, the latest
 * stories and approved comments.
 */
export async function loadArticlePage(
  db: DB,
  article: Article,
  now: number,
): Promise<ArticlePageProps> {
  const topicIds = await sameTopicIds(db, article, now, INLINE_SLOTS + RELATED_LIST_SIZE);
  const candidateIds = [...new Set([...article.pinnedIds, ...topicIds])];
  const [candidates, fromSection, latest, comments] = await Promise.all([
    summariesByIds(db, candidateIds, now),
    listPublished(
      db,
      { sectionIds: [article.section.id], excludeIds: [article.id, ...candidateIds] },
      { now, pageSize: RELATED_LIST_SIZE, count: false },
    ),
    listPublished(db, { excludeIds: [article.id] }, { now, pageSize: 5, count: false }),
    approvedComments(db, article.id),
  ]);
  return {
    article,
    inlineRelated: candidates.map((a) => ({ id: a.id, headline: a.headline, url: a.url })),
    moreFromSection: [...candidates.slice(INLINE_SLOTS), ...fromSection.items].slice(
      0,
      RELATED_LIST_SIZE,
    ),
    latest: latest.items,
    comments,
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
  };
}
