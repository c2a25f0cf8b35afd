import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely, Selectable } from 'kysely';
import type { Database, MediaTable } from '../db/schema.ts';
import { AppError } from '../lib/errors.ts';
import { clampFocal, type Focal, parseCrops, regenerateCrops } from './crops.ts';
import { checkMediaText, checkUpload, cleanText } from './upload.ts';
import { ImageDecodeError, type StoredImage, storeImage, type Variants } from './variants.ts';

export interface ImageMeta {
  caption?: string;
  credit?: string;
  alt?: string;
  focalX?: number;
  focalY?: number;
}

/** A row of the media library as the newsroom uses it: the stored image and its library text. */
export interface MediaItem extends StoredImage {
  id: number;
  caption: string;
  credit: string;
  alt: string;
  createdAt: number;
  updatedAt: number | null;
  uploadedBy: number | null;
  originalName: string;
}

function newStorageKey(now: number): string {
  return `${now.toString(36)}-${randomBytes(4).toString('hex')}`;
}

/** Stores an image's variants and crops on disk and records it in the media library; returns its id. */
export async function addImage(
  db: Kysely<Database>,
  mediaDir: string,
  input: Buffer,
  meta: ImageMeta = {},
  now: number = Date.now(),
  extra: { uploadedBy?: number | null; originalName?: string } = {},
): Promise<number> {
  const focal = clampFocal({ x: meta.focalX ?? 0.5, y: meta.focalY ?? 0.5 });
  const stored = await storeImage(mediaDir, newStorageKey(now), input, { focal });
  try {
    const row = await db
      .insertInto('media')
      .values({
        storage_key: stored.storageKey,
        mime: stored.mime,
        width: stored.width,
        height: stored.height,
        bytes: stored.bytes,
        variants: JSON.stringify(stored.variants),
        crops: JSON.stringify(stored.crops),
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
    await rm(path.join(mediaDir, stored.storageKey), { recursive: true, force: true });
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
  mediaDir: string,
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
  let id: number;
  try {
    id = await addImage(db, mediaDir, file, { caption, credit, alt: text.alt }, now, {
      uploadedBy: input.uploadedBy,
      originalName: cleanText(path.basename(input.originalName ?? '')).slice(0, 200),
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    // The header was fine but the pixels are not: truncated or corrupt data.
    if (err instanceof ImageDecodeError)
      throw new AppError('MEDIA_CORRUPT', undefined, { cause: err });
    throw err;
  }
  return { id, prefilled };
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
  mediaDir: string,
  id: number,
  focal: Focal,
  now: number = Date.now(),
): Promise<MediaItem> {
  if (![focal.x, focal.y].every((v) => Number.isFinite(v) && v >= 0 && v <= 1)) {
    throw new AppError('MEDIA_BAD_FOCAL');
  }
  const item = await getMedia(db, id);
  if (!item) throw new AppError('NOT_FOUND');
  const crops = await regenerateCrops(mediaDir, item.storageKey, item, focal, item.crops);
  await db
    .updateTable('media')
    .set({ focal_x: focal.x, focal_y: focal.y, crops: JSON.stringify(crops), updated_at: now })
    .where('id', '=', id)
    .execute();
  return { ...item, focal, crops, updatedAt: now };
}
