import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { EditableArticle } from '../../content/editable.ts';
import { loadEditable } from '../../content/editable.ts';
import { type Actor, mayEdit, mayView } from '../../content/workflow.ts';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../lib/errors.ts';
import type { EventBus } from '../../lib/events.ts';
import type { Lang } from '../../lib/i18n.ts';
import { localDateParts, type ZoneLabel } from '../../lib/time.ts';
import { audit } from '../audit.ts';
import { ipHashOf, requireStaff, wantsJson } from '../auth.ts';
import { type ArticleMessages, articleMessages } from './messages.ts';
import type { FieldErrors } from './validate.ts';

/** What the article routes need from the app. */
export interface ArticleRouteDeps {
  config: Config;
  db: Db;
  events: EventBus;
}

const ID = /^[1-9]\d{0,9}$/;

/** An id from the URL, or 404 for anything that is not a plain positive number. */
export function idParam(raw: string): number {
  if (!raw || !ID.test(raw) || Number(raw) > 2 ** 31 - 1) throw new AppError('NOT_FOUND');
  return Number(raw);
}

/** The logged-in staff member as a workflow actor (routes run after requireStaff). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.staff) throw new AppError('NOT_LOGGED_IN');
  return { role: req.staff.role, userId: req.staff.id };
}

/** The WRITING catalog in the staff member's language. */
export function messagesFor(req: FastifyRequest, config: Config): ArticleMessages {
  return articleMessages[req.staff?.lang ?? config.language];
}

/** Loads an article the actor may see, or throws NOT_FOUND / FORBIDDEN. */
export async function loadVisible(db: Db, id: number, actor: Actor): Promise<EditableArticle> {
  const a = await loadEditable(db.kysely, id);
  if (!a) throw new AppError('NOT_FOUND');
  if (!mayView(actor, { status: a.status, authorId: a.authorId })) throw new AppError('FORBIDDEN');
  return a;
}

/** Route options for a writing route: any staff member who may write articles, and the route's schema. */
export function writerRoute<S>(schema: S) {
  return { preValidation: requireStaff('article.create'), schema };
}

/** The article named by the URL (`rawId`), loaded for the acting staff member as `loadVisible` does. */
export async function articleForActor(
  db: Db,
  req: FastifyRequest,
  rawId: string,
): Promise<{ actor: Actor; id: number; article: EditableArticle }> {
  const actor = actorOf(req);
  const id = idParam(rawId);
  return { actor, id, article: await loadVisible(db, id, actor) };
}

/** Whether the actor may edit the article in its present state. */
export function mayEditArticle(actor: Actor, a: EditableArticle): boolean {
  return mayEdit(actor, { status: a.status, authorId: a.authorId });
}

/** Answers a done action: `json` to the editor script, a 303 to `location` for a plain form. */
export function jsonOrRedirect(
  req: FastifyRequest,
  reply: FastifyReply,
  json: unknown,
  location: string,
): FastifyReply {
  if (wantsJson(req)) return reply.send(json);
  return reply.redirect(location, 303);
}

/** Sends a JSON error in AUTH's shape `{ error: { code, message, fields? } }`. */
export function jsonError(
  reply: FastifyReply,
  err: AppError,
  lang: Lang,
  fields?: FieldErrors,
): FastifyReply {
  return reply
    .code(err.status)
    .header('cache-control', 'no-store')
    .send({
      error: { code: err.code, message: err.messageIn(lang), ...(fields ? { fields } : {}) },
    });
}

/** Writes the audit entry for an article action. */
export async function auditArticle(
  req: FastifyRequest,
  deps: ArticleRouteDeps,
  action: string,
  articleId: number,
  detail: string,
): Promise<void> {
  await audit(deps.db, {
    actorId: req.staff?.id ?? null,
    action: `article.${action}`,
    target: `article:${articleId}`,
    detail,
    ipHash: ipHashOf(req, deps.config),
  });
}

const HOURS: Record<ZoneLabel, number> = { WIB: 7, WITA: 8, WIT: 9 };
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A `datetime-local` value ("2025-03-01T14:30") read as wall-clock time in the
 * site's zone (WIB/WITA/WIT have no daylight saving). Null when malformed or
 * impossible (31 February, hour 25).
 */
export function parseLocalDateTime(value: unknown, zone: ZoneLabel): number | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  if (y < 2000 || y > 9999 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(utc);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null;
  return utc - HOURS[zone] * 3_600_000;
}

/** The `datetime-local` value for an instant in the site's zone. */
export function toLocalInput(ms: number, zone: ZoneLabel): string {
  const p = localDateParts(ms, zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}
