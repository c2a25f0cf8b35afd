import type { VNode } from 'preact';
import type { ArticleSummary } from '../../content/model.ts';
import { Card, DateText, SectionLabel, StoryBox } from './cards.tsx';
import { hasVariants, Picture } from './image.tsx';
import { websiteJsonLd } from './json-ld.ts';
import { Layout } from './layout.tsx';
import type { HomePageProps, MostRead, PageMeta, SiteContext } from './props.ts';

const LEAD_SIZES = '(min-width: 1024px) 720px, calc(100vw - 2rem)';

/** The lead story: big photo (loaded eagerly: it is the page's largest paint), headline, deck. */
function Lead({ ctx, article }: { ctx: SiteContext; article: ArticleSummary }) {
  const img = article.image && hasVariants(article.image) ? article.image : null;
  return (
    <article class="lead">
      {img && (
        <div class="lead-media">
          <Picture img={img} sizes={LEAD_SIZES} eager />
        </div>
      )}
      <SectionLabel section={article.section} />
      <h2 class="lead-title">
        <a href={article.url}>{article.headline}</a>
      </h2>
      {article.deck && <p class="deck">{article.deck}</p>}
      <p class="card-meta">
        <DateText ctx={ctx} ms={article.publishedAt} relative />
      </p>
    </article>
  );
}

function SectionBlock({
  ctx,
  block,
}: {
  ctx: SiteContext;
  block: HomePageProps['sectionBlocks'][number];
}) {
  const { section, articles } = block;
  const titleId = `rubrik-${section.slug}`;
  return (
    <section class="section-block" aria-labelledby={titleId}>
      <h2 id={titleId} class="block-title">
        <a href={section.url}>{section.name}</a>
      </h2>
      <div class="grid4">
        {articles.slice(0, 4).map((a) => (
          <Card
            key={a.id}
            ctx={ctx}
            article={a}
            layout="grid"
            showSection={false}
            showDeck={false}
          />
        ))}
      </div>
      <p class="more">
        <a href={section.url}>{ctx.m.home.more(section.name)} ›</a>
      </p>
    </section>
  );
}

/**
 * "Terpopuler": the most read stories of the last 24 hours and 7 days, five
 * each. A list without views yet is left out rather than shown empty.
 */
export function MostReadBoxes({
  ctx,
  mostRead,
  excludeId,
}: {
  ctx: SiteContext;
  mostRead: MostRead | undefined;
  excludeId?: number;
}) {
  if (!mostRead) return null;
  const keep = (items: MostRead['day']) => items.filter((a) => a.id !== excludeId).slice(0, 5);
  const day = keep(mostRead.day);
  const week = keep(mostRead.week);
  const sameAsDay =
    week.length > 0 && week.every((a, i) => day[i]?.id === a.id) && day.length === week.length;
  return (
    <>
      <StoryBox ctx={ctx} id="most-read-day" title={ctx.m.mostRead.day} items={day} numbered />
      {!sameAsDay && (
        <StoryBox ctx={ctx} id="most-read-week" title={ctx.m.mostRead.week} items={week} numbered />
      )}
    </>
  );
}

/** Head meta for the home page, with WebSite + SearchAction JSON-LD. */
export function homePageMeta(ctx: SiteContext): PageMeta {
  return {
    title: ctx.siteName,
    description: ctx.m.site.homeDescription(ctx.siteName),
    canonicalPath: '/',
    type: 'website',
    jsonLd: websiteJsonLd(ctx),
  };
}

/** The front page: lead with the top stories beside it, "Terbaru", then one block per section. */
export function HomePage(ctx: SiteContext, props: HomePageProps, meta?: Partial<PageMeta>): VNode {
  const m = ctx.m.home;
  return (
    <Layout ctx={ctx} meta={{ ...homePageMeta(ctx), ...meta }}>
      <h1 class="sr-only">{ctx.siteName}</h1>
      {props.lead ? (
        <div class="home-top">
          <Lead ctx={ctx} article={props.lead} />
          {props.top.length > 0 && (
            <section class="top-list" aria-labelledby="top-title">
              <h2 id="top-title" class="sr-only">
                {m.top}
              </h2>
              {props.top.map((a) => (
                <Card key={a.id} ctx={ctx} article={a} showDeck={false} />
              ))}
            </section>
          )}
        </div>
      ) : (
        <p class="empty">{m.empty}</p>
      )}
      <div class="home-grid">
        <aside class="sidebar">
          <StoryBox ctx={ctx} id="latest-title" title={m.latest} items={props.latest} numbered />
          <MostReadBoxes ctx={ctx} mostRead={props.mostRead} />
        </aside>
        <div class="main-col">
          {props.sectionBlocks
            .filter((b) => b.articles.length > 0)
            .map((b) => (
              <SectionBlock key={b.section.id} ctx={ctx} block={b} />
            ))}
        </div>
      </div>
    </Layout>
  );
}
