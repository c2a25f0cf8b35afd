import { importComment } from '../../comments/import-comment.ts';
import { inTransaction } from '../../db/transaction.ts';
import { commentText } from './html.ts';
import { type Run, wpDate } from './run.ts';
import type { WxrItem } from './wxr-reader.ts';

/**
 * A post's comments, oldest id first (parents before replies), in one
 * transaction with their map rows: a kill leaves all of them or none.
 */
export async function importComments(run: Run, item: WxrItem, articleId: number): Promise<void> {
  if (item.comments.length === 0) return;
  const comments = [...item.comments].sort((a, b) => Number(a.id) - Number(b.id));
  const parents = comments.map((c) => c.parent).filter((p) => p && p !== '0');
  const known = await run.mappedMany('comment', [
    ...new Set([...comments.map((c) => c.id), ...parents]),
  ]);
  // With --staff, a comment by an imported author is linked to that staff account.
  const staffIds = run.opts.staff
    ? await run.mappedMany('user', [
        ...new Set(comments.map((c) => c.userId).filter((u) => u && u !== '0')),
      ])
    : new Map<string, number>();
  await inTransaction(run.k, async (tx) => {
    for (const c of comments) {
      if (known.has(c.id)) {
        run.counts.comment.existing++;
        continue;
      }
      if (c.type && c.type !== 'comment') {
        run.report('comment', c.id, 'comment-skipped', 'skipped', [c.type]);
        continue;
      }
      const status =
        c.approved === '1'
          ? 'approved'
          : c.approved === '0'
            ? 'pending'
            : c.approved === 'spam'
              ? 'spam'
              : 'trash';
      const { text, hadMarkup } = commentText(c.content);
      if (!text) {
        run.report('comment', c.id, 'comment-empty', 'skipped');
        continue;
      }
      if (hadMarkup) run.report('comment', c.id, 'comment-html', 'changed');
      if (c.userId && c.userId !== '0' && !run.cat.authorIds.has(c.userId)) {
        run.report('comment', c.id, 'comment-unknown-user', 'changed', [c.userId]);
      }
      let parentId: number | null = null;
      if (c.parent && c.parent !== '0') {
        parentId = known.get(c.parent) ?? null;
        if (parentId === null) run.report('comment', c.id, 'comment-orphan', 'changed', [c.parent]);
      }
      const row = await importComment(
        tx,
        run.config.secretKey,
        {
          articleId,
          parentId,
          authorName: c.author.replace(/\s+/g, ' ').trim(),
          body: text,
          email: c.email,
          website: c.url,
          status,
          createdAt: wpDate(c.dateGmt, c.date, run.config.timeZone) ?? run.now(),
          legacyAnchor: /^\d+$/.test(c.id) ? `comment-${c.id}` : undefined,
          userId: staffIds.get(c.userId) ?? null,
        },
        run.maxDepth,
      );
      if (!row) {
        run.report('comment', c.id, 'comment-duplicate', 'skipped');
        continue;
      }
      await run.map('comment', c.id, row.id, tx);
      known.set(c.id, row.id);
      if (row.flattened) run.report('comment', c.id, 'comment-flattened', 'changed');
      run.counts.comment.imported++;
    }
  });
}
