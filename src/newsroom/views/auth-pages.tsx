import type { ComponentChildren } from 'preact';
import { loadCommentAssets } from '../../comments/assets.ts';
import { newsroomLoginJs } from '../assets.ts';
import { CsrfField, type NewsroomContext, NewsroomLayout } from './layout.tsx';

/** A notice box; `kind` picks the colour, the role makes screen readers announce it. */
export function Notice({
  kind,
  children,
}: {
  kind: 'error' | 'ok' | 'warn';
  children: ComponentChildren;
}) {
  return (
    <p class={`notice ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}

/** One of the login form's two required inputs, its label above it; the name is also its id and type. */
function LoginInput({
  name,
  label,
  autocomplete,
  maxLength,
  value,
}: {
  name: 'email' | 'password';
  label: string;
  autocomplete: string;
  maxLength: number;
  value?: string;
}) {
  return (
    <>
      <label for={name}>{label}</label>
      <input
        id={name}
        name={name}
        type={name as 'text'}
        autocomplete={autocomplete}
        required
        maxLength={maxLength}
        value={value}
      />
    </>
  );
}

/**
 * A login form (password or code step) that carries a proof of work: the
 * comments' ALTCHA widget, started by login.js as the page loads; the server
 * asks for its solution only after failed attempts (decision 004).
 */
export function ProofForm({
  ctx,
  action,
  children,
  submit,
}: {
  ctx: NewsroomContext;
  action: string;
  children: ComponentChildren;
  /** The submit button, placed after the widget. */
  submit: ComponentChildren;
}) {
  const widget = loadCommentAssets();
  return (
    <form
      method="post"
      action={action}
      data-challenge="/newsroom/masuk/tantangan"
      data-widget={widget.widget.url}
      data-widget-css={widget.css.url}
      data-lang={ctx.lang}
    >
      <CsrfField ctx={ctx} />
      {children}
      <div class="proof" data-proof-slot />
      <noscript>
        <p class="hint">{ctx.m.login.noScript}</p>
      </noscript>
      {submit}
    </form>
  );
}

/** The scripts a page with a ProofForm loads. */
export const PROOF_SCRIPTS = [newsroomLoginJs.url];

/** The login form (email + password) with an error or notice above it. */
export function LoginPage({
  ctx,
  email,
  next,
  error,
  notice,
}: {
  ctx: NewsroomContext;
  email?: string;
  next?: string;
  error?: string;
  notice?: string;
}) {
  const m = ctx.m.login;
  return (
    <NewsroomLayout ctx={ctx} title={m.title} scripts={PROOF_SCRIPTS}>
      <div class="narrow">
        <div class="card">
          <h1>{m.title}</h1>
          {notice && <Notice kind="ok">{notice}</Notice>}
          {error && <Notice kind="error">{error}</Notice>}
          <ProofForm
            ctx={ctx}
            action="/newsroom/masuk"
            submit={
              <button class="btn" type="submit">
                {m.submit}
              </button>
            }
          >
            {next && <input type="hidden" name="next" value={next} />}
            <LoginInput
              name="email"
              label={m.email}
              autocomplete="username"
              maxLength={254}
              value={email ?? ''}
            />
            <LoginInput
              name="password"
              label={m.password}
              autocomplete="current-password"
              maxLength={200}
            />
          </ProofForm>
          <p class="links">
            <a href="/newsroom/lupa-sandi">{m.forgot}</a>
          </p>
        </div>
      </div>
    </NewsroomLayout>
  );
}

/** An error inside the newsroom, in the staff member's language. */
export function NewsroomErrorPage({
  ctx,
  status,
  message,
}: {
  ctx: NewsroomContext;
  status: number;
  message: string;
}) {
  const { m } = ctx;
  return (
    <NewsroomLayout ctx={ctx} title={m.error.title}>
      <div class="narrow card">
        <h1>{m.error.title}</h1>
        <Notice kind="error">{message}</Notice>
        <p class="hint">HTTP {status}</p>
        <p class="links">
          {ctx.staff ? (
            <a href="/newsroom">{m.error.back}</a>
          ) : (
            <a href="/newsroom/masuk">{m.error.login}</a>
          )}
        </p>
      </div>
    </NewsroomLayout>
  );
}
