import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSection } from '../../test/factories.ts';
import { DIALECTS, freshDb, type TestDb } from '../../test/helpers.ts';
import { makeStaff } from '../../test/staff.ts';
import { EventBus } from '../lib/events.ts';
import { paragraph } from './blocks.ts';
import { revisionRestorer } from './commands/restore-revision.ts';
import { type ArticleEdit, loadEditable } from './editable.ts';
import { acquireLock } from './locks.ts';
import { diffSnapshots } from './revision-diff.ts';
import { getRevision, listRevisions } from './revision-history.ts';
import { createDraft, saveArticle } from './revisions.ts';

describe.each(DIALECTS)('saving and revisions on %s', (dialect) => {
  let t: TestDb;
  let sectionId: number;
  const events = new EventBus();
  beforeAll(async () => {
    t = await freshDb(dialect);
    sectionId = (await makeSection(t.db)).id;
  });
  afterAll(() => t.dispose());

  async function draft(headline = 'Banjir di Denpasar') {
    const id = await createDraft(t.db, { authorId: 1, sectionId, headline });
    const loaded = await loadEditable(t.db.kysely, id);
    if (!loaded) throw new Error('missing');
    return loaded;
  }
  const edit = (base: ArticleEdit, changes: Partial<ArticleEdit>): ArticleEdit => ({
    ...base,
    ...changes,
  });

  it('saves every field, bumps the version and records a revision', async () => {
    const a = await draft();
    expect(a.version).toBe(1);
    const next = edit(a.edit, {
      headline: 'Banjir surut di Denpasar',
      deck: '<b>Air</b> mulai surut',
      body: [paragraph('Air mulai surut pagi ini.')],
      tags: ['Banjir', 'Denpasar'],
      bylines: ['Made Uji', 'Ketut Baru'],
      dateline: 'DENPASAR',
      bylineInitials: 'Uji/Warta',
      sourceCredit: 'Antara',
      commentsOpen: false,
      seoTitle: 'Banjir surut',
      seoDescription: 'Ringkas',
    });
    const saved = await saveArticle(t.db, events, a.id, next, {
      expectedVersion: 1,
      userId: 1,
      kind: 'save',
    });
    expect(saved.version).toBe(2);
    const after = await loadEditable(t.db.kysely, a.id);
    expect(after?.edit).toEqual({ ...next, slug: a.edit.slug });
    expect(after?.version).toBe(2);
    const revs = await listRevisions(t.db.kysely, a.id);
    expect(revs.map((r) => [r.version, r.kind])).toEqual([
      [2, 'save'],
      [1, 'save'],
    ]);
  });

  it('refuses a stale write and changes nothing', async () => {
    const a = await draft();
    await saveArticle(t.db, events, a.id, edit(a.edit, { headline: 'Versi A' }), {
      expectedVersion: 1,
      userId: 1,
      kind: 'save',
    });
    await expect(
      saveArticle(t.db, events, a.id, edit(a.edit, { headline: 'Versi B' }), {
        expectedVersion: 1,
        userId: 2,
        kind: 'save',
      }),
    ).rejects.toMatchObject({ code: 'STALE_VERSION', status: 409 });
    const after = await loadEditable(t.db.kysely, a.id);
    expect(after?.edit.headline).toBe('Versi A');
    expect(after?.version).toBe(2);
    expect(await listRevisions(t.db.kysely, a.id)).toHaveLength(2);
  });

  it('refuses to save while someone else holds the lock', async () => {
    const a = await draft();
    await acquireLock(t.db.kysely, a.id, 9);
    await expect(
      saveArticle(t.db, events, a.id, edit(a.edit, { headline: 'X' }), {
        expectedVersion: 1,
        userId: 1,
        kind: 'save',
      }),
    ).rejects.toMatchObject({ code: 'ARTICLE_LOCKED' });
    expect((await loadEditable(t.db.kysely, a.id))?.version).toBe(1);
  });

  it('generates unique slugs and refuses a duplicate chosen by hand', async () => {
    const a = await draft('Pasar Badung dibuka');
    const b = await draft('Pasar Badung dibuka');
    expect(a.edit.slug).toBe('pasar-badung-dibuka');
    expect(b.edit.slug).toBe('pasar-badung-dibuka-2');
    await expect(
      saveArticle(t.db, events, b.id, edit(b.edit, { slug: 'pasar-badung-dibuka' }), {
        expectedVersion: 1,
        userId: 1,
        kind: 'save',
      }),
    ).rejects.toMatchObject({ code: 'SLUG_TAKEN' });
    const saved = await saveArticle(t.db, events, b.id, edit(b.edit, { slug: '' }), {
      expectedVersion: 1,
      userId: 1,
      kind: 'save',
    });
    expect(saved.slug).toBe('pasar-badung-dibuka-2');
  });

  it('keeps one revision for a run of autosaves by one person', async () => {
    const a = await draft();
    let v = 1;
    for (const text of ['Satu', 'Satu dua', 'Satu dua tiga']) {
      v = (
        await saveArticle(t.db, events, a.id, edit(a.edit, { body: [paragraph(text)] }), {
          expectedVersion: v,
          userId: 1,
          kind: 'autosave',
        })
      ).version;
    }
    const revs = await listRevisions(t.db.kysely, a.id);
    expect(revs.map((r) => [r.version, r.kind])).toEqual([
      [4, 'autosave'],
      [1, 'save'],
    ]);
  });

  it('restores a revision as a new revision and version', async () => {
    const a = await draft();
    const v2 = await saveArticle(
      t.db,
      events,
      a.id,
      edit(a.edit, { headline: 'Kedua', body: [paragraph('Teks kedua')] }),
      { expectedVersion: 1, userId: 1, kind: 'save' },
    );
    await saveArticle(t.db, events, a.id, edit(a.edit, { headline: 'Ketiga' }), {
      expectedVersion: v2.version,
      userId: 1,
      kind: 'save',
    });
    const revs = await listRevisions(t.db.kysely, a.id);
    const second = revs.find((r) => r.version === 2);
    if (!second) throw new Error('no v2');
    const actor = { role: 'redaktur' as const, userId: (await makeStaff(t.db, 'redaktur')).id };
    const restoring = { db: t.db, events, actor, articleId: a.id };
    await expect(
      revisionRestorer({ ...restoring, revisionId: second.id, expectedVersion: 2 }),
    ).rejects.toMatchObject({ code: 'STALE_VERSION' });
    const restored = await revisionRestorer({
      ...restoring,
      revisionId: second.id,
      expectedVersion: 3,
    });
    expect(restored.version).toBe(4);
    const after = await loadEditable(t.db.kysely, a.id);
    expect(after?.edit.headline).toBe('Kedua');
    expect(after?.edit.body).toEqual([paragraph('Teks kedua')]);
    expect((await listRevisions(t.db.kysely, a.id))[0]).toMatchObject({
      version: 4,
      kind: 'restore',
    });
    expect(await getRevision(t.db.kysely, a.id + 1000, second.id)).toBeUndefined();
  });

  it('announces an edit to a live article', async () => {
    const bus = new EventBus();
    const seen: number[] = [];
    bus.on('article.updated', (e) => void seen.push(e.articleId));
    const a = await draft();
    await saveArticle(t.db, bus, a.id, a.edit, { expectedVersion: 1, userId: 1, kind: 'save' });
    expect(seen).toEqual([]);
    await t.db.kysely
      .updateTable('articles')
      .set({ status: 'published' })
      .where('id', '=', a.id)
      .execute();
    await saveArticle(t.db, bus, a.id, a.edit, { expectedVersion: 2, userId: 1, kind: 'save' });
    expect(seen).toEqual([a.id]);
  });
});

describe('readable diff', () => {
  const base: ArticleEdit = {
    headline: 'Banjir di Denpasar',
    deck: '',
    slug: 'banjir',
    sectionId: 1,
    body: [paragraph('Air naik setinggi lutut.'), { type: 'heading', level: 2, text: 'Pengungsi' }],
    dateline: 'DENPASAR',
    sourceCredit: '',
    bylineInitials: '',
    tags: ['Banjir'],
    bylines: [],
    featured: { mediaId: null, caption: '', credit: '', alt: '', archive: false },
    pins: [],
    commentsOpen: true,
    seoTitle: '',
    seoDescription: '',
  };

  it('lists only changed fields, with insertions and deletions', () => {
    const d = diffSnapshots(base, {
      ...base,
      headline: 'Banjir surut di Denpasar',
      body: [
        paragraph('Air naik setinggi pinggang.'),
        { type: 'heading', level: 2, text: 'Pengungsi' },
      ],
      tags: ['Banjir', 'Cuaca'],
    });
    expect(d.map((f) => f.field)).toEqual(['headline', 'body', 'tags']);
    const body = d.find((f) => f.field === 'body')?.parts ?? [];
    expect(body).toContainEqual({ op: 'del', text: 'lutut' });
    expect(body).toContainEqual({ op: 'ins', text: 'pinggang' });
    expect(
      body
        .filter((p) => p.op === 'same')
        .map((p) => p.text)
        .join(''),
    ).toContain('## Pengungsi');
    expect(d[0]?.parts).toContainEqual({ op: 'ins', text: 'surut ' });
  });

  it('is empty for identical snapshots', () => {
    expect(diffSnapshots(base, structuredClone(base))).toEqual([]);
  });
});
