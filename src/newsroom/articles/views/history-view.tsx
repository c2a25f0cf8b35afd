import type { DiffField, DiffPart } from '../../../content/revision-diff.ts';
import type { RevisionSummary } from '../../../content/revision-history.ts';
import { formatDateline } from '../../../lib/time.ts';
import { Notice } from '../../views/auth-pages.tsx';
import { PostForm, SubmitButton } from '../../views/fields.tsx';
import { type NewsroomContext, NewsroomLayout } from '../../views/layout.tsx';
import type { ArticleMessages } from '../messages.ts';
import type { WorkflowStep } from '../queries.ts';

/** The revision history: every save, a readable diff, one-click restore. */

export interface HistoryPageProps {
  articleId: number;
  headline: string;
  version: number;
  canRestore: boolean;
  revisions: (RevisionSummary & { authorName: string })[];
  /** The revision being compared with the one before it. */
  selected: {
    revision: RevisionSummary;
    previousVersion: number | null;
    diff: { field: DiffField; parts: DiffPart[] }[];
  } | null;
  /** Workflow steps from the audit log, oldest first. */
  steps: WorkflowStep[];
  notice: string | null;
}

/** Submitted, withdrawn, published, taken down (with the reason)…: who, when. */
function Steps({
  ctx,
  m,
  steps,
}: {
  ctx: NewsroomContext;
  m: ArticleMessages;
  steps: WorkflowStep[];
}) {
  if (steps.length === 0) return null;
  return (
    <section class="card nr-steps" aria-labelledby="nr-steps-h">
      <h2 id="nr-steps-h">{m.history.steps}</h2>
      <ol>
        {steps.map((st, i) => (
          <li key={i} data-step={st.action}>
            <time>{formatDateline(st.at, ctx.zone, ctx.lang)}</time>{' '}
            <strong>{m.history.stepNames[st.action] ?? st.action}</strong>
            {st.actorName && <> · {st.actorName}</>}
            {st.note && (
              <p class="nr-step-note">
                {st.action === 'return' ? m.fieldNames.note : m.history.reason}: {st.note}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Diff({ m, parts }: { m: ArticleMessages; parts: DiffPart[] }) {
  return (
    <div class="nr-diff-text">
      {parts.map((p, i) =>
        p.op === 'ins' ? (
          <ins key={i} title={m.history.inserted}>
            {p.text}
          </ins>
        ) : p.op === 'del' ? (
          <del key={i} title={m.history.deleted}>
            {p.text}
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </div>
  );
}

/** `/newsroom/artikel/:id/riwayat`. */
export function HistoryPage({
  ctx,
  m,
  p,
}: {
  ctx: NewsroomContext;
  m: ArticleMessages;
  p: HistoryPageProps;
}) {
  const base = `/newsroom/artikel/${p.articleId}`;
  return (
    <NewsroomLayout ctx={ctx} title={m.history.title} wide>
      <div class="nr-heading">
        <h1>
          {m.history.title}: {p.headline}
        </h1>
        <a href={base}>{m.history.back}</a>
      </div>
      {p.notice && <Notice kind="ok">{p.notice}</Notice>}
      <div class="nr-history">
        <table class="list">
          <thead>
            <tr>
              <th>{m.history.version}</th>
              <th>{m.history.kind}</th>
              <th>{m.history.by}</th>
              <th>{m.history.at}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {p.revisions.map((r) => (
              <tr key={r.id} class={p.selected?.revision.id === r.id ? 'selected' : undefined}>
                <td>{r.version}</td>
                <td>{m.history.kinds[r.kind] ?? r.kind}</td>
                <td>{r.authorName}</td>
                <td>{formatDateline(r.createdAt, ctx.zone, ctx.lang)}</td>
                <td>
                  <a href={`${base}/riwayat?rev=${r.id}`}>{m.history.compare}</a>
                  {p.canRestore && r.version !== p.version && (
                    <PostForm
                      ctx={ctx}
                      class="inline-form"
                      action={`${base}/riwayat/${r.id}/pulihkan`}
                    >
                      <input type="hidden" name="version" value={String(p.version)} />
                      <SubmitButton class="btn small secondary">{m.history.restore}</SubmitButton>
                    </PostForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {p.selected && (
          <section class="card nr-diff" aria-label={m.history.compare}>
            {p.selected.previousVersion == null ? (
              <p>{m.history.first}</p>
            ) : (
              <>
                <h2>
                  {m.history.changesIn(p.selected.revision.version, p.selected.previousVersion)}
                </h2>
                {p.selected.diff.length === 0 && <p>{m.history.noChanges}</p>}
                <dl>
                  {p.selected.diff.map((d) => (
                    <div key={d.field} class="nr-diff-field">
                      <dt>{m.fieldNames[d.field] ?? d.field}</dt>
                      <dd>
                        <Diff m={m} parts={d.parts} />
                      </dd>
                    </div>
                  ))}
                </dl>
              </>
            )}
          </section>
        )}
        <Steps ctx={ctx} m={m} steps={p.steps} />
      </div>
    </NewsroomLayout>
  );
}
