import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from './config.ts';
import { AppError, ERRORS } from './lib/errors.ts';
import { isNewsroomUrl } from './newsroom/auth.ts';

/**
 * What one connection may cost the server, and for how long. A stranger can
 * open many connections and send as slowly, as much and as often as they
 * like; each limit below bounds one of those, so a flood costs memory and
 * time in proportion to what is in flight, never to what was sent before.
 *
 * Already right in Node/Fastify, and left alone: a request's headers must
 * arrive within a time limit (Node's `headersTimeout`, but 60 s, checked
 * every 30 s); the URL counts towards the header size; request bodies are
 * refused past a limit while they arrive. Missing, and added here: a limit
 * on the whole request (Fastify turns Node's off, so a body trickled a byte
 * a minute held its connection forever), an idle limit, a per-route-kind body
 * limit that a stranger cannot raise, and answers in the site's language.
 */

/** Bodies a stranger can send: comment form, login, reports. Longer ones get 413. */
export const PUBLIC_BODY_LIMIT = 128 * 1024;
/** Bodies of the newsroom's staff-only forms (a route may set more, e.g. the article save). */
export const NEWSROOM_BODY_LIMIT = 1024 * 1024;
/** Request line and headers together; larger gets 431. Node's default, pinned so a NODE_OPTIONS flag cannot raise it unnoticed. */
export const MAX_HEADER_BYTES = 16 * 1024;

/** The Fastify (and Node http server) options for the limits above and the configured timeouts. */
export function serverLimits(config: Config) {
  return {
    // Every route gets the public limit unless it says otherwise (see registerBodyLimits).
    bodyLimit: PUBLIC_BODY_LIMIT,
    // Headers and body must have arrived within this; Node's default is 300 s,
    // which Fastify turns off (0). Closed with 408.
    requestTimeout: config.requestTimeoutMs,
    // A connection with no byte in either direction for this long is closed:
    // a client that stopped reading a large response, or stopped sending halfway.
    connectionTimeout: config.idleTimeoutMs,
    // An idle keep-alive connection between requests; Fastify's 72 s outlasts a
    // load balancer's usual 60 s, lower it when Warta faces the internet directly.
    keepAliveTimeout: config.keepAliveTimeoutMs,
    // maxRequestsPerSocket stays unset: requests on one connection are answered
    // one after another, so many of them cost time, not memory.
    http: {
      // The slowloris limit: a request's headers, sent byte by byte or not at
      // all, must be complete within this. Closed with 408.
      headersTimeout: config.headersTimeoutMs,
      requestTimeout: config.requestTimeoutMs,
      // How often Node looks for connections past those two limits (30 s by
      // default, which let a slow client stay half a minute longer than allowed).
      connectionsCheckingInterval: Math.min(2000, Math.max(50, config.headersTimeoutMs / 4)),
      maxHeaderSize: MAX_HEADER_BYTES,
    },
    clientErrorHandler: clientErrorHandler(config),
  };
}

/**
 * Answers what Node refuses before there is a request (headers too large, too
 * slow, not HTTP) with a short plain-text message in the site's language
 * instead of Fastify's English JSON, then closes the connection.
 */
function clientErrorHandler(config: Config) {
  return (err: Error & { code?: string }, socket: Socket) => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const code =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? 'HEADERS_TOO_LARGE'
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? 'REQUEST_TIMEOUT'
          : 'BAD_REQUEST';
    const { status } = ERRORS[code];
    const body = `${ERRORS[code][config.language]}\n`;
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy();
  };
}

/**
 * Body limits by route kind: the public limit everywhere, the newsroom limit
 * on staff-only newsroom routes, and what a route sets for itself. A request
 * without a logged-in staff member is held to the public limit on every
 * route, so a stranger cannot make the server hold megabytes per connection
 * on a form only staff may send. The limit is enforced while the body
 * arrives and before any hook of the route reads it. Call before any route
 * is registered.
 */
export function registerBodyLimits(server: FastifyInstance): void {
  server.addHook('onRoute', (route) => {
    if (route.bodyLimit !== undefined) return;
    if (/^\/newsroom(\/|$)/.test(route.url ?? '') && !route.config?.newsroomPublic) {
      route.bodyLimit = NEWSROOM_BODY_LIMIT;
    }
  });

  server.addHook('preParsing', async (req, reply, payload) => {
    if (req.method === 'GET' || req.method === 'HEAD') return payload;
    // Multipart bodies (photo uploads) are read by their route, under its own
    // limits and after its staff check; Fastify's body limit does not apply to them.
    if (/^multipart\//i.test(req.headers['content-type'] ?? '')) return payload;
    const routeLimit = req.routeOptions.bodyLimit ?? PUBLIC_BODY_LIMIT;
    const limit = req.staff ? routeLimit : Math.min(routeLimit, PUBLIC_BODY_LIMIT);
    const tooLarge = () => {
      reply.header('connection', 'close');
      return new AppError(staffOnly(req) && !req.staff ? 'NOT_LOGGED_IN' : 'TOO_LARGE');
    };
    const declared = Number(req.headers['content-length']);
    if (declared > limit) throw tooLarge();
    // Node passes on no more than a declared length.
    if (!Number.isNaN(declared) || req.headers['transfer-encoding'] === undefined) return payload;
    return upTo(payload, limit, tooLarge);
  });
}

/** True for newsroom routes that need a logged-in staff member (the auth check refuses anyone else). */
function staffOnly(req: FastifyRequest): boolean {
  return isNewsroomUrl(req.url) && !req.routeOptions.config?.newsroomPublic;
}

/**
 * The same bytes, failing with `tooLarge()` once more than `limit` have
 * arrived. Lazy: nothing is read until the body parser reads it.
 */
function upTo(payload: Readable, limit: number, tooLarge: () => Error): Readable {
  const counted = { bytes: 0 };
  async function* body() {
    // Stopping early must not destroy the request: the 413 still has to be sent on it.
    for await (const chunk of payload.iterator({ destroyOnReturn: false })) {
      counted.bytes += (chunk as Buffer).length;
      if (counted.bytes > limit) throw tooLarge();
      yield chunk as Buffer;
    }
  }
  const out = Readable.from(body(), { objectMode: false });
  // What Fastify compares with its own limit (the bytes as they arrived).
  Object.defineProperty(out, 'receivedEncodedLength', { get: () => counted.bytes });
  // The parser reports the error; without a listener it would end the process.
  out.on('error', () => {});
  return out;
}
