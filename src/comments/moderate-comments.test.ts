import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSection, publishedArticle } from '../../test/factories.ts';
import { DIALECTS, type TestApp, testApp } from '../../test/helpers.ts';
import { makeStaff } from '../../test/staff.ts';
import { EventBus } from '../lib/events.ts';
import { approveComment, moderateComments } from './moderate-comments.ts';

describe.each(DIALECTS)('moderation commands (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.dispose());

  async function pendingComment(articleId: number) {
    const row = await t.db.kysely
      .insertInto('comments')
      .values({
        article_id: articleId,
        parent_id: null,
        author_name: 'Pembaca',
        body: 'Menunggu',
        status: 'pending',
        created_at: Date.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  it('approveComment: only editors; writes, audits and announces once', async () => {
    const s = await makeSection(t.db);
    const a = await publishedArticle(t.db, s.id);
    const id = await pendingComment(a.id);
    const events = new EventBus();
    const heard: number[] = [];
    events.on('comment.approved', (p) => {
      heard.push(p.commentId);
    });
    const reporter = await makeStaff(t.db, 'wartawan');
    const base = { db: t.db, events, ipHash: '', commentId: id };
    await expect(
      approveComment({ ...base, actor: { id: reporter.id, role: reporter.role } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const editor = await makeStaff(t.db, 'redaktur');
    const actor = { id: editor.id, role: editor.role };
    expect(await approveComment({ ...base, actor })).toBe(1);
    const row = await t.db.kysely
      .selectFrom('comments')
      .select(['status', 'moderated_by'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'approved', moderated_by: editor.id });
    expect(heard).toEqual([id]);
    const log = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'target', 'actor_id'])
      .where('target', '=', `comment:${id}`)
      .execute();
    expect(log).toEqual([
      { action: 'comment.approve', target: `comment:${id}`, actor_id: editor.id },
    ]);
    // Hiding it again is announced as hidden; a bulk action with nothing to do changes nothing.
    expect(await moderateComments({ ...base, actor, commentIds: [id, id], action: 'spam' })).toBe(
      1,
    );
    expect(await moderateComments({ ...base, actor, commentIds: [id], action: 'spam' })).toBe(0);
    expect(heard).toEqual([id]);
  });
});
