import type { WorkflowAction } from '../../../content/workflow.ts';
import type { ArticleStatus } from '../../../db/schema.ts';
import { formatDateline } from '../../../lib/time.ts';
import { CsrfField, type NewsroomContext } from '../../views/layout.tsx';
import type { ArticleMessages } from '../messages.ts';
import { LIMITS } from '../validate.ts';

/** The editor page's actions panel: one form per workflow action this person may take. */
export function Actions({
  ctx,
  m,
  p,
}: {
  ctx: NewsroomContext;
  m: ArticleMessages;
  p: {
    article: {
      id: number;
      status: ArticleStatus;
      scheduledAt: number | null;
      /** Set once the article has been published (re-publishing keeps that time). */
      publishedAt: number | null;
    };
    actions: WorkflowAction[];
    scheduleValue: string;
    /** Whether this person may set the home lead, and whether this article is it. */
    lead?: { may: boolean; is: boolean };
  };
}) {
  const base = `/newsroom/artikel/${p.article.id}/tindakan`;
  const simple = (action: WorkflowAction, cls = 'btn') => (
    <form method="post" action={base} class="nr-action" key={action}>
      <CsrfField ctx={ctx} />
      <input type="hidden" name="action" value={action} />
      <button
        class={cls}
        type="submit"
        data-confirm={action === 'delete' ? m.actions.confirmDelete : undefined}
      >
        {m.actions[action]}
      </button>
    </form>
  );
  const has = (a: WorkflowAction) => p.actions.includes(a);
  return (
    <section class="card nr-actions" aria-labelledby="nr-actions-h">
      <h2 id="nr-actions-h">{m.actions.title}</h2>
      {p.article.status === 'scheduled' && p.article.scheduledAt != null && (
        <p class="hint">
          {m.actions.scheduledFor(formatDateline(p.article.scheduledAt, ctx.zone, ctx.lang))}
        </p>
      )}
      {p.actions.length === 0 && <p class="hint">{m.actions.none}</p>}
      {has('submit') && simple('submit')}
      {has('withdraw') && (
        <>
          <p class="hint">{m.actions.withdrawHint}</p>
          {simple('withdraw', 'btn secondary')}
        </>
      )}
      {has('approve') && simple('approve')}
      {has('publish') &&
        (p.article.publishedAt == null ? (
          simple('publish')
        ) : (
          <form method="post" action={base} class="nr-action">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="action" value="publish" />
            <p class="hint">
              {m.actions.republishHint(formatDateline(p.article.publishedAt, ctx.zone, ctx.lang))}
            </p>
            <label class="nr-check">
              <input type="checkbox" name="bump" value="1" /> {m.actions.bump}
            </label>
            <button class="btn" type="submit">
              {m.actions.publish}
            </button>
          </form>
        ))}
      {has('schedule') && (
        <form method="post" action={base} class="nr-action">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="action" value="schedule" />
          <label for="a-schedule">{m.actions.scheduleAt}</label>
          <input
            id="a-schedule"
            type="datetime-local"
            name="scheduleAt"
            value={p.scheduleValue}
            required
          />
          <button class="btn secondary" type="submit">
            {m.actions.schedule}
          </button>
        </form>
      )}
      {has('unpublish') && (
        <form method="post" action={base} class="nr-action">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="action" value="unpublish" />
          <label for="a-reason">{m.actions.unpublishReason}</label>
          <textarea id="a-reason" name="note" rows={2} maxLength={LIMITS.note} required />
          <button class="btn secondary" type="submit" data-confirm={m.actions.confirmUnpublish}>
            {m.actions.unpublish}
          </button>
        </form>
      )}
      {has('return') && (
        <form method="post" action={base} class="nr-action">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="action" value="return" />
          <label for="a-note">{m.actions.returnNote}</label>
          <textarea id="a-note" name="note" rows={3} maxLength={LIMITS.note} required />
          <button class="btn secondary" type="submit">
            {m.actions.return}
          </button>
        </form>
      )}
      {has('delete') && simple('delete', 'btn danger')}
      {p.lead?.may && (
        <form
          method="post"
          action={`/newsroom/artikel/${p.article.id}/utama`}
          class="nr-action nr-lead"
        >
          <CsrfField ctx={ctx} />
          <h3>{m.actions.leadTitle}</h3>
          <p class="hint">{p.lead.is ? m.actions.leadIs : m.actions.leadHint}</p>
          <input type="hidden" name="lead" value={p.lead.is ? '0' : '1'} />
          <button class="btn secondary" type="submit">
            {p.lead.is ? m.actions.leadClear : m.actions.leadSet}
          </button>
        </form>
      )}
    </section>
  );
}
