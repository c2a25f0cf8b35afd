import type { VNode } from 'preact';
import { CardList } from './cards.tsx';
import { Layout } from './layout.tsx';
import { Pager } from './pager.tsx';
import type { ListPageProps, PageMeta, SiteContext } from './props.ts';
import { pageUrl } from './urls.ts';

/** The visible heading for each kind of list. */
function headingOf(ctx: SiteContext, props: ListPageProps): string {
  if (props.kind === 'archive') return ctx.m.list.archiveTitle(props.title);
  if (props.kind === 'tag') return ctx.m.list.tagTitle(props.title);
  return props.title;
}

function emptyText(ctx: SiteContext, props: ListPageProps): string {
  const m = ctx.m.list;
  const texts = {
    section: m.sectionEmpty,
    tag: m.tagEmpty,
    author: m.authorEmpty,
    archive: m.archiveEmpty,
  };
  return texts[props.kind];
}

/** Head meta for a list page; pages after the first say so in the title. */
export function listPageMeta(ctx: SiteContext, props: ListPageProps): PageMeta {
  const heading = headingOf(ctx, props);
  const { page } = props.page;
  return {
    title: page > 1 ? `${heading} - ${ctx.m.pager.page(page)}` : heading,
    description: props.description || props.section?.description || props.person?.bio || undefined,
    canonicalPath: pageUrl(props.basePath, page),
    noindex: props.page.items.length === 0,
    ...(props.kind === 'section' || props.kind === 'tag' || props.kind === 'author'
      ? { feed: { path: props.basePath, title: `${heading} - ${ctx.siteName}` } }
      : {}),
  };
}

function ListHeader({ ctx, props }: { ctx: SiteContext; props: ListPageProps }) {
  const description = props.description || props.section?.description || props.person?.bio;
  const children = props.kind === 'section' ? (props.section?.children ?? []) : [];
  return (
    <header class="list-header">
      {props.kind === 'author' && <p class="section-label">{ctx.m.list.authorLabel}</p>}
      {props.kind === 'archive' && <p class="section-label">{ctx.m.list.archiveLabel}</p>}
      <h1 class="list-title">{headingOf(ctx, props)}</h1>
      {props.kind === 'author' && props.person?.title && (
        <p class="person-title">{props.person.title}</p>
      )}
      {description && <p class="list-description">{description}</p>}
      {children.length > 0 && (
        <nav class="subsections" aria-label={ctx.m.list.subsections}>
          <ul>
            {children.map((c) => (
              <li key={c.id}>
                <a class="pill" href={c.url}>
                  {c.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}

/** Section, tag, author and archive lists: heading, story cards, pager, or an empty state. */
export function ListPage(ctx: SiteContext, props: ListPageProps, meta?: Partial<PageMeta>): VNode {
  const { page } = props;
  return (
    <Layout ctx={ctx} meta={{ ...listPageMeta(ctx, props), ...meta }}>
      <div class="list-page">
        <ListHeader ctx={ctx} props={props} />
        {page.items.length === 0 ? (
          <p class="empty">{emptyText(ctx, props)}</p>
        ) : (
          <CardList ctx={ctx} items={page.items} />
        )}
        <Pager ctx={ctx} basePath={props.basePath} page={page.page} totalPages={page.totalPages} />
      </div>
    </Layout>
  );
}
