import { existsSync } from 'node:fs';
import { progressBar } from '../cli/progress.ts';
import type { Config } from '../config.ts';
import { type MediaStorage, StorageError } from './storage.ts';
import { LocalStorage } from './storage-local.ts';
import { describeS3Error, S3Storage } from './storage-s3.ts';

const USAGE = 'Usage: warta media migrate --to s3 [--dry-run]';
/** Files copied at once: enough to hide the round trips, few enough for a small server. */
const PARALLEL = 4;

interface Io {
  out: NodeJS.WriteStream;
  err: NodeJS.WriteStream;
}

/**
 * `warta media migrate --to s3`: copies every file of the local media folder
 * (MEDIA_DIR) into the configured bucket (S3_*), skipping objects already
 * there with the same size, so a second run, or a run after Ctrl-C or a
 * crash, copies only what is missing. Nothing is deleted on either side.
 * Returns the exit code.
 */
export async function mediaCommand(
  config: Config,
  args: string[],
  io: Io = { out: process.stdout, err: process.stderr },
): Promise<number> {
  const say = (line: string) => io.out.write(`${line}\n`);
  const fail = (line: string) => {
    io.err.write(`${line}\n`);
    return 1;
  };
  const to = args[args.indexOf('--to') + 1];
  if (args[0] !== 'migrate' || !args.includes('--to') || to !== 's3') {
    io.err.write(`${USAGE}\n`);
    return 2;
  }
  if (!config.s3Bucket) {
    return fail(
      'Set S3_BUCKET to the bucket the media goes to (and S3_ENDPOINT for MinIO, R2 or Ceph, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY), then run this again.',
    );
  }
  if (!existsSync(config.mediaDir)) {
    return fail(
      `MEDIA_DIR ${config.mediaDir} does not exist: point MEDIA_DIR at the media folder to copy.`,
    );
  }
  const dryRun = args.includes('--dry-run');
  const source = new LocalStorage(config.mediaDir);
  const target = new S3Storage({ ...config, mediaStorage: 's3' });
  try {
    try {
      await target.check();
    } catch (err) {
      return fail(`Cannot use the bucket: ${(err as Error).message}`);
    }
    say(`Copying media from ${source.location} to ${target.location}${dryRun ? ' (dry run)' : ''}`);
    const there = new Map<string, number>();
    for await (const f of target.list()) there.set(f.key, f.size);
    const files: { key: string; size: number }[] = [];
    for await (const f of source.list()) files.push(f);
    const todo = files.filter((f) => there.get(f.key) !== f.size);
    const skipped = files.length - todo.length;
    const bytes = todo.reduce((n, f) => n + f.size, 0);
    if (dryRun) {
      say(
        `Would copy ${todo.length} of ${files.length} files (${mb(bytes)}); ${skipped} already in the bucket.`,
      );
      return 0;
    }
    const bar = progressBar('Media', io.out, { eta: true });
    const copied = await copyAll(source, target, todo, bar, (err) => describeS3Error(err, config));
    if (copied.error) {
      return fail(
        `\nStopped after ${copied.done} of ${todo.length} files: ${copied.error}\nRun the same command again to copy the rest.`,
      );
    }
    say(
      `Copied ${todo.length} files (${mb(bytes)}); ${skipped} were already in the bucket with the same size. ${files.length} files in all.`,
    );
    say(
      config.mediaStorage === 's3'
        ? 'MEDIA_STORAGE=s3 is already set: Warta serves media from the bucket.'
        : [
            'Next: set MEDIA_STORAGE=s3 (keep the S3_* settings) and restart Warta.',
            'With a CDN or public bucket in front, also set MEDIA_BASE_URL (e.g. https://cdn.example.id/media);',
            'without it pages keep linking /media/, which Warta then answers from the bucket.',
            `Keep ${source.location} until the site shows its photos; run this again first if uploads happened meanwhile.`,
          ].join('\n'),
    );
    return 0;
  } catch (err) {
    const why = err instanceof StorageError ? err.message : describeS3Error(err, config);
    return fail(`Media migration failed: ${why}`);
  } finally {
    target.close();
  }
}

/** Copies `todo` a few at a time; the first failure stops new copies and is returned. */
async function copyAll(
  source: MediaStorage,
  target: MediaStorage,
  todo: { key: string }[],
  bar: ReturnType<typeof progressBar>,
  describe: (err: unknown) => string,
): Promise<{ done: number; error?: string }> {
  let next = 0;
  let done = 0;
  let error: string | undefined;
  bar.update(0, todo.length);
  const worker = async () => {
    while (!error && next < todo.length) {
      const { key } = todo[next++] as { key: string };
      try {
        const body = await source.get(key);
        // A file removed since the listing (a deleted photo) has nothing left to copy.
        if (body) await target.put(key, body);
        done++;
        bar.update(done, todo.length);
      } catch (err) {
        error ??= `${key}: ${describe(err)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  bar.done();
  return { done, error };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
