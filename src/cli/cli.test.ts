import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../db/connection.ts';

const BIN = join(import.meta.dirname, '../../bin/warta.js');

/** Runs the real `warta` command with only the given environment (plus PATH). */
function warta(args: string[], env: Record<string, string> = {}) {
  const cwd = mkdtempSync(join(tmpdir(), 'warta-cli-'));
  const res = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, out: `${res.stdout}${res.stderr}`, cwd };
}

describe('warta command line', () => {
  it('prints help listing every command', () => {
    const { code, out } = warta(['--help']);
    expect(code).toBe(0);
    for (const cmd of ['start', 'serve', 'migrate', 'demo', 'doctor']) expect(out).toContain(cmd);
  });

  it('stops on bad configuration with a list of what is wrong', () => {
    const { code, out } = warta(['serve'], {
      PORT: 'abc',
      SITE_TIMEZONE: 'PST',
      DATABASE_URL: 'mysql://x',
    });
    expect(code).toBe(1);
    expect(out).toContain('PORT');
    expect(out).toContain('SITE_TIMEZONE must be WIB, WITA or WIT');
    expect(out).toContain('DATABASE_URL');
    expect(out).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('exits non-zero with a readable message when the database is down at start', () => {
    const { code, out } = warta(['serve'], {
      DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/warta',
      SECRET_KEY: 'a-shared-secret-key-of-thirty-two-characters',
      PORT: '0',
    });
    expect(code).toBe(1);
    expect(out).toContain('Cannot open the database');
    expect(out).toContain('nobody:***@');
    expect(out).not.toContain('secret');
  });

  it('refuses PostgreSQL without a secret key every process shares', () => {
    const { code, out, cwd } = warta(['serve'], { DATABASE_URL: 'postgres://127.0.0.1:1/warta' });
    expect(code).toBe(1);
    expect(out).toContain('SECRET_KEY: required with PostgreSQL');
    expect(out).not.toMatch(/at .*\.ts:\d+/);
    // No key of its own was made in the data folder.
    expect(existsSync(join(cwd, 'data/secret.key'))).toBe(false);
  });

  it('migrates a fresh SQLite database and reports it up to date the second time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warta-mig-'));
    const env = { DATABASE_URL: `sqlite:${join(dir, 'w.db')}` };
    const first = warta(['migrate'], env);
    expect(first.code).toBe(0);
    expect(first.out).toContain('001-initial');
    const second = warta(['migrate'], env);
    expect(second.out).toContain('up to date');
  });

  it('doctor says what is wrong in plain words', () => {
    const bad = warta(['doctor'], {
      DATABASE_URL: 'postgres://127.0.0.1:1/none',
      SECRET_KEY: 'a-shared-secret-key-of-thirty-two-characters',
    });
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('FAIL  Database');
    const dir = mkdtempSync(join(tmpdir(), 'warta-doc-'));
    const good = warta(['doctor'], {
      DATABASE_URL: `sqlite:${join(dir, 'w.db')}`,
      MEDIA_DIR: join(dir, 'media'),
    });
    expect(good.out).toContain('OK    Database');
    expect(good.out).toContain('OK    Disk');
    expect(good.code).toBe(0);
  });

  it('finishes a demo killed part-way (SIGKILL) on the next run, to exactly 49 articles', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warta-demo-kill-'));
    const url = `sqlite:${join(dir, 'w.db')}`;
    const env = {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'silent',
      DATABASE_URL: url,
      MEDIA_DIR: join(dir, 'media'),
    };
    const articles = async () => {
      const db = await openDb(url);
      try {
        const rows = await db.kysely.selectFrom('articles').select('slug').execute();
        return { n: rows.length, distinct: new Set(rows.map((r) => r.slug)).size };
      } catch {
        return { n: 0, distinct: 0 }; // not migrated yet
      } finally {
        await db.close();
      }
    };
    const child = spawn(process.execPath, [BIN, 'demo'], { cwd: dir, env, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const deadline = Date.now() + 150_000;
    while ((await articles()).n < 3 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    await exited;
    const half = await articles();
    expect(half.n).toBeGreaterThanOrEqual(3);
    expect(half.n).toBeLessThan(49);

    const again = spawnSync(process.execPath, [BIN, 'demo'], {
      cwd: dir,
      env,
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(`${again.stdout}${again.stderr}`).toContain('Completing the demo newspaper');
    expect(again.status).toBe(0);
    expect(await articles()).toEqual({ n: 49, distinct: 49 });
    const third = warta(['demo'], env);
    expect(third.out).toContain('already complete');
  }, 400_000);
});
