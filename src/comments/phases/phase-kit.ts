import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { bodyHash, emailHash, ipHash } from '../hashing.ts';
import { DEFAULT_SETTINGS } from '../settings.ts';
import type { Candidate, PhaseEnv } from './types.ts';

/** Secret used by phase tests. */
export const SECRET = 'phase-test-secret-of-at-least-32-characters';

/** A candidate comment for phase tests; override any field. */
export function candidate(over: Partial<Candidate> = {}): Candidate {
  const email = over.email ?? 'ani@contoh.id';
  const body = over.body ?? 'Jalan desa perlu diperbaiki.';
  return {
    articleId: 1,
    sectionIds: [1],
    body,
    name: 'Ani',
    email,
    website: '',
    emailHash: emailHash(SECRET, email),
    ipHash: ipHash(SECRET, '10.0.0.1'),
    browserTimes: [],
    bodyHash: bodyHash(body),
    token: '',
    honeypot: '',
    captcha: '',
    ...over,
  };
}

/** A phase environment over a database (or none, for phases that never query). */
export function env(db: Kysely<Database> | null, over: Partial<PhaseEnv> = {}): PhaseEnv {
  return {
    db: db as Kysely<Database>,
    secret: SECRET,
    settings: { ...DEFAULT_SETTINGS, ...(over.settings ?? {}) },
    words: over.words ?? { banned: [], suspect: [] },
    now: over.now ?? Date.now(),
  };
}

/** Inserts a stored comment row for phases that count comments. */
export async function storeComment(
  db: Kysely<Database>,
  articleId: number,
  c: Candidate,
  over: { status?: 'pending' | 'approved' | 'spam' | 'trash'; createdAt?: number } = {},
) {
  await db
    .insertInto('comments')
    .values({
      article_id: articleId,
      parent_id: null,
      author_name: c.name,
      body: c.body,
      status: over.status ?? 'approved',
      created_at: over.createdAt ?? Date.now(),
      email_hash: c.emailHash,
      ip_hash: c.ipHash,
      body_hash: c.bodyHash,
    })
    .execute();
}
