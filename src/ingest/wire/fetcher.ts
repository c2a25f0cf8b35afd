import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ProblemCode } from './wire-item.ts';

/**
 * Getting a source's bytes: HTTP with conditional GET (ETag, Last-Modified),
 * basic auth or a token header, a hard deadline over the whole exchange, a
 * size limit enforced while streaming (a 2 GB body is cut off at the limit,
 * never buffered), at most a few redirects; or files an agency drops into a
 * watched folder. Failures are `FetchFailed` with a problem code the source's
 * page explains.
 */

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = {
  timeoutMs: 15_000,
  maxBytes: 8 * 1024 * 1024,
  maxRedirects: 5,
};

export interface HttpSourceRequest {
  url: string;
  etag: string;
  lastModified: string;
  authKind: 'none' | 'basic' | 'token';
  authUser: string;
  authSecret: string;
  tokenHeader: string;
}

export type FetchOutcome =
  | { kind: 'not-modified' }
  | { kind: 'ok'; documents: { name: string; body: string }[]; etag: string; lastModified: string };

export class FetchFailed extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail = '',
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'FetchFailed';
  }
}

async function readLimited(res: Response, maxBytes: number): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw new FetchFailed('too-large', String(declared));
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new FetchFailed('too-large', `>${maxBytes}`);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

/** One HTTP poll of a source. Never follows more than `maxRedirects`; never runs past `timeoutMs`. */
export async function fetchHttpSource(
  req: HttpSourceRequest,
  limits: FetchLimits = DEFAULT_LIMITS,
): Promise<FetchOutcome> {
  const headers: Record<string, string> = {
    accept:
      'application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml, text/xml;q=0.9, */*;q=0.1',
    'user-agent': 'Warta-wire/1.0',
  };
  if (req.etag) headers['if-none-match'] = req.etag;
  if (req.lastModified) headers['if-modified-since'] = req.lastModified;
  if (req.authKind === 'basic')
    headers.authorization = `Basic ${Buffer.from(`${req.authUser}:${req.authSecret}`).toString('base64')}`;
  else if (req.authKind === 'token' && req.tokenHeader)
    headers[req.tokenHeader.toLowerCase()] = req.authSecret;

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    let url = req.url;
    for (let hop = 0; ; hop++) {
      let res: Response;
      try {
        res = await fetch(url, { headers, redirect: 'manual', signal: controller.signal });
      } catch (err) {
        if (controller.signal.aborted) throw new FetchFailed('timeout', `${limits.timeoutMs} ms`);
        throw new FetchFailed(
          'network',
          String((err as Error)?.cause ?? (err as Error).message).slice(0, 200),
        );
      }
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        await res.body?.cancel().catch(() => {});
        const location = res.headers.get('location');
        if (!location || hop >= limits.maxRedirects) throw new FetchFailed('redirect-loop', url);
        const next = new URL(location, url);
        if (next.protocol !== 'http:' && next.protocol !== 'https:')
          throw new FetchFailed('redirect-loop', next.href);
        // Credentials go only to the origin they were configured for.
        if (next.origin !== new URL(url).origin) {
          delete headers.authorization;
          if (req.tokenHeader) delete headers[req.tokenHeader.toLowerCase()];
        }
        url = next.href;
        continue;
      }
      if (res.status === 304) {
        await res.body?.cancel().catch(() => {});
        return { kind: 'not-modified' };
      }
      if (res.status === 401 || res.status === 403) {
        await res.body?.cancel().catch(() => {});
        throw new FetchFailed('auth', String(res.status));
      }
      if (res.status !== 200) {
        await res.body?.cancel().catch(() => {});
        throw new FetchFailed('http-status', String(res.status));
      }
      let body: string;
      try {
        body = await readLimited(res, limits.maxBytes);
      } catch (err) {
        if (err instanceof FetchFailed) throw err;
        if (controller.signal.aborted) throw new FetchFailed('timeout', `${limits.timeoutMs} ms`);
        throw new FetchFailed('network', String((err as Error).message).slice(0, 200));
      }
      return {
        kind: 'ok',
        documents: [{ name: url, body }],
        etag: res.headers.get('etag') ?? '',
        lastModified: res.headers.get('last-modified') ?? '',
      };
    }
  } finally {
    clearTimeout(timer);
  }
}

const FEED_FILE = /\.(xml|json|rss|atom|ninjs|nml)$/i;

/**
 * Reads the files an agency dropped into a watched folder (oldest first) and
 * moves each into `done/` (or `failed/` when too large), so a file is ingested
 * once even across restarts. Files still being written (changed in the last
 * two seconds) wait for the next poll.
 */
export async function readWatchedFolder(
  folder: string,
  limits: FetchLimits = DEFAULT_LIMITS,
  now = Date.now(),
): Promise<FetchOutcome & { moved: () => Promise<void> }> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (err) {
    throw new FetchFailed(
      'network',
      `${folder}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`,
    );
  }
  const files: { name: string; mtime: number; size: number }[] = [];
  for (const name of names) {
    if (!FEED_FILE.test(name)) continue;
    const st = await stat(path.join(folder, name)).catch(() => null);
    if (!st?.isFile() || now - st.mtimeMs < 2_000) continue;
    files.push({ name, mtime: st.mtimeMs, size: st.size });
  }
  files.sort((a, b) => a.mtime - b.mtime || a.name.localeCompare(b.name));
  const picked = files.slice(0, 100);
  const documents: { name: string; body: string }[] = [];
  const oversize: string[] = [];
  for (const f of picked) {
    if (f.size > limits.maxBytes) {
      oversize.push(f.name);
      continue;
    }
    documents.push({ name: f.name, body: await readFile(path.join(folder, f.name), 'utf8') });
  }
  const moved = async () => {
    for (const [dir, list] of [
      ['done', documents.map((d) => d.name)],
      ['failed', oversize],
    ] as const) {
      if (list.length === 0) continue;
      await mkdir(path.join(folder, dir), { recursive: true });
      for (const name of list)
        await rename(path.join(folder, name), path.join(folder, dir, name)).catch(() => {});
    }
  };
  if (oversize.length > 0 && documents.length === 0) {
    await moved();
    throw new FetchFailed('too-large', oversize.join(', ').slice(0, 200));
  }
  return { kind: 'ok', documents, etag: '', lastModified: '', moved };
}
