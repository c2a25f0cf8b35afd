import { constants, createReadStream } from 'node:fs';
import { access, mkdir, readdir, readFile, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { matchesEtag } from '../lib/http-cache.ts';
import { assertStorageKey, writeAtomic } from './files.ts';
import {
  assertMediaKey,
  contentTypeOf,
  MEDIA_KEY,
  type MediaObject,
  type MediaStorage,
  StorageError,
  type StoredFile,
} from './storage-kit.ts';

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The media folder on this machine (MEDIA_DIR): `<dir>/<storageKey>/<file>`,
 * each file written to a temp name and renamed, as before there was a choice.
 * `/media/` is served from it by serve.ts, as from a bucket.
 */
export class LocalStorage implements MediaStorage {
  readonly kind = 'local';
  constructor(readonly dir: string) {}

  get location(): string {
    return this.dir;
  }

  private file(key: string): string {
    assertMediaKey(key);
    return path.join(this.dir, key);
  }

  async put(key: string, body: Buffer): Promise<void> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeAtomic(path.dirname(file), path.basename(file), body);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.file(key));
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async open(
    key: string,
    opts: { ifNoneMatch?: string; headOnly?: boolean } = {},
  ): Promise<MediaObject | null> {
    const file = this.file(key);
    try {
      const { size, mtimeMs } = await stat(file);
      // A file is written once under its name (a replaced photo gets a new folder): size and time name it.
      const etag = `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
      if (opts.ifNoneMatch && matchesEtag(opts.ifNoneMatch, etag))
        return { notModified: true, etag };
      const body = opts.headOnly ? undefined : createReadStream(file);
      return { body, contentType: contentTypeOf(key), size, etag };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await stat(this.file(key)).catch(() => null))?.isFile() ?? false;
  }

  async remove(key: string): Promise<void> {
    await unlink(this.file(key)).catch((err) => {
      if (!isMissing(err)) throw err;
    });
  }

  async removePrefix(storageKey: string): Promise<void> {
    assertStorageKey(storageKey);
    await rm(path.join(this.dir, storageKey), { recursive: true, force: true });
  }

  /** Files only: temp files (`.name.tmp`) and anything that is no media key are left out. */
  async *list(storageKey?: string): AsyncIterable<StoredFile> {
    if (storageKey !== undefined) assertStorageKey(storageKey);
    const folders = storageKey === undefined ? await names(this.dir) : [storageKey];
    for (const folder of folders.sort()) {
      for (const name of (await names(path.join(this.dir, folder))).sort()) {
        const key = `${folder}/${name}`;
        if (!MEDIA_KEY.test(key)) continue;
        const info = await stat(path.join(this.dir, key)).catch(() => null);
        if (info?.isFile()) yield { key, size: info.size };
      }
    }
  }

  async check(): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true });
      await access(this.dir, constants.W_OK);
    } catch (err) {
      throw new StorageError(
        `cannot write to MEDIA_DIR ${this.dir}: ${(err as Error).message}`,
        err,
      );
    }
  }

  close(): void {}
}

async function names(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (err) {
    if (isMissing(err) || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw err;
  }
}
