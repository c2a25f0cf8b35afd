import type { ArticleStatus } from '../../../db/schema.ts';
import { formatDateline } from '../../../lib/time.ts';
import { Notice } from '../../views/auth-pages.tsx';
import { PostForm, SubmitButton } from '../../views/fields.tsx';
import { CsrfField, type NewsroomContext, NewsroomLayout } from '../../views/layout.tsx';
import type { ArticleMessages } from '../messages.ts';
import type { StaffArticleRow } from '../queries.ts';
import type { FieldErrors } from '../validate.ts';

/** The article list, the new-article form and the desk. Views only render props. */

/** The workflow state as a coloured label. */
export function StatusBadge({ m, status }: { m: ArticleMessages; status: ArticleStatus }) {
  return <span class={`nr-status nr-status-${status}`}>{m.status[status]}</span>;
}

function when(ctx: NewsroomContext, ms: number | null): string {
  return ms == null ? '' : formatDateline(ms, ctx.zone, ctx.lang);
}

export interface ListPageProps {
  rows: StaffArticleRow[];
  /** The home page's lead story ("Berita utama"), marked in the list. */
  leadId?: number | null;
  total: number;
  page: number;
  pageSize: number;
  scope: 'mine' | 'all';
  /** May this person see everyone's articles (the scope choice)? */
  canSeeAll: boolean;
  status: ArticleStatus | '';
  states: ArticleStatus[];
}

/** `/newsroom/artikel`: my articles (and all, for editors), filtered by state. */
export function ArticleListPage({
  ctx,
  m,
  p,
}: {
  ctx: NewsroomContext;
  m: ArticleMessages;
  p: ListPageProps;
}) {
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const link = (page: number) =>
    `/newsroom/artikel?scope=${p.scope}${p.status ? `&status=${p.status}` : ''}${page > 1 ? `&page=${page}` : ''}`;
  return (
    <NewsroomLayout ctx={ctx} title={m.list.title} wide>
      <div class="nr-heading">
        <h1>{p.scope === 'mine' ? m.list.mine : m.list.all}</h1>
        <a class="btn" href="/newsroom/artikel/baru">
          {m.list.newArticle}
        </a>
      </div>
      <form class="filters" method="get" action="/newsroom/artikel">
        {p.canSeeAll && (
          <div>
            <label for="f-scope">{m.list.filterScope}</label>
            <select id="f-scope" name="scope">
              <option value="mine" selected={p.scope === 'mine'}>
                {m.list.mine}
              </option>
              <option value="all" selected={p.scope === 'all'}>
                {m.list.all}
              </option>
            </select>
          </div>
        )}
        <div>
          <label for="f-status">{m.list.filterState}</label>
          <select id="f-status" name="status">
            <option value="">{m.list.anyState}</option>
            {p.states.map((s) => (
              <option key={s} value={s} selected={p.status === s}>
                {m.status[s]}
              </option>
            ))}
          </select>
        </div>
        <button class="btn secondary" type="submit">
          {m.list.filter}
        </button>
      </form>
      {p.rows.length === 0 ? (
        <p class="card">{m.list.empty}</p>
      ) : (
        <table class="list">
          <thead>
            <tr>
              <th>{m.list.headline}</th>
              <th>{m.list.state}</th>
              <th>{m.list.section}</th>
              <th>{m.list.author}</th>
              <th>{m.list.updated}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr key={r.id}>
                <ArticleCells m={m} row={r} lead={r.id === p.leadId} />
                <td>{when(ctx, r.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav class="pager">
          {p.page > 1 && <a href={link(p.page - 1)}>←</a>}
          <span>
            {p.page} / {pages}
          </span>
          {p.page < pages && <a href={link(p.page + 1)}>→</a>}
        </nav>
      )}
    </NewsroomLayout>
  );
}

/** `/newsroom/artikel/baru`: headline and section, then on to the editor. */
export function NewArticlePage({
  ctx,
  m,
  sections,
  values,
  errors,
}: {
  ctx: NewsroomContext;
  m: ArticleMessages;
  sections: { id: number; name: string }[];
  values: { headline: string; sectionId: string };
  errors: FieldErrors;
}) {
  return (
    <NewsroomLayout ctx={ctx} title={m.create.title}>
      <h1>{m.create.title}</h1>
      <form class="card" method="post" action="/newsroom/artikel">
        <CsrfField ctx={ctx} />
        <label for="n-headline">{m.create.headline}</label>
        <input
          id="n-headline"
          type="text"
          name="headline"
          value={values.headline}
          required
          maxLength={200}
          aria-invalid={errors.headline ? 'true' : undefined}
          aria-describedby={errors.headline ? 'n-headline-err' : undefined}
        />
        {errors.headline && (
          <p class="field-error" id="n-headline-err">
            {errors.headline}
          </p>
        )}
        <label for="n-section">{m.create.section}</label>
        <select id="n-section" name="sectionId" required>
          {sections.map((s) => (
            <option key={s.id} value={String(s.id)} selected={values.sectionId === String(s.id)}>
              {s.name}
            </option>
          ))}
        </select>
        {errors.sectionId && <p class="field-error">{errors.sectionId}</p>}
        <button class="btn" type="submit">
          {m.create.submit}
        </button>
      </form>
    </NewsroomLayout>
  );
}

/** An article row's first cells: headline (linking to the editor), state, section, author. */
function ArticleCells({
  m,
  row,
  lead,
}: {
  m: ArticleMessages;
  row: StaffArticleRow;
  lead?: boolean;
}) {
  return (
    <>
      <td>
        <a href={`/newsroom/artikel/${row.id}`}>{row.headline || m.list.untitled}</a>
        {lead && <span class="nr-status nr-lead-badge">{m.actions.leadBadge}</span>}
      </td>
      <td>
        <StatusBadge m={m} status={row.status} />
      </td>
      <td>{row.sectionName}</td>
      <td>{row.authorName}</td>
    </>
  );
}

/** Quick actions the desk offers inline (the rest are on the article's page). */
export const DESK_ACTIONS = ['approve', 'publish'] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];

function DeskTable({
  ctx,
  m,
  rows,
  scheduled,
  actions,
}: {
  ctx: NewsroomContext;
  m: ArticleMessages;
  rows: StaffArticleRow[];
  scheduled: boolean;
  actions: Record<number, DeskAction[]>;
}) {
  return (
    <table class="list nr-desk">
      <thead>
        <tr>
          <th>{m.list.headline}</th>
          <th>{m.list.state}</th>
          <th>{m.list.section}</th>
          <th>{m.desk.submittedBy}</th>
          <th>{scheduled ? m.desk.scheduledAt : m.desk.submittedAt}</th>
          <th>{m.actions.title}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <ArticleCells m={m} row={r} />
            <td>{when(ctx, scheduled ? r.scheduledAt : r.submittedAt)}</td>
            <td>
              {(actions[r.id] ?? []).map((a) => (
                <PostForm
                  key={a}
                  ctx={ctx}
                  class="inline-form"
                  action={`/newsroom/artikel/${r.id}/tindakan`}
                >
                  <input type="hidden" name="action" value={a} />
                  <input type="hidden" name="back" value="desk" />
                  <SubmitButton class="btn small">{m.actions[a]}</SubmitButton>
                </PostForm>
              ))}
              <a class="nr-open" href={`/newsroom/artikel/${r.id}`}>
                {m.desk.open}
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `/newsroom/meja`: what waits for an editor, oldest first, and what is scheduled. */
export function DeskPage({
  ctx,
  m,
  waiting,
  scheduled,
  actions,
  notice,
}: {
  ctx: NewsroomContext;
  m: ArticleMessages;
  waiting: StaffArticleRow[];
  scheduled: StaffArticleRow[];
  actions: Record<number, DeskAction[]>;
  notice?: string;
}) {
  return (
    <NewsroomLayout ctx={ctx} title={m.desk.title} wide>
      <h1>{m.desk.title}</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      <h2>
        {m.desk.waiting} ({waiting.length})
      </h2>
      {waiting.length ? (
        <DeskTable ctx={ctx} m={m} rows={waiting} scheduled={false} actions={actions} />
      ) : (
        <p class="card">{m.desk.empty}</p>
      )}
      <h2>
        {m.desk.scheduled} ({scheduled.length})
      </h2>
      {scheduled.length ? (
        <DeskTable ctx={ctx} m={m} rows={scheduled} scheduled actions={actions} />
      ) : (
        <p class="card">{m.desk.emptyScheduled}</p>
      )}
    </NewsroomLayout>
  );
}
