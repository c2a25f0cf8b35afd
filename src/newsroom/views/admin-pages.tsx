import type { Lang } from '../../lib/i18n.ts';
import { formatDateline } from '../../lib/time.ts';
import type { AuditRow } from '../audit.ts';
import type { LimitedAccount } from '../login-limits.ts';
import type { OutboxRow } from '../outbox.ts';
import { ROLES } from '../policy.ts';
import { Notice } from './auth-pages.tsx';
import {
  EmailField,
  ListTable,
  NameField,
  NewPasswordField,
  PostForm,
  SelectField,
  SubmitButton,
} from './fields.tsx';
import { type NewsroomContext, NewsroomLayout } from './layout.tsx';

/** A staff account as the admin list shows it. */
export interface StaffListItem {
  id: number;
  name: string;
  email: string;
  role: (typeof ROLES)[number];
  lang: Lang;
  disabled: boolean;
  totp: boolean;
}

type Errors = Partial<Record<'name' | 'email' | 'role' | 'lang' | 'password', string>>;

/** "Kunci masuk": accounts with recent failed logins, and a button that clears their limits. */
function LoginLocks({ ctx, locks }: { ctx: NewsroomContext; locks: LimitedAccount[] }) {
  const m = ctx.m.staff;
  return (
    <section class="card spaced" id="kunci-masuk">
      <h2>{m.locks}</h2>
      <p class="hint">{m.locksHint}</p>
      {locks.length === 0 ? (
        <p>{m.locksEmpty}</p>
      ) : (
        <ListTable headers={[m.name, m.step, m.failures, m.waiting, m.until, m.actions]}>
          {locks.map((l) => (
            <tr key={`${l.userId}-${l.step}`}>
              <td>{l.name}</td>
              <td>{l.step === 'password' ? m.stepPassword : m.step2fa}</td>
              <td>
                {l.failures} {l.underPressure && <span class="nr-badge">{m.pressure}</span>}
              </td>
              <td>{m.waitingCount(l.addressesWaiting, l.devicesWaiting)}</td>
              <td>{formatDateline(l.until, ctx.zone, ctx.lang)}</td>
              <td>
                <PostForm
                  ctx={ctx}
                  class="inline-form"
                  action={`/newsroom/staf/${l.userId}/buka-kunci`}
                >
                  <SubmitButton class="btn small secondary">{m.unlock}</SubmitButton>
                </PostForm>
              </td>
            </tr>
          ))}
        </ListTable>
      )}
    </section>
  );
}

/** Staff management: the list with per-row actions and the "add staff" form. */
export function StaffPage({
  ctx,
  staff,
  notice,
  error,
  errors = {},
  values = {},
  locks,
}: {
  ctx: NewsroomContext;
  staff: StaffListItem[];
  /** Limited accounts ("Kunci masuk"); undefined when the viewer may not clear them. */
  locks?: LimitedAccount[];
  notice?: string;
  error?: string;
  errors?: Errors;
  values?: Partial<Record<'name' | 'email' | 'role' | 'lang', string>>;
}) {
  const m = ctx.m.staff;
  const f = ctx.m.form;
  const roleOptions = ROLES.map((r) => ({ value: r, label: ctx.m.roles[r] }));
  const me = ctx.staff?.id;
  return (
    <NewsroomLayout ctx={ctx} title={m.title} wide>
      <h1>{m.title}</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      <ListTable headers={[m.name, m.email, m.role, m.status, m.twofa, m.actions]}>
        {staff.map((s) => (
          <tr key={s.id}>
            <td>
              {s.name} {s.id === me && <span class="hint">{m.you}</span>}
            </td>
            <td>{s.email}</td>
            <td>
              <PostForm ctx={ctx} class="inline-form" action={`/newsroom/staf/${s.id}/peran`}>
                <label class="sr-only" for={`role-${s.id}`}>
                  {m.changeRole}
                </label>
                <select id={`role-${s.id}`} name="role">
                  {roleOptions.map((o) => (
                    <option key={o.value} value={o.value} selected={o.value === s.role}>
                      {o.label}
                    </option>
                  ))}
                </select>
                <SubmitButton class="btn small secondary">{m.changeRole}</SubmitButton>
              </PostForm>
            </td>
            <td>{s.disabled ? m.disabled : m.active}</td>
            <td>{s.totp ? m.on : m.off}</td>
            <td>
              <PostForm ctx={ctx} class="inline-form" action={`/newsroom/staf/${s.id}/status`}>
                <input type="hidden" name="status" value={s.disabled ? 'enable' : 'disable'} />
                <SubmitButton class={`btn small ${s.disabled ? 'secondary' : 'danger'}`}>
                  {s.disabled ? m.enable : m.disable}
                </SubmitButton>
              </PostForm>
              {s.totp && (
                <PostForm ctx={ctx} class="inline-form" action={`/newsroom/staf/${s.id}/reset-2fa`}>
                  <SubmitButton class="btn small secondary">{m.reset2fa}</SubmitButton>
                </PostForm>
              )}
            </td>
          </tr>
        ))}
      </ListTable>
      {locks && <LoginLocks ctx={ctx} locks={locks} />}
      <section class="card spaced">
        <h2>{m.add}</h2>
        <p class="hint">{m.addHint}</p>
        <PostForm ctx={ctx} action="/newsroom/staf">
          <NameField ctx={ctx} value={values.name} error={errors.name} />
          <EmailField ctx={ctx} value={values.email} error={errors.email} />
          <SelectField
            name="role"
            label={f.role}
            options={roleOptions}
            value={values.role ?? 'kontributor'}
            error={errors.role}
          />
          <SelectField
            name="lang"
            label={f.language}
            options={[
              { value: 'id', label: f.langNames.id },
              { value: 'en', label: f.langNames.en },
            ]}
            value={values.lang ?? ctx.lang}
            error={errors.lang}
          />
          <NewPasswordField ctx={ctx} error={errors.password} required={false} />
          <SubmitButton>{m.create}</SubmitButton>
        </PostForm>
      </section>
    </NewsroomLayout>
  );
}

function Pager({
  prev,
  next,
  m,
}: {
  prev?: string;
  next?: string;
  m: { newer: string; older: string };
}) {
  if (!prev && !next) return null;
  return (
    <nav class="pager">
      {prev && <a href={prev}>{m.newer}</a>}
      {next && <a href={next}>{m.older}</a>}
    </nav>
  );
}

/** The audit log with an action filter and paging. */
export function AuditPage({
  ctx,
  items,
  actions,
  action,
  page,
  hasMore,
}: {
  ctx: NewsroomContext;
  items: AuditRow[];
  actions: string[];
  action?: string;
  page: number;
  hasMore: boolean;
}) {
  const m = ctx.m.audit;
  const url = (p: number) =>
    `/newsroom/audit?${new URLSearchParams({ ...(action ? { action } : {}), page: String(p) })}`;
  return (
    <NewsroomLayout ctx={ctx} title={m.title} wide>
      <h1>{m.title}</h1>
      <form class="filters" method="get" action="/newsroom/audit">
        <div>
          <label for="f-action">{m.action}</label>
          <select id="f-action" name="action">
            <option value="">{m.all}</option>
            {actions.map((a) => (
              <option key={a} value={a} selected={a === action}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <button class="btn secondary" type="submit">
          {m.filter}
        </button>
      </form>
      {items.length === 0 ? (
        <p>{m.empty}</p>
      ) : (
        <ListTable headers={[m.when, m.who, m.action, m.target, m.detail]}>
          {items.map((r) => (
            <tr key={r.id}>
              <td>{formatDateline(r.createdAt, ctx.zone, ctx.lang)}</td>
              <td>{r.actorName ?? (r.actorId === null ? m.system : `#${r.actorId}`)}</td>
              <td>
                <code>{r.action}</code>
              </td>
              <td>{r.target}</td>
              <td>{r.detail}</td>
            </tr>
          ))}
        </ListTable>
      )}
      <Pager
        prev={page > 1 ? url(page - 1) : undefined}
        next={hasMore ? url(page + 1) : undefined}
        m={m}
      />
    </NewsroomLayout>
  );
}

/** The outbox: every message, its state, attempts and last error; bodies on demand. */
export function OutboxPage({
  ctx,
  items,
  smtp,
  page,
  hasMore,
}: {
  ctx: NewsroomContext;
  items: OutboxRow[];
  smtp: boolean;
  page: number;
  hasMore: boolean;
}) {
  const m = ctx.m.outbox;
  const when = (ms: number) => formatDateline(ms, ctx.zone, ctx.lang);
  return (
    <NewsroomLayout ctx={ctx} title={m.title} wide>
      <h1>{m.title}</h1>
      <Notice kind={smtp ? 'ok' : 'warn'}>{smtp ? m.smtpOn : m.noSmtp}</Notice>
      {items.length === 0 ? (
        <p>{m.empty}</p>
      ) : (
        <ListTable headers={[m.created, m.to, m.subject, m.state]}>
          {items.map((r) => (
            <tr key={r.id}>
              <td>{when(r.createdAt)}</td>
              <td>{r.to}</td>
              <td>
                {r.subject}
                <details>
                  <summary>{m.show}</summary>
                  <pre class="mail">{r.text}</pre>
                </details>
              </td>
              <td>
                {r.sentAt ? `${m.sent} ${when(r.sentAt)}` : m.pending}
                {r.attempts > 0 && <div class="hint">{m.attempts(r.attempts)}</div>}
                {!r.sentAt && r.lastError && (
                  <div class="hint">
                    {m.lastError}: {r.lastError}
                    <br />
                    {m.nextTry}: {when(r.nextAttemptAt)}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </ListTable>
      )}
      <Pager
        prev={page > 1 ? `/newsroom/kotak-keluar?page=${page - 1}` : undefined}
        next={hasMore ? `/newsroom/kotak-keluar?page=${page + 1}` : undefined}
        m={ctx.m.audit}
      />
    </NewsroomLayout>
  );
}
