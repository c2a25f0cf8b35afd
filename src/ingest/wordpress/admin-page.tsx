import { formatDateline } from '../../lib/time.ts';
import { ListTable } from '../../newsroom/views/fields.tsx';
import { type NewsroomContext, NewsroomLayout } from '../../newsroom/views/layout.tsx';
import { wordpressMessages } from './messages.ts';
import { type Counts, KINDS, type ReportEntry, reasonText } from './report.ts';

/** One past import as the newsroom lists it. */
export interface ImportRunView {
  id: number;
  site: string;
  fileName: string;
  status: 'running' | 'done' | 'failed';
  dryRun: boolean;
  counts: Counts;
  entries: ReportEntry[];
  error: string;
  startedAt: number;
  finishedAt: number | null;
}

const COMMAND =
  'npx warta import wordpress EKSPOR.xml --uploads wp-content/uploads [--media-base URL] [--staff] [--dry-run] [--resume]';

/** The admin page: every WordPress import with its counts and its full report. */
export function ImportsPage({ ctx, runs }: { ctx: NewsroomContext; runs: ImportRunView[] }) {
  const m = wordpressMessages.t(ctx.lang);
  const when = (ms: number) => formatDateline(ms, ctx.zone, ctx.lang);
  return (
    <NewsroomLayout ctx={ctx} title={m.admin.title} wide>
      <h1>{m.admin.title}</h1>
      <p>{m.admin.intro}</p>
      <pre class="mail">{COMMAND}</pre>
      {runs.length === 0 ? (
        <p>{m.admin.none}</p>
      ) : (
        runs.map((run) => (
          <section key={run.id} class="import-run" aria-labelledby={`impor-${run.id}`}>
            <h2 id={`impor-${run.id}`}>
              #{run.id} {run.site} — {m.admin.statuses[run.status]}
            </h2>
            <p class="hint">
              {m.admin.file}: {run.fileName} · {m.admin.started}: {when(run.startedAt)}
            </p>
            {run.error && <p class="hint">{run.error}</p>}
            <ListTable
              headers={[
                m.table.kind,
                m.table.imported,
                m.table.existing,
                m.table.skipped,
                m.table.failed,
              ]}
            >
              {KINDS.map((k) => (
                <tr key={k}>
                  <td>{m.kinds[k]}</td>
                  <td>{run.counts[k]?.imported ?? 0}</td>
                  <td>{run.counts[k]?.existing ?? 0}</td>
                  <td>{run.counts[k]?.skipped ?? 0}</td>
                  <td>{run.counts[k]?.failed ?? 0}</td>
                </tr>
              ))}
            </ListTable>
            {run.entries.length > 0 && (
              <details>
                <summary>
                  {m.admin.report}: {m.admin.entries(run.entries.length)}
                </summary>
                <ListTable headers={[m.admin.item, m.admin.reason]}>
                  {run.entries.map((e, i) => (
                    <tr key={i}>
                      <td>
                        {m.kinds[e.kind]} {e.wpId}
                      </td>
                      <td>{reasonText(e, ctx.lang)}</td>
                    </tr>
                  ))}
                </ListTable>
              </details>
            )}
          </section>
        ))
      )}
    </NewsroomLayout>
  );
}
