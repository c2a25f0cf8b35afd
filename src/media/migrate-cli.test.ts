import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3, type TestS3 } from '../../test/support/s3.ts';
import { loadConfig } from '../config.ts';
import { storeDemoPhoto } from '../demo/photos.ts';
import { DEMO_STORIES } from '../demo/stories.ts';
import { type MediaStorage, mediaStorage } from './storage.ts';
import { LocalStorage } from './storage-local.ts';

const BIN = join(import.meta.dirname, '../../bin/warta.js');

/**
 * Runs the real `warta` command. Asynchronously: s3rver answers from this
 * process, so a blocking spawnSync would leave the command waiting for it.
 */
function warta(args: string[], env: Record<string, string>) {
  const cwd = mkdtempSync(join(tmpdir(), 'warta-cli-'));
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    out += d;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise<{ code: number | null; out: string }>((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      rmSync(cwd, { recursive: true, force: true });
      resolve({ code, out });
    }),
  );
}

/** Starts `warta` and kills it (SIGKILL, as a crash would) once `when(output)` holds. */
function killWhen(args: string[], env: Record<string, string>, when: (out: string) => boolean) {
  const cwd = mkdtempSync(join(tmpdir(), 'warta-cli-'));
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
  });
  let out = '';
  const seen = (d: Buffer) => {
    out += d;
    if (when(out)) child.kill('SIGKILL');
  };
  child.stdout.on('data', seen);
  child.stderr.on('data', seen);
  return new Promise<{ signal: NodeJS.Signals | null; out: string }>((resolve) =>
    child.on('close', (_code, signal) => {
      rmSync(cwd, { recursive: true, force: true });
      resolve({ signal, out });
    }),
  );
}

describe('warta media migrate --to s3', () => {
  let s3: TestS3;
  let mediaDir: string;
  let local: LocalStorage;
  let files: { key: string; size: number }[];
  const opened: MediaStorage[] = [];

  /** A bucket's storage, seen as the app would see it. */
  function bucket(name = s3.bucket): MediaStorage {
    const storage = mediaStorage(
      loadConfig({}, { ...s3.config, s3Bucket: name, secretKey: 'x'.repeat(32) }),
    );
    opened.push(storage);
    return storage;
  }
  async function listed(storage: MediaStorage) {
    const out: { key: string; size: number }[] = [];
    for await (const f of storage.list()) out.push(f);
    return out.sort((a, b) => a.key.localeCompare(b.key));
  }
  /** The environment of an install still on local disk, with the bucket configured. */
  const env = (extra: Record<string, string> = {}) => ({
    ...s3.env,
    MEDIA_STORAGE: 'local',
    MEDIA_DIR: mediaDir,
    ...extra,
  });

  beforeAll(async () => {
    s3 = await startS3();
    mediaDir = mkdtempSync(join(tmpdir(), 'warta-migrate-'));
    // A library as the demo leaves it: three photo folders, eleven files each.
    for (const story of DEMO_STORIES.slice(0, 3)) {
      await storeDemoPhoto(mediaDir, story.key, story.image.scene);
    }
    local = new LocalStorage(mediaDir);
    files = await listed(local);
    expect(files.length).toBe(33);
  });
  afterAll(async () => {
    for (const s of opened) s.close();
    await s3.close();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  it('--dry-run counts what it would copy and copies nothing', async () => {
    const { code, out } = await warta(['media', 'migrate', '--to', 's3', '--dry-run'], env());
    expect([code, out]).toEqual([0, expect.stringContaining('Would copy 33 of 33 files')]);
    expect(await listed(bucket())).toEqual([]);
  });

  it('copies every file with its type, then a second run copies nothing', async () => {
    const first = await warta(['media', 'migrate', '--to', 's3'], env());
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain('Copied 33 files');
    expect(first.out).toContain('Media: 33/33');
    expect(first.out).toContain('Next: set MEDIA_STORAGE=s3');
    expect(first.out).toContain('MEDIA_BASE_URL');
    expect(first.out).not.toContain('NodeVersionSupportWarning');
    expect(await listed(bucket())).toEqual(files);
    const one = files[0]?.key ?? '';
    expect(await bucket().get(one)).toEqual(await local.get(one));
    const opened = await bucket().open(files.find((f) => f.key.endsWith('.webp'))?.key ?? '');
    expect(opened && !opened.notModified && opened.contentType).toBe('image/webp');
    if (opened && !opened.notModified) opened.body?.destroy();

    const second = await warta(['media', 'migrate', '--to', 's3'], env());
    expect(second.code, second.out).toBe(0);
    expect(second.out).toContain('Copied 0 files (0.0 MB); 33 were already in the bucket');
  });

  it('finishes a run that stopped halfway: copies what is missing or cut short, nothing else', async () => {
    const target = await startS3();
    try {
      const partial = mediaStorage(loadConfig({}, { ...target.config, secretKey: 'x'.repeat(32) }));
      opened.push(partial);
      // What an interrupted run leaves: half the files there, one of them cut short.
      const half = files.slice(0, 16);
      for (const f of half) await partial.put(f.key, (await local.get(f.key)) as Buffer);
      await partial.put(files[5]?.key ?? '', Buffer.from('cut short'));
      const run = await warta(['media', 'migrate', '--to', 's3'], {
        ...target.env,
        MEDIA_STORAGE: 'local',
        MEDIA_DIR: mediaDir,
      });
      expect(run.code, run.out).toBe(0);
      expect(run.out).toContain('Copied 18 files');
      expect(run.out).toContain('15 were already in the bucket');
      expect(await listed(partial)).toEqual(files);
    } finally {
      await target.close();
    }
  });

  it('after a real crash halfway (SIGKILL), the next run copies the rest and every object is whole', async () => {
    const target = await startS3();
    const big = mkdtempSync(join(tmpdir(), 'warta-migrate-big-'));
    try {
      // Enough files that the copy is still running when the kill arrives.
      const library = new LocalStorage(big);
      for (let i = 0; i < 300; i++) {
        const body = Buffer.alloc(40_000 + i, i % 251);
        await library.put(`foto-${String(i).padStart(3, '0')}/960.jpg`, body);
      }
      const all = await listed(library);
      const runEnv = { ...target.env, MEDIA_STORAGE: 'local', MEDIA_DIR: big };
      const killed = await killWhen(['media', 'migrate', '--to', 's3'], runEnv, (out) =>
        /Media: (3\d|[4-9]\d)\/300/.test(out),
      );
      expect(killed.signal, killed.out).toBe('SIGKILL');
      const partial = mediaStorage(loadConfig({}, { ...target.config, secretKey: 'x'.repeat(32) }));
      opened.push(partial);
      const before = (await listed(partial)).length;
      expect(before).toBeGreaterThan(0);
      expect(before).toBeLessThan(300);

      const rest = await warta(['media', 'migrate', '--to', 's3'], runEnv);
      expect(rest.code, rest.out).toBe(0);
      const copied = Number(/Copied (\d+) files/.exec(rest.out)?.[1]);
      const already = Number(/(\d+) were already in the bucket/.exec(rest.out)?.[1]);
      expect(copied + already).toBe(300);
      expect(already).toBeGreaterThan(0);
      expect(copied).toBeLessThan(300);
      expect(await listed(partial)).toEqual(all);
      for (const f of all.filter((_, i) => i % 29 === 0)) {
        expect((await partial.get(f.key))?.equals((await library.get(f.key)) as Buffer)).toBe(true);
      }
    } finally {
      await target.close();
      rmSync(big, { recursive: true, force: true });
    }
  });

  it('stops with a clear message and status 1 for a missing bucket, refused credentials, an endpoint that does not answer', async () => {
    const missing = await warta(
      ['media', 'migrate', '--to', 's3'],
      env({ S3_BUCKET: 'tidak-ada-ember' }),
    );
    expect([missing.code, missing.out]).toEqual([
      1,
      expect.stringContaining('Cannot use the bucket: the bucket "tidak-ada-ember" does not exist'),
    ]);

    const refused = await warta(
      ['media', 'migrate', '--to', 's3'],
      env({ S3_ACCESS_KEY_ID: 'SALAH' }),
    );
    expect([refused.code, refused.out]).toEqual([
      1,
      expect.stringContaining('refused the credentials'),
    ]);

    const away = await warta(
      ['media', 'migrate', '--to', 's3'],
      env({ S3_ENDPOINT: 'http://127.0.0.1:1' }),
    );
    expect([away.code, away.out]).toEqual([
      1,
      expect.stringContaining('cannot reach S3 endpoint http://127.0.0.1:1'),
    ]);
    for (const run of [missing, refused, away]) expect(run.out).not.toMatch(/\n\s+at /);

    const nowhere = await warta(
      ['media', 'migrate', '--to', 's3'],
      env({ MEDIA_DIR: join(mediaDir, 'tidak-ada') }),
    );
    expect([nowhere.code, nowhere.out]).toEqual([
      1,
      expect.stringMatching(/MEDIA_DIR .*tidak-ada does not exist/),
    ]);

    const usage = await warta(['media', 'migrate'], env());
    expect([usage.code, usage.out]).toEqual([
      2,
      expect.stringContaining('Usage: warta media migrate --to s3'),
    ]);
  });
});
