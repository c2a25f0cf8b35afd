import type { ComponentChildren } from 'preact';
import type { StaffArticle } from '../../content/staff-reads.ts';
import { formatDateline } from '../../lib/time.ts';
import { can } from '../policy.ts';
import type { NewsroomContext } from '../views/layout.tsx';
import { NewsroomLayout } from '../views/layout.tsx';
import type { HomeList, HomeQueues } from './home-queues.ts';
import { siteAdminMessages } from './messages.ts';
import { SECTIONS_URL } from './sections-page.tsx';
import { SETTINGS_URL } from './settings-page.tsx';

/** One "needs me" list: heading with its total, up to five links, an empty state in words. */
function Queue<T>({
  id,
  title,
  list,
  empty,
  all,
  ctx,
  children,
}: {
  id: string;
  title: string;
  list: HomeList<T>;
  empty: string;
  all: string;
  ctx: NewsroomContext;
  children: (item: T) => ComponentChildren;
}) {
  const m = siteAdminMessages.t(ctx.lang).home;
  return (
    <section class="card sa-queue" id={id} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>
        {title} <span class="sa-count">{m.count(list.total)}</span>
      </h3>
      {list.total === 0 ? (
        <p class="hint">{empty}</p>
      ) : (
        <>
          <ul class="sa-queue-list">{list.items.map(children)}</ul>
          {list.total > list.items.length && (
            <p>
              <a href={all}>
                {m.all} ({list.total})
              </a>
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** The newsroom home: what waits for this staff member now, then shortcuts to each area the role may use. */
export function NewsroomHome({ ctx, queues }: { ctx: NewsroomContext; queues: HomeQueues }) {
  const { m } = ctx;
  const h = siteAdminMessages.t(ctx.lang).home;
  const staff = ctx.staff;
  if (!staff) return null;
  const when = (ms: number | null) => (ms ? formatDateline(ms, ctx.zone, ctx.lang) : '');
  const article = (label: string, at: (a: StaffArticle) => number | null) => (a: StaffArticle) => (
    <li key={a.id}>
      <a href={`/newsroom/artikel/${a.id}`}>{a.headline}</a>{' '}
      <span class="hint">
        {a.sectionName} · {label} {when(at(a))}
      </span>
    </li>
  );
  const tiles = [
    { href: '/newsroom/artikel', label: m.nav.articles, ok: can(staff.role, 'article.create') },
    { href: '/newsroom/meja', label: m.nav.desk, ok: can(staff.role, 'article.view.desk') },
    { href: '/newsroom/media', label: m.nav.media, ok: can(staff.role, 'media.view') },
    { href: SECTIONS_URL, label: m.nav.sections, ok: can(staff.role, 'section.manage') },
    { href: SETTINGS_URL, label: m.nav.siteSettings, ok: can(staff.role, 'settings.manage') },
    { href: '/newsroom/staf', label: m.nav.staff, ok: can(staff.role, 'staff.manage') },
    { href: '/newsroom/audit', label: m.nav.audit, ok: can(staff.role, 'audit.view') },
    { href: '/newsroom/kotak-keluar', label: m.nav.outbox, ok: can(staff.role, 'outbox.view') },
    { href: '/newsroom/akun', label: m.nav.account, ok: true },
  ];
  return (
    <NewsroomLayout ctx={ctx} title={m.home.title} wide>
      <h1>{m.home.title}</h1>
      <p>
        {m.home.welcome(staff.name)} {m.home.role(m.roles[staff.role])}
      </p>
      <h2>{h.now}</h2>
      <div class="sa-queues">
        <Queue
          ctx={ctx}
          id="draf-saya"
          title={h.myDrafts}
          list={queues.myDrafts}
          empty={h.myDraftsEmpty}
          all="/newsroom/artikel?status=draft"
        >
          {article(h.edited, (a) => a.updatedAt)}
        </Queue>
        {queues.desk && (
          <Queue
            ctx={ctx}
            id="meja"
            title={h.desk}
            list={queues.desk}
            empty={h.deskEmpty}
            all="/newsroom/meja"
          >
            {article(h.submitted, (a) => a.submittedAt)}
          </Queue>
        )}
        {queues.comments && (
          <Queue
            ctx={ctx}
            id="komentar"
            title={h.comments}
            list={queues.comments}
            empty={h.commentsEmpty}
            all="/newsroom/komentar"
          >
            {(c) => (
              <li key={c.id}>
                <a href="/newsroom/komentar">{c.authorName}</a>{' '}
                <span class="hint">
                  {h.commentOn(c.headline)} · {when(c.createdAt)}
                </span>
              </li>
            )}
          </Queue>
        )}
        {queues.scheduled && (
          <Queue
            ctx={ctx}
            id="terjadwal"
            title={h.scheduled}
            list={queues.scheduled}
            empty={h.scheduledEmpty}
            all="/newsroom/meja"
          >
            {article(h.at, (a) => a.scheduledAt)}
          </Queue>
        )}
        {queues.failedJobs && (
          <Queue
            ctx={ctx}
            id="tugas-gagal"
            title={h.jobs}
            list={queues.failedJobs}
            empty={h.jobsEmpty}
            all="/newsroom/audit"
          >
            {(j) => (
              <li key={j.id}>
                <strong>{h.jobError(j.kind, j.attempts)}</strong>{' '}
                <span class="hint">
                  {when(j.runAt)} · {j.lastError}
                </span>
              </li>
            )}
          </Queue>
        )}
      </div>
      <h2>{h.shortcuts}</h2>
      <ul class="tiles">
        {tiles
          .filter((t) => t.ok)
          .map((t) => (
            <li key={t.href}>
              <a href={t.href}>{t.label}</a>
            </li>
          ))}
      </ul>
    </NewsroomLayout>
  );
}
