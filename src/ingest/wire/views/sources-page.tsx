import type { WireFormat } from '../../../db/schema.ts';
import { formatDateline } from '../../../lib/time.ts';
import {
  CsrfField,
  type NewsroomContext,
  NewsroomLayout,
} from '../../../newsroom/views/layout.tsx';
import { wireText } from '../messages.ts';
import { rulesToForm } from '../rules.ts';
import type { SourceStatus } from '../store.ts';
import type { WireProblem } from '../wire-item.ts';

export interface SourceFormValues {
  name: string;
  format: WireFormat;
  url: string;
  folder: string;
  credit: string;
  photoCredit: string;
  sectionId: string;
  intervalS: string;
  authKind: 'none' | 'basic' | 'token';
  authUser: string;
  tokenHeader: string;
  replace: string;
  strip: string;
  enabled: boolean;
}

export type SourceFieldErrors = Partial<
  Record<'name' | 'where' | 'folder' | 'interval' | 'tokenHeader', string>
>;

/** The form values for a stored source (never its secret). */
export function valuesOfSource(s: SourceStatus): SourceFormValues {
  const rules = rulesToForm(s.rules);
  return {
    name: s.source.name,
    format: s.source.format,
    url: s.source.url,
    folder: s.source.folder,
    credit: s.source.credit,
    photoCredit: s.source.photo_credit,
    sectionId: s.source.section_id === null ? '' : String(s.source.section_id),
    intervalS: String(s.source.interval_s),
    authKind: s.source.auth_kind,
    authUser: s.source.auth_user,
    tokenHeader: s.source.token_header,
    replace: rules.replace,
    strip: rules.strip,
    enabled: s.source.enabled === 1,
  };
}

export const EMPTY_SOURCE: SourceFormValues = {
  name: '',
  format: 'auto',
  url: '',
  folder: '',
  credit: '',
  photoCredit: '',
  sectionId: '',
  intervalS: '300',
  authKind: 'none',
  authUser: '',
  tokenHeader: '',
  replace: '',
  strip: 'Baca juga\n(ant)',
  enabled: true,
};

function Field(p: {
  id: string;
  label: string;
  error?: string;
  children: preact.ComponentChildren;
}) {
  return (
    <p class="field">
      <label for={p.id}>{p.label}</label>
      {p.children}
      {p.error && (
        <span class="field-error" id={`${p.id}-error`}>
          {p.error}
        </span>
      )}
    </p>
  );
}

/** The add/edit form of a source. */
function SourceForm(p: {
  ctx: NewsroomContext;
  action: string;
  values: SourceFormValues;
  errors: SourceFieldErrors;
  sections: { id: number; name: string }[];
}) {
  const m = wireText(p.ctx.lang).sources;
  const v = p.values;
  const e = p.errors;
  const formats: [WireFormat, string][] = [
    ['auto', m.formatAuto],
    ['rss', 'RSS 2.0'],
    ['atom', 'Atom'],
    ['jsonfeed', 'JSON Feed'],
    ['ninjs', 'IPTC ninjs'],
    ['newsml', 'NewsML-G2'],
  ];
  return (
    <form method="post" action={p.action} class="card">
      <CsrfField ctx={p.ctx} />
      <Field id="ws-name" label={m.name} error={e.name}>
        <input id="ws-name" name="name" value={v.name} required maxLength={100} />
      </Field>
      <Field id="ws-format" label={m.format}>
        <select id="ws-format" name="format">
          {formats.map(([f, label]) => (
            <option key={f} value={f} selected={v.format === f}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="ws-url" label={m.url} error={e.where}>
        <input id="ws-url" name="url" type="url" value={v.url} maxLength={2000} />
      </Field>
      <Field id="ws-folder" label={m.folder} error={e.folder}>
        <input id="ws-folder" name="folder" value={v.folder} maxLength={500} />
      </Field>
      <Field id="ws-credit" label={m.credit}>
        <input id="ws-credit" name="credit" value={v.credit} maxLength={100} />
      </Field>
      <Field id="ws-photo-credit" label={m.photoCredit}>
        <input id="ws-photo-credit" name="photoCredit" value={v.photoCredit} maxLength={100} />
      </Field>
      <Field id="ws-section" label={m.section}>
        <select id="ws-section" name="sectionId">
          <option value="">{m.noSection}</option>
          {p.sections.map((s) => (
            <option key={s.id} value={s.id} selected={v.sectionId === String(s.id)}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="ws-interval" label={m.interval} error={e.interval}>
        <input id="ws-interval" name="intervalS" inputMode="numeric" value={v.intervalS} />
      </Field>
      <Field id="ws-auth" label={m.auth}>
        <select id="ws-auth" name="authKind">
          <option value="none" selected={v.authKind === 'none'}>
            {m.authNone}
          </option>
          <option value="basic" selected={v.authKind === 'basic'}>
            {m.authBasic}
          </option>
          <option value="token" selected={v.authKind === 'token'}>
            {m.authToken}
          </option>
        </select>
      </Field>
      <Field id="ws-user" label={m.authUser}>
        <input id="ws-user" name="authUser" value={v.authUser} maxLength={200} autoComplete="off" />
      </Field>
      <Field id="ws-secret" label={m.authSecret}>
        <input
          id="ws-secret"
          name="authSecret"
          type="password"
          value=""
          maxLength={500}
          autoComplete="new-password"
        />
      </Field>
      <Field id="ws-header" label={m.tokenHeader} error={e.tokenHeader}>
        <input id="ws-header" name="tokenHeader" value={v.tokenHeader} maxLength={100} />
      </Field>
      <Field id="ws-replace" label={m.replace}>
        <textarea id="ws-replace" name="replace" rows={3}>
          {v.replace}
        </textarea>
      </Field>
      <Field id="ws-strip" label={m.strip}>
        <textarea id="ws-strip" name="strip" rows={3}>
          {v.strip}
        </textarea>
      </Field>
      <p class="field">
        <label>
          <input type="checkbox" name="enabled" value="1" checked={v.enabled} /> {m.enabled}
        </label>
      </p>
      <button class="btn" type="submit">
        {m.save}
      </button>
    </form>
  );
}

/** A page's notice (an error is announced as an alert). */
function Notice({ notice }: { notice?: { kind: 'ok' | 'error'; text: string } }) {
  if (!notice) return null;
  return (
    <p class={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.text}
    </p>
  );
}

function Report({ ctx, report }: { ctx: NewsroomContext; report: WireProblem[] }) {
  const t = wireText(ctx.lang);
  if (report.length === 0) return <p class="hint">{t.sources.reportEmpty}</p>;
  return (
    <ul class="wire-report">
      {report.map((r, i) => (
        <li key={i}>
          {t.problem[r.code] ?? r.code}
          {r.guid ? ` (${r.guid})` : ''}
          {r.detail ? `: ${r.detail}` : ''}
        </li>
      ))}
    </ul>
  );
}

function lastError(s: SourceStatus): WireProblem | null {
  if (!s.source.last_error) return null;
  try {
    return JSON.parse(s.source.last_error) as WireProblem;
  } catch {
    return null;
  }
}

/** One source's status block: last success and error, items in 24 h, the report, "poll now". */
function Status({ ctx, s }: { ctx: NewsroomContext; s: SourceStatus }) {
  const t = wireText(ctx.lang);
  const m = t.sources;
  const when = (ms: number | null) =>
    ms === null ? m.never : formatDateline(Number(ms), ctx.zone, ctx.lang);
  const err = lastError(s);
  return (
    <div class="wire-status">
      <dl>
        <dt>{m.lastSuccess}</dt>
        <dd>{when(s.source.last_success_at)}</dd>
        <dt>{m.lastError}</dt>
        <dd>
          {err
            ? `${when(s.source.last_error_at)}: ${t.problem[err.code] ?? err.code}${err.detail ? ` (${err.detail})` : ''}`
            : m.never}
        </dd>
        <dt>{m.items24h}</dt>
        <dd>{s.itemsLast24h}</dd>
        <dt>{m.nextPoll}</dt>
        <dd>{when(s.source.next_poll_at)}</dd>
      </dl>
      {s.source.failures > 0 && <p class="notice warn">{m.failures(s.source.failures)}</p>}
      <h3>{m.report}</h3>
      <Report ctx={ctx} report={s.report} />
      <form method="post" action={`/newsroom/kawat/sumber/${s.source.id}/periksa`}>
        <CsrfField ctx={ctx} />
        <button class="btn small" type="submit">
          {m.pollNow}
        </button>
      </form>
    </div>
  );
}

/** Every source with its status, and the form to add one. */
export function SourcesPage(p: {
  ctx: NewsroomContext;
  sources: SourceStatus[];
  sections: { id: number; name: string }[];
  values: SourceFormValues;
  errors: SourceFieldErrors;
  notice?: { kind: 'ok' | 'error'; text: string };
}) {
  const m = wireText(p.ctx.lang).sources;
  return (
    <NewsroomLayout ctx={p.ctx} title={m.title}>
      <h1 class="nr-heading">{m.title}</h1>
      <Notice notice={p.notice} />
      {p.sources.length === 0 && <p>{m.none}</p>}
      {p.sources.map((s) => (
        <section key={s.source.id} class="card">
          <h2>
            <a href={`/newsroom/kawat/sumber/${s.source.id}`}>{s.source.name}</a>
          </h2>
          <Status ctx={p.ctx} s={s} />
        </section>
      ))}
      <h2>{m.add}</h2>
      <SourceForm
        ctx={p.ctx}
        action="/newsroom/kawat/sumber"
        values={p.values}
        errors={p.errors}
        sections={p.sections}
      />
    </NewsroomLayout>
  );
}

/** One source: its status and the edit form. */
export function SourcePage(p: {
  ctx: NewsroomContext;
  source: SourceStatus;
  sections: { id: number; name: string }[];
  values: SourceFormValues;
  errors: SourceFieldErrors;
  notice?: { kind: 'ok' | 'error'; text: string };
}) {
  const m = wireText(p.ctx.lang).sources;
  return (
    <NewsroomLayout ctx={p.ctx} title={p.source.source.name}>
      <h1 class="nr-heading">{p.source.source.name}</h1>
      <p>
        <a href="/newsroom/kawat/sumber">{m.title}</a>
      </p>
      <Notice notice={p.notice} />
      <section class="card">
        <Status ctx={p.ctx} s={p.source} />
      </section>
      <h2>{m.edit}</h2>
      <SourceForm
        ctx={p.ctx}
        action={`/newsroom/kawat/sumber/${p.source.source.id}`}
        values={p.values}
        errors={p.errors}
        sections={p.sections}
      />
    </NewsroomLayout>
  );
}
