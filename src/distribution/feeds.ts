import { Feed } from 'feed';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { ArticleSummary, Section } from '../content/model.ts';
import { listPublished } from '../content/queries.ts';
import type { Database } from '../db/schema.ts';
import { variantUrl } from '../media/variants.ts';

const FEED_SIZE = 30;

/**
 * RSS 2.0 for the whole site or one section, from the same read path as the
 * pages, so a feed never shows what a page would hide.
 */
export async function rssFeed(
  db: Kysely<Database>,
  config: Config,
  section?: Section,
  now = Date.now(),
): Promise<string> {
  const sectionIds = section ? [section.id, ...section.children.map((c) => c.id)] : undefined;
  const { items } = await listPublished(db, { sectionIds }, { now, pageSize: FEED_SIZE });
  const link = `${config.siteUrl}${section ? section.url : '/'}`;
  const feed = new Feed({
    title: section ? `${section.name} - ${config.siteName}` : config.siteName,
    description: section?.description || config.siteName,
    id: link,
    link,
    language: config.language,
    copyright: `© ${config.siteName}`,
    updated: items[0] ? new Date(items[0].updatedAt) : new Date(now),
    feedLinks: { rss: `${link.replace(/\/$/, '')}/feed` },
  });
  for (const a of items) feed.addItem(feedItem(config, a));
  return feed.rss2();
}

function feedItem(config: Config, a: ArticleSummary) {
  const url = `${config.siteUrl}${a.url}`;
  const width = a.image?.variants.jpeg.find((w) => w >= 640) ?? a.image?.variants.jpeg.at(-1);
  return {
    title: a.headline,
    id: url,
    link: url,
    description: a.deck,
    date: new Date(a.publishedAt),
    category: [{ name: a.section.name }],
    author: a.bylines.map((p) => ({ name: p.name })),
    ...(a.image && width
      ? {
          image: {
            url: `${config.siteUrl}${variantUrl(a.image.storageKey, width, 'jpeg')}`,
            type: 'image/jpeg',
          },
        }
      : {}),
  };
}
