import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSection, publishedArticle } from '../../test/factories.ts';
import { DIALECTS, type TestApp, testApp } from '../../test/helpers.ts';
import { approvedComment, approvedComments, articleOfComment } from './queries.ts';

describe.each(DIALECTS)('comment reads (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.dispose());

  it('the page shows approved comments only, oldest first; replies go under approved ones', async () => {
    const s = await makeSection(t.db);
    const a = await publishedArticle(t.db, s.id);
    const ids: number[] = [];
    for (const [i, status] of (['approved', 'pending', 'spam', 'approved'] as const).entries()) {
      const row = await t.db.kysely
        .insertInto('comments')
        .values({
          article_id: a.id,
          parent_id: null,
          author_name: `Pembaca ${i}`,
          body: `Komentar ${i}`,
          status,
          created_at: 1_000 + i,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    const shown = await approvedComments(t.db.kysely, a.id);
    expect(shown.map((c) => c.body)).toEqual(['Komentar 0', 'Komentar 3']);
    expect(await approvedComment(t.db.kysely, a.id, ids[0] ?? 0)).toEqual({
      id: ids[0],
      authorName: 'Pembaca 0',
    });
    expect(await approvedComment(t.db.kysely, a.id, ids[1] ?? 0)).toBeUndefined();
    expect(await approvedComment(t.db.kysely, a.id + 1, ids[0] ?? 0)).toBeUndefined();
    expect(await articleOfComment(t.db.kysely, ids[2] ?? 0)).toBe(a.id);
    expect(await articleOfComment(t.db.kysely, 999_999)).toBeUndefined();
  });
});
