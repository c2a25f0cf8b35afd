import { type Kysely, sql } from 'kysely';
import { articlesUsingMedia, type MediaUse } from '../content/reads.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../lib/errors.ts';
import { dayRangeInZone, type ZoneLabel } from '../lib/time.ts';
import { type MediaItem, mediaItemFromRow } from './library.ts';
import { MAX_CAPTION } from './upload.ts';
import { srcset, variantUrl } from './variants.ts';

/**
 * Reading the media library: search by caption, credit and upload date, the
 * articles that use an image, the alt-text check before publishing, and the
 * JSON shape the editor's picker reads. Plain SQL that reads the same on
 * SQLite and PostgreSQL.
 */

type K = Kysely<Database>;
/** Accepts the app's Db or a bare Kysely, so every capability can call these. */
const k = (db: Db | K): K => ('kysely' in db ? db.kysely : db);

export const LIBRARY_PAGE_SIZE = 24;

/** A library search: words in caption or credit, and an upload-date range [from, to). */
export interface MediaSearch {
  q?: string;
  from?: number;
  to?: number;
  page?: number;
  pageSize?: number;
  /**
   * Only what this staff member may see of a library they do not see whole
   * (a kontributor, see access.ts): their own uploads and published photos.
   */
  visibleTo?: number;
}

export interface MediaPage {
  items: MediaItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** `%` and `_` typed by a person are literal characters, not wildcards. */
function likePattern(word: string): string {
  return `%${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Newest first. Every word of `q` must appear in the caption or the credit,
 * ignoring case (for ASCII letters on SQLite, whose lower() knows no others).
 */
export async function searchMedia(db: Db | K, search: MediaSearch = {}): Promise<MediaPage> {
  const pageSize = search.pageSize ?? LIBRARY_PAGE_SIZE;
  const page = Math.max(1, search.page ?? 1);
  const words = (search.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8);
  let query = k(db).selectFrom('media');
  for (const word of words) {
    const pattern = likePattern(word);
    query = query.where(
      sql<boolean>`(lower(caption) like ${pattern} escape '\\' or lower(credit) like ${pattern} escape '\\')`,
    );
  }
  const viewer = search.visibleTo;
  if (viewer !== undefined) {
    query = query.where((eb) =>
      eb.or([eb('uploaded_by', '=', viewer), eb('published_at', 'is not', null)]),
    );
  }
  if (search.from !== undefined) query = query.where('created_at', '>=', search.from);
  if (search.to !== undefined) query = query.where('created_at', '<', search.to);
  const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await query
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items: rows.map(mediaItemFromRow), total: Number(count?.n ?? 0), page, pageSize };
}

/**
 * Parses the library's search form (`q`, `dari`, `sampai` as YYYY-MM-DD in
 * the site's zone, both days included). Throws MEDIA_BAD_SEARCH for an
 * impossible date, a reversed range or an overlong query.
 */
export function parseMediaSearch(
  raw: { q?: unknown; dari?: unknown; sampai?: unknown },
  zone: ZoneLabel,
): { q: string; from?: number; to?: number; dari: string; sampai: string } {
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : v === undefined ? '' : null);
  const q = str(raw.q);
  const dari = str(raw.dari);
  const sampai = str(raw.sampai);
  if (q === null || dari === null || sampai === null || q.length > 200) {
    throw new AppError('MEDIA_BAD_SEARCH');
  }
  const day = (s: string) => {
    if (!s) return undefined;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    const range = m ? dayRangeInZone(Number(m[1]), Number(m[2]), Number(m[3]), zone) : null;
    if (!range) throw new AppError('MEDIA_BAD_SEARCH');
    return range;
  };
  const from = day(dari)?.start;
  const to = day(sampai)?.end;
  if (from !== undefined && to !== undefined && from >= to) throw new AppError('MEDIA_BAD_SEARCH');
  return { q, from, to, dari, sampai };
}

export type { MediaUse } from '../content/reads.ts';

/**
 * The articles (not deleted) that use an image, featured or in the body: the
 * photo page's "used in" list. Content owns the articles table, so the read
 * is content's.
 */
export async function mediaUsage(db: Db | K, mediaId: number): Promise<MediaUse[]> {
  return articlesUsingMedia(k(db), mediaId);
}

/**
 * The ids among `mediaIds` whose library entry has no alt text (blank or only
 * spaces), unknown ids included: an article may not be published while any
 * remain. Overrides stored on the article itself are the caller's to weigh.
 */
export async function requireAltText(db: Db | K, mediaIds: number[]): Promise<number[]> {
  const ids = [...new Set(mediaIds.filter((id) => Number.isSafeInteger(id)))];
  if (ids.length === 0) return [];
  const rows = await k(db)
    .selectFrom('media')
    .select(['id', 'alt'])
    .where('id', 'in', ids)
    .execute();
  const withAlt = new Set(rows.filter((r) => r.alt.trim() !== '').map((r) => r.id));
  return ids.filter((id) => !withAlt.has(id));
}

/** What the editor's image picker and featured-image field read (GET /newsroom/media?format=json). */
export interface PickerItem {
  id: number;
  /** Small WebP (320 wide or the image's own width) for the grid. */
  thumbUrl: string;
  /** JPEG about 960 wide, for the editor's preview of the chosen photo. */
  previewUrl: string;
  /** WebP srcset of every width, for a sharp preview. */
  srcset: string;
  caption: string;
  credit: string;
  alt: string;
  width: number;
  height: number;
  createdAt: number;
}

/** The picker's JSON for one media item. */
export function pickerItem(item: MediaItem): PickerItem {
  const webp = [...item.variants.webp].sort((a, b) => a - b);
  const jpeg = [...item.variants.jpeg].sort((a, b) => a - b);
  const thumb = webp[0] ?? jpeg[0] ?? item.width;
  const preview = jpeg.find((w) => w >= 960) ?? jpeg.at(-1) ?? thumb;
  return {
    id: item.id,
    thumbUrl: variantUrl(item.storageKey, thumb, webp.length > 0 ? 'webp' : 'jpeg'),
    previewUrl: variantUrl(item.storageKey, preview, jpeg.length > 0 ? 'jpeg' : 'webp'),
    srcset: srcset(item.storageKey, item.variants, 'webp'),
    caption: item.caption.slice(0, MAX_CAPTION),
    credit: item.credit,
    alt: item.alt,
    width: item.width,
    height: item.height,
    createdAt: item.createdAt,
  };
}
