import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSection, publishedArticle } from '../../test/factories.ts';
import { type TestApp, testApp } from '../../test/helpers.ts';
import { saveSettings } from '../comments/settings.ts';
import { touchArticle, unpublishArticle } from '../content/publication.ts';
import { createSection } from '../content/section-commands.ts';
import { type Db, openDb } from '../db/connection.ts';

/**
 * The in-memory reads behind the public pages (read-cache.ts) never show an
 * old page after a change: each change below is visible on the very next
 * request, whether it comes through a command and its domain event, or as a
 * plain write through the app's database handle. A write by another process
 * (a second handle here) is seen once its event arrives.
 */
describe('public pages after changes (in-memory reads)', () => {
  let app: TestApp;
  let other: Db;
  let section: { id: number; slug: string };
  let first: { id: number; headline: string };
  let firstUrl: string;
  const get = async (url: string) => app.server.inject({ url });

  beforeAll(async () => {
    app = await testApp('sqlite');
    other = await openDb(app.config.databaseUrl);
    section = await makeSection(app.db, 'Daerah');
    first = await publishedArticle(
      app.db,
      section.id,
      { headline: 'Pasar Badung dibuka kembali' },
      Date.now() - 30 * 3_600_000,
      app.events,
    );
    firstUrl = `/${section.slug}/${first.id}/pasar-badung-dibuka-kembali`;
  });
  afterAll(async () => {
    await other?.close();
    await app?.dispose();
  });

  it('shows an edit, a new story and an unpublished one on the next request', async () => {
    expect((await get('/')).body).toContain('Pasar Badung dibuka kembali');
    expect((await get(firstUrl)).body).toContain('Pasar Badung dibuka kembali');

    await touchArticle(app.db.kysely, app.events, first.id, {
      headline: 'Pasar Badung dibuka lagi esok pagi',
    });
    expect((await get(firstUrl)).body).toContain('Pasar Badung dibuka lagi esok pagi');
    expect((await get('/')).body).toContain('Pasar Badung dibuka lagi esok pagi');

    const second = await publishedArticle(
      app.db,
      section.id,
      { headline: 'Jalan Gatot Subroto diperlebar' },
      Date.now() - 60_000,
      app.events,
    );
    expect((await get('/')).body).toContain('Jalan Gatot Subroto diperlebar');
    expect((await get(firstUrl)).body).toContain('Jalan Gatot Subroto diperlebar');

    await unpublishArticle(app.db.kysely, app.events, second.id);
    expect((await get('/')).body).not.toContain('Jalan Gatot Subroto diperlebar');
    expect((await get(`/${section.slug}/${second.id}`)).statusCode).toBe(404);
  });

  it('shows a new or renamed section in every menu on the next request', async () => {
    await get('/');
    await createSection(app.db.kysely, { slug: 'olahraga', name: 'Olahraga' }, app.events);
    expect((await get('/')).body).toContain('>Olahraga<');
    // No command renames sections yet: a plain write through the app's handle is seen too.
    await app.db.kysely
      .updateTable('sections')
      .set({ name: 'Olah Raga' })
      .where('slug', '=', 'olahraga')
      .execute();
    expect((await get(firstUrl)).body).toContain('>Olah Raga<');
  });

  it('a change made by another process shows once its event arrives', async () => {
    expect((await get('/')).body).toContain('>Olah Raga<');
    await other.kysely
      .updateTable('sections')
      .set({ name: 'Sport' })
      .where('slug', '=', 'olahraga')
      .execute();
    // Held in memory (for at most READ_TTL_MS) until the event says otherwise.
    expect((await get('/')).body).toContain('>Olah Raga<');
    await app.events.emit('sections.changed', { sectionId: section.id });
    expect((await get('/')).body).toContain('>Sport<');
  });

  it('comment settings and approved comments show on the next request', async () => {
    const form = `action="${firstUrl}/komentar"`;
    expect((await get(firstUrl)).body).toContain(form);
    // Published 30 hours ago: closing comments after one day closes this one.
    await saveSettings(other.kysely, { closeAfterDays: 1 }, Date.now(), app.events);
    expect((await get(firstUrl)).body).not.toContain(form);

    await other.kysely
      .insertInto('comments')
      .values({
        article_id: first.id,
        parent_id: null,
        author_name: 'Made Pembaca',
        body: 'Semoga pasarnya lebih bersih sekarang.',
        status: 'approved',
        created_at: Date.now(),
        body_hash: null,
        ip_hash: null,
        notify_email: null,
        moderated_by: null,
      })
      .execute();
    await app.events.emit('comment.approved', { commentId: 1, articleId: first.id });
    expect((await get(firstUrl)).body).toContain('Semoga pasarnya lebih bersih sekarang.');
  });
});
