import type { FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { Config, ZoneName } from '../../config.ts';
import type { Lang } from '../../lib/i18n.ts';
import { iconLinks, iconVersionFor } from '../../site/icons.ts';
import { newsroomCss } from '../assets.ts';
import { csrfToken } from '../csrf.ts';
import { type AuthMessages, authMessages } from '../messages.ts';
import { type Action, can } from '../policy.ts';
import type { StaffUser } from '../users.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Numbers shown beside navigation items (e.g. comments waiting), filled by
     * the capability that owns them in a preHandler; the layout only displays them.
     */
    navCounts?: Partial<Record<NavKey, number>>;
  }
}

type NavKey = keyof AuthMessages['nav'];

/** Everything a newsroom page's chrome needs, built once per request. */
export interface NewsroomContext {
  staff: StaffUser | null;
  /** The staff member's language (the site language before login). */
  lang: Lang;
  /** The CSRF token every form on the page must carry as `_csrf`. */
  csrf: string;
  siteName: string;
  /** The served icons' version, for the head's icon links. */
  iconVersion: string;
  siteUrl: string;
  zone: ZoneName;
  /** AUTH's catalog in `lang` (chrome, navigation). */
  m: AuthMessages;
  /** The request path, to mark the current navigation item. */
  path: string;
  now: number;
  /** Badges for navigation items, see `navCounts` on the request. */
  counts: Partial<Record<NavKey, number>>;
}

/** Builds the per-request newsroom context from the request (after registerAuth's hooks ran). */
export async function newsroomContext(
  req: FastifyRequest,
  deps: { config: Config },
): Promise<NewsroomContext> {
  const staff = req.staff ?? null;
  const lang = staff?.lang ?? deps.config.language;
  return {
    staff,
    lang,
    csrf: csrfToken(req),
    siteName: deps.config.siteName,
    iconVersion: iconVersionFor(deps.config),
    siteUrl: deps.config.siteUrl,
    zone: deps.config.timeZone,
    m: authMessages[lang],
    path: req.url.split('?')[0] ?? req.url,
    now: Date.now(),
    counts: req.navCounts ?? {},
  };
}

const NAV: { href: string; key: NavKey; action: Action }[] = [
  { href: '/newsroom/artikel', key: 'articles', action: 'article.create' },
  { href: '/newsroom/meja', key: 'desk', action: 'article.view.desk' },
  { href: '/newsroom/kawat', key: 'wire', action: 'wire.view' },
  { href: '/newsroom/media', key: 'media', action: 'media.view' },
  { href: '/newsroom/komentar', key: 'comments', action: 'comment.moderate' },
  { href: '/newsroom/staf', key: 'staff', action: 'staff.manage' },
  { href: '/newsroom/audit', key: 'audit', action: 'audit.view' },
  { href: '/newsroom/kotak-keluar', key: 'outbox', action: 'outbox.view' },
  { href: '/newsroom/impor', key: 'imports', action: 'audit.view' },
  { href: '/newsroom/api', key: 'api', action: 'settings.manage' },
  { href: '/newsroom/rubrik', key: 'sections', action: 'section.manage' },
  { href: '/newsroom/situs', key: 'siteSettings', action: 'settings.manage' },
  { href: '/newsroom/sitemap-berita', key: 'newsSitemap', action: 'news.sitemap' },
];

/** A hidden `_csrf` field; put one in every form. */
export function CsrfField({ ctx }: { ctx: Pick<NewsroomContext, 'csrf'> }) {
  return <input type="hidden" name="_csrf" value={ctx.csrf} />;
}

/** The newsroom chrome: site name, navigation by permission, the user, a logout button. */
export function NewsroomLayout({
  ctx,
  title,
  children,
  wide,
  scripts = [],
}: {
  ctx: NewsroomContext;
  title: string;
  children: ComponentChildren;
  wide?: boolean;
  /** Same-origin script URLs the page loads (deferred). */
  scripts?: string[];
}) {
  const { m, staff } = ctx;
  const current = (href: string) =>
    ctx.path === href || ctx.path.startsWith(`${href}/`) ? 'page' : undefined;
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} · ${m.newsroom} ${ctx.siteName}`}</title>
        {iconLinks(ctx.iconVersion, { manifest: false }).map((l) => (
          <link key={l.href} {...l} />
        ))}
        <link rel="stylesheet" href={newsroomCss.url} />
        {scripts.map((src) => (
          <script key={src} src={src} defer />
        ))}
      </head>
      <body>
        <a class="skip" href="#nr-main">
          {m.skip}
        </a>
        <header class="nr-top">
          <a class="nr-brand" href="/newsroom">
            {ctx.siteName} <span>{m.newsroom}</span>
          </a>
          {staff && (
            <nav class="nr-nav" aria-label={m.nav.label}>
              <ul>
                {NAV.filter((n) => can(staff.role, n.action)).map((n) => (
                  <li key={n.href}>
                    <a href={n.href} aria-current={current(n.href)}>
                      {m.nav[n.key] as string}
                      {ctx.counts[n.key] ? <span class="nr-badge">{ctx.counts[n.key]}</span> : null}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {staff && (
            <div class="nr-user">
              <a href="/newsroom/akun" title={m.nav.signedInAs(staff.name)}>
                {staff.name}
              </a>
              <form method="post" action="/newsroom/keluar">
                <CsrfField ctx={ctx} />
                <button type="submit">{m.nav.logout}</button>
              </form>
            </div>
          )}
        </header>
        <main id="nr-main" class={wide ? 'nr-main wide' : 'nr-main'}>
          {children}
        </main>
      </body>
    </html>
  );
}
