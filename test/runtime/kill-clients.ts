import { encodePayload, solveChallenge } from '../../src/comments/captcha.ts';
import { paragraph } from '../../src/content/blocks.ts';
import { ERRORS } from '../../src/lib/errors.ts';
import { fullEdit } from '../newsroom-client.ts';
import { csrfFromHtml } from '../newsroom-http.ts';

/**
 * The clients of the kill test: readers posting comments through the public
 * form (page, proof-of-work challenge, post) and writers autosaving drafts,
 * all over real HTTP. A connection error (the server was killed) is retried
 * with the same inputs a browser would send again; the final answer of every
 * write is recorded so the test can compare it with what the database holds.
 */

export interface Counters {
  /** Requests that met a connection error and were sent again (each counted once). */
  retried: number;
  /** Copies sent again in all (every try while the server was down). */
  resends: number;
  /** Writes answered 2xx so far (the test kills the server only while writes go through). */
  acked: number;
  /** Answers by method and status (`POST 201`), for the report and for failures. */
  answers: Map<string, number>;
  /** The clients (`r3`, `d7`) with at least one write answered 2xx. */
  answeredClients: Set<string>;
  /** Challenges spent by a post the kill cut off before it stored the comment, solved again. */
  resolved: number;
}

interface Answer {
  status: number;
  location: string;
  text: string;
  /** A connection error happened before this answer: an earlier copy may have landed. */
  retried: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One request, sent again after every connection error (refused while the
 * server is down, reset when it is killed mid-request) until an answer
 * arrives. Nothing else is retried: every HTTP answer is final.
 */
async function send(url: string, init: RequestInit, counters: Counters): Promise<Answer> {
  let retried = false;
  const giveUpAt = Date.now() + 120_000;
  for (;;) {
    try {
      // No timeout: a killed server resets its connections at once, and a
      // request given up on while the server still works on it is not a test.
      const res = await fetch(url, { ...init, redirect: 'manual' });
      const text = await res.text();
      const key = `${init.method ?? 'GET'} ${res.status}`;
      counters.answers.set(key, (counters.answers.get(key) ?? 0) + 1);
      return { status: res.status, location: res.headers.get('location') ?? '', text, retried };
    } catch (err) {
      if (Date.now() > giveUpAt) throw err;
      if (!retried) counters.retried++;
      retried = true;
      counters.resends++;
      await sleep(50 + Math.random() * 100);
    }
  }
}

const errorCode = (text: string): string => {
  try {
    const data = JSON.parse(text) as { error?: string | { code?: string } };
    return typeof data.error === 'string' ? data.error : (data.error?.code ?? '');
  } catch {
    return '';
  }
};

/** The error code of an answer, from JSON or from the message on the re-shown form page. */
function codeOf(a: Answer): string {
  const json = errorCode(a.text);
  if (json) return json;
  const found = Object.entries(ERRORS).find(([code, e]) =>
    code.startsWith('COMMENT_') ? a.text.includes(e.id.slice(0, 40)) : false,
  );
  return found?.[0] ?? `HTTP ${a.status}`;
}

export type CommentOutcome =
  /** 201 (JSON) or 303 to the new comment (form): the reader was told it is in. */
  | { kind: 'acked'; marker: string; id: number }
  /** 409 duplicate after a retry: an earlier copy cut off by the kill was stored. */
  | { kind: 'earlier-copy'; marker: string }
  | { kind: 'refused'; marker: string; code: string; retried: boolean };

export interface ReaderOptions {
  base: string;
  articleUrl: string;
  /** Distinguishes clients in addresses, markers and emails. */
  client: number;
  /** JSON like the fetch-based widget flow, or the plain form a browser posts. */
  json: boolean;
  /** The site's minimum fill time, which a person's typing takes anyway. */
  minFillSeconds: number;
  counters: Counters;
  running: () => boolean;
}

/**
 * One reader after another (a new address each, so per-address limits stay
 * out of the way): open the article, fetch and solve the challenge the widget
 * would, wait out the minimum fill time, post; on a connection error post the
 * very same form again, and after "challenge already used" solve a fresh one.
 */
export async function readerLoop(o: ReaderOptions): Promise<CommentOutcome[]> {
  const out: CommentOutcome[] = [];
  for (let i = 1; o.running(); i++) out.push(await postOne(o, i));
  return out;
}

async function postOne(o: ReaderOptions, i: number): Promise<CommentOutcome> {
  const marker = `KILL-${o.client}-${i}`;
  const headers = {
    'x-forwarded-for': `10.${o.client}.${i >> 8}.${i & 255}`,
    'sec-fetch-site': 'same-origin',
  };
  const page = await send(`${o.base}${o.articleUrl}`, { headers }, o.counters);
  const token = /name="_token" value="([^"]+)"/.exec(page.text)?.[1];
  const challengeUrl = /data-challenge="([^"]+)"/.exec(page.text)?.[1]?.replaceAll('&amp;', '&');
  if (page.status !== 200 || !token || !challengeUrl)
    return { kind: 'refused', marker, code: `page ${page.status}`, retried: page.retried };
  const solved = async () => {
    const ch = await send(`${o.base}${challengeUrl}`, { headers }, o.counters);
    if (ch.status !== 200) throw new Error(`challenge answered ${ch.status}: ${ch.text}`);
    const challenge = JSON.parse(ch.text);
    return encodePayload(challenge, await solveChallenge(challenge));
  };
  const fields: Record<string, string> = {
    _token: token,
    parent: '',
    body: `Komentar uji mati-hidup ${marker}: warga menunggu perbaikan jalan desa.`,
    name: `Pembaca ${o.client}`,
    email: `pembaca.${o.client}.${i}@contoh.id`,
    website: '',
    telepon: '',
    altcha: await solved(),
  };
  // The reader types for a moment: the token's render time plus the minimum fill time.
  const renderedAt = Number(token.split('.')[1]);
  await sleep(Math.max(0, renderedAt + o.minFillSeconds * 1000 + 100 - Date.now()));
  let retried = false;
  for (let attempt = 0; attempt < 5; attempt++) {
    const a = await send(
      `${o.base}${o.articleUrl}/komentar`,
      o.json
        ? {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
            body: JSON.stringify(fields),
          }
        : {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(fields).toString(),
          },
      o.counters,
    );
    retried ||= a.retried;
    const to = /#komentar-(\d+)$/.exec(a.location);
    const id =
      a.status === 201
        ? (JSON.parse(a.text) as { id: number }).id
        : a.status === 303 && to
          ? Number(to[1])
          : 0;
    if (id) {
      o.counters.acked++;
      o.counters.answeredClients.add(`r${o.client}`);
      return { kind: 'acked', marker, id };
    }
    const code = codeOf(a);
    if (retried && code === 'COMMENT_DUPLICATE') return { kind: 'earlier-copy', marker };
    // The killed attempt spent the challenge but stored nothing: the widget solves a new one.
    if (retried && code === 'COMMENT_CAPTCHA_USED') {
      o.counters.resolved++;
      fields.altcha = await solved();
      continue;
    }
    return { kind: 'refused', marker, code, retried };
  }
  return { kind: 'refused', marker, code: 'too many attempts', retried };
}

export interface AutosaveRecord {
  draftId: number;
  /** Every autosave sent, by sequence number (its marker). */
  sent: number[];
  /** Sequence numbers answered 200, with the version the server gave. */
  acked: { seq: number; version: number }[];
  /** Sent, then a connection error, then 409 stale: the cut-off copy was stored. */
  landedUnanswered: number[];
  refused: { seq: number; status: number; code: string }[];
}

export interface WriterOptions {
  base: string;
  draftId: number;
  sectionId: number;
  cookie: string;
  counters: Counters;
  running: () => boolean;
}

/** The marker of autosave `seq` of a draft, in its headline and its body. */
export const autosaveMarker = (draftId: number, seq: number) => `SIMPAN-${draftId}-${seq}`;

/**
 * A writer in the editor: open the article (version and CSRF token from the
 * page), then autosave ever newer text with the version last answered. After
 * a connection error the same text goes again with the same version, as the
 * editor script does; a 409 then means the cut-off save was stored, and the
 * writer reloads the editor, as the banner tells them to.
 */
export async function writerLoop(o: WriterOptions): Promise<AutosaveRecord> {
  const rec: AutosaveRecord = {
    draftId: o.draftId,
    sent: [],
    acked: [],
    landedUnanswered: [],
    refused: [],
  };
  const pageUrl = `${o.base}/newsroom/artikel/${o.draftId}`;
  const open = async () => {
    const page = await send(pageUrl, { headers: { cookie: o.cookie } }, o.counters);
    const version = /name="version" value="(\d+)"/.exec(page.text)?.[1];
    if (page.status !== 200 || !version) throw new Error(`editor page answered ${page.status}`);
    return { version: Number(version), csrf: csrfFromHtml(page.text) };
  };
  let { version, csrf } = await open();
  for (let seq = 1; o.running(); seq++) {
    const marker = autosaveMarker(o.draftId, seq);
    const body = fullEdit(o.sectionId, {
      headline: `Draf ${marker}`,
      tags: `Draf ${o.draftId}`,
      bylines: `Penulis ${o.draftId}`,
      body: [paragraph(`Paragraf pertama ${marker}.`), paragraph(`Penutup ${marker}.`)],
      version,
    });
    rec.sent.push(seq);
    const a = await send(
      `${pageUrl}/autosave`,
      {
        method: 'POST',
        headers: {
          cookie: o.cookie,
          'content-type': 'application/json',
          accept: 'application/json',
          'x-csrf-token': csrf,
        },
        body: JSON.stringify(body),
      },
      o.counters,
    );
    const code = errorCode(a.text);
    if (a.status === 200) {
      version = (JSON.parse(a.text) as { version: number }).version;
      rec.acked.push({ seq, version });
      o.counters.acked++;
      o.counters.answeredClients.add(`d${o.draftId}`);
    } else if (a.retried && a.status === 409 && code === 'STALE_VERSION') {
      rec.landedUnanswered.push(seq);
      ({ version, csrf } = await open());
    } else {
      rec.refused.push({ seq, status: a.status, code });
      ({ version, csrf } = await open());
    }
    await sleep(20 + Math.random() * 80);
  }
  return rec;
}
