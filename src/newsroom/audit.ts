import type { Kysely } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { pageOf } from './paging.ts';

/**
 * The audit log: who did what to what, when, from which (keyed-hashed)
 * address. Written by AUTH (logins, staff changes, 2FA, resets) and by WRITING
 * (publishes, deletions) through `audit()`; admins read it at /newsroom/audit.
 */

export interface AuditEntry {
  /** The staff member who acted; null for the system or an anonymous visitor. */
  actorId: number | null;
  /** Dotted verb, e.g. 'login', 'login.failed', 'staff.role', 'article.published'. */
  action: string;
  /** What was acted on, e.g. 'user:12' or 'article:40'. */
  target?: string;
  /** Short human-readable detail (plain text; rendered escaped). */
  detail?: string;
  /** keyedHash of the client address (see auth's `ipHashOf(req)`), or ''. */
  ipHash?: string;
}

/**
 * Appends one entry to the audit log. Never throws for long text: it is cut to
 * fit. Pass a transaction to record the entry together with the change it describes.
 */
export async function audit(
  db: Db | Kysely<Database>,
  entry: AuditEntry,
  now = Date.now(),
): Promise<void> {
  const k = 'kysely' in db ? db.kysely : db;
  await k
    .insertInto('audit_log')
    .values({
      created_at: now,
      actor_id: entry.actorId,
      action: entry.action.slice(0, 60),
      target: (entry.target ?? '').slice(0, 200),
      detail: (entry.detail ?? '').slice(0, 1000),
      ip_hash: entry.ipHash ?? '',
    })
    .execute();
}

export interface AuditRow {
  id: number;
  createdAt: number;
  actorId: number | null;
  actorName: string | null;
  action: string;
  target: string;
  detail: string;
}

/** One page of the log, newest first, optionally only one action; `hasMore` for paging. */
export async function listAudit(
  db: Db,
  opts: { action?: string; page: number; pageSize?: number },
): Promise<{ items: AuditRow[]; hasMore: boolean }> {
  const size = opts.pageSize ?? 50;
  let q = db.kysely
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.created_at',
      'audit_log.actor_id',
      'users.name as actor_name',
      'audit_log.action',
      'audit_log.target',
      'audit_log.detail',
    ]);
  if (opts.action) q = q.where('audit_log.action', '=', opts.action);
  const rows = await q
    .orderBy('audit_log.created_at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(size + 1)
    .offset((opts.page - 1) * size)
    .execute();
  return pageOf(rows, size, (r) => ({
    id: r.id,
    createdAt: r.created_at,
    actorId: r.actor_id,
    actorName: r.actor_name ?? null,
    action: r.action,
    target: r.target,
    detail: r.detail,
  }));
}

/** The distinct actions present, for the filter menu. */
export async function auditActions(db: Db): Promise<string[]> {
  const rows = await db.kysely
    .selectFrom('audit_log')
    .select('action')
    .distinct()
    .orderBy('action')
    .execute();
  return rows.map((r) => r.action);
}
