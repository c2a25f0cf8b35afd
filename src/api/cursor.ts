import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../lib/errors.ts';

/**
 * Opaque page cursors: the position of the last item sent (a keyset, never an
 * offset), as base64url JSON plus a truncated HMAC under a key derived from
 * the server secret. A cursor a client edited, truncated or invented fails the
 * check and is answered 400 API_BAD_CURSOR, so a cursor can never smuggle a
 * value into a query.
 */
export interface CursorCodec {
  encode(position: Record<string, number>): string;
  /** The position, or throws AppError('API_BAD_CURSOR'). `keys` are the numeric fields it must have. */
  decode<K extends string>(cursor: string, keys: readonly K[]): Record<K, number>;
}

/**
 * A codec for one list kind (a cursor of one list is refused by another) under
 * the server secret, or the verifying keys newest first (`verifyingKeys(config)`):
 * cursors are signed with the first and accepted under any, so a client paging
 * through a list during a key rotation is not cut off.
 */
export function cursorCodec(keys: string | readonly string[], kind: string): CursorCodec {
  const signers = (typeof keys === 'string' ? [keys] : keys).map((secret) => {
    const key = createHmac('sha256', secret).update(`warta-api:cursor:${kind}`).digest();
    return (data: string) => createHmac('sha256', key).update(data).digest().subarray(0, 12);
  });
  const sign = signers[0];
  if (!sign) throw new Error('cursorCodec needs a key');
  const signedByUs = (data: string, given: Buffer) => {
    let ok = false;
    for (const s of signers) {
      const want = s(data);
      ok = (given.length === want.length && timingSafeEqual(given, want)) || ok;
    }
    return ok;
  };
  return {
    encode(position) {
      const data = Buffer.from(JSON.stringify(position)).toString('base64url');
      return `${data}.${sign(data).toString('base64url')}`;
    },
    decode<K extends string>(cursor: string, keys: readonly K[]) {
      const bad = () => new AppError('API_BAD_CURSOR');
      if (cursor.length > 200) throw bad();
      const [data, mac, extra] = cursor.split('.');
      if (!data || !mac || extra !== undefined) throw bad();
      const given = Buffer.from(mac, 'base64url');
      if (!signedByUs(data, given)) throw bad();
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.from(data, 'base64url').toString('utf8'));
      } catch {
        throw bad();
      }
      const out = {} as Record<K, number>;
      for (const k of keys) {
        const v = (parsed as Record<string, unknown>)?.[k];
        if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw bad();
        out[k] = v;
      }
      return out;
    },
  };
}
