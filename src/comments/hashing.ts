import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Keyed hashes and the one encrypted field. Addresses and emails are stored
 * only as HMACs under a key derived from the server secret and a purpose, so a
 * stolen database cannot be reversed by hashing a list of known addresses.
 */

/** Every page with a comment form derives the same few keys: worked out once per secret and purpose. */
const derivedKeys = new Map<string, string>();

/** A per-purpose key, so a hash made for one use never matches another. */
export function derivedKey(secret: string, purpose: string): string {
  const id = `${purpose}\n${secret}`;
  let key = derivedKeys.get(id);
  if (key === undefined) {
    key = createHmac('sha256', secret).update(`warta-comments:${purpose}`).digest('hex');
    derivedKeys.set(id, key);
  }
  return key;
}

/** HMAC-SHA256 of `value` under the purpose's key, hex. */
export function keyedHash(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', derivedKey(secret, purpose)).update(value).digest('hex');
}

/** Emails compare trimmed and lowercased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The keyed hash that identifies a commenter (bans, trust, rate limits, export). */
export function emailHash(secret: string, email: string): string {
  return keyedHash(secret, 'email', normaliseEmail(email));
}

/** The keyed hash of a client address (bans, rate limits); dropped after the retention period. */
export function ipHash(secret: string, ip: string): string {
  return keyedHash(secret, 'ip', ip.trim().toLowerCase());
}

/** A hash of the comment text for the duplicate check (whitespace and case folded). */
export function bodyHash(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(folded).digest('hex');
}

function encryptionKey(secret: string): Buffer {
  return createHash('sha256').update(derivedKey(secret, 'notify-email')).digest();
}

/** Encrypts a reply-notification address (AES-256-GCM); only stored when the reader opted in. */
export function encryptEmail(secret: string, email: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(secret), iv);
  const data = Buffer.concat([cipher.update(normaliseEmail(email), 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
}

/** Decrypts an address made by encryptEmail; null when it was tampered with or the secret changed. */
export function decryptEmail(secret: string, sealed: string): string | null {
  const [iv, tag, data] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !data) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', encryptionKey(secret), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** Constant-time comparison of two hex/base64 strings. */
export function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
