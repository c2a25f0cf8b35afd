import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentableArticle, postSolved, setSettings } from '../../test/comments-kit.ts';
import { DIALECTS, PG_URL, type TestApp, testApp } from '../../test/helpers.ts';
import { photo } from '../../test/images.ts';
import { articleClient, fullEdit } from '../../test/newsroom-client.ts';
import { loginThroughForm } from '../../test/newsroom-http.ts';
import { loginAs } from '../../test/staff.ts';
import { type App, buildApp } from '../app.ts';
import { moderateComments } from '../comments/moderate-comments.ts';
import { loadConfig } from '../config.ts';
import { type Dialect, openDb } from '../db/connection.ts';
import { MIGRATION_NAMES } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
import { uploadImage } from '../media/library.ts';
import { createBackup, type Install } from './backup.ts';
import { listFiles, MANIFEST } from './manifest.ts';
import { BackupError } from './messages.ts';
import { restoreBackup } from './restore.ts';

const BIN = join(import.meta.dirname, '../../bin/warta.js');

/** The passwords the staff of the source installation log in with. */
const PASSWORDS = {
  wartawan: 'kata-sandi-wartawan-cadangan',
  redaktur: 'kata-sandi-redaktur-cadangan',
  kontributor: 'kontributor-password-backup',
} as const;

/** Every row of the tables a newsroom cannot lose, in a stable order. */
async function everything(app: Pick<App, 'db'>) {
  const tables: (keyof Database)[] = [
    'articles',
    'revisions',
    'comments',
    'users',
    'media',
    'sections',
    'tags',
    'article_tags',
  ];
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = await app.db.kysely.selectFrom(table).selectAll().execute();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** A fresh, empty installation: its own data folder, or its own PostgreSQL database. */
async function freshInstall(dialect: Dialect, schema?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'warta-restore-'));
  const mediaDir = join(dir, 'data', 'media');
  if (dialect === 'sqlite') {
    const install: Install = { databaseUrl: `sqlite:${join(dir, 'data', 'warta.db')}`, mediaDir };
    return { install, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `warta_restore_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = await openDb(PG_URL);
  await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin.kysely);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const install: Install = { databaseUrl: url.toString(), schema, mediaDir };
  return {
    install,
    dispose: async () => {
      await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin.kysely);
      await admin.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The whole Warta server on a restored installation. */
async function serveInstall(install: Install): Promise<App> {
  const config = loadConfig(
    {},
    {
      databaseUrl: install.databaseUrl,
      mediaDir: install.mediaDir,
      logLevel: 'silent',
      pageCacheTtl: 0,
      secretKey: 'test-secret-key-of-at-least-thirty-two-characters',
      trustProxy: '127.0.0.1',
    },
  );
  const db = await openDb(install.databaseUrl, { schema: install.schema });
  const app = await buildApp(config, { db });
  return {
    ...app,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/** Unpacks an archive, lets `edit` change it, and packs it again under a new name. */
async function repack(archive: string, edit: (dir: string) => void): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'warta-repack-'));
  await tar.extract({ file: archive, cwd: dir });
  edit(dir);
  const out = `${dir}.tar.gz`;
  await tar.create({ gzip: true, cwd: dir, file: out }, [MANIFEST, 'database', 'media']);
  return out;
}

/** Runs `restoreBackup` and returns the refusal's message. */
async function refusal(install: Install, archive: string, force = false): Promise<string> {
  const err = await restoreBackup(install, archive, { force }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BackupError);
  return (err as Error).message;
}

/** True when the installation still has no database and no media. */
async function untouched(install: Install): Promise<boolean> {
  if (existsSync(install.mediaDir) && (await listFiles(install.mediaDir)).length > 0) return false;
  if (install.databaseUrl.startsWith('sqlite:')) {
    return !existsSync(install.databaseUrl.slice('sqlite:'.length));
  }
  const db = await openDb(install.databaseUrl);
  try {
    const r = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = ${install.schema ?? 'public'}`.execute(
      db.kysely,
    );
    return r.rows[0]?.n === 0;
  } finally {
    await db.close();
  }
}

describe.each(DIALECTS)('backup and restore (%s)', (dialect) => {
  let source: TestApp;
  let sourceInstall: Install;
  let archive: string;
  let before: Record<string, unknown[]>;
  const articles: { url: string; headline: string; published: boolean }[] = [];
  const staff: { email: string; password: string }[] = [];
  let approvedComment = '';
  let target: Awaited<ReturnType<typeof freshInstall>>;
  const work = mkdtempSync(join(tmpdir(), 'warta-backup-'));

  beforeAll(async () => {
    source = await testApp(dialect);
    sourceInstall = {
      databaseUrl: source.config.databaseUrl,
      mediaDir: source.mediaDir,
      schema: dialect === 'postgres' ? await currentSchemaOf(source) : undefined,
    };
    target = await freshInstall(dialect, sourceInstall.schema);
    const c = articleClient(source);
    const writer = await loginAs(source, 'wartawan', { password: PASSWORDS.wartawan });
    const editor = await loginAs(source, 'redaktur', { password: PASSWORDS.redaktur });
    const english = await loginAs(source, 'kontributor', {
      password: PASSWORDS.kontributor,
      lang: 'en',
    });
    for (const [who, role] of [
      [writer, 'wartawan'],
      [editor, 'redaktur'],
      [english, 'kontributor'],
    ] as const) {
      staff.push({ email: who.user.email, password: PASSWORDS[role] });
    }
    // Photos through the media library's upload pipeline: variants and crops on disk.
    const images: number[] = [];
    for (const [i, format] of (['jpeg', 'png'] as const).entries()) {
      const up = await uploadImage(
        source.db.kysely,
        source.mediaDir,
        await photo(480, 360, format),
        {
          caption: `Foto cadangan ${i}`,
          credit: 'Warta/Uji',
          alt: `Foto uji ${i}`,
          originalName: `foto-${i}.${format}`,
          uploadedBy: writer.user.id,
        },
      );
      images.push(up.id);
    }
    // Articles written in the editor, saved several times (each save is a revision).
    const section = await commentableArticle(source);
    articles.push({ url: section.url, headline: '', published: true });
    for (const [i, headline] of [
      'Pasar Badung dibuka lagi',
      'Banjir di Jembrana surut',
    ].entries()) {
      const id = await c.create(writer, section.sectionId, headline);
      for (const [v, deck] of ['Versi pertama.', 'Versi kedua.', 'Versi ketiga.'].entries()) {
        const saved = await c.json(writer, `/newsroom/artikel/${id}`, {
          ...fullEdit(section.sectionId, {
            headline,
            deck,
            featuredMediaId: String(images[i]),
          }),
          version: v + 1,
        });
        expect(saved.statusCode).toBe(200);
      }
      const row = await c.row(id);
      const published = i === 0;
      if (published) {
        await c.post(writer, `/newsroom/artikel/${id}/tindakan`, { action: 'submit' });
        await c.post(editor, `/newsroom/artikel/${id}/tindakan`, { action: 'approve' });
        await c.post(editor, `/newsroom/artikel/${id}/tindakan`, { action: 'publish' });
        expect((await c.row(id)).status).toBe('published');
      }
      const sectionSlug = section.url.split('/')[1];
      articles.push({ url: `/${sectionSlug}/${id}/${row.slug}`, headline, published });
    }
    // Comments: a thread with a reply, one held for moderation, one marked spam.
    await setSettings(source, { trustAfter: 0, mode: 'post' });
    const top = await postSolved(source, section, { body: 'Komentar teratas.' }, { json: true });
    await postSolved(
      source,
      section,
      { body: 'Balasan untuk komentar teratas.', parent: String(top.json().id) },
      { json: true },
    );
    const spam = await postSolved(source, section, { body: 'Komentar iklan.' }, { json: true });
    await setSettings(source, { trustAfter: 0, mode: 'pre' });
    await postSolved(source, section, { body: 'Komentar menunggu.' }, { json: true });
    await moderateComments({
      db: source.db,
      events: source.events,
      actor: { id: editor.user.id, role: 'redaktur' },
      ipHash: 'uji',
      commentIds: [spam.json().id],
      action: 'spam',
    });
    approvedComment = 'Balasan untuk komentar teratas.';
    before = await everything(source);
  }, 60_000);

  afterAll(async () => {
    await source?.dispose();
    await target?.dispose();
    rmSync(work, { recursive: true, force: true });
  });

  it('backs up the running installation: database snapshot, media and a manifest', async () => {
    const done = await createBackup(sourceInstall, join(work, 'warta.tar.gz'));
    archive = done.file;
    const m = done.manifest;
    expect(m.database.kind).toBe(dialect);
    expect(m.migrations).toEqual([...MIGRATION_NAMES]);
    expect(m.counts).toEqual({
      articles: before.articles?.length,
      revisions: before.revisions?.length,
      comments: 4,
      staff: 3,
      media: 2,
    });
    expect(m.counts.revisions).toBeGreaterThanOrEqual(6);
    const media = (await listFiles(source.mediaDir)).map((p) => `media/${p}`);
    expect(media.length).toBeGreaterThan(10);
    expect(m.files.map((f) => f.path).sort()).toEqual([m.database.file, ...media].sort());
    // Nothing in the source changed.
    expect(await everything(source)).toEqual(before);
  });

  it('with the media in a bucket, says so and backs up the database only', async () => {
    const said: string[] = [];
    const done = await createBackup(
      { ...sourceInstall, mediaStorage: 's3', s3Bucket: 'arsip-warta', s3Prefix: 'situs/' },
      join(work, 'db-only.tar.gz'),
      { lang: 'en', say: (line) => said.push(line) },
    );
    expect(done.manifest.files.map((f) => f.path)).toEqual([done.manifest.database.file]);
    expect(done.manifest.counts.media).toBe(2);
    expect(said.join('\n')).toContain(
      'The media are in the bucket s3://arsip-warta/situs/ (MEDIA_STORAGE=s3): this backup holds the database only.',
    );
  });

  it('refuses a damaged archive, a newer schema and another database kind before changing anything', async () => {
    const flipped = join(work, 'flipped.tar.gz');
    copyFileSync(archive, flipped);
    const bytes = readFileSync(flipped);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    writeFileSync(flipped, bytes);
    expect(await refusal(target.install, flipped)).toMatch(/Arsip rusak|Sidik jari/);

    // A file changed inside an otherwise valid archive: its checksum gives it away.
    const tampered = await repack(archive, (dir) => {
      const [first] = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')).files.filter(
        (f: { path: string }) => f.path.startsWith('media/'),
      );
      const file = join(dir, first.path);
      const data = readFileSync(file);
      data[data.length - 1] = (data[data.length - 1] ?? 0) ^ 1;
      writeFileSync(file, data);
    });
    expect(await refusal(target.install, tampered)).toMatch(/Sidik jari media\/.+ tidak cocok/);

    const future = await repack(archive, (dir) => {
      const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'));
      m.migrations.push('999-masa-depan');
      writeFileSync(join(dir, MANIFEST), JSON.stringify(m));
    });
    expect(await refusal(target.install, future)).toContain('migrasi 999-masa-depan tidak dikenal');

    const other: Install =
      dialect === 'sqlite'
        ? { databaseUrl: PG_URL, schema: 'tidak_dipakai', mediaDir: join(work, 'lain') }
        : { databaseUrl: `sqlite:${join(work, 'lain.db')}`, mediaDir: join(work, 'lain') };
    expect(await refusal(other, archive)).toMatch(
      dialect === 'sqlite'
        ? /dari SQLite, tetapi instalasi ini memakai PostgreSQL/
        : /dari PostgreSQL, tetapi instalasi ini memakai SQLite/,
    );
    expect(await untouched(target.install)).toBe(true);
    expect(existsSync(join(work, 'lain'))).toBe(false);
  });

  it('restores into a fresh install: every article, revision, comment, staff account and image', async () => {
    const restored = await restoreBackup(target.install, archive);
    expect(restored.matches).toBe(true);
    expect(restored.counts).toEqual(restored.manifest.counts);
    const app = await serveInstall(target.install);
    try {
      // Same ids, slugs, bodies, revisions, comment threads and states, password hashes.
      expect(await everything(app)).toEqual(before);
      // The public pages answer with the articles and the approved comments.
      for (const a of articles.filter((x) => x.published)) {
        const page = await app.server.inject({ url: a.url });
        expect(page.statusCode, a.url).toBeLessThan(400);
        if (a.headline) expect(page.body).toContain(a.headline);
      }
      const thread = await app.server.inject({ url: articles[0]?.url ?? '' });
      expect(thread.statusCode).toBe(200);
      expect(thread.body).toContain(approvedComment);
      expect(thread.body).not.toContain('Komentar iklan.');
      // Every staff member logs in with their own password through the login form.
      for (const [i, s] of staff.entries()) {
        const login = await loginThroughForm(app as TestApp, s.email, s.password, {
          ip: `10.9.0.${i + 1}`,
        });
        expect(login.status, s.email).toBe(303);
        expect(login.cookie).toMatch(/^warta_session=/);
      }
      // Every image file is byte-identical and served over HTTP.
      const files = await listFiles(source.mediaDir);
      expect(await listFiles(target.install.mediaDir)).toEqual(files);
      for (const f of files) {
        const original = readFileSync(join(source.mediaDir, f));
        expect(readFileSync(join(target.install.mediaDir, f)).equals(original), f).toBe(true);
        const res = await app.server.inject({ url: `/media/${f}` });
        expect(res.statusCode, f).toBe(200);
        expect(res.rawPayload.equals(original), f).toBe(true);
      }

      // Now the target is not empty: a second restore needs --force.
      expect(await refusal(target.install, archive)).toMatch(/tidak kosong.*--force/s);
      if (dialect === 'sqlite') {
        // With the server still holding the database open, even --force waits.
        expect(await refusal(target.install, archive, true)).toContain('Hentikan server dulu');
      }
    } finally {
      await app.close();
    }
    const again = await restoreBackup(target.install, archive, { force: true });
    expect(again.matches).toBe(true);
    if (dialect === 'sqlite') {
      expect(again.keptAside).toHaveLength(2);
      for (const path of again.keptAside) expect(existsSync(path)).toBe(true);
    }
  });

  it.runIf(dialect === 'sqlite')(
    'runs as `warta backup` and `warta restore` through the compiled command',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'warta-cli-backup-'));
      const run = (args: string[], env: Record<string, string>) => {
        const res = spawnSync(process.execPath, [BIN, ...args], {
          cwd: dir,
          env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
          encoding: 'utf8',
          timeout: 60_000,
        });
        return { code: res.status, out: `${res.stdout}${res.stderr}` };
      };
      // The source server is still running (its connection is open) during the backup.
      const made = run(['backup'], {
        DATABASE_URL: sourceInstall.databaseUrl,
        MEDIA_DIR: sourceInstall.mediaDir,
      });
      expect(made.out).toMatch(/Cadangan tersimpan: .*backups\/warta-\d{8}-\d{6}\.tar\.gz/);
      expect(made.code).toBe(0);
      const file = /Cadangan tersimpan: (\S+)/.exec(made.out)?.[1] ?? '';
      const fresh = {
        DATABASE_URL: `sqlite:${join(dir, 'baru', 'warta.db')}`,
        MEDIA_DIR: join(dir, 'baru', 'media'),
      };
      const restored = run(['restore', file], fresh);
      expect(restored.out).toContain('Pemulihan selesai');
      expect(restored.out).toContain(`Artikel: ${before.articles?.length}`);
      expect(restored.code).toBe(0);
      const refused = run(['restore', file], fresh);
      expect(refused.code).toBe(1);
      expect(refused.out).toContain('tidak kosong');
      expect(refused.out).not.toMatch(/at .*\.(ts|js):\d+/);
      rmSync(dir, { recursive: true, force: true });
    },
  );
});

async function currentSchemaOf(app: TestApp): Promise<string> {
  const r = await sql<{ s: string }>`SELECT current_schema() AS s`.execute(app.db.kysely);
  return r.rows[0]?.s ?? 'public';
}
