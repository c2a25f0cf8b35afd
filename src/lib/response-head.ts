import { ServerResponse, STATUS_CODES, validateHeaderName, validateHeaderValue } from 'node:http';

/**
 * A response head (status and headers) checked and serialised once, for a
 * response sent many times: a cached page.
 *
 * `res.writeHead(status, headers)` checks every header name and value against
 * the HTTP grammar and builds the head text again on every response. For a
 * page served from memory that was half of Node's work per request: with 22
 * headers, a server sending a fixed 6 KB page from a Buffer answered about
 * 1.6 times as many requests per second when the head was built once
 * (measured on one core, wrk from the other). `endWithHead` sends the
 * prepared text as the head Node would have built, by the same route Node's
 * own `writeHead` leaves it on (`res._header`), so Node still writes head and
 * body in one system call and runs its keep-alive and pipelining logic as
 * before.
 *
 * That route only holds for the ordinary case Node's `_storeHeader` would
 * serialise the same way: a keep-alive connection with no request limit. Any
 * other response (`Connection: close`, HTTP/1.0, a response object that is
 * not Node's own `ServerResponse`, as in Fastify's `inject`) goes through
 * `writeHead` with the same headers. `response-head.test.ts` compares the
 * bytes on the wire of both routes, on every Node line CI runs.
 */
export interface PreparedHead {
  readonly status: number;
  /** The headers as a flat `[name, value, …]` list, for `writeHead`. */
  readonly list: readonly string[];
  /** The status line and one line per header, each ending in CRLF. */
  readonly text: string;
}

/** Node's per-response state this module reads and sets (`node:_http_outgoing`, `node:_http_server`). */
interface NodeResponse {
  _header: string | null | undefined;
  shouldKeepAlive: boolean;
  maxRequestsOnConnectionReached?: boolean;
  sendDate: boolean;
  useChunkedEncodingByDefault: boolean;
  _defaultKeepAlive?: boolean;
  _keepAliveTimeout?: number;
  _maxRequestsPerSocket?: number;
  statusCode: number;
}

/** Headers Node adds or decides for each response; a prepared head must leave them to it. */
const NODE_WRITES = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/**
 * Checks each header as `writeHead` would (throws Node's own error for a bad
 * name or value) and serialises them once. Values keep only characters a
 * header may carry (tab, printable ASCII, Latin-1), so the text is stored as
 * one-byte characters and written without conversion.
 */
export function prepareHead(status: number, list: readonly string[]): PreparedHead {
  if (list.length % 2 !== 0) throw new TypeError('headers must come as name/value pairs');
  const nodes = list.filter((name, i) => i % 2 === 0 && NODE_WRITES.has(name.toLowerCase()));
  if (nodes.length > 0)
    throw new TypeError(`Node writes these headers itself: ${nodes.join(', ')}`);
  let text = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'unknown'}\r\n`;
  for (let i = 0; i < list.length; i += 2) {
    const name = list[i] as string;
    const value = list[i + 1] as string;
    validateHeaderName(name);
    validateHeaderValue(name, value);
    text += `${name}: ${value}\r\n`;
  }
  return { status, list: [...list], text: Buffer.from(text, 'latin1').toString('latin1') };
}

let dateSecond = -1;
let dateLine = '';
/** The `Date` line, made once a second (as Node caches its own). */
function dateLineAt(now: number): string {
  const second = Math.floor(now / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    dateLine = `Date: ${new Date(second * 1000).toUTCString()}\r\n`;
  }
  return dateLine;
}

/**
 * Ends `res` with a prepared head, `extra` headers of this one response (a
 * flat list whose values the caller made from safe parts: digits, fixed
 * words, a checked request id) and the body, if any. `untouched` says no
 * header was set on `res` before (`setHeader`): the prepared route would not
 * send those, so only an untouched response may take it.
 */
export function endWithHead(
  res: ServerResponse,
  head: PreparedHead,
  extra: readonly string[],
  body: Buffer | undefined,
  { untouched, now = Date.now() }: { untouched: boolean; now?: number },
): void {
  const node = res as unknown as NodeResponse;
  if (
    untouched &&
    Object.getPrototypeOf(res) === ServerResponse.prototype &&
    node._header === null &&
    node.shouldKeepAlive === true &&
    node.maxRequestsOnConnectionReached !== true &&
    node.sendDate === true &&
    // False only for HTTP/1.0, where Node decides keep-alive differently.
    node.useChunkedEncodingByDefault === true &&
    node._defaultKeepAlive === true &&
    !((node._maxRequestsPerSocket ?? 0) > 0)
  ) {
    let text = head.text;
    for (let i = 0; i < extra.length; i += 2) text += `${extra[i]}: ${extra[i + 1]}\r\n`;
    text += dateLineAt(now);
    text += 'Connection: keep-alive\r\n';
    if (node._keepAliveTimeout) {
      text += `Keep-Alive: timeout=${Math.floor(node._keepAliveTimeout / 1000)}\r\n`;
    }
    node.statusCode = head.status;
    node._header = `${text}\r\n`;
    res.end(body);
    return;
  }
  res.writeHead(head.status, [...head.list, ...extra]);
  res.end(body);
}
