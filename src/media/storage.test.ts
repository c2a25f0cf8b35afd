import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3, type TestS3 } from '../../test/support/s3.ts';
import { loadConfig } from '../config.ts';
import { IMMUTABLE, type MediaStorage, mediaStorage, StorageError } from './storage.ts';
import { LocalStorage } from './storage-local.ts';

let s3: TestS3;
const dirs: string[] = [];
const made: MediaStorage[] = [];

beforeAll(async () => {
  s3 = await startS3();
});
afterAll(async () => {
  for (const m of made) m.close();
  await s3.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function s3Storage(extra: Record<string, string | boolean> = {}): MediaStorage {
  const storage = mediaStorage(
    loadConfig({}, { ...s3.config, secretKey: 'x'.repeat(32), ...extra }),
  );
  made.push(storage);
  return storage;
}

async function keys(storage: MediaStorage, storageKey?: string) {
  const out: { key: string; size: number }[] = [];
  for await (const f of storage.list(storageKey)) out.push(f);
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

const backends: [string, () => MediaStorage][] = [
  [
    'local',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'warta-storage-'));
      dirs.push(dir);
      return new LocalStorage(dir);
    },
  ],
  ['s3', () => s3Storage()],
  // A prefix keeps keys as they are for callers and puts every object under it.
  [
    's3 with S3_PREFIX',
    () => s3Storage({ s3Prefix: `situs-${Math.random().toString(36).slice(2, 6)}/` }),
  ],
];

describe.each(backends)('media storage contract: %s', (_name, make) => {
  let storage: MediaStorage;
  beforeAll(() => {
    storage = make();
  });

  it('puts, gets, tells existence and lists with sizes', async () => {
    await storage.check();
    expect(await storage.get('abc-1/320.webp')).toBeNull();
    expect(await storage.exists('abc-1/320.webp')).toBe(false);
    await storage.put('abc-1/320.webp', Buffer.from('webp-bytes'), 'image/webp');
    await storage.put('abc-1/original.jpg', Buffer.from('jpeg'), 'image/jpeg');
    await storage.put('abc-2/16x9-320.avif', Buffer.from('a'), 'image/avif');
    expect((await storage.get('abc-1/320.webp'))?.toString()).toBe('webp-bytes');
    expect(await storage.exists('abc-1/320.webp')).toBe(true);
    expect(await keys(storage)).toEqual([
      { key: 'abc-1/320.webp', size: 10 },
      { key: 'abc-1/original.jpg', size: 4 },
      { key: 'abc-2/16x9-320.avif', size: 1 },
    ]);
    expect(await keys(storage, 'abc-2')).toEqual([{ key: 'abc-2/16x9-320.avif', size: 1 }]);
    expect(await keys(storage, 'abc')).toEqual([]);
  });

  it('opens a file as a stream with its content type; missing is null', async () => {
    const object = await storage.open('abc-1/original.jpg');
    if (!object || object.notModified) throw new Error('expected the object');
    expect(object.contentType).toBe('image/jpeg');
    expect(object.size).toBe(4);
    const chunks: Buffer[] = [];
    for await (const c of object.body ?? []) chunks.push(Buffer.from(c));
    expect(Buffer.concat(chunks).toString()).toBe('jpeg');
    expect(await storage.open('abc-1/nothing.jpg')).toBeNull();
    // Only the headers: the same type and size, no bytes read.
    const head = await storage.open('abc-1/original.jpg', { headOnly: true });
    if (!head || head.notModified) throw new Error('expected the object');
    expect([head.contentType, head.size, head.body]).toEqual(['image/jpeg', 4, undefined]);
    expect(await storage.open('abc-1/nothing.jpg', { headOnly: true })).toBeNull();
  });

  it('overwrites whole, removes one file and a whole folder only', async () => {
    await storage.put('abc-1/320.webp', Buffer.from('new'), 'image/webp');
    expect((await storage.get('abc-1/320.webp'))?.toString()).toBe('new');
    await storage.remove('abc-1/320.webp');
    await storage.remove('abc-1/320.webp');
    expect(await storage.exists('abc-1/320.webp')).toBe(false);
    await storage.removePrefix('abc-1');
    await storage.removePrefix('abc-9');
    expect((await keys(storage)).map((f) => f.key)).toEqual(['abc-2/16x9-320.avif']);
  });

  it('refuses keys that are not one folder and one plain file name', async () => {
    for (const bad of [
      '../etc/passwd',
      'abc-1/../x.jpg',
      'abc-1/.x.jpg',
      'ABC/x.jpg',
      'a/b/c.jpg',
      'abc-1/x',
    ]) {
      await expect(storage.put(bad, Buffer.from('x'))).rejects.toThrow(/Invalid media key/);
      await expect(storage.get(bad)).rejects.toThrow(/Invalid media key/);
    }
    await expect(storage.removePrefix('../x')).rejects.toThrow(/Invalid storage key/);
  });
});

describe('local storage', () => {
  it('writes each file whole: concurrent writers leave one complete file and no temp files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warta-storage-'));
    dirs.push(dir);
    const storage = new LocalStorage(dir);
    const bodies = Array.from({ length: 8 }, (_, i) => Buffer.alloc(256 * 1024, i + 1));
    await Promise.all(bodies.map((b) => storage.put('race-1/960.jpg', b)));
    const got = await storage.get('race-1/960.jpg');
    expect(got?.length).toBe(256 * 1024);
    expect(new Set(got).size).toBe(1);
    expect(readdirSync(join(dir, 'race-1'))).toEqual(['960.jpg']);
  });

  it('check() says which folder cannot be written', async () => {
    // Tests run as root, so no permission stops a write: a file where the folder should be does.
    const dir = mkdtempSync(join(tmpdir(), 'warta-storage-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'file'), 'x');
    const storage = new LocalStorage(join(dir, 'file', 'media'));
    await expect(storage.check()).rejects.toThrow(
      /cannot write to MEDIA_DIR .*file\/media: ENOTDIR/,
    );
  });
});

describe('S3 storage', () => {
  it('stores every object with its Content-Type and the immutable Cache-Control', async () => {
    const storage = s3Storage({ s3Prefix: 'hdr' });
    await storage.put('hdr-1/640.avif', Buffer.from('x'));
    const client = new S3Client({
      region: 'us-east-1',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    try {
      const head = await client.send(
        new HeadObjectCommand({ Bucket: s3.bucket, Key: 'hdr/hdr-1/640.avif' }),
      );
      expect(head.ContentType).toBe('image/avif');
      expect(head.CacheControl).toBe(IMMUTABLE);
    } finally {
      client.destroy();
    }
  });

  it('check() names a missing bucket and an endpoint that does not answer', async () => {
    const missing = s3Storage({ s3Bucket: 'tidak-ada-ember' });
    const err = await missing.check().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as Error).message).toMatch(/bucket "tidak-ada-ember" does not exist/);

    const port = await closedPort();
    const away = s3Storage({ s3Endpoint: `http://127.0.0.1:${port}` });
    await expect(away.check()).rejects.toThrow(
      new RegExp(`cannot reach S3 endpoint http://127.0.0.1:${port}`),
    );
  });
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('media settings', () => {
  const load = (env: Record<string, string>) => loadConfig({ SECRET_KEY: 'x'.repeat(32), ...env });

  it('defaults to the local folder under /media, path-style only with an endpoint', () => {
    expect(load({})).toMatchObject({
      mediaStorage: 'local',
      mediaBaseUrl: '/media',
      s3Region: 'us-east-1',
      s3ForcePathStyle: false,
    });
    const minio = load({
      MEDIA_STORAGE: 's3',
      S3_BUCKET: 'foto',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
    });
    expect(minio.s3ForcePathStyle).toBe(true);
    expect(
      load({ S3_ENDPOINT: 'http://x:9000', S3_FORCE_PATH_STYLE: 'false' }).s3ForcePathStyle,
    ).toBe(false);
    expect(load({ MEDIA_BASE_URL: 'https://cdn.example.id/media/' }).mediaBaseUrl).toBe(
      'https://cdn.example.id/media',
    );
  });

  it('names what is wrong', () => {
    expect(() => load({ MEDIA_STORAGE: 's3' })).toThrow(
      /S3_BUCKET: required with MEDIA_STORAGE=s3/,
    );
    expect(() => load({ MEDIA_STORAGE: 'gcs' })).toThrow(/MEDIA_STORAGE must be local or s3/);
    expect(() => load({ MEDIA_BASE_URL: 'cdn.example.id/media' })).toThrow(
      /MEDIA_BASE_URL must be a path/,
    );
    expect(() => load({ S3_ENDPOINT: '127.0.0.1:9000' })).toThrow(/S3_ENDPOINT must be empty/);
    expect(() => load({ S3_FORCE_PATH_STYLE: 'ya' })).toThrow(
      /S3_FORCE_PATH_STYLE must be true or false/,
    );
  });
});
