import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { ResolvedTarget } from './ssrf.ts';

/** What one delivery attempt found. */
export interface AttemptResult {
  ok: boolean;
  status: number | null;
  durationMs: number;
  excerpt: string;
  error: string | null;
}

/** Limits of one attempt: the whole exchange, and how much of the answer is read. */
export interface SendLimits {
  timeoutMs: number;
  maxResponseBytes: number;
}

export const DEFAULT_LIMITS: SendLimits = { timeoutMs: 10_000, maxResponseBytes: 64 * 1024 };

/**
 * The signature scheme: `v1=` + hex HMAC-SHA256 of `<timestamp>.<body>` under
 * the endpoint's secret, where timestamp is the `Warta-Webhook-Timestamp`
 * header (Unix seconds). Receivers recompute it and reject old timestamps.
 */
export function signPayload(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** TLS failures (Node's `code`s) that mean the target's certificate is not trusted. */
const CERT_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * The delivery log's text for a failed connection: an untrusted certificate
 * says so plainly (it is the receiver's to fix, and never a silent success);
 * other errors keep Node's message with its code.
 */
function describeError(err: Error & { code?: string }): string {
  const code = err.code ?? '';
  const text = CERT_CODES.has(code)
    ? `TLS certificate not trusted (${code}): ${err.message}. Use a certificate from a public CA.`
    : code && !err.message.includes(code)
      ? `${code}: ${err.message}`
      : err.message;
  return text.slice(0, 300);
}

/**
 * POSTs a signed body to a checked target, connecting to the checked address
 * (the Host header and TLS server name keep the URL's host). Redirects are not
 * followed (a 3xx is a failure), the whole exchange is bounded by `timeoutMs`
 * and at most `maxResponseBytes` of the answer are read. Never throws.
 */
export function sendSigned(
  target: ResolvedTarget,
  headers: Record<string, string>,
  body: string,
  limits: SendLimits = DEFAULT_LIMITS,
): Promise<AttemptResult> {
  const started = performance.now();
  const { url } = target;
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: Omit<AttemptResult, 'durationMs'>) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.destroy();
      resolve({ ...r, durationMs: Math.round(performance.now() - started) });
    };
    const req = mod.request({
      method: 'POST',
      host: target.address,
      family: target.family,
      port: url.port || (url.protocol === 'https:' ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      // SNI takes a name only; for an IP target the certificate is checked against the IP.
      servername: isIP(url.hostname.replace(/^\[|\]$/g, '')) ? undefined : url.hostname,
      headers: {
        ...headers,
        host: url.host,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'Warta-Webhooks/1',
      },
      agent: false,
      // Certificates are always verified (Node's default, stated so no one turns it off).
      rejectUnauthorized: true,
    });
    const timer = setTimeout(
      () => finish({ ok: false, status: null, excerpt: '', error: 'timeout' }),
      limits.timeoutMs,
    );
    req.on('error', (err) =>
      finish({ ok: false, status: null, excerpt: '', error: describeError(err) }),
    );
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const status = res.statusCode ?? 0;
      const complete = () => {
        const text = Buffer.concat(chunks).toString('utf8').slice(0, 500);
        const ok = status >= 200 && status < 300;
        finish({
          ok,
          status,
          excerpt: text,
          error: ok ? null : status >= 300 && status < 400 ? 'redirect not followed' : null,
        });
      };
      res.on('data', (c: Buffer) => {
        if (size < limits.maxResponseBytes)
          chunks.push(c.subarray(0, limits.maxResponseBytes - size));
        size += c.length;
        if (size >= limits.maxResponseBytes) complete();
      });
      res.on('end', complete);
      res.on('error', complete);
    });
    req.end(body);
  });
}
