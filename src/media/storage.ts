import type { Config } from '../config.ts';
import type { MediaStorage } from './storage-kit.ts';
import { LocalStorage } from './storage-local.ts';
import { S3Storage } from './storage-s3.ts';

export * from './storage-kit.ts';

/**
 * Where media files live: one interface over the local media folder (the
 * default) and an S3-compatible bucket (AWS, MinIO, R2, Ceph). Every reader and
 * writer of photo files goes through it; image processing stays where it is.
 *
 * A key is `<storageKey>/<file>` (e.g. `lz3k-0a1b/320.webp`): one photo's
 * folder and one file in it, both checked by MEDIA_KEY, so no key can name
 * anything outside the library. The interface and its helpers are in
 * storage-kit.ts (so the two implementations need not import this file).
 */

/** The settings a storage is made from (a Config has them all). */
export type StorageSettings = Pick<
  Config,
  | 'mediaStorage'
  | 'mediaDir'
  | 's3Bucket'
  | 's3Region'
  | 's3Endpoint'
  | 's3ForcePathStyle'
  | 's3AccessKeyId'
  | 's3SecretAccessKey'
  | 's3Prefix'
>;

/** A storage or, where older code and tests pass one, a local media folder. */
export type MediaTarget = MediaStorage | string;

const made = new Map<string, MediaStorage>();

/**
 * The storage the configuration names. One instance per distinct setting, so
 * every route of an app (and the S3 client's connection pool) is shared.
 */
export function mediaStorage(config: StorageSettings): MediaStorage {
  const settings: StorageSettings = {
    mediaStorage: config.mediaStorage,
    mediaDir: config.mediaDir,
    s3Bucket: config.s3Bucket,
    s3Region: config.s3Region,
    s3Endpoint: config.s3Endpoint,
    s3ForcePathStyle: config.s3ForcePathStyle,
    s3AccessKeyId: config.s3AccessKeyId,
    s3SecretAccessKey: config.s3SecretAccessKey,
    s3Prefix: config.s3Prefix,
  };
  if (settings.mediaStorage !== 's3') return storageOf(settings.mediaDir);
  const id = JSON.stringify(settings);
  let storage = made.get(id);
  if (!storage) {
    // A closed storage is made anew by the next caller.
    storage = new S3Storage(settings, () => made.delete(id));
    made.set(id, storage);
  }
  return storage;
}

/** The storage behind a target: a string is a local media folder. */
export function storageOf(target: MediaTarget): MediaStorage {
  return typeof target === 'string' ? new LocalStorage(target) : target;
}
