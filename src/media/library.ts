import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Kysely, Selectable } from 'kysely';
import type { Database, MediaTable } from '../db/schema.ts';
import { AppError } from '../lib/errors.ts';
import { clampFocal, type Focal, parseCrops, regenerateCrops } from './crops.ts';
import { type MediaTarget, storageOf } from './storage.ts';
import { checkMediaText, checkUpload, cleanText } from './upload.ts';
import {
  assertStorageKey,
  ImageDecodeError,
  type StoredImage,
  storeImage,
  type Variants,
} from './variants.ts';

export interface ImageMeta {
  caption?: string;
  credit?: string;
  alt?: string;
  focalX?: number;
  focalY?: number;
}

/** A row of the media library as the newsroom uses it: the stored image and its library text. */
/** The columns of a media row that describe its stored files (a new upload, or a replacement). */
function fileColumns(stored: StoredImage) {
  return {
    storage_key: stored.storageKey,
    mime: stored.mime,
    width: stored.width,
    height: stored.height,
    bytes: stored.bytes,
    variants: JSON.stringify(stored.variants),
    crops: JSON.stringify(stored.crops),
  };
}

export interface MediaItem extends StoredImage {
  id: number;
  caption: string;
  credit: string;
  alt: string;
  createdAt: number;
  updatedAt: number | null;
  uploadedBy: number | null;
  originalName: string;
  /** When an article using it was first published; null while no reader has seen it. */
  publishedAt: number | null;
}

/**
 * A new folder name. Files are served by this name to anyone who knows it, so
 * the address of a photo no article has published yet (a stringer's upload
 * for a draft) must not be guessable: 64 random bits.
 */
function newStorageKey(now: number): string {
  return `${now.toString(36)}-${randomBytes(8).toString('hex')}`;
}

/** Stores an image's variants and crops on disk and records it in the media library; returns its id. */
export async function addImage(
  db: Kysely<Database>,
  media: MediaTarget,
  input: Buffer,
  meta: ImageMeta = {},
  now: number = Date.now(),
  extra: { uploadedBy?: number | null; originalName?: string } = {},
): Promise<number> {
  const focal = clampFocal({ x: meta.focalX ?? 0.5, y: meta.focalY ?? 0.5 });
  const stored = await storeImage(media, newStorageKey(now), input, { focal });
  try {
    const row = await db
      .insertInto('media')
      .values({
        ...fileColumns(stored),
        caption: meta.caption ?? '',
        credit: meta.credit ?? '',
        alt: meta.alt ?? '',
        focal_x: focal.x,
        focal_y: focal.y,
        created_at: now,
        uploaded_by: extra.uploadedBy ?? null,
        original_name: extra.originalName ?? '',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  } catch (err) {
    // No row, no files: an image nobody can find in the library must not stay on disk.
    await removeFolder(media, stored.storageKey);
    throw err;
  }
}

/** What the upload form sends besides the file. */
export interface UploadInput {
  caption?: unknown;
  credit?: unknown;
  alt?: unknown;
  originalName?: string;
  uploadedBy: number;
}

/**
 * A staff upload: checks the file by content (see upload.ts), fills an empty
 * caption or credit from the photo's IPTC/XMP, stores variants and crops, and
 * records the row. Any failure throws an AppError in the catalog and leaves
 * neither a row nor a file behind.
 */
export async function uploadImage(
  db: Kysely<Database>,
  media: MediaTarget,
  file: Buffer,
  input: UploadInput,
  now: number = Date.now(),
): Promise<{ id: number; prefilled: boolean }> {
  const text = checkMediaText(input);
  const checked = await checkUpload(file);
  const caption = text.caption || checked.prefill.caption;
  const credit = text.credit || checked.prefill.credit;
  const prefilled =
    (!text.caption && !!checked.prefill.caption) || (!text.credit && !!checked.prefill.credit);
  const id = await asUploadError(() =>
    addImage(db, media, file, { caption, credit, alt: text.alt }, now, {
      uploadedBy: input.uploadedBy,
      originalName: fileName(input.originalName),
    }),
  );
  return { id, prefilled };
}

/** One file of a several-file upload: the photo it became, or why it was refused. */
export interface UploadOutcome {
  name: string;
  id?: number;
  prefilled?: boolean;
  error?: AppError;
}

/**
 * Several files with one caption, credit and alt (refused once for all when
 * too long): each file is checked and stored on its own, one after another,
 * and a refused one does not stop the others. A file may arrive already
 * refused (`error`, e.g. too large for the parser). A lone file's refusal, and
 * any server fault, is thrown as uploadImage throws it.
 */
export async function uploadImages(
  db: Kysely<Database>,
  media: MediaTarget,
  files: Array<{ name: string; data?: Buffer; error?: AppError }>,
  input: Omit<UploadInput, 'originalName'>,
): Promise<UploadOutcome[]> {
  if (files.length === 0) throw new AppError('MEDIA_NO_FILE');
  checkMediaText(input);
  const outcomes: UploadOutcome[] = [];
  for (const file of files) {
    try {
      if (file.error) throw file.error;
      if (!file.data) throw new AppError('MEDIA_NO_FILE');
      const { id, prefilled } = await uploadImage(db, media, file.data, {
        ...input,
        originalName: file.name,
      });
      outcomes.push({ name: file.name, id, prefilled });
    } catch (err) {
      if (files.length === 1 || !(err instanceof AppError) || err.status >= 500) throw err;
      outcomes.push({ name: file.name, error: err });
    }
  }
  return outcomes;
}

/** The name a file was uploaded with, as the library shows it (never used as a path). */
function fileName(name: string | undefined): string {
  return cleanText(path.basename(name ?? '')).slice(0, 200);
}

/** Runs a store of a checked upload; pixels that cannot be decoded are the uploader's MEDIA_CORRUPT. */
async function asUploadError<T>(store: () => Promise<T>): Promise<T> {
  try {
    return await store();
  } catch (err) {
    if (err instanceof AppError) throw err;
    // The header was fine but the pixels are not: truncated or corrupt data.
    if (err instanceof ImageDecodeError)
      throw new AppError('MEDIA_CORRUPT', undefined, { cause: err });
    throw err;
  }
}

/**
 * Puts a new file behind an existing library item: the same checks as any
 * upload, every variant and crop cut again (around the item's focal point)
 * into a new folder, the row pointed at it, the old folder removed. The id
 * stays, so every article using the photo shows the new one; the folder
 * changes, so no browser or CDN keeps serving the old files from its cache.
 * Caption, credit and alt stay (an empty one is filled from the new file's
 * IPTC/XMP). A replace that lost a race with another one keeps nothing and
 * throws MEDIA_CHANGED.
 */
export async function replaceImage(
  db: Kysely<Database>,
  media: MediaTarget,
  id: number,
  file: Buffer,
  input: { originalName?: string } = {},
  now: number = Date.now(),
): Promise<MediaItem> {
  const item = await getMedia(db, id);
  if (!item) throw new AppError('NOT_FOUND');
  const checked = await checkUpload(file);
  const stored = await asUploadError(() =>
    storeImage(media, newStorageKey(now), file, { focal: item.focal }),
  );
  const caption = item.caption || checked.prefill.caption;
  const credit = item.credit || checked.prefill.credit;
  try {
    const res = await db
      .updateTable('media')
      .set({
        ...fileColumns(stored),
        caption,
        credit,
        original_name: fileName(input.originalName),
        updated_at: now,
      })
      .where('id', '=', id)
      .where('storage_key', '=', item.storageKey)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('MEDIA_CHANGED');
  } catch (err) {
    await removeFolder(media, stored.storageKey);
    throw err;
  }
  await removeFolder(media, item.storageKey);
  return {
    ...item,
    ...stored,
    focal: item.focal,
    caption,
    credit,
    originalName: fileName(input.originalName),
    updatedAt: now,
  };
}

/** Removes a photo's folder (every variant, crop and the original). */
export async function removeFolder(media: MediaTarget, storageKey: string): Promise<void> {
  assertStorageKey(storageKey);
  await storageOf(media).removePrefix(storageKey);
}

function toItem(row: Selectable<MediaTable>): MediaItem {
  return {
    id: row.id,
    storageKey: row.storage_key,
    mime: row.mime,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    variants: JSON.parse(row.variants) as Variants,
    crops: parseCrops(row.crops),
    caption: row.caption,
    credit: row.credit,
    alt: row.alt,
    focal: { x: Number(row.focal_x), y: Number(row.focal_y) },
    createdAt: Number(row.created_at),
    updatedAt: row.updated_at == null ? null : Number(row.updated_at),
    uploadedBy: row.uploaded_by,
    originalName: row.original_name,
    publishedAt: row.published_at == null ? null : Number(row.published_at),
  };
}

/** One media item, or undefined. */
export async function getMedia(db: Kysely<Database>, id: number): Promise<MediaItem | undefined> {
  const row = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toItem(row) : undefined;
}

/** Media items by id (any order; missing ids are simply absent). */
export async function getMediaMany(db: Kysely<Database>, ids: number[]): Promise<MediaItem[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('media').selectAll().where('id', 'in', ids).execute();
  return rows.map(toItem);
}

export { toItem as mediaItemFromRow };

/** Saves caption, credit and alt (cleaned, length-checked); NOT_FOUND for an unknown id. */
export async function updateMediaText(
  db: Kysely<Database>,
  id: number,
  input: { caption?: unknown; credit?: unknown; alt?: unknown },
  now: number = Date.now(),
): Promise<void> {
  const text = checkMediaText(input);
  const res = await db
    .updateTable('media')
    .set({ ...text, updated_at: now })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw new AppError('NOT_FOUND');
}

/**
 * Moves the focal point and recuts the 16:9, 4:3 and 1:1 crops around it from
 * the stored original; the crop version goes up so browsers fetch the new files.
 */
export async function setFocalPoint(
  db: Kysely<Database>,
  media: MediaTarget,
  id: number,
  focal: Focal,
  now: number = Date.now(),
): Promise<MediaItem> {
  if (![focal.x, focal.y].every((v) => Number.isFinite(v) && v >= 0 && v <= 1)) {
    throw new AppError('MEDIA_BAD_FOCAL');
  }
  const item = await getMedia(db, id);
  if (!item) throw new AppError('NOT_FOUND');
  const crops = await regenerateCrops(media, item.storageKey, item, focal, item.crops);
  await db
    .updateTable('media')
    .set({ focal_x: focal.x, focal_y: focal.y, crops: JSON.stringify(crops), updated_at: now })
    .where('id', '=', id)
    .execute();
  return { ...item, focal, crops, updatedAt: now };
}
