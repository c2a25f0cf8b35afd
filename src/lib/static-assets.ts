import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { encodingFor, matchesEtag } from './http-cache.ts';

/**
 * Static files (CSS, scripts, the comment widget) held in memory under a
 * content-hashed URL that can be cached forever. Each is served as brotli,
 * gzip or plain bytes by the reader's Accept-Encoding. The production build
 * (scripts/build.mjs, `writePrecompressed`) compresses every asset once, at
 * the highest levels, into dist/static/; the server reads those files and
 * compresses itself only when running from source, once, on first request.
 */

export type Encoding = 'br' | 'gzip';

export interface StaticAsset {
  /** `/static/<name>.<hash>.<ext>` (or the caller's own URL scheme with the hash). */
  url: string;
  /** Content-Type. */
  type: string;
  /** The identity bytes. */
  body: Buffer;
  /** Weak ETag from the content hash (the same for every encoding). */
  etag: string;
  /** The body in an encoding: the build's file when present, else compressed here once. */
  encoded(encoding: Encoding): Buffer;
}

/** Where the build leaves the precompressed bodies (dist/static/ beside dist/lib/). */
const PRECOMPRESSED_DIR = fileURLToPath(new URL('../static/', import.meta.url));

const loaded = new Map<string, StaticAsset>();

/** The first 10 hex digits of the SHA-256 of the body: what makes a URL change with its content. */
export function contentHash(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 10);
}

/** zlib options for an encoding: `max` for the build, `fast` when compressing at run time. */
function zlibOptions(body: Buffer, encoding: Encoding, effort: 'max' | 'fast') {
  const max = effort === 'max';
  return encoding === 'br'
    ? {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: max ? constants.BROTLI_MAX_QUALITY : 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }
    : { level: max ? 9 : 6 };
}

/**
 * Compresses an asset body at once. `max` (the build's levels): brotli at
 * maximum quality, gzip at level 9; `fast` (running from source, once per
 * asset) costs milliseconds, not seconds, for the editor bundle.
 */
export function compress(body: Buffer, encoding: Encoding, effort: 'max' | 'fast' = 'max'): Buffer {
  const options = zlibOptions(body, encoding, effort);
  return encoding === 'br' ? brotliCompressSync(body, options) : gzipSync(body, options);
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** `compress` at the build's levels on libuv's thread pool, so the build compresses in parallel. */
export function compressInBackground(body: Buffer, encoding: Encoding): Promise<Buffer> {
  const options = zlibOptions(body, encoding, 'max');
  return encoding === 'br' ? brotliAsync(body, options) : gzipAsync(body, options);
}

/**
 * An asset from bytes, named `name` (`warta.css` becomes `/static/warta.<hash>.css`),
 * or at `url(hash)` when given. Every asset made here is remembered for the build.
 */
export function assetFromBody(
  name: string,
  body: Buffer,
  type: string,
  url?: (hash: string) => string,
): StaticAsset {
  const hash = contentHash(body);
  const dot = name.lastIndexOf('.');
  const path = url
    ? url(hash)
    : `/static/${name.slice(0, dot)}.${hash}${dot === -1 ? '' : name.slice(dot)}`;
  const bodies = new Map<Encoding, Buffer>();
  const asset: StaticAsset = {
    url: path,
    type,
    body,
    etag: `W/"${hash}"`,
    encoded(encoding) {
      let out = bodies.get(encoding);
      if (!out) {
        out = readPrecompressed(path, encoding) ?? compress(body, encoding, 'fast');
        bodies.set(encoding, out);
      }
      return out;
    },
  };
  loaded.set(path, asset);
  return asset;
}

/** An asset from a file; its name in the URL is the file's unless `name` is given. */
export function assetFromFile(path: string | URL, type: string, name?: string): StaticAsset {
  const file = path instanceof URL ? fileURLToPath(path) : path;
  return assetFromBody(name ?? basename(file), readFileSync(file), type);
}

/** The build's file name for an asset's encoded body. */
export function precompressedName(url: string, encoding: Encoding): string {
  return `${url.replace(/^\/(static\/)?/, '').replaceAll('/', '--')}.${encoding === 'br' ? 'br' : 'gz'}`;
}

function readPrecompressed(url: string, encoding: Encoding): Buffer | undefined {
  const file = PRECOMPRESSED_DIR + precompressedName(url, encoding);
  if (!existsSync(file)) return undefined;
  // The name carries the content hash of the body it was made from.
  const bytes = readFileSync(file);
  return bytes.length > 0 ? bytes : undefined;
}

/** Every asset made in this process so far (the build precompresses them). */
export function loadedAssets(): StaticAsset[] {
  return [...loaded.values()];
}

/**
 * Answers a GET for the asset: 304 on a matching If-None-Match, else the body
 * in the best encoding the request accepts, cacheable for a year.
 */
export function sendAsset(req: FastifyRequest, reply: FastifyReply, asset: StaticAsset) {
  reply
    .header('cache-control', 'public, max-age=31536000, immutable')
    .header('vary', 'Accept-Encoding')
    .header('etag', asset.etag);
  if (matchesEtag(req.headers['if-none-match'], asset.etag)) return reply.code(304).send();
  const encoding = encodingFor(req.headers['accept-encoding']);
  reply.type(asset.type);
  if (encoding === 'identity') return reply.send(asset.body);
  return reply.header('content-encoding', encoding).send(asset.encoded(encoding));
}

/** Registers `GET asset.url` (HEAD too), answered by sendAsset with the body compressed at build time. */
export function registerAsset(app: FastifyInstance, asset: StaticAsset): void {
  app.get(asset.url, (req, reply) => sendAsset(req, reply, asset));
}
