import type { Config } from '../../config.ts';
import type { EditableArticle } from '../../content/editable.ts';
import type { Article, ImageRef } from '../../content/model.ts';
import { publishedHeadlines } from '../../content/staff-reads.ts';
import { articleUrl } from '../../content/urls.ts';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../lib/errors.ts';
import { getMediaMany, type MediaItem } from '../../media/library.ts';
import type { Asset } from '../../site/assets.ts';
import { siteContext } from '../../site/context.ts';
import { renderDocument } from '../../site/render.tsx';
import { ArticlePage } from '../../site/views/index.ts';
import { sectionChoices } from './queries.ts';

/**
 * The preview of an article in any state, rendered by the public article page
 * itself (site/views: same body renderer, same figure, same dateline), so what
 * the editor sees is what the reader will get. Never cached, never indexed.
 */

function imageRef(
  item: MediaItem,
  over: { caption?: string; credit?: string; alt?: string; archive?: boolean } = {},
): ImageRef {
  return {
    mediaId: item.id,
    storageKey: item.storageKey,
    width: item.width,
    height: item.height,
    variants: { webp: item.variants.webp ?? [], jpeg: item.variants.jpeg ?? [] },
    alt: over.alt || item.alt,
    caption: over.caption || item.caption,
    credit: over.credit || item.credit,
    archive: over.archive ?? false,
  };
}

/** Renders the full public page for an editable article. */
export async function renderPreview(
  config: Config,
  db: Db,
  assets: { css: Asset; js: Asset },
  a: EditableArticle,
): Promise<string> {
  const now = Date.now();
  const ctx = await siteContext(config, db, { css: assets.css.url, js: assets.js.url });
  const e = a.edit;
  const section = (await sectionChoices(db)).find((x) => x.id === e.sectionId);
  if (!section) throw new AppError('NOT_FOUND');
  const ids = e.body.flatMap((b) => (b.type === 'image' ? [b.mediaId] : []));
  if (e.featured.mediaId != null) ids.push(e.featured.mediaId);
  const media = new Map((await getMediaMany(db.kysely, ids)).map((m) => [m.id, m]));
  const featured = e.featured.mediaId == null ? undefined : media.get(e.featured.mediaId);
  const people = e.bylines.map((name, i) => ({
    id: -i - 1,
    slug: '',
    name,
    initials: '',
    url: '#',
  }));
  const tags = e.tags.map((name, i) => ({ id: -i - 1, slug: '', name, url: '#' }));
  const url = articleUrl(section.slug, a.id, e.slug || 'pratinjau');
  const article: Article = {
    id: a.id,
    slug: e.slug,
    url,
    headline: e.headline,
    deck: e.deck,
    section: { id: section.id, slug: section.slug, name: section.name, url: `/${section.slug}` },
    image: featured ? imageRef(featured, e.featured) : null,
    bylines: people,
    publishedAt: a.publishedAt ?? a.scheduledAt ?? now,
    updatedAt: Math.max(a.publishedAt ?? 0, a.modifiedAt),
    body: e.body,
    bodyImages: Object.fromEntries([...media.values()].map((m) => [m.id, imageRef(m)])),
    dateline: e.dateline,
    sourceCredit: e.sourceCredit,
    bylineInitials: e.bylineInitials,
    tags,
    firstPublishedAt: a.publishedAt ?? now,
    commentsOpen: false,
    seoTitle: e.seoTitle,
    seoDescription: e.seoDescription,
    pinnedIds: e.pins,
  };
  const placedIds = e.body.flatMap((b) => (b.type === 'related' ? [b.articleId] : []));
  const [pins, placed] = await Promise.all([
    publishedHeadlines(db, e.pins, now),
    publishedHeadlines(db, placedIds, now),
  ]);
  const link = (p: { id: number; headline: string }) => ({
    id: p.id,
    headline: p.headline,
    url: `/newsroom/artikel/${p.id}`,
  });
  return renderDocument(
    ArticlePage(
      ctx,
      {
        article,
        inlineRelated: pins.map(link),
        placedRelated: placed.map(link),
        moreFromSection: [],
        latest: [],
        comments: [],
      },
      { noindex: true },
    ),
  );
}
