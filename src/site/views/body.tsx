import type { ComponentChildren } from 'preact';
import type { Block, EmbedBlock, TextRun } from '../../content/blocks.ts';
import { sanitizeHtmlBlock } from '../../content/html-block.ts';
import type { Article } from '../../content/model.ts';
import type { BodyItem, InlineRelated } from '../baca-juga.ts';
import { DrawnOnce } from './drawn-once.ts';
import { Figure } from './image.tsx';
import type { SiteContext } from './props.ts';
import { safeHref } from './urls.ts';

/** Image `sizes` for pictures in the article column (max ~760px beside the sidebar). */
export const ARTICLE_SIZES = '(min-width: 1024px) 760px, calc(100vw - 2rem)';

/** One text run: bold/italic marks, and a link only when its href is http(s) or relative. */
function Run({ run }: { run: TextRun }) {
  const marks = run.marks ?? [];
  let node: ComponentChildren = run.text;
  if (marks.includes('italic')) node = <em>{node}</em>;
  if (marks.includes('bold')) node = <strong>{node}</strong>;
  const href = marks.includes('link') ? safeHref(run.href) : null;
  if (href) {
    node = (
      <a href={href} rel="noopener">
        {node}
      </a>
    );
  }
  return <>{node}</>;
}

/** A sequence of runs. */
export function Runs({ runs }: { runs: TextRun[] }) {
  return (
    <>
      {runs.map((run, i) => (
        <Run key={i} run={run} />
      ))}
    </>
  );
}

/** "DENPASAR, WARTA –": place in capitals and the outlet's name, before the first paragraph. */
export function Dateline({ ctx, place }: { ctx: SiteContext; place: string }) {
  return (
    <strong class="dateline">
      {place.toLocaleUpperCase('id-ID')}, {ctx.siteName.toLocaleUpperCase('id-ID')} –
    </strong>
  );
}

function Embed({ ctx, block }: { ctx: SiteContext; block: EmbedBlock }) {
  const provider = ctx.m.embedProviders[block.provider] ?? block.provider;
  const href = safeHref(block.url);
  const label = ctx.m.article.embedOpen(provider);
  return (
    <figure class={`embed embed-${block.provider}`}>
      {href ? (
        <a class="embed-link" href={href} rel="noopener noreferrer" target="_blank">
          <span class="embed-provider">{label}</span>
          {block.title && <span class="embed-title">{block.title}</span>}
        </a>
      ) : (
        <p class="embed-link">
          <span class="embed-provider">{provider}</span>
          {block.title && <span class="embed-title">{block.title}</span>}
        </p>
      )}
      <figcaption class="embed-note">{ctx.m.article.embedNote}</figcaption>
    </figure>
  );
}

/** Renders one structured block; unknown or broken blocks render nothing. */
export function BlockView({
  ctx,
  article,
  block,
  dateline,
}: {
  ctx: SiteContext;
  article: Article;
  block: Block;
  /** Dateline place to put before this paragraph's text (the first paragraph only). */
  dateline?: string;
}) {
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          {dateline && (
            <>
              <Dateline ctx={ctx} place={dateline} />{' '}
            </>
          )}
          <Runs runs={block.content} />
        </p>
      );
    case 'heading':
      return block.level === 3 ? <h3>{block.text}</h3> : <h2>{block.text}</h2>;
    case 'quote':
      return (
        <blockquote>
          <p>{block.text}</p>
          {block.cite && <cite>{block.cite}</cite>}
        </blockquote>
      );
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul';
      return (
        <List>
          {block.items.map((runs, i) => (
            <li key={i}>
              <Runs runs={runs} />
            </li>
          ))}
        </List>
      );
    }
    case 'image': {
      const img = article.bodyImages[block.mediaId];
      if (!img) return null;
      return (
        <Figure
          ctx={ctx}
          img={img}
          sizes={ARTICLE_SIZES}
          caption={block.caption}
          credit={block.credit}
          alt={block.alt}
          class="figure body-figure"
        />
      );
    }
    case 'embed':
      return <Embed ctx={ctx} block={block} />;
    case 'html':
      // Stored sanitised; cleaned again here (defence in depth) so nothing else can reach the page.
      return (
        <div
          class="html-block"
          dangerouslySetInnerHTML={{ __html: sanitizeHtmlBlock(block.html) }}
        />
      );
    default:
      return null;
  }
}

/** An inline "Baca juga" link between paragraphs. */
export function ReadAlso({ ctx, item }: { ctx: SiteContext; item: InlineRelated }) {
  return (
    <aside class="baca-juga">
      <strong>{ctx.m.article.readAlso}</strong> <a href={item.url}>{item.headline}</a>
    </aside>
  );
}

/**
 * Article bodies already rendered, by article and by what else shows in them
 * (the placed "Baca juga" links, the site's name in the dateline, language
 * and zone). The read cache hands out the same article object until it
 * changes, and the body is the largest part of an article page.
 */
const renderedBodies = new DrawnOnce<Article>();

/** What a rendered body depends on besides its article: the site, language, zone and placed links. */
export function bodyForm(ctx: SiteContext, items: BodyItem[]): string {
  const links = items.map((it) =>
    it.kind === 'related' ? `${it.item.id} ${it.item.url} ${it.item.headline}` : '',
  );
  return [ctx.lang, ctx.zone, ctx.siteName, ctx.siteUrl, ...links].join('\n');
}

/**
 * The article body from placed items: blocks in order with the "Baca juga"
 * asides between them. The dateline goes before the first paragraph's text; a
 * body without paragraphs gets the dateline as its own first line.
 */
export function ArticleBody(props: { ctx: SiteContext; article: Article; items: BodyItem[] }) {
  const { ctx, article, items } = props;
  const inner = renderedBodies.html(article, bodyForm(ctx, items), () => <BodyInside {...props} />);
  // preact's own escaped rendering of BodyInside, kept
  return <div class="article-body" dangerouslySetInnerHTML={{ __html: inner }} />;
}

function BodyInside({
  ctx,
  article,
  items,
}: {
  ctx: SiteContext;
  article: Article;
  items: BodyItem[];
}) {
  const place = article.dateline.trim();
  const firstParagraph = items.findIndex(
    (it) => it.kind === 'block' && it.block.type === 'paragraph',
  );
  return (
    <>
      {place && firstParagraph < 0 && (
        <p>
          <Dateline ctx={ctx} place={place} />
        </p>
      )}
      {items.map((it, i) =>
        it.kind === 'related' ? (
          <ReadAlso key={`r${it.item.id}`} ctx={ctx} item={it.item} />
        ) : (
          <BlockView
            key={`b${it.index}`}
            ctx={ctx}
            article={article}
            block={it.block}
            dateline={i === firstParagraph && place ? place : undefined}
          />
        ),
      )}
    </>
  );
}
