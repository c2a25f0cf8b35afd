import { pipeline, type Readable } from 'node:stream';
import { promisify } from 'node:util';
import {
  type BrotliOptions,
  brotliCompress,
  brotliCompressSync,
  constants,
  createBrotliCompress,
  createBrotliDecompress,
  createGunzip,
  createGzip,
  createInflate,
  gzip,
  gzipSync,
  type ZlibOptions,
} from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';
import { encodingFor } from './http-cache.ts';

const COMPRESSIBLE =
  /^(text\/|image\/svg\+xml|application\/(json|javascript|xml|(rss|atom)\+xml|ld\+json|feed\+json|manifest\+json))/;
/** Larger bodies (exports, big sitemaps) are compressed off the event loop. */
const MAX_SYNC_BYTES = 1024 * 1024;
/** Smaller answers are sent as they are: the encoding would save less than it costs. */
const MIN_BYTES = 1024;
/**
 * A rendered string is encoded into this one buffer and compressed from it:
 * the compressors read their input synchronously, so it is free again when
 * they return. A fresh 20–30 KB buffer per page was the largest allocation of
 * an uncached request, and short-lived buffers are what Node 24 gives back to
 * the system late (40,000 pairs of 16 and 22 KB buffers leave 120 MiB resident
 * on Node 24, 77 MiB on Node 20).
 */
const scratch = Buffer.allocUnsafeSlow(MAX_SYNC_BYTES);

/** brotli quality 2 (text mode, sized for `size` bytes when known). */
function brotliOptions(size?: number): BrotliOptions {
  const params: Record<number, number> = {
    [constants.BROTLI_PARAM_QUALITY]: 2,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
  };
  if (size) params[constants.BROTLI_PARAM_SIZE_HINT] = size;
  return { params };
}

/** gzip level 1 (nginx's default `gzip_comp_level`). */
function gzipOptions(size?: number): ZlibOptions {
  // One output buffer sized for a page (HTML shrinks to less than half), not zlib's 16 KB.
  return size ? { level: 1, chunkSize: Math.max(1024, size >> 1) } : { level: 1 };
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Compresses every response worth it, by Accept-Encoding (brotli, then gzip),
 * at a fast level: brotli quality 2 or gzip level 1. Measured on a 23 KB
 * article page, those take about half the time of brotli 4 or gzip 6 for 5–8%
 * more bytes (brotli 2 is still smaller than gzip 6); compression was a
 * quarter of an uncached page's time. Pages the cache keeps are compressed
 * once, at the highest levels, in the background (page-cache.ts), and a
 * response that already names its encoding (a cache hit, a static asset) is
 * left alone.
 *
 * - A rendered page (a string or a Buffer up to 1 MB) is compressed in one
 *   synchronous call: a stream-based compressor spent more than half of an
 *   uncached page's time on its stream plumbing.
 * - Larger bodies are compressed in Node's thread pool; streams (media from
 *   the folder or a bucket, when their type is text) through a zlib stream.
 *
 * Also the other direction: a request body sent gzip-, deflate- or
 * brotli-encoded is decoded before it is parsed (the body limit applies to
 * the decoded bytes); any other encoding is refused with 415.
 *
 * Written here rather than taken from @fastify/compress, which Warta used for
 * the streams and large bodies only: with the stream libraries it brings, it
 * was 450 KB of the bundle and some 100 ms of every start.
 */
export function registerCompression(server: FastifyInstance): void {
  server.addHook('onSend', async (req, reply, payload) => {
    if (req.method === 'HEAD' || reply.getHeader('content-encoding')) return payload;
    const status = reply.statusCode;
    if (status === 204 || status === 206 || status === 304) return payload;
    const stream = isStream(payload);
    if (!stream && typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const length = stream
      ? Number(reply.getHeader('content-length') ?? Number.POSITIVE_INFINITY)
      : payload.length;
    if (length < MIN_BYTES) return payload;
    if (!COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    const vary = String(reply.getHeader('vary') ?? '');
    if (!/accept-encoding/i.test(vary)) {
      reply.header('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    }
    const encoding = encodingFor(req.headers['accept-encoding']);
    if (encoding === 'identity') return payload;
    reply.removeHeader('content-length');
    reply.header('content-encoding', encoding);
    if (stream) {
      const compressor =
        encoding === 'br' ? createBrotliCompress(brotliOptions()) : createGzip(gzipOptions());
      // Byte ranges would name bytes of the plain file, not of this encoding.
      reply.removeHeader('accept-ranges');
      // A failed source (a file gone, a bucket that stopped answering) ends the response.
      return pipeline(payload, compressor, () => {});
    }
    // A UTF-8 body has at least as many bytes as its string has code units, at most three times as many.
    if (
      typeof payload === 'string'
        ? payload.length > MAX_SYNC_BYTES / 3
        : payload.length > MAX_SYNC_BYTES
    ) {
      const big = Buffer.from(payload);
      return encoding === 'br'
        ? brotliAsync(big, brotliOptions(big.length))
        : gzipAsync(big, gzipOptions(big.length));
    }
    // Encoded once: a rendered page is a string of many joined pieces, and
    // measuring its byte length first would walk all of them once more.
    const input =
      typeof payload === 'string' ? scratch.subarray(0, scratch.write(payload)) : payload;
    return encoding === 'br'
      ? brotliCompressSync(input, brotliOptions(input.length))
      : gzipSync(input, gzipOptions(input.length));
  });

  server.addHook('preParsing', async (req, _reply, payload) => {
    if (req.method === 'GET' || req.method === 'HEAD') return payload;
    const encoding = String(req.headers['content-encoding'] ?? 'identity')
      .trim()
      .toLowerCase();
    if (encoding === 'identity' || encoding === '') return payload;
    const decoder =
      encoding === 'gzip' || encoding === 'x-gzip'
        ? createGunzip()
        : encoding === 'deflate'
          ? createInflate()
          : encoding === 'br'
            ? createBrotliDecompress()
            : null;
    if (!decoder) throw new AppError('UNSUPPORTED_ENCODING');
    // The parser counts the decoded bytes against the body limit; Content-Length no longer applies.
    delete req.headers['content-length'];
    return pipeline(payload, decoder, () => {});
  });
}

function isStream(payload: unknown): payload is Readable {
  return (
    payload !== null &&
    typeof payload === 'object' &&
    typeof (payload as Readable).pipe === 'function'
  );
}
