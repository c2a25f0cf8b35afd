import type { Article } from '../../content/model.ts';
import { isoInZone } from '../../lib/time.ts';
import { CROP_RATIO_NAMES, cropUrl } from '../../media/crops.ts';
import { ICON_PATHS } from '../icons.ts';
import { largestJpeg } from './image.tsx';
import type { SiteContext } from './props.ts';
import { absoluteUrl } from './urls.ts';

/**
 * Serialises JSON-LD for an inline `<script>`: every `<` becomes `\u003c`, so
 * no `</script>` or `<!--` in the data can end or confuse the script element.
 * U+2028/2029 are escaped too for old JavaScript parsers.
 */
export function serializeJsonLd(data: object[] | object): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The featured image as Google asks for it: the 16:9, 4:3 and 1:1 crops at
 * their largest width (1,280 px where the original allows), else the largest
 * JPEG variant.
 */
function articleImages(ctx: SiteContext, article: Article): string[] {
  const img = article.image;
  if (!img) return [];
  const crops = img.crops;
  const fromCrops = crops
    ? CROP_RATIO_NAMES.flatMap((ratio) => {
        const w = crops.widths[ratio]?.at(-1);
        return w
          ? [absoluteUrl(ctx.siteUrl, cropUrl(img.storageKey, ratio, w, 'jpeg', crops.v))]
          : [];
      })
    : [];
  if (fromCrops.length) return fromCrops;
  const largest = largestJpeg(img);
  return largest ? [absoluteUrl(ctx.siteUrl, largest)] : [];
}

/**
 * The site as the publisher, with its logo: the site's 512 px icon (an
 * uploaded logo when an admin set one, else drawn from the site name), which
 * meets Google's logo rules (at least 112 px, legible on white).
 */
function publisherJsonLd(ctx: SiteContext): object {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': `${ctx.siteUrl}/#publisher`,
    name: ctx.siteName,
    url: `${ctx.siteUrl}/`,
    logo: {
      '@type': 'ImageObject',
      url: absoluteUrl(ctx.siteUrl, ICON_PATHS.png512),
      width: 512,
      height: 512,
    },
  };
}

/**
 * Each story's JSON-LD, made once for as long as the read cache hands out
 * the same article object (and the site's address, name, zone and language
 * stay): the same array each time, so its serialised text is kept too (head.tsx).
 */
const articleData = new WeakMap<Article, { form: string; data: object[] }>();

/** schema.org NewsArticle + BreadcrumbList for an article page. */
export function articleJsonLd(ctx: SiteContext, article: Article): object[] {
  const form = `${ctx.siteUrl} ${ctx.siteName} ${ctx.zone} ${ctx.lang}`;
  const kept = articleData.get(article);
  if (kept?.form === form) return kept.data;
  const data = newArticleJsonLd(ctx, article);
  articleData.set(article, { form, data });
  return data;
}

function newArticleJsonLd(ctx: SiteContext, article: Article): object[] {
  const url = absoluteUrl(ctx.siteUrl, article.url);
  const images = articleImages(ctx, article);
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      mainEntityOfPage: url,
      headline: article.headline,
      description: article.seoDescription || article.deck,
      datePublished: isoInZone(article.publishedAt, ctx.zone),
      dateModified: isoInZone(article.updatedAt, ctx.zone),
      inLanguage: ctx.lang,
      articleSection: article.section.name,
      keywords: article.tags.map((t) => t.name),
      ...(images.length ? { image: images } : {}),
      // Every byline with its profile page; a story with no named byline is the newsroom's own.
      author: article.bylines.length
        ? article.bylines.map((p) => ({
            '@type': 'Person',
            name: p.name,
            url: absoluteUrl(ctx.siteUrl, p.url),
          }))
        : [{ '@type': 'NewsMediaOrganization', name: ctx.siteName, url: `${ctx.siteUrl}/` }],
      publisher: publisherJsonLd(ctx),
      isAccessibleForFree: true,
    },
    {
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: ctx.m.site.home, item: `${ctx.siteUrl}/` },
        {
          '@type': 'ListItem',
          position: 2,
          name: article.section.name,
          item: absoluteUrl(ctx.siteUrl, article.section.url),
        },
        { '@type': 'ListItem', position: 3, name: article.headline, item: url },
      ],
    },
  ];
}

/** schema.org WebSite with the search action, for the home page. */
export function websiteJsonLd(ctx: SiteContext): object[] {
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: ctx.siteName,
      url: `${ctx.siteUrl}/`,
      inLanguage: ctx.lang,
      publisher: publisherJsonLd(ctx),
      potentialAction: {
        '@type': 'SearchAction',
        target: `${ctx.siteUrl}/cari?q={search_term_string}`,
        'query-input': 'required name=search_term_string',
      },
    },
  ];
}
