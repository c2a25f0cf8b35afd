import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';

/**
 * Every request has an id: the one a proxy or client sent in `X-Request-Id`
 * when it is short and plain (so a log line cannot be forged or bloated
 * through it), otherwise a new random one. Fastify puts it in every log line
 * of the request as `reqId`; the answer carries it back as `X-Request-Id`.
 */
const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Chosen once per request and kept on it: the HTTP listener and Fastify's genReqId ask for the same one. */
const ID = Symbol('warta.requestId');
type WithId = IncomingMessage & { [ID]?: string };

/**
 * New ids: a random prefix per process and a counter, unique across
 * processes and restarts without a random draw per request (a cached page
 * is answered in a few microseconds, so each step on that path counts).
 */
const PROCESS_PREFIX = randomBytes(6).toString('base64url');
let counter = 0;

/** The request's id (Fastify's `genReqId`). */
export function requestIdOf(raw: IncomingMessage): string {
  const req = raw as WithId;
  let id = req[ID];
  if (id === undefined) {
    const given = raw.headers['x-request-id'];
    id =
      typeof given === 'string' && SAFE_ID.test(given)
        ? given
        : `${PROCESS_PREFIX}-${(++counter).toString(36)}`;
    req[ID] = id;
  }
  return id;
}

/** Puts the request's id on its answer. */
export const sendRequestId = (req: IncomingMessage, res: ServerResponse) =>
  res.setHeader('x-request-id', requestIdOf(req));

/**
 * Sends the id back on every answer. The HTTP server sends it on what it
 * passes to Fastify, and the page cache with every hit (cache-first-server.ts);
 * this hook, first of Fastify's, covers what reaches Fastify without that
 * server (`inject`). The cache never stores the header (NOT_REPLAYED in
 * page-cache.ts): a hit never shows another request's id.
 */
export function registerRequestId(server: FastifyInstance): void {
  server.addHook('onRequest', (req, reply, done) => {
    sendRequestId(req.raw, reply.raw);
    done();
  });
}
