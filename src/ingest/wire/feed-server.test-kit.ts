import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A feed server on loopback for the wire desk's tests: serves the fixtures in
 * test/fixtures/wire (placeholders filled with the server's address and the
 * current time), and answers failures on purpose: HTML, 500, a redirect loop,
 * an endless body, a hang held until the test releases it.
 */

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface FeedServer {
  base: string;
  /** Sets (or replaces) what a path answers. */
  route(path: string, handler: Handler): void;
  /** Requests seen per path, with their headers. */
  seen: Map<string, IncomingMessage['headers'][]>;
  /** Ends every held (hanging) response. */
  release(): void;
  /** Number of hanging responses currently held open. */
  held(): number;
  close(): Promise<void>;
}

const DIR = new URL('../../../test/fixtures/wire/', import.meta.url);

/** A fixture's text with {{BASE}}, times and the long headline filled in. */
export function fixture(name: string, base: string, now = Date.now()): string {
  return readFileSync(new URL(name, DIR), 'utf8')
    .replaceAll('{{BASE}}', base)
    .replaceAll('{{NOW_RFC}}', new Date(now).toUTCString())
    .replaceAll('{{HOUR_AGO_RFC}}', new Date(now - 3_600_000).toUTCString())
    .replaceAll('{{NOW_ISO}}', new Date(now).toISOString())
    .replaceAll('{{TOMORROW_ISO}}', new Date(now + 86_400_000).toISOString())
    .replaceAll('{{LONG_HEADLINE}}', 'Judul yang sangat panjang sekali '.repeat(40));
}

/** Starts the server on 127.0.0.1 with a random port. */
export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Handler>();
  const seen = new Map<string, IncomingMessage['headers'][]>();
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    seen.set(path, [...(seen.get(path) ?? []), req.headers]);
    const h = routes.get(path);
    if (!h) {
      res.writeHead(404).end();
      return;
    }
    h(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    seen,
    route(path, handler) {
      routes.set(path, (req, res) => {
        if ((handler as { hang?: boolean }).hang) hanging.add(res);
        handler(req, res);
      });
    },
    release() {
      for (const res of hanging) res.end();
      hanging.clear();
    },
    held: () => [...hanging].filter((r) => !r.writableEnded && !r.destroyed).length,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Serves a text with a content type, honouring If-None-Match against a fixed ETag. */
export function serve(body: () => string, type: string, etag?: string): Handler {
  return (req, res) => {
    if (etag && req.headers['if-none-match'] === etag) {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { 'content-type': type, ...(etag ? { etag } : {}) });
    res.end(body());
  };
}

/** Streams an endless body (a "2 GB" feed): the client must stop reading at its limit. */
export const endless: Handler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let stopped = false;
  res.on('close', () => {
    stopped = true;
  });
  const write = () => {
    while (!stopped && res.write(chunk)) {}
    if (!stopped) res.once('drain', write);
  };
  write();
};

/** Accepts the request and never answers until released. */
export const hang: Handler = Object.assign(
  (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
  },
  { hang: true },
);
