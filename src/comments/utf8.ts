import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';

const strict = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Percent-decodes a form value to bytes ("+" is a space), without guessing at bad escapes. */
function percentBytes(s: string): Uint8Array {
  const out: number[] = [];
  const raw = Buffer.from(s.replace(/\+/g, ' '), 'latin1');
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as number;
    const hex = c === 0x25 ? raw.subarray(i + 1, i + 3).toString('latin1') : '';
    if (/^[0-9a-fA-F]{2}$/.test(hex)) {
      out.push(Number.parseInt(hex, 16));
      i += 2;
    } else out.push(c);
  }
  return Uint8Array.from(out);
}

/**
 * The names of form fields whose bytes are not valid UTF-8 (`*` for a JSON body).
 * The form parser silently keeps "%FF" as text, so this looks at the raw body.
 */
export function invalidUtf8Fields(raw: Buffer, contentType: string): string[] {
  if (/json/.test(contentType)) return isUtf8(raw) ? [] : ['*'];
  if (!/x-www-form-urlencoded/.test(contentType)) return [];
  if (!isUtf8(raw)) return ['*'];
  const bad: string[] = [];
  for (const pair of raw.toString('latin1').split('&')) {
    const eq = pair.indexOf('=');
    const key = eq === -1 ? pair : pair.slice(0, eq);
    const value = eq === -1 ? '' : pair.slice(eq + 1);
    if (!isUtf8(percentBytes(key)) || !isUtf8(percentBytes(value))) {
      const name = Buffer.from(percentBytes(key)).toString('utf8');
      bad.push(name);
    }
  }
  return bad;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Comment form fields whose bytes were not valid UTF-8 (see comments/utf8.ts). */
    invalidUtf8?: string[];
  }
}

const BODY_LIMIT = 1_048_576;

/** A preParsing hook that notes invalid UTF-8 in the body and hands the same bytes on. */
export async function checkUtf8(
  req: FastifyRequest,
  _reply: unknown,
  payload: NodeJS.ReadableStream,
) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += b.length;
    if (size > BODY_LIMIT) {
      // Refuse, never pass on a cut-off body as if it were whole.
      throw Object.assign(new Error('comment body too large'), { statusCode: 413 });
    }
    chunks.push(b);
  }
  const raw = Buffer.concat(chunks);
  req.invalidUtf8 = invalidUtf8Fields(raw, String(req.headers['content-type'] ?? ''));
  const stream = Readable.from([raw]) as Readable & { receivedEncodedLength?: number };
  stream.receivedEncodedLength = raw.length;
  return stream;
}
