import { articlePlaces } from '../content/reads.ts';
import type { Db } from '../db/connection.ts';
import type { EventBus } from '../lib/events.ts';
import { cacheKeys } from './keys.ts';
import type { PageCacheStore } from './store.ts';

/**
 * Purges remembered by sequence number, so a page rendered while a purge ran
 * (it may have read the data from before the change) is answered but not
 * stored: it would otherwise sit in the cache, stale, until it expires.
 */
export class PurgeLog {
  private seq = 0;
  private entries: { seq: number; keys: ReadonlySet<string> | 'all' }[] = [];
  constructor(private readonly store: PageCacheStore) {}

  get current(): number {
    return this.seq;
  }

  async purgeKeys(keys: readonly string[]): Promise<void> {
    this.note(new Set(keys));
    await this.store.purgeKeys(keys);
  }

  async purgeAll(): Promise<void> {
    this.note('all');
    await this.store.purgeAll();
  }

  private note(keys: ReadonlySet<string> | 'all'): void {
    this.entries.push({ seq: ++this.seq, keys });
    if (this.entries.length > 1000) this.entries.shift();
  }

  /** True when a purge after `since` touched any of these keys (or when it is too long ago to tell). */
  touchedSince(since: number, keys: readonly string[]): boolean {
    if (since === this.seq) return false;
    const oldest = this.entries[0]?.seq ?? this.seq + 1;
    if (since < oldest - 1) return true;
    return this.entries.some((e) => {
      if (e.seq <= since) return false;
      const touched = e.keys;
      return touched === 'all' || keys.some((k) => touched.has(k));
    });
  }
}

/**
 * Purges by surrogate key from the domain events. An article change purges its
 * page, every page linking to it, and the lists it belongs to now (home, its
 * section and the parent section, its tags and authors, the archive, search,
 * feeds and sitemaps); a comment appearing or disappearing purges its article's
 * page only; a section or settings change purges everything.
 */
export function wireCachePurges(
  events: EventBus,
  db: Db,
  store: Pick<PageCacheStore, 'purgeKeys' | 'purgeAll'>,
): void {
  const articleChanged = async ({ articleId }: { articleId: number }) => {
    const places = await articlePlaces(db.kysely, articleId);
    await store.purgeKeys([
      cacheKeys.article(articleId),
      cacheKeys.links(articleId),
      cacheKeys.home,
      cacheKeys.feeds,
      cacheKeys.sitemaps,
      cacheKeys.search,
      cacheKeys.archive,
      ...places.sectionIds.map(cacheKeys.section),
      ...places.tagIds.map(cacheKeys.tag),
      ...places.personIds.map(cacheKeys.author),
    ]);
  };
  events.onEveryProcess('article.published', articleChanged);
  events.onEveryProcess('article.updated', articleChanged);
  events.onEveryProcess('article.unpublished', articleChanged);
  events.onEveryProcess('article.deleted', articleChanged);
  const commentChanged = ({ articleId }: { articleId: number }) =>
    store.purgeKeys([cacheKeys.article(articleId)]);
  events.onEveryProcess('comment.approved', commentChanged);
  events.onEveryProcess('comment.hidden', commentChanged);
  // The menu is on every page, and comment settings on every article page.
  events.onEveryProcess('sections.changed', () => store.purgeAll());
  events.onEveryProcess('settings.changed', () => store.purgeAll());
  events.onEveryProcess('home.lead.changed', () => store.purgeKeys([cacheKeys.home]));
  // A replaced photo has new file URLs: every page of an article using it, and the lists showing it.
  events.onEveryProcess('media.replaced', async ({ articleIds }) => {
    for (const articleId of articleIds) await articleChanged({ articleId });
  });
  events.onEveryProcess('news.sitemap.changed', () => store.purgeKeys([cacheKeys.sitemaps]));
}
