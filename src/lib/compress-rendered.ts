import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { encodingFor } from './http-cache.ts';

const COMPRESSIBLE =
  /^(text\/|application\/(json|javascript|xml|(rss|atom)\+xml|ld\+json|feed\+json|manifest\+json))/;
/** Larger bodies (exports, backups) are left to the streaming compressor. */
const MAX_SYNC_BYTES = 1024 * 1024;
/**
 * A rendered string is encoded into this one buffer and compressed from it:
 * the compressors read their input synchronously, so it is free again when
 * they return. A fresh 20–30 KB buffer per page was the largest allocation of
 * an uncached request, and short-lived buffers are what Node 24 gives back to
 * the system late (40,000 pairs of 16 and 22 KB buffers leave 120 MiB resident
 * on Node 24, 77 MiB on Node 20).
 */
const scratch = Buffer.allocUnsafeSlow(MAX_SYNC_BYTES);

/**
 * Compresses a rendered response (a string or a Buffer) in one call at a fast
 * level: brotli quality 2 or gzip level 1 (nginx's default `gzip_comp_level`).
 * Measured on a 23 KB article page, those take about half the time of brotli 4
 * or gzip 6 for 5–8% more bytes (brotli 2 is still smaller than gzip 6);
 * compression was a quarter of an uncached page's time. Pages the cache keeps are compressed once, at the highest
 * levels, in the background (page-cache.ts). A stream-based compressor spent more
 * than half of an uncached page's time on its stream plumbing. Streams and
 * bodies over 1 MB are left to @fastify/compress, registered after this hook;
 * a response that already names its encoding (a cache hit, a static asset) is
 * left alone.
 */
export function registerRenderedCompression(server: FastifyInstance): void {
  server.addHook('onSend', async (req, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (reply.getHeader('content-encoding') || req.method === 'HEAD') return payload;
    // A UTF-8 body has at least as many bytes as its string has code units, at most three times as many.
    if (payload.length < 1024 || payload.length > MAX_SYNC_BYTES / 3) return payload;
    if (!COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    const encoding = encodingFor(req.headers['accept-encoding']);
    const vary = String(reply.getHeader('vary') ?? '');
    if (!/accept-encoding/i.test(vary)) {
      reply.header('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    }
    if (encoding === 'identity') return payload;
    // Encoded once: a rendered page is a string of many joined pieces, and
    // measuring its byte length first would walk all of them once more.
    const input =
      typeof payload === 'string' ? scratch.subarray(0, scratch.write(payload)) : payload;
    const body =
      encoding === 'br'
        ? brotliCompressSync(input, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 2,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_SIZE_HINT]: input.length,
            },
          })
        : // One output buffer sized for a page (HTML shrinks to less than half), not zlib's 16 KB.
          gzipSync(input, { level: 1, chunkSize: Math.max(1024, input.length >> 1) });
    reply.removeHeader('content-length');
    reply.header('content-encoding', encoding);
    return body;
  });
}
