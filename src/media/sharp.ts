import type sharpLib from 'sharp';
import type { Sharp, SharpInput, SharpOptions } from 'sharp';
import { lazyRequire } from '../lib/lazy-require.ts';

const load = lazyRequire<typeof sharpLib>('sharp');
let configured = false;

/**
 * sharp, loaded on first use: libvips and its libraries are some 19 MiB of a
 * process's memory, which a process that only serves pages (most of them,
 * most of the time) never needs.
 *
 * libvips is kept small once it is loaded: one worker thread per image
 * (sharp's own default on glibc, set here so it holds everywhere; the server
 * has few cores and other requests to answer) and no operation cache (every
 * upload is new, and a cache would only keep its pixels around after the job
 * ends). See jobs.ts for the bound on image jobs at once.
 */
export function sharp(input?: SharpInput | SharpInput[], options?: SharpOptions): Sharp {
  const lib = load();
  if (!configured) {
    lib.concurrency(1);
    lib.cache(false);
    configured = true;
  }
  return lib(input, options);
}
