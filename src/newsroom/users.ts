import type { Db } from '../db/connection.ts';
import { AppError } from '../lib/errors.ts';
import type { Lang } from '../lib/i18n.ts';
import { cleanText } from '../lib/plain-text.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import type { Role } from './policy.ts';

/** What the rest of the newsroom knows about the logged-in staff member. */
export type StaffUser = { id: number; email: string; name: string; role: Role; lang: Lang };

/** Longest email and name we accept. */
export const EMAIL_MAX = 254;
export const NAME_MAX = 100;

/** Emails compare case-insensitively: stored and looked up lowercased and trimmed. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A pragmatic email check: one @, no spaces or angle brackets, a dot in the domain. */
export function isValidEmail(email: string): boolean {
  return (
    email.length <= EMAIL_MAX &&
    /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/.test(email)
  );
}

/**
 * Creates a staff account with an argon2id password hash. Throws
 * AppError('EMAIL_TAKEN') when the email exists and AppError('WEAK_PASSWORD')
 * when the password breaks the rules.
 */
export async function createUser(
  db: Db,
  input: { email: string; name: string; role: Role; password: string; lang?: Lang },
  now = Date.now(),
): Promise<number> {
  const email = normaliseEmail(input.email);
  if (!isValidEmail(email)) throw new AppError('INVALID_EMAIL');
  // Every way a staff account is made (setup page, staff page, CLI) comes through here.
  const name = cleanText(input.name).trim();
  if (!name || name.length > NAME_MAX) throw new AppError('INVALID_NAME');
  if (passwordProblem(input.password)) throw new AppError('WEAK_PASSWORD');
  const existing = await db.kysely
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  if (existing) throw new AppError('EMAIL_TAKEN');
  const password_hash = await hashPassword(input.password);
  try {
    const row = await db.kysely
      .insertInto('users')
      .values({
        email,
        name,
        role: input.role,
        lang: input.lang ?? 'id',
        password_hash,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  } catch (err) {
    // Lost a race with another insert of the same email.
    if (/unique|duplicate/i.test(String((err as Error).message))) throw new AppError('EMAIL_TAKEN');
    throw err;
  }
}

/** The staff member by id, or undefined (also for disabled accounts). */
export async function getStaffUser(db: Db, id: number): Promise<StaffUser | undefined> {
  const row = await db.kysely
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'lang'])
    .where('id', '=', id)
    .where('disabled', '=', 0)
    .executeTakeFirst();
  return row;
}

/** The full account row by email (for login and reset), disabled ones included. */
export function findUserByEmail(db: Db, email: string) {
  return db.kysely
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
}

/** The full account row by id. */
export function getUserRow(db: Db, id: number) {
  return db.kysely.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** How many enabled admins exist (the setup page exists only while this is 0). */
export async function countActiveAdmins(db: Db): Promise<number> {
  const row = await db.kysely
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Replaces the password hash (reset, change); the caller revokes sessions. */
export async function setPassword(db: Db, userId: number, password: string, now = Date.now()) {
  if (passwordProblem(password)) throw new AppError('WEAK_PASSWORD');
  const password_hash = await hashPassword(password);
  await db.kysely
    .updateTable('users')
    .set({ password_hash, updated_at: now })
    .where('id', '=', userId)
    .execute();
}

/** Every account for the admin list, admins first then by name. */
export async function listStaff(db: Db) {
  const rows = await db.kysely
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role', 'lang', 'disabled', 'totp_enabled'])
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role,
    lang: r.lang,
    disabled: r.disabled === 1,
    totp: r.totp_enabled === 1,
  }));
}

/** Changes a role (the caller checks policy and audits). */
export async function setRole(db: Db, userId: number, role: Role, now = Date.now()) {
  await db.kysely
    .updateTable('users')
    .set({ role, updated_at: now })
    .where('id', '=', userId)
    .execute();
}

/** Disables or re-enables an account (the caller ends sessions and audits). */
export async function setDisabled(db: Db, userId: number, disabled: boolean, now = Date.now()) {
  await db.kysely
    .updateTable('users')
    .set({ disabled: disabled ? 1 : 0, updated_at: now })
    .where('id', '=', userId)
    .execute();
}
