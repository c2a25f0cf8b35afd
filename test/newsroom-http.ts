import { encodePayload, solveChallenge } from '../src/comments/captcha.ts';
import type { TestApp } from './helpers.ts';

/** The cookies a response sets, as name → value (deleted cookies map to ''). */
export function setCookies(res: { headers: Record<string, unknown> }): Record<string, string> {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [String(raw)] : [];
  const out: Record<string, string> = {};
  for (const c of list) {
    const [pair] = String(c).split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (pair && eq > 0) out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

/** The raw Set-Cookie header line for one cookie, for checking its flags. */
export function setCookieLine(res: { headers: Record<string, unknown> }, name: string): string {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [String(raw)] : [];
  return String(list.find((c) => String(c).startsWith(`${name}=`)) ?? '');
}

/** The `_csrf` value of the first form in an HTML page. */
export function csrfFromHtml(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no _csrf field in page');
  return m[1];
}

/** Encodes a form body (repeated keys for arrays). */
export function form(fields: Record<string, string | string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) {
    for (const one of Array.isArray(v) ? v : [v]) p.append(k, one);
  }
  return p.toString();
}

/**
 * A solved proof of work for a login form, as the page's widget makes it: the
 * challenge from the newsroom's endpoint, solved with altcha-lib's solver.
 */
export async function loginProof(app: Pick<TestApp, 'server'>): Promise<string> {
  const res = await app.server.inject({ method: 'GET', url: '/newsroom/masuk/tantangan' });
  if (res.statusCode !== 200) throw new Error(`challenge: ${res.statusCode}`);
  const challenge = res.json();
  return encodePayload(challenge, await solveChallenge(challenge));
}

/**
 * Logs in through the real login form (GET the page for the pre-session
 * cookie and token, POST the form); returns the session cookie header value
 * and the device cookie a full login sets. `proof` sends a solved proof of work.
 */
export async function loginThroughForm(
  app: Pick<TestApp, 'server'>,
  email: string,
  password: string,
  opts: { ip?: string; cookie?: string; proof?: boolean } = {},
): Promise<{
  status: number;
  location?: string;
  cookie: string;
  device: string;
  body: string;
  headers: Record<string, unknown>;
}> {
  const ipHeader = opts.ip ? { 'x-forwarded-for': opts.ip } : {};
  const page = await app.server.inject({
    method: 'GET',
    url: '/newsroom/masuk',
    headers: { ...ipHeader, ...(opts.cookie ? { cookie: opts.cookie } : {}) },
  });
  const pre = setCookies(page).warta_csrf ?? '';
  const res = await app.server.inject({
    method: 'POST',
    url: '/newsroom/masuk',
    headers: {
      ...ipHeader,
      'content-type': 'application/x-www-form-urlencoded',
      cookie: [pre ? `warta_csrf=${pre}` : '', opts.cookie ?? ''].filter(Boolean).join('; '),
    },
    payload: form({
      _csrf: csrfFromHtml(page.body),
      email,
      password,
      ...(opts.proof ? { altcha: await loginProof(app) } : {}),
    }),
  });
  const { warta_session: session, warta_device: device } = setCookies(res);
  return {
    status: res.statusCode,
    location: res.headers.location as string | undefined,
    cookie: session ? `warta_session=${session}` : '',
    device: device ? `warta_device=${device}` : '',
    body: res.body,
    headers: res.headers,
  };
}
