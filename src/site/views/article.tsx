import type { VNode } from 'preact';
import type { ArticleSummary } from '../../content/model.ts';
import { placeInlineRelated } from '../baca-juga.ts';
import { ArticleFooter, ArticleMeta, Breadcrumb } from './article-header.tsx';
import { ArticleBody } from './body.tsx';
import { Card, StoryBox } from './cards.tsx';
import { CommentSection } from './comments.tsx';
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
  const url = absoluteUrl(ctx.siteUrl, article.url);
  const items = placeInlineRelated(article.body, props.inlineRelated, {
    selfId: article.id,
    max: MAX_INLINE_RELATED,
    placed: props.placedRelated,
  });
  const more = props.moreFromSection.filter((a) => a.id !== article.id);
  const featured = article.image && hasVariants(article.image) ? article.image : null;
  return (
    <Layout ctx={ctx} meta={{ ...articlePageMeta(ctx, props), ...meta }}>
      <div class="with-sidebar">
        <div class="main-col">
          <article class="article">
            <header class="article-header">
              <Breadcrumb ctx={ctx} article={article} />
              <h1 class="headline">{article.headline}</h1>
              {article.deck && <p class="deck">{article.deck}</p>}
              <ArticleMeta ctx={ctx} article={article} commentCount={props.comments.length} />
            </header>
            {featured && (
              <Figure
                ctx={ctx}
                img={featured}
                sizes={FEATURED_SIZES}
                eager
                class="figure featured"
              />
            )}
            <ArticleBody ctx={ctx} article={article} items={items} />
            <ArticleFooter ctx={ctx} article={article} />
            <ShareBar ctx={ctx} url={url} headline={article.headline} />
          </article>
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
