import type { VNode } from 'preact';
import { searchUrl } from '../../content/urls.ts';
import { DateText, SectionLabel } from './cards.tsx';
import { Layout } from './layout.tsx';
import { Pager } from './pager.tsx';
import type { PageMeta, SearchPageProps, SearchResultItem, SiteContext } from './props.ts';

type Filters = NonNullable<SearchPageProps['filters']>;
const NO_FILTERS: Filters = { section: '', from: '', to: '' };

/** The results URL for a query and filters; the pager appends `&page=N`. */
export function searchPageUrl(query: string, f: Filters = NO_FILTERS): string {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  if (f.section) params.set('bagian', f.section);
  if (f.from) params.set('dari', f.from);
  if (f.to) params.set('sampai', f.to);
  const qs = params.toString();
  return qs ? `/cari?${qs}` : '/cari';
}

/** The GET form: query, section and date range. Works without JavaScript. */
function SearchFilterForm({ ctx, props }: { ctx: SiteContext; props: SearchPageProps }) {
  const m = ctx.m.search;
  const f = props.filters ?? NO_FILTERS;
  const hasFilters = Boolean(f.section || f.from || f.to);
  return (
    <search class="search-form page-search search-page-form">
      <form method="get" action="/cari">
        <label for="q-page" class="search-label">
          {m.label}
        </label>
        <input
          id="q-page"
          type="search"
          name="q"
          value={props.query}
          placeholder={m.placeholder}
          autocomplete="off"
          enterkeyhint="search"
          maxlength={200}
          data-suggest="/cari/saran"
          data-suggest-label={m.suggestions}
        />
        <button type="submit">{m.button}</button>
        <fieldset class="search-filters">
          <legend>{m.filters}</legend>
          <p>
            <label for="f-bagian">{m.section}</label>{' '}
            <select id="f-bagian" name="bagian">
              <option value="">{m.allSections}</option>
              {(props.sections ?? []).map((s) => (
                <option key={s.slug} value={s.slug} selected={s.slug === f.section}>
                  {`${'\u2003'.repeat(s.depth)}${s.name}`}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label for="f-dari">{m.from}</label>{' '}
            <input id="f-dari" type="date" name="dari" value={f.from} />
          </p>
          <p>
            <label for="f-sampai">{m.to}</label>{' '}
            <input id="f-sampai" type="date" name="sampai" value={f.to} />
          </p>
          {hasFilters && (
            <p>
              <a href={searchPageUrl(props.query)}>{m.clearFilters}</a>
            </p>
          )}
        </fieldset>
      </form>
    </search>
  );
}

/** One result: section, headline, the excerpt with matched words in <mark>, and the date. */
function ResultItem({ ctx, item }: { ctx: SiteContext; item: SearchResultItem }) {
  return (
    <li>
      <article class="card card-row no-media search-result">
        <div class="card-body">
          <SectionLabel section={item.section} />
          <h2 class="card-title">
            <a href={item.url}>{item.headline}</a>
          </h2>
          {item.snippet.length > 0 && (
            <p class="card-deck snippet">
              {item.snippet.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}
            </p>
          )}
          <p class="card-meta">
            <DateText ctx={ctx} ms={item.publishedAt} />
          </p>
        </div>
      </article>
    </li>
  );
}

/** Search results: the filter form, the count, results with snippets, empty states and a pager. */
export function SearchPage(
  ctx: SiteContext,
  props: SearchPageProps,
  meta?: Partial<PageMeta>,
): VNode {
  const m = ctx.m.search;
  const { query, page } = props;
  const f = props.filters ?? NO_FILTERS;
  const filtered = Boolean(f.section || f.from || f.to);
  const title = query ? m.resultsFor(query) : m.title;
  const state = props.state ?? (query ? 'ok' : 'empty');
  const base = searchPageUrl(query, f);
  let body: VNode;
  if (!query || !page || state === 'empty') {
    body = (
      <div class="empty" role="status">
        <p>{m.prompt}</p>
        <p>{m.promptHint}</p>
      </div>
    );
  } else if (state === 'stopwords') {
    body = (
      <div class="empty" role="status">
        <p>{m.onlyStopwords(query)}</p>
      </div>
    );
  } else if (page.total === 0) {
    body = (
      <div class="empty" role="status">
        <p>
          <strong>{m.noResults(query)}</strong>
        </p>
        <p>{filtered ? m.noResultsFiltered : m.noResultsHint}</p>
      </div>
    );
  } else if (page.items.length === 0) {
    body = (
      <div class="empty" role="status">
        <p>{m.pastEnd(page.page)}</p>
        <p>
          <a href={base}>{m.firstPage}</a>
        </p>
      </div>
    );
  } else {
    body = (
      <>
        <p class="result-count" role="status">
          {m.resultCount(page.total, query)}
          {props.corrected && ` ${m.corrected(props.corrected)}`}
        </p>
        <ol class="card-list search-results" aria-label={m.results}>
          {page.items.map((item) => (
            <ResultItem key={item.id} ctx={ctx} item={item} />
          ))}
        </ol>
        <Pager ctx={ctx} basePath={base} page={page.page} totalPages={page.totalPages} />
      </>
    );
  }
  return (
    <Layout
      ctx={ctx}
      meta={{ title, canonicalPath: searchUrl(query || undefined), noindex: true, ...meta }}
    >
      {props.searchStyle && <link rel="stylesheet" href={props.searchStyle} />}
      <div class="list-page search-page">
        <header class="list-header">
          <h1 class="list-title">{title}</h1>
          <SearchFilterForm ctx={ctx} props={props} />
          {props.badDate && (
            <p class="form-note" role="alert">
              {m.badDate}
            </p>
          )}
        </header>
        {body}
      </div>
      {props.suggestScript && <script src={props.suggestScript} defer />}
    </Layout>
  );
}
