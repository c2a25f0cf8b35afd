import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Section } from '../../content/model.ts';
import { formatLongDate, isoInZone } from '../../lib/time.ts';
import type { SiteIdentity } from '../../newsroom/site-admin/live-settings.ts';
import { SOCIAL_LABELS } from '../../newsroom/site-admin/settings.ts';
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

/**
 * The masthead and the footer, drawn once and reused on every page: they
 * change only with the menu, the site's identity, its name, language and
 * zone, and the day (the masthead's date, the footer's year). The menu and
 * the identity are the same objects for as long as the read caches keep
 * them (context.ts), so a new menu or new settings draw them again.
 */
const drawnChrome = new WeakMap<
  Section[],
  { identity: SiteIdentity | undefined; html: Map<string, string> }
>();

function chromeHtml(ctx: SiteContext, part: 'header' | 'footer', draw: () => VNode): string {
  let drawn = drawnChrome.get(ctx.nav);
  if (!drawn || drawn.identity !== ctx.identity) {
    drawn = { identity: ctx.identity, html: new Map() };
    drawnChrome.set(ctx.nav, drawn);
  }
  const day = isoInZone(ctx.now, ctx.zone).slice(0, 10);
  const form = `${part} ${ctx.lang} ${ctx.zone} ${day} ${ctx.siteName}`;
  let html = drawn.html.get(form);
  if (html === undefined) {
    html = renderToString(draw());
    if (drawn.html.size >= 8) drawn.html.clear();
    drawn.html.set(form, html);
  }
  return html;
}

/** Masthead: date, search, the site name as the home link, and the section menu. */
export function SiteHeader({ ctx }: { ctx: SiteContext }) {
  return (
    <header
      class="masthead"
      // preact's own escaped rendering of MastheadInside, kept
      dangerouslySetInnerHTML={{
        __html: chromeHtml(ctx, 'header', () => <MastheadInside ctx={ctx} />),
      }}
    />
  );
}

function MastheadInside({ ctx }: { ctx: SiteContext }) {
  return (
    <>
      <div class="wrap masthead-main">
        <div class="brand-block">
          <a class="brand" href="/">
            {ctx.identity?.logo && (
              <img
                class="brand-logo"
                src={ctx.identity.logo.url}
                width={ctx.identity.logo.width}
                height={ctx.identity.logo.height}
                alt=""
              />
            )}
            {ctx.siteName}
          </a>
          {ctx.identity?.tagline && <p class="tagline">{ctx.identity.tagline}</p>}
        </div>
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
    </>
  );
}

/** Footer: sections, RSS and the copyright line with the current year in the site's zone. */
export function SiteFooter({ ctx }: { ctx: SiteContext }) {
  return (
    <footer
      class="site-footer"
      // preact's own escaped rendering of FooterInside, kept
      dangerouslySetInnerHTML={{
        __html: chromeHtml(ctx, 'footer', () => <FooterInside ctx={ctx} />),
      }}
    />
  );
}

function FooterInside({ ctx }: { ctx: SiteContext }) {
  const year = isoInZone(ctx.now, ctx.zone).slice(0, 4);
  const m = ctx.m.footer;
  return (
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
      {!!ctx.identity?.social.length && (
        <nav aria-label={m.follow}>
          <ul class="footer-nav footer-social">
            {ctx.identity.social.map((a) => (
              <li key={a.network}>
                <a href={a.url} rel="me noopener">
                  {SOCIAL_LABELS[a.network]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {!!ctx.identity?.legalPages.length && (
        <nav aria-label={m.legal}>
          <ul class="footer-nav footer-legal">
            {ctx.identity.legalPages.map((l) => (
              <li key={l.url}>
                <a href={l.url}>{l.title}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <p class="copyright">{m.copyright(year, ctx.siteName)}</p>
    </div>
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
