import type { ArticleSummary, SectionRef } from '../../content/model.ts';
import { formatRelative, formatShortDate, isoInZone } from '../../lib/time.ts';
import { DrawnOnce } from './drawn-once.ts';
import { hasVariants, Picture } from './image.tsx';
import type { SiteContext } from './props.ts';

/** `<time>` with a machine-readable datetime; relative ("3 jam lalu") or a short date. */
export function DateText({
  ctx,
  ms,
  relative = false,
}: {
  ctx: SiteContext;
  ms: number;
  relative?: boolean;
}) {
  const text = relative
    ? formatRelative(ms, ctx.now, ctx.lang, ctx.zone)
    : formatShortDate(ms, ctx.zone, ctx.lang);
  return <time datetime={isoInZone(ms, ctx.zone)}>{text}</time>;
}

/** Image `sizes` for cards in the lists and grids of this stylesheet. */
export const CARD_SIZES = {
  row: '(min-width: 1024px) 200px, 36vw',
  grid: '(min-width: 1024px) 280px, (min-width: 640px) 45vw, 36vw',
} as const;

interface CardProps {
  ctx: SiteContext;
  article: ArticleSummary;
  /** 'row': thumbnail beside the text (lists); 'grid': thumbnail above on wide screens. */
  layout?: keyof typeof CARD_SIZES;
  heading?: 'h2' | 'h3';
  showSection?: boolean;
  showDeck?: boolean;
}

/**
 * Cards already rendered, by story and by the card's form. The read caches
 * hand out the same summary objects until the story or the list changes, and
 * one summary shows on many pages (home, sections, tags, every related grid),
 * so a card is drawn once and its HTML reused: cards were a third of an
 * article page's rendering.
 */
const renderedCards = new DrawnOnce<ArticleSummary>();

/** One story teaser: thumbnail, section label, headline link, deck and date. */
export function Card(props: CardProps) {
  const {
    ctx,
    article,
    layout = 'row',
    heading = 'h3',
    showSection = true,
    showDeck = true,
  } = props;
  const img = article.image && hasVariants(article.image) ? article.image : null;
  const form = `${layout} ${heading} ${showSection} ${showDeck} ${ctx.lang} ${ctx.zone}`;
  const inner = renderedCards.html(article, form, () => <CardInside {...props} img={img} />);
  return (
    <article
      class={`card card-${layout}${img ? '' : ' no-media'}`}
      // preact's own escaped rendering of CardInside, kept
      dangerouslySetInnerHTML={{ __html: inner }}
    />
  );
}

function CardInside({
  ctx,
  article,
  img,
  layout = 'row',
  heading: Heading = 'h3',
  showSection = true,
  showDeck = true,
}: CardProps & { img: ArticleSummary['image'] | null }) {
  return (
    <>
      {img && (
        <div class="card-media">
          <Picture img={img} sizes={CARD_SIZES[layout]} />
        </div>
      )}
      <div class="card-body">
        {showSection && <SectionLabel section={article.section} />}
        <Heading class="card-title">
          <a href={article.url}>{article.headline}</a>
        </Heading>
        {showDeck && article.deck && <p class="card-deck">{article.deck}</p>}
        <p class="card-meta">
          <DateText ctx={ctx} ms={article.publishedAt} />
        </p>
      </div>
    </>
  );
}

/** A list of cards, one per story. */
export function CardList({
  ctx,
  items,
  heading = 'h2',
}: {
  ctx: SiteContext;
  items: ArticleSummary[];
  heading?: 'h2' | 'h3';
}) {
  return (
    <ul class="card-list">
      {items.map((a) => (
        <li key={a.id}>
          <Card ctx={ctx} article={a} heading={heading} />
        </li>
      ))}
    </ul>
  );
}

/** Compact headline list ("Terbaru", "Berita terkait"): headline links with a date. */
export function StoryList({
  ctx,
  items,
  numbered = false,
  relative = true,
  class: cls = 'story-list',
}: {
  ctx: SiteContext;
  items: ArticleSummary[];
  numbered?: boolean;
  relative?: boolean;
  class?: string;
}) {
  const List = numbered ? 'ol' : 'ul';
  return (
    <List class={cls}>
      {items.map((a) => (
        <li key={a.id}>
          <a href={a.url}>{a.headline}</a>{' '}
          <span class="story-meta">
            <DateText ctx={ctx} ms={a.publishedAt} relative={relative} />
          </span>
        </li>
      ))}
    </List>
  );
}

/** A titled block around a StoryList, or nothing when there are no stories. */
export function StoryBox({
  ctx,
  title,
  id,
  items,
  numbered = false,
}: {
  ctx: SiteContext;
  title: string;
  id: string;
  items: ArticleSummary[];
  numbered?: boolean;
}) {
  if (items.length === 0) return null;
  return (
    <section class="story-box" aria-labelledby={id}>
      <h2 id={id} class="box-title">
        {title}
      </h2>
      <StoryList ctx={ctx} items={items} numbered={numbered} />
    </section>
  );
}

/** The linked name of a story's section, above its headline or in its breadcrumb. */
export function SectionLabel({ section }: { section: SectionRef }) {
  return (
    <a class="section-label" href={section.url}>
      {section.name}
    </a>
  );
}
