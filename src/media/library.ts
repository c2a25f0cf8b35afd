import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { storeImage } from './variants.ts';

export interface ImageMeta {
  caption?: string;
  credit?: string;
  alt?: string;
  focalX?: number;
  focalY?: number;
}

/** Stores an image's variants on disk and records it in the media library; returns its id. */
export async function addImage(
  db: Kysely<Database>,
  mediaDir: string,
  input: Buffer,
  meta: ImageMeta = {},
  now: number = Date.now(),
): Promise<number> {
  const storageKey = `${now.toString(36)}-${randomBytes(4).toString('hex')}`;
  const stored = await storeImage(mediaDir, storageKey, input);
  const row = await db
    .insertInto('media')
    .values({
      storage_key: stored.storageKey,
      mime: stored.mime,
      width: stored.width,
      height: stored.height,
      bytes: stored.bytes,
      variants: JSON.stringify(stored.variants),
      caption: meta.caption ?? '',
      credit: meta.credit ?? '',
      alt: meta.alt ?? '',
      focal_x: meta.focalX ?? 0.5,
      focal_y: meta.focalY ?? 0.5,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
