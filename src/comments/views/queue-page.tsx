import { formatLongDate } from '../../lib/time.ts';
import { CsrfField, type NewsroomContext, NewsroomLayout } from '../../newsroom/views/layout.tsx';
import { commentText } from '../messages.ts';
import type { QueueItem, QueueView } from '../moderation.ts';
import { QUEUE_VIEWS } from '../moderation.ts';
import { CommentText } from '../render-text.tsx';
import type { SectionOption } from '../section-tree.ts';

export interface QueuePageProps {
  ctx: NewsroomContext;
  view: QueueView;
  items: QueueItem[];
  counts: Record<QueueView, number>;
  filter: { articleId?: number; sectionId?: number };
  /** In tree order, children after their parent (indented). */
  sections: SectionOption[];
  notice?: { kind: 'ok' | 'error'; text: string };
  /** The queue URL with the current view and filters, to come back to after an action. */
  back: string;
  scriptUrl: string;
}

/** The actions offered in each view, in button order. */
const ACTIONS_BY_VIEW: Record<QueueView, ('approve' | 'reject' | 'spam' | 'trash' | 'restore')[]> =
  {
    pending: ['approve', 'reject', 'spam', 'trash'],
    reported: ['approve', 'reject', 'spam', 'trash'],
    approved: ['reject', 'spam', 'trash'],
    spam: ['approve', 'restore', 'trash'],
    trash: ['approve', 'restore', 'spam'],
  };

const KEYS: Record<string, string> = { approve: 'a', spam: 's', trash: 't', reject: 'r' };

/** The moderation queue: tabs with counts, filters, bulk and per-comment actions, held reasons. */
export function QueuePage(p: QueuePageProps) {
  const { ctx } = p;
  const t = commentText(ctx.lang);
  const m = t.mod;
  const actions = ACTIONS_BY_VIEW[p.view];
  const query = (view: QueueView) => {
    const q = new URLSearchParams({ tampilan: view });
    if (p.filter.articleId) q.set('artikel', String(p.filter.articleId));
    if (p.filter.sectionId) q.set('rubrik', String(p.filter.sectionId));
    return `/newsroom/komentar?${q}`;
  };
  return (
    <NewsroomLayout ctx={ctx} title={m.title} wide>
      <h1>{m.title}</h1>
      <nav class="mod-tabs" aria-label={m.title}>
        <ul>
          {QUEUE_VIEWS.map((v) => (
            <li key={v}>
              <a href={query(v)} aria-current={v === p.view ? 'page' : undefined}>
                {m.views[v]} <span class="mod-count">{p.counts[v]}</span>
              </a>
            </li>
          ))}
          <li>
            <a href="/newsroom/komentar/pengaturan">{m.manage}</a>
          </li>
        </ul>
      </nav>
      {p.notice && (
        <p class={`notice ${p.notice.kind}`} role={p.notice.kind === 'error' ? 'alert' : 'status'}>
          {p.notice.text}
        </p>
      )}
      <form method="get" action="/newsroom/komentar" class="filters">
        <input type="hidden" name="tampilan" value={p.view} />
        <label>
          {m.filterArticle}{' '}
          <input
            name="artikel"
            inputMode="numeric"
            size={6}
            value={p.filter.articleId ? String(p.filter.articleId) : ''}
          />
        </label>
        <label>
          {m.filterSection}{' '}
          <select name="rubrik">
            <option value="">{m.allSections}</option>
            {p.sections.map((s) => (
              <option key={s.id} value={String(s.id)} selected={s.id === p.filter.sectionId}>
                {`${'\u2003'.repeat(s.depth)}${s.name}`}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="btn small secondary">
          {m.filter}
        </button>
      </form>
      <p class="hint">{m.shortcuts}</p>
      {p.items.length === 0 ? (
        <p class="mod-empty">{m.empty}</p>
      ) : (
        <form method="post" action="/newsroom/komentar/aksi" class="mod-queue">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="back" value={p.back} />
          <div class="mod-bulk">
            <label>
              <input type="checkbox" data-select-all /> {m.selectAll}
            </label>{' '}
            <span>{m.bulk}</span>{' '}
            {actions.map((a) => (
              <button key={a} type="submit" name="action" value={a} class="btn small secondary">
                {m[a]}
              </button>
            ))}
          </div>
          <ol class="mod-list">
            {p.items.map((c) => (
              <li key={c.id} class="mod-item" data-mod-item tabindex={-1} id={`c${c.id}`}>
                <div class="mod-head">
                  <input
                    type="checkbox"
                    name="ids"
                    value={String(c.id)}
                    aria-label={m.select(c.id)}
                  />{' '}
                  <strong>{c.authorName}</strong> <span class="hint">#{c.id}</span>{' '}
                  <time class="hint" dateTime={new Date(c.createdAt).toISOString()}>
                    {formatLongDate(c.createdAt, ctx.zone, ctx.lang)}
                  </time>{' '}
                  <span class="hint">
                    {m.on} <a href={`${c.articleUrl}#komentar-${c.id}`}>{c.headline}</a> ·{' '}
                    {c.sectionName}
                    {c.parentId ? ` · ${m.replyTo(c.parentId)}` : ''}
                  </span>
                </div>
                {(c.heldReasons.length > 0 || c.reportCount > 0) && (
                  <p class="mod-reasons">
                    {c.heldReasons.length > 0 && (
                      <>
                        {m.heldBecause} {c.heldReasons.map((r) => t.holdReason[r] ?? r).join(', ')}
                      </>
                    )}
                    {c.reportCount > 0 && <> · {m.reports(c.reportCount)}</>}
                  </p>
                )}
                <div class="mod-body">
                  <CommentText body={c.body} />
                  {c.website && <p class="hint">{c.website}</p>}
                </div>
                <div class="mod-actions">
                  {actions.map((a) => (
                    <button
                      key={a}
                      type="submit"
                      name="one"
                      value={`${a}:${c.id}`}
                      data-action={a}
                      aria-keyshortcuts={KEYS[a]}
                      class={a === 'approve' ? 'btn small' : 'btn small secondary'}
                    >
                      {m[a]}
                    </button>
                  ))}{' '}
                  <button type="submit" name="ban" value={`email:${c.id}`} class="btn small danger">
                    {m.banEmail}
                  </button>{' '}
                  {c.hasIp && (
                    <button type="submit" name="ban" value={`ip:${c.id}`} class="btn small danger">
                      {m.banIp}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </form>
      )}
      <script src={p.scriptUrl} defer />
    </NewsroomLayout>
  );
}
