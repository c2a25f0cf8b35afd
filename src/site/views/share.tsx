import type { SiteContext } from './props.ts';

const enc = encodeURIComponent;

/** Share targets as plain links (no third-party script); `url` must be absolute. */
export function shareLinks(
  ctx: SiteContext,
  url: string,
  headline: string,
): { key: string; label: string; href: string }[] {
  const m = ctx.m.share;
  return [
    {
      key: 'whatsapp',
      label: m.whatsapp,
      href: `https://wa.me/?text=${enc(`${headline} ${url}`)}`,
    },
    {
      key: 'facebook',
      label: m.facebook,
      href: `https://www.facebook.com/sharer/sharer.php?u=${enc(url)}`,
    },
    {
      key: 'x',
      label: m.x,
      href: `https://x.com/intent/post?url=${enc(url)}&text=${enc(headline)}`,
    },
    {
      key: 'telegram',
      label: m.telegram,
      href: `https://t.me/share/url?url=${enc(url)}&text=${enc(headline)}`,
    },
    {
      key: 'line',
      label: m.line,
      href: `https://social-plugins.line.me/lineit/share?url=${enc(url)}`,
    },
    { key: 'email', label: m.email, href: `mailto:?subject=${enc(headline)}&body=${enc(url)}` },
  ];
}

/**
 * The share bar: a row of pill links, plus the native share sheet and a
 * copy-link button that stay hidden until warta.js enables them; the script reads the "copied" message from
 * data-copied and announces it in the polite live region.
 */
export function ShareBar({
  ctx,
  url,
  headline,
}: {
  ctx: SiteContext;
  url: string;
  headline: string;
}) {
  const m = ctx.m.share;
  return (
    <section class="share" aria-labelledby="share-title">
      <h2 id="share-title" class="share-title">
        {m.heading}
      </h2>
      <ul class="share-list">
        {shareLinks(ctx, url, headline).map((s) => (
          <li key={s.key}>
            <a
              class={`pill share-${s.key}`}
              href={s.href}
              rel="noopener noreferrer"
              target={s.key === 'email' ? undefined : '_blank'}
            >
              {s.label}
            </a>
          </li>
        ))}
        <li>
          {/* The browser's own share sheet: shown by warta.js only where navigator.share exists. */}
          <button
            type="button"
            class="pill share-native"
            data-share-url={url}
            data-share-title={headline}
            hidden
          >
            {m.native}
          </button>
        </li>
        <li>
          <button
            type="button"
            class="pill share-copy"
            data-copy={url}
            data-copied={m.copied}
            hidden
          >
            {m.copy}
          </button>
        </li>
      </ul>
      <p class="sr-only" role="status" aria-live="polite" data-copy-status />
    </section>
  );
}
