import { readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { sql } from 'kysely';
import sharp from 'sharp';
import { runWorkflowAction } from '../../src/content/commands/workflow-action.ts';
import { createDraft } from '../../src/content/revisions.ts';
import type { Db, Dialect } from '../../src/db/connection.ts';
import { ERRORS } from '../../src/lib/errors.ts';
import { EventBus } from '../../src/lib/events.ts';
import { addImage } from '../../src/media/library.ts';
import { newPreSessionValue, preSessionCsrf, sessionCsrf } from '../../src/newsroom/csrf.ts';
import { ROLES, type Role } from '../../src/newsroom/policy.ts';
import { createSession, tokenHash } from '../../src/newsroom/sessions.ts';
import type { StaffUser } from '../../src/newsroom/users.ts';
import { makeSection, publishedArticle } from '../factories.ts';
import type { TestApp } from '../helpers.ts';
import { form } from '../newsroom-http.ts';
import { makeStaff } from '../staff.ts';

/**
 * The security route tests' toolkit: the fixtures every route needs real
 * parameters from, requests with the CSRF token in a chosen place, and a
 * snapshot of every table to prove a refused request changed nothing.
 */

/**
 * SQLite in every run; WARTA_SECURITY_PG=1 adds a pass on PostgreSQL (over
 * the CI time budget: the "nothing changed" snapshots read every table).
 */
export const SECURITY_DIALECTS: Dialect[] = process.env.WARTA_SECURITY_PG
  ? ['sqlite', 'postgres']
  : ['sqlite'];

/** One request to a route, built with real parameters. */
export interface Call {
  method: 'GET' | 'POST';
  url: string;
  form?: Record<string, string | string[]>;
  json?: Record<string, unknown>;
  multipart?: { fields: Record<string, string>; file: { name: string; data: Buffer } };
  accept?: 'json' | 'html';
}

/** A cookie header and the CSRF token that belongs to it. */
export interface Auth {
  cookie: string;
  csrf: string;
}

/** Where the CSRF token goes: a form/JSON/multipart field, the header, the query string, nowhere. */
export type Placement = 'body' | 'header' | 'query' | 'none';

/** Who is calling: nobody logged in, or a staff member of a role. */
export type Caller = { role: 'anon' } | { role: Role; user: StaffUser };

const BOUNDARY = '----warta-security-test';

/** The request as method, URL, headers and payload (for inject or a raw socket). */
export function buildRequest(
  call: Call,
  auth: Auth | null,
  placement: Placement,
  token = auth?.csrf ?? '',
) {
  const headers: Record<string, string> = {
    accept: call.accept === 'json' ? 'application/json' : 'text/html',
  };
  if (auth?.cookie) headers.cookie = auth.cookie;
  if (placement === 'header') headers['x-csrf-token'] = token;
  let url = call.url;
  if (placement === 'query') url += `${url.includes('?') ? '&' : '?'}_csrf=${token}`;
  const field: Record<string, string> = placement === 'body' ? { _csrf: token } : {};
  let payload: string | Buffer | undefined;
  if (call.method === 'POST') {
    if (call.json) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify({ ...field, ...call.json });
    } else if (call.multipart) {
      headers['content-type'] = `multipart/form-data; boundary=${BOUNDARY}`;
      const parts: Buffer[] = [];
      for (const [k, v] of Object.entries({ ...field, ...call.multipart.fields })) {
        parts.push(
          Buffer.from(
            `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
          ),
        );
      }
      const f = call.multipart.file;
      parts.push(
        Buffer.from(
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: image/jpeg\r\n\r\n`,
        ),
        f.data,
        Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
      );
      payload = Buffer.concat(parts);
    } else {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = form({ ...field, ...(call.form ?? {}) });
    }
  }
  return { method: call.method, url, headers, payload };
}

export interface Answer {
  status: number;
  body: string;
  location: string;
}

/** Sends a call through `inject`, the token placed as asked. */
export async function send(
  app: TestApp,
  call: Call,
  auth: Auth | null,
  placement: Placement = 'body',
  token?: string,
): Promise<Answer> {
  const r = buildRequest(call, auth, placement, token);
  const res = await app.server.inject(r);
  return { status: res.statusCode, body: res.body, location: String(res.headers.location ?? '') };
}

/**
 * Sends a call over a real socket with an absolute-form request target
 * (`POST http://host/path HTTP/1.1`), which `inject` cannot express.
 */
export function sendAbsolute(port: number, call: Call, auth: Auth | null): Promise<Answer> {
  const r = buildRequest(call, auth, 'none');
  const payload = r.payload ?? '';
  const head = [
    `${r.method} http://warta.test${r.url} HTTP/1.1`,
    'host: warta.test',
    'connection: close',
    ...Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`),
    `content-length: ${Buffer.byteLength(payload)}`,
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(Buffer.concat([Buffer.from(`${head}\r\n\r\n`), Buffer.from(payload)]));
    });
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const headText = text.slice(0, split);
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(headText)?.[1] ?? 0),
        body: text.slice(split + 4),
        location: /\r\nlocation: ([^\r]*)/i.exec(headText)?.[1] ?? '',
      });
    });
  });
}

/** True for the auth layer's CSRF refusal (page or JSON, either language). */
export function csrfRefused(a: Answer): boolean {
  const e = ERRORS.CSRF_INVALID;
  return (
    a.status === 403 &&
    (a.body.includes(e.id) || a.body.includes(e.en) || a.body.includes('"CSRF_INVALID"'))
  );
}

/** A new session for a staff member: its cookie and CSRF token. */
export async function sessionAuth(
  db: Db,
  secret: string,
  userId: number,
  opts: { mfaPending?: boolean } = {},
): Promise<Auth> {
  const { token } = await createSession(db, userId, opts);
  return {
    cookie: `warta_session=${token}`,
    csrf: sessionCsrf(secret, tokenHash(token)),
  };
}

/** A browser before login: the pre-session cookie and its double-submit token. */
export function preSessionAuth(secret: string): Auth {
  const value = newPreSessionValue();
  return { cookie: `warta_csrf=${value}`, csrf: preSessionCsrf(secret, value) };
}

/**
 * Every table's rows, as sorted JSON lines per table (this database schema
 * only on PostgreSQL). A session's `last_seen_at` is left out: using a
 * session may touch it.
 */
export async function snapshot(db: Db): Promise<Record<string, string[]>> {
  // This database's own tables only: other tests' PostgreSQL schemas come and go meanwhile.
  const names =
    db.dialect === 'postgres'
      ? sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`
      : sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%'`;
  const tables = (await names.execute(db.kysely)).rows;
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(t.name)}`.execute(
      db.kysely,
    );
    out[t.name] = rows.rows
      .map((row) => {
        if (t.name === 'sessions') delete row.last_seen_at;
        return JSON.stringify(row, (_k, v) =>
          typeof v === 'bigint' ? String(v) : Buffer.isBuffer(v) ? v.toString('hex') : v,
        );
      })
      .sort();
  }
  return out;
}

/** The tables whose rows differ between two snapshots (for a readable failure). */
export function changedTables(
  before: Record<string, string[]>,
  after: Record<string, string[]>,
): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter(
    (n) => JSON.stringify(before[n] ?? []) !== JSON.stringify(after[n] ?? []),
  );
}

/** Every file under the media directory (a refused upload must leave none behind). */
export function mediaFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

/** The records fixtures are made from; built once per app. */
export interface Fixtures {
  users: Record<Role, StaffUser>;
  /** Another kontributor: the author of "someone else's" articles. */
  writer: StaffUser;
  /** An account whose password is known and used to log in. */
  loginTarget: StaffUser;
  /** An account for the password-reset routes. */
  resetTarget: StaffUser;
  /** Targets of the per-account admin actions. */
  staffTargets: Record<'peran' | 'status' | 'reset2fa', StaffUser>;
  sectionId: number;
  mediaId: number;
  jpeg: Buffer;
  /** A published article readers comment on (id and its comment form URL). */
  article: { id: number; url: string };
  events: EventBus;
}

export async function makeFixtures(app: TestApp): Promise<Fixtures> {
  const db = app.db;
  const users = {} as Record<Role, StaffUser>;
  for (const role of ROLES) users[role] = await makeStaff(db, role);
  const section = await makeSection(db, 'Keamanan');
  // Small photos: the focal-point route redraws every crop of it.
  const jpeg = await sharp({
    create: { width: 320, height: 200, channels: 3, background: { r: 90, g: 30, b: 20 } },
  })
    .jpeg()
    .toBuffer();
  const image = await addImage(db.kysely, app.mediaDir, jpeg, {
    caption: 'Foto uji',
    credit: 'Warta/Uji',
    alt: 'Foto uji',
  });
  const a = await publishedArticle(db, section.id);
  const row = await db.kysely
    .selectFrom('articles')
    .select('slug')
    .where('id', '=', a.id)
    .executeTakeFirstOrThrow();
  return {
    users,
    writer: await makeStaff(db, 'kontributor'),
    loginTarget: await makeStaff(db, 'kontributor'),
    resetTarget: await bareUser(db),
    staffTargets: {
      peran: await bareUser(db),
      status: await bareUser(db),
      reset2fa: await bareUser(db),
    },
    sectionId: section.id,
    mediaId: image,
    jpeg,
    article: { id: a.id, url: `/${section.slug}/${a.id}/${row.slug}` },
    events: new EventBus(),
  };
}

let bare = 0;

/**
 * A kontributor account stored directly, without a usable password (no
 * password hashing: for accounts that are only the target of an action).
 */
export async function bareUser(db: Db): Promise<StaffUser> {
  bare += 1;
  const now = Date.now();
  const email = `sasaran-${process.pid}-${bare}@warta.test`;
  const row = await db.kysely
    .insertInto('users')
    .values({
      email,
      name: `Sasaran ${bare}`,
      role: 'kontributor',
      lang: 'id',
      password_hash: '$argon2id$tidak-dipakai',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, email, name: `Sasaran ${bare}`, role: 'kontributor', lang: 'id' };
}

let headlines = 0;

/** A draft by `authorId`; `submitted` sends it to the desk through the real workflow. */
export async function articleOf(
  app: TestApp,
  fx: Fixtures,
  authorId: number,
  status: 'draft' | 'submitted' = 'draft',
): Promise<number> {
  headlines += 1;
  const id = await createDraft(app.db, {
    authorId,
    sectionId: fx.sectionId,
    headline: `Naskah keamanan ${headlines} dari penulis ${authorId}`,
  });
  if (status === 'submitted') {
    await runWorkflowAction({
      db: app.db,
      events: fx.events,
      actor: { role: 'kontributor', userId: authorId },
      articleId: id,
      action: 'submit',
    });
  }
  return id;
}

/** The article's current version and its first revision's id. */
export async function versionOf(app: TestApp, id: number) {
  const a = await app.db.kysely
    .selectFrom('articles')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const rev = await app.db.kysely
    .selectFrom('revisions')
    .select('id')
    .where('article_id', '=', id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return { version: a.version, revisionId: rev.id };
}

/** A reader's comment on the fixture article, stored directly. */
export async function commentOn(
  app: TestApp,
  fx: Fixtures,
  status: 'pending' | 'approved',
): Promise<number> {
  const row = await app.db.kysely
    .insertInto('comments')
    .values({
      article_id: fx.article.id,
      parent_id: null,
      author_name: 'Pembaca Uji',
      body: 'Komentar untuk uji keamanan rute.',
      status,
      created_at: Date.now(),
      ip_hash: `ip-${Math.random()}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A ban on a made-up address hash; returns its id. */
export async function banRow(app: TestApp): Promise<number> {
  const row = await app.db.kysely
    .insertInto('comment_bans')
    .values({
      kind: 'ip',
      hash: `hash-${Math.random()}`,
      note: 'uji',
      created_by: null,
      created_at: Date.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
