import { ICON_COLOR, iconLinks } from '../icons.ts';
import { serializeJsonLd } from './json-ld.ts';
import type { PageMeta, SiteContext } from './props.ts';
import { absoluteUrl } from './urls.ts';

const OG_LOCALE = { id: 'id_ID', en: 'en_US' } as const;

/** "Headline - SiteName", or just the site name when the page is the site itself. */
export function documentTitle(ctx: SiteContext, title: string): string {
  return title && title !== ctx.siteName ? `${title} - ${ctx.siteName}` : ctx.siteName;
}

/** Serialised JSON-LD by its data: an article's is the same array while it is unchanged (json-ld.ts). */
const serialized = new WeakMap<object[], string>();

/** The JSON-LD block: the one place raw HTML is written, and only after `<` escaping. */
function JsonLd({ data }: { data: object[] }) {
  if (data.length === 0) return null;
  let json = serialized.get(data);
  if (json === undefined) {
    json = serializeJsonLd(data.length === 1 && data[0] ? data[0] : data);
    serialized.set(data, json);
  }
  // The only raw HTML in the views (biome's noDangerouslySetInnerHtml is React-domain and
  // does not fire for preact, so no suppression comment is needed here).
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}

/** The RSS, Atom and JSON Feed of a list (`base` '' for the whole site). */
function FeedLinks({ base, title }: { base: string; title: string }) {
  return (
    <>
      <link rel="alternate" type="application/rss+xml" title={title} href={`${base}/feed`} />
      <link rel="alternate" type="application/atom+xml" title={title} href={`${base}/feed/atom`} />
      <link rel="alternate" type="application/feed+json" title={title} href={`${base}/feed/json`} />
    </>
  );
}

/** `<head>`: title, description, canonical, Open Graph, Twitter card, JSON-LD and the two assets. */
export function DocumentHead({ ctx, meta }: { ctx: SiteContext; meta: PageMeta }) {
  const title = documentTitle(ctx, meta.title);
  const canonical = meta.canonicalPath ? absoluteUrl(ctx.siteUrl, meta.canonicalPath) : null;
  const image = meta.image ? absoluteUrl(ctx.siteUrl, meta.image) : null;
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      {meta.description && <meta name="description" content={meta.description} />}
      {meta.noindex ? (
        <meta name="robots" content="noindex, follow" />
      ) : (
        <meta name="robots" content="max-image-preview:large" />
      )}
      {canonical && <link rel="canonical" href={canonical} />}
      <meta property="og:site_name" content={ctx.siteName} />
      <meta property="og:locale" content={OG_LOCALE[ctx.lang] ?? OG_LOCALE.id} />
      <meta property="og:type" content={meta.type ?? 'website'} />
      <meta property="og:title" content={meta.title || ctx.siteName} />
      {meta.description && <meta property="og:description" content={meta.description} />}
      {canonical && <meta property="og:url" content={canonical} />}
      {image && <meta property="og:image" content={image} />}
      <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={meta.title || ctx.siteName} />
      {meta.description && <meta name="twitter:description" content={meta.description} />}
      {image && <meta name="twitter:image" content={image} />}
      <FeedLinks base="" title={ctx.m.footer.rssTitle(ctx.siteName)} />
      {meta.feed && <FeedLinks base={meta.feed.path} title={meta.feed.title} />}
      {iconLinks(ctx.iconVersion, { manifest: true }).map((l) => (
        <link key={l.href} {...l} />
      ))}
      <meta name="theme-color" content={ICON_COLOR} />
      <link rel="stylesheet" href={ctx.assets.css} />
      <script src={ctx.assets.js} defer />
      <JsonLd data={meta.jsonLd ?? []} />
    </head>
  );
}
