import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArticle, makeSection } from '../../../test/factories.ts';
import { DIALECTS, freshDb, type TestDb } from '../../../test/helpers.ts';
import { makeStaff } from '../../../test/staff.ts';
import { publishScheduledHandler } from '../../jobs/publish-scheduled.ts';
import { AppError } from '../../lib/errors.ts';
import { EventBus } from '../../lib/events.ts';
import { listAudit } from '../../newsroom/audit.ts';
import type { Block } from '../blocks.ts';
import { createArticle } from '../commands.ts';
import { loadEditable } from '../editable.ts';
import { saveArticle } from '../revisions.ts';
import { type Actor, SYSTEM } from '../workflow.ts';
import { articlePublisher } from './publish-article.ts';
import { revisionRestorer } from './restore-revision.ts';
import { articleScheduler } from './schedule-article.ts';
import { articleUnpublisher } from './unpublish-article.ts';
import { runWorkflowAction } from './workflow-action.ts';

describe.each(DIALECTS)('article commands on %s', (dialect) => {
  let t: TestDb;
  let sectionId: number;
  let writer: Actor;
  let editor: Actor;
  let w: string;
  let e: string;
  beforeAll(async () => {
    t = await freshDb(dialect);
    sectionId = (await makeSection(t.db)).id;
    writer = { role: 'kontributor', userId: (await makeStaff(t.db, 'kontributor')).id };
    editor = { role: 'redaktur', userId: (await makeStaff(t.db, 'redaktur')).id };
    w = String(writer.userId);
    e = String(editor.userId);
  });
  afterAll(() => t.dispose());

  const article = async (body?: Block[]) =>
    createArticle(
      t.db.kysely,
      buildArticle(sectionId, { authorId: writer.userId, ...(body ? { body } : {}) }),
    );
  const row = (id: number) =>
    t.db.kysely
      .selectFrom('articles')
      .select(['status', 'version', 'published_at', 'submitted_at', 'editor_note', 'deleted_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const audited = async (id: number) =>
    (await listAudit(t.db, { page: 1, pageSize: 500 })).items
      .filter((e) => e.target === `article:${id}`)
      .map((e) => `${e.action}:${e.actorId ?? 'system'}`)
      .reverse();
  const approved = async (events: EventBus, body?: Block[]) => {
    const id = await article(body);
    const on = { db: t.db, events, articleId: id };
    await runWorkflowAction({ ...on, actor: writer, action: 'submit' });
    await runWorkflowAction({ ...on, actor: editor, action: 'approve' });
    return id;
  };

  it('walks an article from draft to published: events fired, every step audited', async () => {
    const events = new EventBus();
    const seen: string[] = [];
    events.on('article.published', () => void seen.push('published'));
    events.on('article.workflow', (e) => void seen.push(e.action));
    const id = await article();
    const on = { db: t.db, events, articleId: id };
    await runWorkflowAction({ ...on, actor: writer, action: 'submit' });
    await expect(
      runWorkflowAction({ ...on, actor: writer, action: 'approve' }),
    ).rejects.toMatchObject({ code: 'WORKFLOW_FORBIDDEN' });
    await runWorkflowAction({ ...on, actor: editor, action: 'approve' });
    await articlePublisher({ ...on, actor: editor, ipHash: 'h' });
    const r = await row(id);
    expect(r.status).toBe('published');
    expect(r.published_at).not.toBeNull();
    expect(r.submitted_at).not.toBeNull();
    expect(seen).toEqual(['submit', 'approve', 'published']);
    expect(await audited(id)).toEqual([
      `article.submit:${w}`,
      `article.approve:${e}`,
      `article.published:${e}`,
    ]);
  });

  it('refuses to publish or schedule while a photo lacks alt text, changing nothing', async () => {
    const events = new EventBus();
    const published: number[] = [];
    events.on('article.published', (e) => void published.push(e.articleId));
    const id = await approved(events, [{ type: 'image', mediaId: 999_999 }]);
    const before = await row(id);
    const on = { db: t.db, events, articleId: id, actor: editor };
    await expect(articlePublisher(on)).rejects.toMatchObject({ code: 'ALT_TEXT_MISSING' });
    const jobs: number[] = [];
    await expect(
      articleScheduler({
        ...on,
        scheduleAt: Date.now() + 60_000,
        onSchedule: async (aid) => void jobs.push(aid),
      }),
    ).rejects.toMatchObject({ code: 'ALT_TEXT_MISSING' });
    expect(await row(id)).toEqual(before);
    expect(published).toEqual([]);
    expect(jobs).toEqual([]);
    expect(await audited(id)).toEqual([`article.submit:${w}`, `article.approve:${e}`]);
  });

  it('writes the schedule job first, then publishes through the same command as SYSTEM', async () => {
    const events = new EventBus();
    const published: number[] = [];
    events.on('article.published', (e) => void published.push(e.articleId));
    const id = await approved(events);
    const at = Date.now() + 60_000;
    const jobs: [number, number][] = [];
    await articleScheduler({
      db: t.db,
      events,
      articleId: id,
      actor: editor,
      scheduleAt: at,
      onSchedule: async (aid, when) => void jobs.push([aid, when]),
    });
    expect(jobs).toEqual([[id, at]]);
    expect((await row(id)).status).toBe('scheduled');
    // A person cannot use the system's path; the system cannot publish early.
    await expect(
      articlePublisher({ db: t.db, events, articleId: id, actor: SYSTEM }),
    ).rejects.toMatchObject({ code: 'WORKFLOW_INVALID' });
    const handler = publishScheduledHandler(t.db, events);
    // A stale job (made for another time) finds nothing to do.
    await handler({ articleId: id, scheduledAt: at - 1 }, { id: 0, attempts: 1 });
    expect((await row(id)).status).toBe('scheduled');
    await articlePublisher({ db: t.db, events, articleId: id, actor: SYSTEM, now: at + 1 });
    const r = await row(id);
    expect(r.status).toBe('published');
    expect(r.published_at).toBe(at);
    expect(published).toEqual([id]);
    expect((await audited(id)).slice(-2)).toEqual([
      `article.schedule:${e}`,
      'article.published:system',
    ]);
  });

  it('unpublishes, sends back with a note, deletes: each audited and announced', async () => {
    const events = new EventBus();
    const seen: string[] = [];
    events.on('article.unpublished', () => void seen.push('unpublished'));
    events.on('article.deleted', () => void seen.push('deleted'));
    events.on('article.workflow', (e) => void seen.push(e.action));
    const id = await approved(events);
    const on = { db: t.db, events, articleId: id, actor: editor };
    await articlePublisher(on);
    await expect(articleUnpublisher({ ...on, actor: writer, reason: 'x' })).rejects.toMatchObject({
      code: 'WORKFLOW_FORBIDDEN',
    });
    await expect(articleUnpublisher({ ...on, reason: '  ' })).rejects.toMatchObject({
      code: 'REASON_REQUIRED',
    });
    await articleUnpublisher({ ...on, reason: 'Narasumber mencabut pernyataan.' });
    expect((await row(id)).status).toBe('unpublished');
    await expect(runWorkflowAction({ ...on, action: 'return', note: ' ' })).rejects.toMatchObject({
      code: 'NOTE_REQUIRED',
    });
    await runWorkflowAction({ ...on, action: 'return', note: 'Lengkapi data.' });
    expect(await row(id)).toMatchObject({ status: 'draft', editor_note: 'Lengkapi data.' });
    await runWorkflowAction({ ...on, actor: writer, action: 'submit' });
    expect(await row(id)).toMatchObject({ status: 'submitted', editor_note: '' });
    await runWorkflowAction({ ...on, action: 'delete' });
    expect((await row(id)).deleted_at).not.toBeNull();
    expect(seen).toEqual(['submit', 'approve', 'unpublished', 'return', 'submit', 'deleted']);
    expect((await audited(id)).slice(-5)).toEqual([
      `article.published:${e}`,
      `article.unpublish:${e}`,
      `article.return:${e}`,
      `article.submit:${w}`,
      `article.deleted:${e}`,
    ]);
    await expect(runWorkflowAction({ ...on, action: 'submit' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('restores a revision only for someone who may edit, and audits it', async () => {
    const events = new EventBus();
    const id = await approved(events);
    const a = await loadEditable(t.db.kysely, id);
    if (!a) throw new Error('no article');
    await saveArticle(t.db, events, id, a.edit, {
      expectedVersion: a.version,
      userId: 2,
      kind: 'save',
    });
    const revision = await t.db.kysely
      .selectFrom('revisions')
      .select(['id'])
      .where('article_id', '=', id)
      .executeTakeFirst();
    const { version } = await row(id);
    const on = { db: t.db, events, articleId: id, revisionId: revision?.id ?? 0 };
    // The writer's text is with the desk now: not theirs to change.
    await expect(
      revisionRestorer({ ...on, actor: writer, expectedVersion: version }),
    ).rejects.toMatchObject({ code: 'WORKFLOW_FORBIDDEN' });
    const saved = await revisionRestorer({ ...on, actor: editor, expectedVersion: version });
    expect(saved.version).toBe(version + 1);
    expect((await audited(id)).at(-1)).toBe(`article.restore:${e}`);
  });

  it('answers a missing article with NOT_FOUND', async () => {
    await expect(
      runWorkflowAction({
        db: t.db,
        events: new EventBus(),
        articleId: 999_999,
        actor: { role: 'admin', userId: 1 },
        action: 'submit',
      }),
    ).rejects.toBeInstanceOf(AppError);
  });
});
