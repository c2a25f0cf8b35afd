import { Feed } from 'feed';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { ArticleSummary, Section } from '../content/model.ts';
import { listPublished } from '../content/queries.ts';
import type { Database } from '../db/schema.ts';
import { xmlChars } from '../lib/plain-text.ts';
import { variantUrl } from '../media/variants.ts';
import { absoluteUrl } from '../site/views/urls.ts';
import { feedImage, mediaContent } from './feed-formats.ts';
import { rssText } from './xml.ts';

const FEED_SIZE = 30;

/**
 * RSS 2.0 for the whole site or one section, from the same read path as the
 * pages, so a feed never shows what a page would hide.
 *
 * How plain text goes in: readers and partner sites render `<title>` and
 * `<description>` as HTML, so those get `rssText` (HTML-escaped, then the
 * `feed` package escapes or CDATA-wraps it as XML); every other text
 * (authors, categories, copyright) is XML text and only loses the characters
 * XML forbids, which the `feed` package would otherwise write as they are.
 */
export async function rssFeed(
  db: Kysely<Database>,
  config: Config,
  section?: Section,
  now = Date.now(),
): Promise<string> {
  const sectionIds = section ? [section.id, ...section.children.map((c) => c.id)] : undefined;
  const { items } = await listPublished(db, { sectionIds }, { now, pageSize: FEED_SIZE });
  return feedXml(config, items, section, now);
}

/** The RSS 2.0 document for these articles (the site's feed, or `section`'s). */
export function feedXml(
  config: Config,
  items: ArticleSummary[],
  section?: Pick<Section, 'name' | 'url' | 'description'>,
  now = Date.now(),
  /** Full text by article id, when the site's feeds carry it. */
  html?: Map<number, string>,
): string {
  const link = `${config.siteUrl}${section ? section.url : '/'}`;
  const feed = new Feed({
    title: rssText(section ? `${section.name} - ${config.siteName}` : config.siteName),
    description: rssText(section?.description || config.siteName),
    id: link,
    link,
    language: config.language,
    copyright: xmlChars(`© ${config.siteName}`),
    updated: items[0] ? new Date(items[0].updatedAt) : new Date(now),
    feedLinks: { rss: `${link.replace(/\/$/, '')}/feed` },
  });
  for (const a of items) {
    const full = html?.get(a.id);
    feed.addItem({ ...feedItem(config, a), ...(full ? { content: full } : {}) });
  }
  return withMediaContent(config, feed.rss2(), items);
}

/**
 * Adds the Media RSS namespace and a `<media:content>` (caption and credit
 * included) to each item that has a featured image; items are written in
 * order, so the n-th `</item>` closes the n-th article.
 */
function withMediaContent(config: Config, xml: string, items: ArticleSummary[]): string {
  let n = 0;
  const withItems = xml.replace(/<\/item>/g, (close) => {
    const a = items[n++];
    const img = a ? feedImage(config, a) : null;
    return img ? `${mediaContent(img)}\n${close}` : close;
  });
  return withItems.replace(/<rss /, '<rss xmlns:media="http://search.yahoo.com/mrss/" ');
}

function feedItem(config: Config, a: ArticleSummary) {
  const url = `${config.siteUrl}${a.url}`;
  const width = a.image?.variants.jpeg.find((w) => w >= 640) ?? a.image?.variants.jpeg.at(-1);
  return {
    title: rssText(a.headline),
    id: url,
    link: url,
    description: rssText(a.deck),
    date: new Date(a.publishedAt),
    category: [{ name: xmlChars(a.section.name) }],
    author: a.bylines.map((p) => ({ name: xmlChars(p.name) })),
    ...(a.image && width
      ? {
          image: {
            url: absoluteUrl(config.siteUrl, variantUrl(a.image.storageKey, width, 'jpeg')),
            type: 'image/jpeg',
          },
        }
      : {}),
  };
}
