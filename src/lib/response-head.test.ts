import { createServer, type Server, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endWithHead, prepareHead } from './response-head.ts';

const BODY = Buffer.from('<p>Kabar dari pesisir.</p>');
const HEADERS = [
  'content-type',
  'text/html; charset=utf-8',
  'cache-control',
  'public, max-age=0',
  'content-length',
  String(BODY.length),
];
const head = prepareHead(200, HEADERS);
const notModified = prepareHead(304, ['etag', 'W/"abc"']);

/** Sends `raw` on a new connection; resolves with everything received until the server closes it or `idleMs` passes. */
function exchange(
  port: number,
  raw: string,
  idleMs = 300,
): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let timer: NodeJS.Timeout;
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closed });
    };
    const wait = () => {
      clearTimeout(timer);
      timer = setTimeout(() => done(false), idleMs);
    };
    socket.on('data', (d) => {
      text += d.toString('latin1');
      wait();
    });
    socket.on('end', () => done(true));
    socket.on('error', reject);
    socket.write(raw);
    wait();
  });
}

/** The responses in a received text, each with its Date line replaced (it differs by the second). */
const responses = (text: string) =>
  text
    .replace(/\r\nDate: [^\r]+/g, '\r\nDate: X')
    .split(/(?=HTTP\/1\.1 )/)
    .filter(Boolean);

describe('a prepared response head', () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    // /prepared and /plain send the same headers; only the route to the wire differs.
    server = createServer((req, res) => {
      const extra = ['x-cache', 'HIT'];
      const untouched = !req.url?.includes('touched');
      if (req.url?.includes('touched')) res.setHeader('x-set-before', 'yes');
      if (req.url?.startsWith('/304')) {
        endWithHead(res, notModified, extra, undefined, { untouched });
      } else if (req.url?.startsWith('/prepared')) {
        endWithHead(res, head, extra, req.method === 'HEAD' ? undefined : BODY, { untouched });
      } else {
        res.writeHead(200, [...HEADERS, ...extra]);
        res.end(req.method === 'HEAD' ? undefined : BODY);
      }
    });
    server.keepAliveTimeout = 7_000;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const get = (path: string, headers = '') => `GET ${path} HTTP/1.1\r\nHost: x\r\n${headers}\r\n`;

  it('puts on the wire exactly what writeHead would, and keeps the connection', async () => {
    const prepared = await exchange(port, get('/prepared'));
    const plain = await exchange(port, get('/plain'));
    expect(prepared.closed).toBe(false);
    expect(responses(prepared.text)).toEqual(responses(plain.text));
    expect(prepared.text).toContain('\r\nConnection: keep-alive\r\nKeep-Alive: timeout=7\r\n');
    expect(prepared.text.endsWith(`\r\n\r\n${BODY.toString()}`)).toBe(true);
  });

  it('answers pipelined requests in order on one connection', async () => {
    const { text, closed } = await exchange(
      port,
      get('/prepared?1') + get('/plain') + get('/prepared?2'),
    );
    expect(closed).toBe(false);
    const all = responses(text);
    expect(all).toHaveLength(3);
    expect(all[0]).toEqual(all[1]);
    expect(all[2]).toEqual(all[1]);
  });

  it('leaves Connection: close, HTTP/1.0 and HEAD to Node as before', async () => {
    for (const [path, request] of [
      ['close', get('/prepared', 'Connection: close\r\n')],
      ['1.0', 'GET /prepared HTTP/1.0\r\nHost: x\r\n\r\n'],
      ['1.0 keep-alive', 'GET /prepared HTTP/1.0\r\nHost: x\r\nConnection: keep-alive\r\n\r\n'],
      ['head', `HEAD /prepared HTTP/1.1\r\nHost: x\r\n\r\n${get('/prepared')}`],
    ] as const) {
      const prepared = await exchange(port, request);
      const plain = await exchange(port, request.replaceAll('/prepared', '/plain'));
      expect(responses(prepared.text), path).toEqual(responses(plain.text));
      expect(prepared.closed, path).toBe(plain.closed);
    }
    const close = await exchange(port, get('/prepared', 'Connection: close\r\n'));
    expect(close.closed).toBe(true);
    expect(close.text).toContain('\r\nConnection: close\r\n');
    const head = await exchange(port, `HEAD /prepared HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(head.text).toContain(`content-length: ${BODY.length}\r\n`);
    expect(head.text.endsWith('\r\n\r\n')).toBe(true);
  });

  it('sends a 304 without a body and goes on serving the connection', async () => {
    const { text, closed } = await exchange(port, get('/304') + get('/prepared'));
    expect(closed).toBe(false);
    const [first, second] = responses(text);
    expect(first).toMatch(/^HTTP\/1\.1 304 Not Modified\r\netag: W\/"abc"\r\nx-cache: HIT\r\n/);
    expect(first?.endsWith('\r\n\r\n')).toBe(true);
    expect(second?.startsWith('HTTP/1.1 200 OK\r\n')).toBe(true);
  });

  it('keeps headers set on a touched response by sending it through writeHead', async () => {
    const { text } = await exchange(port, get('/prepared-touched'));
    expect(text).toContain('x-set-before: yes\r\n');
    expect(text).toContain('x-cache: HIT\r\n');
  });

  it("works with a response that is not Node's own (Fastify's inject)", async () => {
    const app = Fastify();
    app.get('/', (_req, reply) => {
      reply.hijack();
      endWithHead(reply.raw as ServerResponse, head, ['x-cache', 'HIT'], BODY, {
        untouched: true,
      });
    });
    const res = await app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-cache']).toBe('HIT');
    expect(res.headers['cache-control']).toBe('public, max-age=0');
    expect(res.body).toBe(BODY.toString());
    await app.close();
  });

  it('refuses what writeHead refuses, and the headers Node writes itself', () => {
    expect(() => prepareHead(200, ['x-bad', 'a\r\nset-cookie: s=1'])).toThrow();
    expect(() => prepareHead(200, ['bad name', 'x'])).toThrow();
    expect(() => prepareHead(200, ['x-odd'])).toThrow();
    for (const name of ['Date', 'connection', 'Keep-Alive', 'transfer-encoding']) {
      expect(() => prepareHead(200, [name, 'x']), name).toThrow(/Node writes/);
    }
  });
});
