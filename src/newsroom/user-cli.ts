import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { openDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { AppError } from '../lib/errors.ts';
import { audit } from './audit.ts';
import { passwordProblem } from './passwords.ts';
import { isRole, ROLES } from './policy.ts';
import { createUser } from './users.ts';

export const USER_HELP = `Usage: warta user add --role <role> --email <email> --name <name> [--lang id|en] [--password-stdin]

Creates a newsroom account. Roles: ${ROLES.join(', ')}.
The password is asked on the terminal (not shown while typing), or read from
standard input with --password-stdin (e.g. from a password manager). It must
have at least 10 characters and not be a common password.`;

/** Reads a line from the terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY)
    return Promise.reject(new Error('No terminal to ask for the password; use --password-stdin.'));
  process.stdout.write(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stdout.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new Error('Cancelled.'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/**
 * `warta user add`: the way to create the first admin (and any account) from
 * the command line. Returns the process exit code; prints readable errors.
 */
export async function runUserCommand(argv: string[], config: Config): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'add') {
    console.error(USER_HELP);
    return sub === undefined || sub === 'help' || sub === '--help' ? 0 : 2;
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: rest,
      options: {
        role: { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        lang: { type: 'string' },
        'password-stdin': { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USER_HELP}`);
    return 2;
  }
  const { role, email, name } = values;
  const lang = values.lang ?? config.language;
  const problems: string[] = [];
  if (!isRole(role)) problems.push(`--role must be one of: ${ROLES.join(', ')}`);
  if (typeof email !== 'string' || !email) problems.push('--email is required');
  if (typeof name !== 'string' || !name.trim()) problems.push('--name is required');
  if (lang !== 'id' && lang !== 'en') problems.push('--lang must be id or en');
  if (problems.length > 0 || !isRole(role) || (lang !== 'id' && lang !== 'en')) {
    console.error(`${problems.map((p) => `  - ${p}`).join('\n')}\n\n${USER_HELP}`);
    return 2;
  }
  let password: string;
  try {
    if (values['password-stdin']) {
      password = await readStdin();
    } else {
      password = await askHidden('Password: ');
      const again = await askHidden('Repeat the password: ');
      if (again !== password) {
        console.error('The two passwords are not the same.');
        return 1;
      }
    }
  } catch (err) {
    console.error((err as Error).message);
    return 1;
  }
  const problem = passwordProblem(password);
  if (problem) {
    console.error(
      problem === 'common'
        ? 'That password is too common; choose another.'
        : problem === 'long'
          ? 'That password is too long (at most 200 characters).'
          : 'The password must have at least 10 characters.',
    );
    return 1;
  }
  const db = await openDb(config.databaseUrl);
  try {
    await migrateToLatest(db);
    const id = await createUser(db, {
      email: String(email),
      name: String(name),
      role,
      password,
      lang,
    });
    await audit(db, {
      actorId: null,
      action: 'staff.created',
      target: `user:${id}`,
      detail: `${String(email).toLowerCase()} (${role}) via command line`,
    });
    console.log(
      `Created ${role} account ${String(email).toLowerCase()} (id ${id}). Log in at ${config.siteUrl}/newsroom/masuk`,
    );
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      console.error(err.messageIn('en'));
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}
