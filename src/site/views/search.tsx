import type { VNode } from 'preact';
import { searchUrl } from '../../content/urls.ts';
import { CardList } from './cards.tsx';
import { Layout } from './layout.tsx';
import { Pager } from './pager.tsx';
import type { PageMeta, SearchPageProps, SiteContext } from './props.ts';
import { SearchForm } from './search-form.tsx';

/** Search results: the form with the query filled in, the count, result cards and a pager. */
export function SearchPage(
  ctx: SiteContext,
  props: SearchPageProps,
  meta?: Partial<PageMeta>,
): VNode {
  const m = ctx.m.search;
  const { query, page } = props;
  const title = query ? m.resultsFor(query) : m.title;
  return (
    <Layout
      ctx={ctx}
      meta={{ title, canonicalPath: searchUrl(query || undefined), noindex: true, ...meta }}
    >
      <div class="list-page search-page">
        <header class="list-header">
          <h1 class="list-title">{title}</h1>
          <SearchForm
            ctx={ctx}
            id="q-page"
            query={query}
            class="search-form page-search"
            visibleLabel
          />
        </header>
        {!query || !page ? (
          <p class="empty">{m.prompt}</p>
        ) : page.total === 0 ? (
          <p class="empty">{m.noResults(query)}</p>
        ) : (
          <>
            <p class="result-count" role="status">
              {m.resultCount(page.total, query)}
            </p>
            <CardList ctx={ctx} items={page.items} />
            <Pager
              ctx={ctx}
              basePath={searchUrl(query)}
              page={page.page}
              totalPages={page.totalPages}
            />
          </>
        )}
      </div>
    </Layout>
  );
}
