import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { ArticleSummary } from '../content/model.ts';
import { getPublishedArticle } from '../content/published-article.ts';
import { type ListFilter, listPublished } from '../content/queries.ts';
import type { Database } from '../db/schema.ts';
import { variantUrl } from '../media/variants.ts';
import { absoluteUrl } from '../site/views/urls.ts';
import { xmlEscape } from './xml.ts';

/**
 * Atom 1.0 and JSON Feed 1.1 beside the RSS of feeds.ts, for the site, a
 * section, a tag or an author, from the same read path as the pages. Each item
 * carries the featured image as an enclosure and as `media:content` with its
 * caption and credit, and the full text when the site setting asks for it.
 */

const FEED_SIZE = 30;

/** Which list a feed follows, and how it is named and linked. */
export interface FeedScope {
  title: string;
  description: string;
  /** Site-relative path of the HTML page the feed mirrors (`/`, `/ekonomi`, `/tag/x`). */
  path: string;
  filter: ListFilter;
}

/** One feed item: the summary, plus the body HTML when full text is on. */
export interface FeedEntry {
  article: ArticleSummary;
  html: string | null;
}

/**
 * The entries of a feed. With `fullText`, each body is rendered by `renderBody`
 * (the article page's own body view, handed in by the caller).
 */
export async function feedEntries(
  db: Kysely<Database>,
  scope: FeedScope,
  opts: { now: number; fullText: boolean; renderBody: (a: never) => string },
): Promise<FeedEntry[]> {
  const { items } = await listPublished(db, scope.filter, {
    now: opts.now,
    pageSize: FEED_SIZE,
    count: false,
  });
  if (!opts.fullText) return items.map((article) => ({ article, html: null }));
  return Promise.all(
    items.map(async (article) => {
      const found = await getPublishedArticle(db, article.id, opts.now);
      return {
        article,
        html: found.kind === 'found' ? opts.renderBody(found.article as never) : null,
      };
    }),
  );
}

/** The featured image for feeds: the largest JPEG up to 1,200 px, with its caption and credit. */
export function feedImage(config: Config, a: ArticleSummary) {
  const img = a.image;
  if (!img) return null;
  const widths = img.variants.jpeg;
  const width = [...widths].reverse().find((w) => w <= 1200) ?? widths[0];
  if (!width) return null;
  return {
    url: absoluteUrl(config.siteUrl, variantUrl(img.storageKey, width, 'jpeg')),
    width,
    height: img.width ? Math.round((img.height * width) / img.width) : 0,
    caption: img.caption,
    credit: img.credit,
    alt: img.alt,
  };
}

/** `<media:content>` for an item's image (RSS and Atom), with caption and credit. */
export function mediaContent(img: NonNullable<ReturnType<typeof feedImage>>): string {
  return (
    `<media:content url="${xmlEscape(img.url)}" medium="image" type="image/jpeg" width="${img.width}" height="${img.height}">` +
    (img.caption
      ? `<media:description type="plain">${xmlEscape(img.caption)}</media:description>`
      : '') +
    (img.credit ? `<media:credit>${xmlEscape(img.credit)}</media:credit>` : '') +
    '</media:content>'
  );
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The Atom 1.0 document of a scope. */
export function atomXml(
  config: Config,
  scope: FeedScope,
  entries: FeedEntry[],
  now: number,
): string {
  const home = `${config.siteUrl}${scope.path}`;
  const self = `${config.siteUrl}${scope.path === '/' ? '' : scope.path}/feed/atom`;
  const updated = entries[0]?.article.updatedAt ?? now;
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="${config.language}">`,
    `<title>${xmlEscape(scope.title)}</title>`,
    `<subtitle>${xmlEscape(scope.description)}</subtitle>`,
    `<id>${xmlEscape(home)}</id>`,
    `<link rel="alternate" type="text/html" href="${xmlEscape(home)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(self)}"/>`,
    `<updated>${iso(updated)}</updated>`,
    `<rights>${xmlEscape(`© ${config.siteName}`)}</rights>`,
  ];
  for (const { article: a, html } of entries) {
    const url = `${config.siteUrl}${a.url}`;
    const img = feedImage(config, a);
    out.push(
      '<entry>',
      `<title type="text">${xmlEscape(a.headline)}</title>`,
      `<id>${xmlEscape(url)}</id>`,
      `<link rel="alternate" type="text/html" href="${xmlEscape(url)}"/>`,
      `<published>${iso(a.publishedAt)}</published>`,
      `<updated>${iso(a.updatedAt)}</updated>`,
      ...(a.bylines.length
        ? a.bylines.map(
            (p) =>
              `<author><name>${xmlEscape(p.name)}</name><uri>${xmlEscape(config.siteUrl + p.url)}</uri></author>`,
          )
        : [`<author><name>${xmlEscape(config.siteName)}</name></author>`]),
      `<category term="${xmlEscape(a.section.slug)}" label="${xmlEscape(a.section.name)}"/>`,
      `<summary type="text">${xmlEscape(a.deck)}</summary>`,
      ...(html ? [`<content type="html">${xmlEscape(html)}</content>`] : []),
      ...(img
        ? [
            `<link rel="enclosure" type="image/jpeg" href="${xmlEscape(img.url)}"/>`,
            mediaContent(img),
          ]
        : []),
      '</entry>',
    );
  }
  out.push('</feed>');
  return `${out.join('\n')}\n`;
}

/** The JSON Feed 1.1 document of a scope (caption and credit in the `_warta` extension). */
export function jsonFeed(config: Config, scope: FeedScope, entries: FeedEntry[]): string {
  const home = `${config.siteUrl}${scope.path}`;
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: scope.title,
    description: scope.description,
    home_page_url: home,
    feed_url: `${config.siteUrl}${scope.path === '/' ? '' : scope.path}/feed/json`,
    language: config.language,
    items: entries.map(({ article: a, html }) => {
      const img = feedImage(config, a);
      return {
        id: `${config.siteUrl}${a.url}`,
        url: `${config.siteUrl}${a.url}`,
        title: a.headline,
        summary: a.deck,
        ...(html ? { content_html: html } : { content_text: a.deck }),
        date_published: iso(a.publishedAt),
        date_modified: iso(a.updatedAt),
        authors: a.bylines.map((p) => ({ name: p.name, url: `${config.siteUrl}${p.url}` })),
        tags: [a.section.name],
        ...(img
          ? {
              image: img.url,
              attachments: [{ url: img.url, mime_type: 'image/jpeg' }],
              _warta: { image_caption: img.caption, image_credit: img.credit, image_alt: img.alt },
            }
          : {}),
      };
    }),
  });
}
