import {
  createServer,
  type IncomingMessage,
  type ServerOptions,
  type ServerResponse,
} from 'node:http';
import type { FastifyServerFactory } from 'fastify';
import { sendRequestId } from '../ops/request-id.ts';
import type { PageCache } from './page-cache.ts';

/**
 * The HTTP server Fastify would make for itself (the same options, timeouts
 * and limits: see server-limits.ts), with one difference: each request is
 * offered to the page cache first, and only what it does not answer reaches
 * Fastify. A cached page is then a lookup and one write, as from a static
 * file server, with no routing, request objects or hooks in between.
 * A request passed on carries its X-Request-Id from the start, so answers
 * Fastify writes without running its hooks (a malformed URL's 400) have it
 * too; the cache writes it with a hit's other headers.
 */
export function cacheFirstServer(cache: () => PageCache | undefined): FastifyServerFactory {
  return (handler, opts) => {
    const pass = (req: IncomingMessage, res: ServerResponse) => {
      sendRequestId(req, res);
      handler(req, res);
    };
    const server = createServer((opts.http ?? {}) as ServerOptions, (req, res) => {
      const answered = cache()?.answer(req, res) ?? false;
      if (answered === false) pass(req, res);
      else if (answered !== true) {
        void answered.then((ok) => {
          if (!ok) pass(req, res);
        });
      }
    });
    // What Fastify sets on a server it creates itself (fastify/lib/server.js).
    const limits = opts as {
      keepAliveTimeout: number;
      requestTimeout: number;
      connectionTimeout: number;
    };
    server.keepAliveTimeout = limits.keepAliveTimeout;
    server.requestTimeout = limits.requestTimeout;
    server.setTimeout(limits.connectionTimeout);
    return server;
  };
}
