import { encodePayload, solveChallenge } from '../../src/comments/captcha.ts';
import { fullEdit } from '../newsroom-client.ts';
import { csrfFromHtml, form } from '../newsroom-http.ts';
import type { Node } from './harness.ts';

/**
 * What a browser does against the processes, over real HTTP: a reader's
 * comment (the page's form token, the widget's proof of work, the post) and a
 * staff member's newsroom session (the login form, then forms and JSON with
 * the session's CSRF token). Any process may answer any step.
 */

/** The first value of each Set-Cookie of a response, as name → value. */
function cookiesOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(';')[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

/** The comment form of an article page as a process rendered it. */
export interface CommentForm {
  token: string;
  /** The challenge address the widget fetches (`/komentar/tantangan?artikel=N`). */
  challengeUrl: string;
}

export async function commentFormOn(node: Node, articleUrl: string, ip: string) {
  const page = await node.get(articleUrl, { 'x-forwarded-for': ip });
  const token = /name="_token" value="([^"]+)"/.exec(page.text)?.[1];
  const challengeUrl = /data-challenge="([^"]+)"/.exec(page.text)?.[1]?.replaceAll('&amp;', '&');
  if (page.status !== 200 || !token || !challengeUrl)
    throw new Error(`${node.name}: no comment form on ${articleUrl} (${page.status})`);
  return { token, challengeUrl } satisfies CommentForm;
}

/** Fetches a challenge from `node` and solves it as the widget does (altcha-lib's solver). */
export async function solvedChallenge(node: Node, challengeUrl: string, ip: string) {
  const res = await node.fetch(challengeUrl, {
    headers: { 'x-forwarded-for': ip, accept: 'application/json' },
  });
  const text = await res.text();
  if (res.status !== 200) return { status: res.status, text, payload: '' };
  const challenge = JSON.parse(text);
  return { status: 200, text, payload: encodePayload(challenge, await solveChallenge(challenge)) };
}

let readers = 0;

/** Posts a comment (JSON, as the widget does) to `node`; returns status and the answer's JSON. */
export async function postComment(
  node: Node,
  articleUrl: string,
  fields: { token: string; altcha: string; ip: string; body?: string; email?: string },
) {
  readers += 1;
  const res = await node.fetch(`${articleUrl}/komentar`, {
    method: 'POST',
    headers: {
      'x-forwarded-for': fields.ip,
      'sec-fetch-site': 'same-origin',
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify({
      _token: fields.token,
      parent: '',
      body:
        fields.body ??
        `Komentar uji banyak proses nomor ${readers}: jalan desa perlu diperbaiki sebelum hujan.`,
      name: `Pembaca ${readers}`,
      email: fields.email ?? `pembaca.mp.${process.pid}.${readers}@contoh.id`,
      website: '',
      telepon: '',
      altcha: fields.altcha,
    }),
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, json, text };
}

/** A logged-in newsroom session; the cookie works on every process (one database, one key). */
export interface Staff {
  cookie: string;
  csrf: string;
}

/** Logs in through `node`'s login form (pre-session cookie and token, then the POST). */
export async function logIn(node: Node, email: string, password: string): Promise<Staff> {
  const page = await node.fetch('/newsroom/masuk');
  const pre = cookiesOf(page).warta_csrf ?? '';
  const res = await node.fetch('/newsroom/masuk', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: `warta_csrf=${pre}`,
    },
    body: form({ _csrf: csrfFromHtml(await page.text()), email, password }),
  });
  const session = cookiesOf(res).warta_session;
  if (res.status !== 303 || !session) throw new Error(`${node.name}: login answered ${res.status}`);
  const cookie = `warta_session=${session}`;
  // The session's CSRF token, as every newsroom page carries it.
  const home = await node.fetch('/newsroom/artikel', { headers: { cookie } });
  return { cookie, csrf: csrfFromHtml(await home.text()) };
}

/** A newsroom client for one process: form posts, JSON posts and multipart uploads. */
export function newsroom(node: Node, who: Staff) {
  return {
    form: (path: string, fields: Record<string, string>) =>
      node.fetch(path, {
        method: 'POST',
        headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: form({ _csrf: who.csrf, ...fields }),
      }),
    json: (path: string, body: Record<string, unknown>) =>
      node.fetch(path, {
        method: 'POST',
        headers: {
          cookie: who.cookie,
          'content-type': 'application/json',
          accept: 'application/json',
          'x-csrf-token': who.csrf,
        },
        body: JSON.stringify(body),
      }),
    /** Uploads one photo to the media library; resolves with its id. */
    async upload(file: Buffer, fields: Record<string, string>): Promise<number> {
      const body = new FormData();
      for (const [k, v] of Object.entries(fields)) body.append(k, v);
      body.append('file', new Blob([new Uint8Array(file)], { type: 'image/jpeg' }), 'foto.jpg');
      const res = await node.fetch('/newsroom/media', {
        method: 'POST',
        headers: { cookie: who.cookie, accept: 'application/json', 'x-csrf-token': who.csrf },
        body,
      });
      const text = await res.text();
      if (res.status !== 201)
        throw new Error(`${node.name}: upload answered ${res.status} ${text}`);
      return (JSON.parse(text) as { id: number }).id;
    },
  };
}

type Newsroom = ReturnType<typeof newsroom>;

/** Writes an article through the editor and takes it to "approved"; resolves with its id. */
export async function approvedArticle(
  nr: Newsroom,
  sectionId: number,
  headline: string,
  edit: Record<string, unknown> = {},
): Promise<number> {
  const created = await nr.form('/newsroom/artikel', { headline, sectionId: String(sectionId) });
  if (created.status !== 303) throw new Error(`create answered ${created.status}`);
  const id = Number(String(created.headers.get('location')).split('/').pop());
  const saved = await nr.json(`/newsroom/artikel/${id}`, {
    ...fullEdit(sectionId, { headline }),
    ...edit,
    version: 1,
  });
  if (saved.status !== 200) throw new Error(`save answered ${saved.status}: ${await saved.text()}`);
  for (const action of ['submit', 'approve']) await act(nr, id, action);
  return id;
}

/** One workflow button (`submit`, `approve`, `publish`, …); throws unless it went through. */
export async function act(nr: Newsroom, id: number, action: string): Promise<void> {
  const res = await nr.form(`/newsroom/artikel/${id}/tindakan`, { action });
  if (res.status !== 303) throw new Error(`${action} answered ${res.status}: ${await res.text()}`);
}
