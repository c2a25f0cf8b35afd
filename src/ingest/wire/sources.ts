import path from 'node:path';
import type { Db } from '../../db/connection.ts';
import type { WireFormat } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import { audit } from '../../newsroom/audit.ts';
import { can, type Role } from '../../newsroom/policy.ts';
import { schedulePoll } from './poller.ts';
import { rulesFromForm } from './rules.ts';
import { getSource, insertSource, type SourceInput, updateSourceRow } from './store.ts';
import type { SourceFieldErrors, SourceFormValues } from './views/sources-page.tsx';

/**
 * Admins' commands on sources: validate the form into a SourceInput (each
 * problem named per field, in the reader's language by the view), store,
 * audit, and make sure the source has its poll queued.
 */

const HEADER_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/;
/** Headers a token may not be sent as (the fetch sets or forbids them). */
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'connection',
  'cookie',
  'transfer-encoding',
  'if-none-match',
  'if-modified-since',
]);

/** Checks the form; returns the input or the fields that are wrong. */
export function validateSourceForm(
  v: SourceFormValues & { authSecret: string },
): { ok: true; input: SourceInput } | { ok: false; errors: SourceFieldErrors } {
  const errors: SourceFieldErrors = {};
  const name = v.name.trim();
  if (!name || name.length > 100) errors.name = 'name';
  const url = v.url.trim();
  const folder = v.folder.trim();
  let urlOk = false;
  if (url) {
    try {
      const u = new URL(url);
      urlOk = u.protocol === 'http:' || u.protocol === 'https:';
    } catch {}
  }
  if ((url && !urlOk) || (!url && !folder) || (url && folder)) errors.where = 'where';
  if (folder && !path.isAbsolute(folder)) errors.folder = 'folder';
  const interval = Number(v.intervalS);
  if (!Number.isInteger(interval) || interval < 60 || interval > 86_400)
    errors.interval = 'interval';
  const header = v.tokenHeader.trim();
  if (
    v.authKind === 'token' &&
    (!HEADER_NAME.test(header) || RESERVED_HEADERS.has(header.toLowerCase()))
  )
    errors.tokenHeader = 'tokenHeader';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const section = Number(v.sectionId);
  return {
    ok: true,
    input: {
      name,
      format: v.format as WireFormat,
      url,
      folder,
      credit: v.credit.trim().slice(0, 100),
      photoCredit: v.photoCredit.trim().slice(0, 100),
      sectionId: Number.isInteger(section) && section > 0 ? section : null,
      intervalS: interval,
      authKind: v.authKind,
      authUser: v.authUser.trim().slice(0, 200),
      authSecret: v.authSecret.slice(0, 500),
      tokenHeader: header,
      rules: rulesFromForm(v.replace, v.strip),
      enabled: v.enabled,
    },
  };
}

export interface SourceActor {
  db: Db;
  actor: { id: number; role: Role };
  ipHash?: string;
  now?: number;
}

/** Checks the actor may manage sources; returns the command's time. */
function authorise(p: SourceActor): number {
  if (!can(p.actor.role, 'wire.manage')) throw new AppError('FORBIDDEN');
  return p.now ?? Date.now();
}

function record(p: SourceActor, action: string, id: number, detail = '') {
  return audit(p.db, {
    actorId: p.actor.id,
    action,
    target: `wire-source:${id}`,
    detail,
    ipHash: p.ipHash ?? '',
  });
}

/** Adds a source and queues its first poll now. */
export async function createWireSource(p: SourceActor, input: SourceInput): Promise<number> {
  const now = authorise(p);
  const id = await insertSource(p.db.kysely, input, now);
  await record(p, 'wire.source.created', id, input.name);
  if (input.enabled) await schedulePoll(p.db, id, now);
  return id;
}

/** Changes a source; an enabled source gets its poll queued. */
export async function updateWireSource(
  p: SourceActor,
  id: number,
  input: SourceInput,
): Promise<void> {
  const now = authorise(p);
  if (!(await getSource(p.db.kysely, id))) throw new AppError('NOT_FOUND');
  await updateSourceRow(p.db.kysely, id, input, now);
  await record(p, 'wire.source.updated', id, input.name);
  if (input.enabled) await schedulePoll(p.db, id, now + input.intervalS * 1000);
}

/** "Poll now": moves the source's queued poll to now. */
export async function pollWireSourceNow(p: SourceActor, id: number): Promise<void> {
  const now = authorise(p);
  if (!(await getSource(p.db.kysely, id))) throw new AppError('NOT_FOUND');
  await p.db.kysely
    .updateTable('wire_sources')
    .set({ next_poll_at: now })
    .where('id', '=', id)
    .execute();
  await schedulePoll(p.db, id, now);
  await record(p, 'wire.source.polled', id);
}
