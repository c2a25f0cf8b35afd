/** The cookies a response sets, as name → value (deleted cookies map to ''). */
export function setCookies(res) {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [String(raw)] : [];
  const out = {};
  for (const c of list) {
    const [pair] = String(c).split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (pair && eq > 0) out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}
/** The raw Set-Cookie header line for one cookie, for checking its flags. */
export function setCookieLine(res, name) {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [String(raw)] : [];
  return String(list.find((c) => String(c).startsWith(`${name}=`)) ?? '');
}
/** The `_csrf` value of the first form in an HTML page. */
export function csrfFromHtml(html) {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no _csrf field in page');
  return m[1];
}
/** Encodes a form body (repeated keys for arrays). */
export function form(fields) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) {
    for (const one of Array.isArray(v) ? v : [v]) p.append(k, one);
  }
  return p.toString();
}
/**
 * Logs in through the real login form (GET the page for the pre-session
 * cookie and token, POST the form); returns the session cookie header value.
 */
export async function loginThroughForm(app, email, password, opts = {}) {
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
    payload: form({ _csrf: csrfFromHtml(page.body), email, password }),
  });
  const session = setCookies(res).warta_session;
  return {
    status: res.statusCode,
    location: res.headers.location,
    cookie: session ? `warta_session=${session}` : '',
    body: res.body,
    headers: res.headers,
  };
}
//# sourceMappingURL=newsroom-http.js.map
