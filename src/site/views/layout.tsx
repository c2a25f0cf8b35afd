import type { ComponentChildren } from 'preact';
import type { Section } from '../../content/model.ts';
import { formatLongDate, isoInZone } from '../../lib/time.ts';
import { DocumentHead } from './head.tsx';
import type { PageMeta, SiteContext } from './props.ts';
import { SearchForm } from './search-form.tsx';

/** Id of the main landmark, the skip link's target. */
export const MAIN_ID = 'konten';

/**
 * Every section in one menu. With sub-sections it is always there; without,
 * only phones show it (`nav-all-phone`), where the top row cannot show every label.
 */
function NavTree({ ctx }: { ctx: SiteContext }) {
  const withChildren = ctx.nav.some((s) => s.children.length > 0);
  return (
    <details class={withChildren ? 'nav-all' : 'nav-all nav-all-phone'}>
      <summary>{ctx.m.nav.menu}</summary>
      <ul class="nav-tree">
        {ctx.nav.map((s) => (
          <li key={s.id}>
            <a href={s.url}>{s.name}</a>
            {s.children.length > 0 && (
              <ul aria-label={ctx.m.nav.subsectionsOf(s.name)}>
                {s.children.map((c) => (
                  <li key={c.id}>
                    <a href={c.url}>{c.name}</a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Masthead: date, search, the site name as the home link, and the section menu. */
export function SiteHeader({ ctx }: { ctx: SiteContext }) {
  return (
    <header class="masthead">
      <div class="wrap masthead-main">
        <a class="brand" href="/">
          {ctx.siteName}
        </a>
        <div class="masthead-side">
          <p class="today">
            <time datetime={isoInZone(ctx.now, ctx.zone).slice(0, 10)}>
              {formatLongDate(ctx.now, ctx.zone, ctx.lang)}
            </time>
          </p>
          <SearchForm ctx={ctx} id="q-header" class="search-form header-search" />
        </div>
      </div>
      <nav class="site-nav" aria-label={ctx.m.nav.label}>
        <div class="wrap nav-inner">
          <ul class="nav-top">
            <li>
              <a href="/">{ctx.m.site.home}</a>
            </li>
            {ctx.nav.map((s) => (
              <li key={s.id}>
                <a href={s.url}>{s.name}</a>
              </li>
            ))}
          </ul>
          <NavTree ctx={ctx} />
        </div>
      </nav>
    </header>
  );
}

/** Footer: sections, RSS and the copyright line with the current year in the site's zone. */
export function SiteFooter({ ctx }: { ctx: SiteContext }) {
  const year = isoInZone(ctx.now, ctx.zone).slice(0, 4);
  const m = ctx.m.footer;
  return (
    <footer class="site-footer">
      <div class="wrap">
        <p class="footer-brand">
          <a href="/">{ctx.siteName}</a>
        </p>
        <nav aria-label={m.sections}>
          <ul class="footer-nav">
            {ctx.nav.map((s: Section) => (
              <li key={s.id}>
                <a href={s.url}>{s.name}</a>
              </li>
            ))}
            <li>
              <a href="/feed">{m.rss}</a>
            </li>
          </ul>
        </nav>
        <p class="copyright">{m.copyright(year, ctx.siteName)}</p>
      </div>
    </footer>
  );
}

/** The document around every public page: head, skip link, masthead, main landmark, footer. */
export function Layout({
  ctx,
  meta,
  children,
}: {
  ctx: SiteContext;
  meta: PageMeta;
  children?: ComponentChildren;
}) {
  return (
    <html lang={ctx.lang}>
      <DocumentHead ctx={ctx} meta={meta} />
      <body>
        <a class="skip-link" href={`#${MAIN_ID}`}>
          {ctx.m.site.skipToContent}
        </a>
        <SiteHeader ctx={ctx} />
        <main id={MAIN_ID} class="wrap page" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter ctx={ctx} />
      </body>
    </html>
  );
}
