import type { VNode } from 'preact';
import { StoryBox } from './cards.tsx';
import { Layout } from './layout.tsx';
import type { ErrorPageProps, PageMeta, SiteContext } from './props.ts';
import { SearchForm } from './search-form.tsx';

/** Title and help text for a status; other 4xx read as 400, other 5xx as 500. */
export function errorTexts(ctx: SiteContext, status: number): { title: string; help: string } {
  const m = ctx.m.error;
  if (status === 404) return { title: m.title404, help: m.help404 };
  if (status === 410) return { title: m.title410, help: m.help410 };
  if (status >= 400 && status < 500) return { title: m.title400, help: m.help400 };
  return { title: m.title500, help: m.help500 };
}

/** Error page: status-specific title, the catalog message, a search form and the latest stories. */
export function ErrorPage(
  ctx: SiteContext,
  props: ErrorPageProps,
  meta?: Partial<PageMeta>,
): VNode {
  const { title, help } = errorTexts(ctx, props.status);
  return (
    <Layout ctx={ctx} meta={{ title, canonicalPath: '', noindex: true, ...meta }}>
      <div class="error-page">
        <p class="status-code">{props.status}</p>
        <h1 class="list-title">{title}</h1>
        {props.message && <p class="error-message">{props.message}</p>}
        <p>{help}</p>
        <SearchForm ctx={ctx} id="q-error" class="search-form page-search" visibleLabel />
        <p>
          <a href="/">{ctx.m.error.backHome}</a>
        </p>
        <StoryBox ctx={ctx} id="latest-title" title={ctx.m.home.latest} items={props.latest} />
      </div>
    </Layout>
  );
}
