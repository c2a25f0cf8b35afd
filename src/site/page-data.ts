import type { Kysely } from 'kysely';
import { approvedComments } from '../comments/queries.ts';
import { homeLeadId } from '../content/home-lead.ts';
import type { Article, ArticleSummary, Section } from '../content/model.ts';
import { sameTopicIds, summaryBatch } from '../content/queries.ts';
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
/** Stories per section block on the front page. */
const SECTION_BLOCK_SIZE = 4;
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

/** An article page's data except comments and most read (those change on their own). */
export type ArticleSurroundings = Omit<ArticlePageProps, 'comments' | 'mostRead' | 'commentBox'>;

/**
 * Everything around an article on its page that only an edit changes:
 * "Baca juga" candidates (editors' pins first, then the related articles
 * computed at publication), the "Berita terkait" list of six (related stories
 * not placed inline, then the section's latest) and the latest stories.
 */
export async function loadArticleSurroundings(
  db: DB,
  article: Article,
  now: number,
): Promise<ArticleSurroundings> {
  // Articles not indexed yet (published before the related index existed, or
  // without the app's event bus) fall back to same-section/tag stories.
  const stored = await relatedIds(db, article.id);
  const computed = stored.length
    ? stored
    : await sameTopicIds(db, article, now, INLINE_SLOTS + RELATED_LIST_SIZE);
  const candidateIds = [...new Set([...article.pinnedIds, ...computed])];
  const placedIds = article.body.flatMap((b) => (b.type === 'related' ? [b.articleId] : []));
  const {
    byIds: foundAll,
    lists: [fromSection = [], latest = []],
  } = await summaryBatch(db, {
    byIds: [...new Set([...candidateIds, ...placedIds])],
    lists: [
      {
        filter: { sectionIds: [article.section.id], excludeIds: [article.id, ...candidateIds] },
        pageSize: RELATED_LIST_SIZE,
      },
      { filter: { excludeIds: [article.id] }, pageSize: 5 },
    ],
    now,
  });
  const linkOf = (a: ArticleSummary) => ({ id: a.id, headline: a.headline, url: a.url });
  // Only visible articles come back: a placed link to any other renders nothing.
  const placedRelated = foundAll.filter((a) => placedIds.includes(a.id)).map(linkOf);
  const found = foundAll.filter((a) => candidateIds.includes(a.id));
  const candidates = withoutNearDuplicates(article, found);
  const inlineRelated = candidates.map(linkOf);
  // The view places the inline links by the same rules; the rest go to the list below.
  const placed = new Set(
    placeInlineRelated(article.body, inlineRelated, {
      selfId: article.id,
      max: INLINE_SLOTS,
      placed: placedRelated,
    }).flatMap((b) => (b.kind === 'related' ? [b.item.id] : [])),
  );
  return {
    article,
    inlineRelated,
    placedRelated,
    moreFromSection: [...candidates.filter((a) => !placed.has(a.id)), ...fromSection].slice(
      0,
      RELATED_LIST_SIZE,
    ),
    latest,
  };
}

/**
 * Everything around an article on its page: the surroundings above, the
 * approved comments and the most read.
 */
export async function loadArticlePage(
  db: DB,
  article: Article,
  now: number,
): Promise<ArticlePageProps> {
  const [around, comments, mostRead] = await Promise.all([
    loadArticleSurroundings(db, article, now),
    approvedComments(db, article.id),
    mostReadLists(db, now),
  ]);
  return { ...around, comments, mostRead };
}

/**
 * The front page: the newest story with a photo as the lead, four top stories,
 * the latest list, and one block per top-level section without repeats.
 */
export async function loadHomePage(
  db: DB,
  nav: Section[],
  now: number,
  mostRead: (db: DB, now: number) => Promise<HomePageProps['mostRead']> = mostReadLists,
): Promise<HomePageProps> {
  // The front list and every section's newest, fetched together: a section's
  // block drops what the lead and top stories show (at most 5), so 4 + 5 rows
  // per section always leave its 4 if it has them.
  // The pinned lead ("Berita utama") only counts while readers can see it.
  const pinnedId = await homeLeadId(db);
  const {
    byIds: [pinned],
    lists: [front = [], ...perSection],
  } = await summaryBatch(db, {
    byIds: pinnedId === null ? [] : [pinnedId],
    lists: [
      { filter: {}, pageSize: 15 },
      ...nav.map((section) => ({
        filter: { sectionIds: [section.id, ...section.children.map((s) => s.id)] },
        pageSize: SECTION_BLOCK_SIZE + 5,
      })),
    ],
    now,
  });
  const lead = pinned ?? front.find((a) => a.image) ?? front[0] ?? null;
  const rest = front.filter((a) => a.id !== lead?.id);
  const top = rest.slice(0, 4);
  const shown = new Set([lead, ...top].flatMap((a) => (a ? [a.id] : [])));
  const sectionBlocks = nav.map((section, i) => ({
    section,
    articles: (perSection[i] ?? [])
      .filter((a) => !shown.has(a.id))
      .slice(0, SECTION_BLOCK_SIZE) as ArticleSummary[],
  }));
  return {
    lead,
    top,
    latest: rest.slice(4, 14),
    sectionBlocks: sectionBlocks.filter((b) => b.articles.length > 0),
    mostRead: await mostRead(db, now),
  };
}
