import { randomBytes } from 'node:crypto';
import { createPerson } from '../../content/commands.ts';
import { slugify } from '../../lib/slug.ts';
import { sendInvitation } from '../../newsroom/resets.ts';
import { createUser, isValidEmail } from '../../newsroom/users.ts';
import { initialsOf } from '../jsonl.ts';
import { recordLegacyPaths } from './redirects.ts';
import type { Run } from './run.ts';
import type { WxrAuthor } from './wxr-reader.ts';

/**
 * Authors become people (bylines), found again by slug, with their old
 * `/author/` address; with `--staff` also a staff account invited by email.
 */

/** The person of a post's author login (made on first use); null for none. */
export async function person(run: Run, login: string): Promise<number | null> {
  if (!login) return null;
  const cached = run.people.get(login);
  if (cached) return cached;
  const author = run.cat.authors.get(login);
  const key = author?.id || `login:${login}`;
  const existing = await run.mapped('author', key);
  if (existing) {
    run.counts.person.existing++;
    run.people.set(login, existing);
    return existing;
  }
  let name =
    author?.displayName || [author?.firstName, author?.lastName].filter(Boolean).join(' ').trim();
  if (!name) {
    name = login;
    run.report('person', key, 'author-no-name', 'changed');
  }
  const slug = slugify(name) || slugify(login) || `penulis-${key.replace(/\D/g, '') || '1'}`;
  const found = await run.k
    .selectFrom('people')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  const id = found?.id ?? (await createPerson(run.k, { slug, name, initials: initialsOf(name) }));
  if (!found) run.counts.person.imported++;
  await run.map('author', key, id);
  run.people.set(login, id);
  await recordLegacyPaths(
    run.k,
    [{ key: `/author/${login}`, target: { kind: 'person', id } }],
    run.now(),
  );
  if (run.opts.staff && author && !run.opts.dryRun) await staffAccount(run, author, name);
  return id;
}

/** A staff account (wartawan, no known password) invited through the outbox. */
async function staffAccount(run: Run, author: WxrAuthor, name: string): Promise<void> {
  if (await run.mapped('user', author.id || author.login)) {
    run.counts.user.existing++;
    return;
  }
  const email = author.email.trim().toLowerCase();
  if (!isValidEmail(email)) {
    run.report('user', author.login, 'staff-skipped', 'skipped', ['no valid email']);
    return;
  }
  const taken = await run.k
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  if (taken) {
    run.report('user', author.login, 'staff-skipped', 'skipped', ['email already has an account']);
    await run.map('user', author.id || author.login, taken.id);
    return;
  }
  // A password nobody knows: the account is usable only through the invitation link.
  const id = await createUser(run.db, {
    email,
    name: name.slice(0, 100),
    role: 'wartawan',
    password: randomBytes(24).toString('base64url'),
  });
  await run.map('user', author.id || author.login, id);
  await sendInvitation(run.db, run.config, { id, email, name, lang: 'id' }, run.now());
  run.counts.user.imported++;
}
