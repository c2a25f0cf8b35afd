import { commentText } from '../../comments/messages.ts';
import type { Article, PersonRef, Section } from '../../content/model.ts';
import { formatDateline, isoInZone } from '../../lib/time.ts';
import { SectionLabel } from './cards.tsx';
import type { SiteContext } from './props.ts';

/** Edits within this long after publishing are not worth an "updated" line. */
const UPDATE_THRESHOLD_MS = 60_000;

/** The top-level section whose child the article's section is, if it is one. */
export function breadcrumbParent(ctx: SiteContext, article: Article): Section | undefined {
  return ctx.nav.find((s) => s.children.some((c) => c.id === article.section.id));
}

/** Home › parent section › section, with the parent looked up in the menu. */
export function Breadcrumb({ ctx, article }: { ctx: SiteContext; article: Article }) {
  const parent = breadcrumbParent(ctx, article);
  return (
    <nav class="breadcrumb" aria-label={ctx.m.nav.breadcrumb}>
      <ol>
        <li>
          <a href="/">{ctx.m.site.home}</a>
        </li>
        {parent && (
          <li>
            <a href={parent.url}>{parent.name}</a>
          </li>
        )}
        <li>
          <SectionLabel section={article.section} />
        </li>
      </ol>
    </nav>
  );
}

/** "Ayu Lestari, Made Wira dan Komang Sari", each name linked to the author page. */
function Names({ ctx, people }: { ctx: SiteContext; people: PersonRef[] }) {
  return (
    <>
      {people.map((p, i) => (
        <span key={p.id}>
          {i > 0 && (i === people.length - 1 ? ` ${ctx.m.article.and} ` : ', ')}
          <a href={p.url} rel="author">
            {p.name}
          </a>
        </span>
      ))}
    </>
  );
}

/** Bylines, the dateline-style publish time, and "Diperbarui …" after a real update. */
export function ArticleMeta({
  ctx,
  article,
  commentCount,
}: {
  ctx: SiteContext;
  article: Article;
  /** Approved comments, as the comment section below lists them. */
  commentCount: number;
}) {
  const m = ctx.m.article;
  const updated = article.updatedAt - article.publishedAt > UPDATE_THRESHOLD_MS;
  return (
    <div class="article-meta">
      {article.bylines.length > 0 && (
        <p class="byline">
          {m.by} <Names ctx={ctx} people={article.bylines} />
        </p>
      )}
      <p class="published">
        <time datetime={isoInZone(article.publishedAt, ctx.zone)}>
          {formatDateline(article.publishedAt, ctx.zone, ctx.lang)}
        </time>
        {updated && (
          <>
            {' · '}
            <span class="updated">
              {m.updated}{' '}
              <time datetime={isoInZone(article.updatedAt, ctx.zone)}>
                {formatDateline(article.updatedAt, ctx.zone, ctx.lang)}
              </time>
            </span>
          </>
        )}
        {commentCount > 0 && (
          <>
            {' · '}
            <a href="#komentar">{commentText(ctx.lang).reader.count(commentCount)}</a>
          </>
        )}
      </p>
    </div>
  );
}

/** After the body: wire credit, "(Ayu/Warta)" initials and the tag links. */
export function ArticleFooter({ ctx, article }: { ctx: SiteContext; article: Article }) {
  const m = ctx.m.article;
  const initials = article.bylineInitials.trim().replace(/^\((.*)\)$/, '$1');
  return (
    <>
      {article.sourceCredit && <p class="source-credit">{m.source(article.sourceCredit)}</p>}
      {initials && <p class="initials">({initials})</p>}
      {article.tags.length > 0 && (
        <nav class="tags" aria-labelledby="tags-title">
          <h2 id="tags-title" class="tags-title">
            {m.tags}
          </h2>
          <ul>
            {article.tags.map((t) => (
              <li key={t.id}>
                <a href={t.url} rel="tag">
                  {t.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </>
  );
}
