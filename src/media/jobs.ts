/**
 * Image work is bounded per process, so that two or ten large uploads at once
 * cannot stack their memory: every job that decodes pixels (storing an upload,
 * recutting crops) waits its turn here, and only IMAGE_JOBS run at a time. A
 * job holds at most one decoded master (50 megapixels × 4 channels, about
 * 200 MB, is the worst case the upload checks allow) plus the sizes cut from
 * it. Waiting jobs hold only their compressed input.
 * libvips itself is kept small as well (see sharp.ts).
 */

/** Image jobs running at once in this process. */
export const IMAGE_JOBS = 1;

let running = 0;
const waiting: Array<() => void> = [];

/**
 * Runs `job` when a slot is free (first come, first served) and frees the
 * slot when it settles, whether it succeeds or throws.
 */
export async function imageJob<T>(job: () => Promise<T>): Promise<T> {
  if (running < IMAGE_JOBS) running += 1;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await job();
  } finally {
    // Hand the slot straight to the next job in line, or give it back.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

/** Jobs running and waiting right now (for tests and diagnostics). */
export function imageJobLoad(): { running: number; waiting: number } {
  return { running, waiting: waiting.length };
}
