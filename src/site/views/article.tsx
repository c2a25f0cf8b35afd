import type { VNode } from 'preact';
import type { Article, ArticleSummary } from '../../content/model.ts';
import { type BodyItem, placeInlineRelated } from '../baca-juga.ts';
import { ArticleFooter, ArticleMeta, Breadcrumb, breadcrumbParent } from './article-header.tsx';
import { ArticleBody, bodyForm } from './body.tsx';
import { Card, StoryBox } from './cards.tsx';
import { CommentSection } from './comments.tsx';
import { DrawnOnce } from './drawn-once.ts';
import { MostReadBoxes } from './home.tsx';
import { Figure, hasVariants, largestJpeg } from './image.tsx';
import { articleJsonLd } from './json-ld.ts';
import { Layout } from './layout.tsx';
import type { ArticlePageProps, PageMeta, SiteContext } from './props.ts';
import { ShareBar } from './share.tsx';
import { absoluteUrl } from './urls.ts';

/** "Berita terkait": up to six related stories (then the section's latest) after the article. */
function RelatedGrid({ ctx, items }: { ctx: SiteContext; items: ArticleSummary[] }) {
  if (items.length === 0) return null;
  return (
    <section class="story-box related" aria-labelledby="related-title">
      <h2 id="related-title" class="box-title">
        {ctx.m.article.related}
      </h2>
      <div class="grid4 grid-related">
        {items.slice(0, 6).map((a) => (
          <Card key={a.id} ctx={ctx} article={a} layout="grid" showDeck={false} />
        ))}
      </div>
    </section>
  );
}

/** How many inline "Baca juga" links one article shows at most. */
const MAX_INLINE_RELATED = 3;
/** The featured photo bleeds to the screen edges on phones. */
const FEATURED_SIZES = '(min-width: 1024px) 760px, (min-width: 640px) calc(100vw - 2rem), 100vw';

/** Head meta for an article: SEO title/description, canonical URL, image, NewsArticle JSON-LD. */
export function articlePageMeta(ctx: SiteContext, props: ArticlePageProps): PageMeta {
  const { article } = props;
  return {
    title: article.seoTitle || article.headline,
    description: article.seoDescription || article.deck,
    canonicalPath: article.url,
    image: article.image ? (largestJpeg(article.image) ?? undefined) : undefined,
    type: 'article',
    jsonLd: articleJsonLd(ctx, article),
  };
}

/**
 * The article page in the order of an Indonesian daily: breadcrumb, headline,
 * deck, bylines and dateline, featured photo, body with "Baca juga" links,
 * source and initials, tags, share bar, related stories, comments; the latest
 * stories in a sidebar on wide screens.
 */
export function ArticlePage(
  ctx: SiteContext,
  props: ArticlePageProps,
  meta?: Partial<PageMeta>,
): VNode {
  const { article } = props;
  const items = placeInlineRelated(article.body, props.inlineRelated, {
    selfId: article.id,
    max: MAX_INLINE_RELATED,
    placed: props.placedRelated,
  });
  const more = props.moreFromSection.filter((a) => a.id !== article.id);
  return (
    <Layout ctx={ctx} meta={{ ...articlePageMeta(ctx, props), ...meta }}>
      <div class="with-sidebar">
        <div class="main-col">
          <Story ctx={ctx} article={article} items={items} commentCount={props.comments.length} />
          <RelatedGrid ctx={ctx} items={more} />
          <CommentSection
            ctx={ctx}
            comments={props.comments}
            open={article.commentsOpen}
            action={`${article.url}/komentar`}
            box={props.commentBox}
          />
        </div>
        <aside class="sidebar">
          <StoryBox
            ctx={ctx}
            id="latest-title"
            title={ctx.m.article.latest}
            items={props.latest.filter((a) => a.id !== article.id)}
            numbered
          />
          <MostReadBoxes ctx={ctx} mostRead={props.mostRead} excludeId={article.id} />
        </aside>
      </div>
    </Layout>
  );
}

interface StoryProps {
  ctx: SiteContext;
  article: Article;
  items: BodyItem[];
  /** Approved comments, counted in the byline row. */
  commentCount: number;
}

/**
 * Stories already rendered, by article and by what else shows in them: the
 * body's form (language, zone, site name and address, the placed "Baca juga"
 * links), the breadcrumb's parent section and the comment count. The read
 * cache hands out the same article object until the story changes, so the
 * readers of a busy story share one rendering of it (a sixth of an uncached
 * article page's time, measured); an edit makes a new object, and a newly
 * approved comment a new form.
 */
const renderedStories = new DrawnOnce<Article>();

/** The story: header, featured photo, body, credits and tags, share bar. */
function Story(props: StoryProps) {
  const { ctx, article, items, commentCount } = props;
  const parent = breadcrumbParent(ctx, article);
  const form = `${bodyForm(ctx, items)}\n${parent?.url} ${parent?.name}\n${commentCount}`;
  const inner = renderedStories.html(article, form, () => <StoryInside {...props} />);
  // preact's own escaped rendering of StoryInside, kept
  return <article class="article" dangerouslySetInnerHTML={{ __html: inner }} />;
}

function StoryInside({ ctx, article, items, commentCount }: StoryProps) {
  const featured = article.image && hasVariants(article.image) ? article.image : null;
  return (
    <>
      <header class="article-header">
        <Breadcrumb ctx={ctx} article={article} />
        <h1 class="headline">{article.headline}</h1>
        {article.deck && <p class="deck">{article.deck}</p>}
        <ArticleMeta ctx={ctx} article={article} commentCount={commentCount} />
      </header>
      {featured && (
        <Figure ctx={ctx} img={featured} sizes={FEATURED_SIZES} eager class="figure featured" />
      )}
      <ArticleBody ctx={ctx} article={article} items={items} />
      <ArticleFooter ctx={ctx} article={article} />
      <ShareBar ctx={ctx} url={absoluteUrl(ctx.siteUrl, article.url)} headline={article.headline} />
    </>
  );
}
