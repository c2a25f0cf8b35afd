import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSection, publishedArticle } from '../../test/factories.ts';
import { freshDb, type TestDb } from '../../test/helpers.ts';
import { type App, buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { touchArticle } from '../content/publication.ts';
import { openDb } from './connection.ts';

/**
 * Two Warta servers on one PostgreSQL database, each with its own in-memory
 * page cache, as two processes behind a load balancer.
 */
describe('domain events between processes on PostgreSQL', () => {
  let t: TestDb;
  const apps: App[] = [];

  async function process(): Promise<App> {
    // Each "process" has its own connection pool, as separate processes would.
    const db = await openDb(t.url, { schema: t.schema });
    const config = loadConfig(
      {},
      {
        databaseUrl: t.url,
        mediaDir: '/tmp/warta-relay-media',
        logLevel: 'silent',
        pageCacheTtl: 600,
        secretKey: 'relay-test-secret-key-of-thirty-two-chars',
      },
    );
    const app = await buildApp(config, { db });
    apps.push(app);
    return app;
  }

  beforeAll(async () => {
    t = await freshDb('postgres');
  });
  afterAll(async () => {
    for (const app of apps) {
      await app.close();
      await app.db.close();
    }
    await t?.dispose();
  });

  it('shows an edit made on A to readers of B within a second, from B’s own cache', async () => {
    const a = await process();
    const b = await process();
    const section = await makeSection(a.db);
    const article = await publishedArticle(a.db, section.id, {
      headline: 'Banjir surut di Jembrana',
    });
    const { slug } = await a.db.kysely
      .selectFrom('articles')
      .select('slug')
      .where('id', '=', article.id)
      .executeTakeFirstOrThrow();
    const path = `/${section.slug}/${article.id}/${slug}`;

    // B caches the page.
    expect((await b.server.inject({ url: path })).statusCode).toBe(200);
    const cached = await b.server.inject({ url: path });
    expect(cached.headers['x-cache']).toBe('HIT');

    // An editor on A changes the headline; A's events reach B.
    await touchArticle(a.db.kysely, a.events, article.id, {
      headline: 'Banjir surut, warga Jembrana kembali ke rumah',
    });

    const deadline = Date.now() + 1000;
    let body = '';
    while (Date.now() < deadline) {
      body = (await b.server.inject({ url: path })).body;
      if (body.includes('warga Jembrana kembali')) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(body).toContain('warga Jembrana kembali ke rumah');
  });
});
