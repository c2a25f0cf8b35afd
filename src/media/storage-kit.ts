import type { Readable } from 'node:stream';

// What both storages share: the interface, key rules, content types and errors (storage.ts picks one).

/** Where media files are kept (storage-local.ts, storage-s3.ts); keys are MEDIA_KEY. */
export interface MediaStorage {
  readonly kind: 'local' | 's3';
  /** Where the files are, for messages: a folder, or `s3://bucket/prefix`. */
  readonly location: string;
  /** Stores one file whole: readers never see half of it (temp file + rename; S3 PUT). */
  put(key: string, body: Buffer, contentType?: string): Promise<void>;
  /** The file's bytes, or null when there is none. */
  get(key: string): Promise<Buffer | null>;
  /** The file as a stream with what an HTTP answer needs, or null when there is none. */
  /** A file to send; with `headOnly`, only what its headers say (a HEAD request reads no bytes). */
  open(
    key: string,
    opts?: { ifNoneMatch?: string; headOnly?: boolean },
  ): Promise<MediaObject | null>;
  exists(key: string): Promise<boolean>;
  /** Removes one file (nothing happens when it is missing). */
  remove(key: string): Promise<void>;
  /** Removes a photo's folder: every file under `<storageKey>/`. */
  removePrefix(storageKey: string): Promise<void>;
  /** Every file, or those under `<storageKey>/`, with its size (for migration and clean-up). */
  list(storageKey?: string): AsyncIterable<StoredFile>;
  /** Throws a readable StorageError unless files can be written (readiness, doctor). */
  check(): Promise<void>;
  /** Lets go of connections (app.close(), CLI commands); a later call connects anew. */
  close(): void;
}

export interface StoredFile {
  key: string;
  size: number;
}

export type MediaObject =
  | { notModified: true; etag: string }
  | {
      notModified?: false;
      /** Absent when only the headers were asked for. */
      body?: Readable;
      contentType: string;
      size?: number;
      etag?: string;
    };

/** A storage that cannot be used, with a message that says why in words an operator can act on. */
export class StorageError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'StorageError';
  }
}

/** `<storageKey>/<name>.<ext>`: the storage key rule (files.ts) plus one plain file name. */
export const MEDIA_KEY = /^[a-z0-9][a-z0-9-]{0,63}\/[a-z0-9][a-z0-9-]{0,40}\.[a-z0-9]{1,5}$/;

export function assertMediaKey(key: string): void {
  if (!MEDIA_KEY.test(key)) throw new Error(`Invalid media key ${JSON.stringify(key)}`);
}

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

/** The Content-Type of a media file, from its extension. */
export function contentTypeOf(key: string): string {
  return CONTENT_TYPES[key.slice(key.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
}

/** Every file name is new for new content (a new folder, a `?v=`), so caches may keep it for good. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
