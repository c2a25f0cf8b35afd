import { Notice, PROOF_SCRIPTS, ProofForm } from './auth-pages.tsx';
import {
  EmailField,
  Field,
  NameField,
  NewPasswordField,
  PostForm,
  SubmitButton,
} from './fields.tsx';
import { type NewsroomContext, NewsroomLayout } from './layout.tsx';

type Errors = Partial<Record<string, string>>;

/** The staff member's own account: 2FA status and "log out everywhere". */
export function AccountPage({
  ctx,
  twofaOn,
  recoveryLeft,
  notice,
}: {
  ctx: NewsroomContext;
  twofaOn: boolean;
  recoveryLeft: number;
  notice?: string;
}) {
  const m = ctx.m.account;
  return (
    <NewsroomLayout ctx={ctx} title={m.title}>
      <h1>{m.title}</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      <section class="card">
        <h2>{m.twofa}</h2>
        <p>
          {twofaOn ? m.twofaOn : m.twofaOff} {twofaOn && m.recoveryLeft(recoveryLeft)}
        </p>
        <a class="btn secondary" href="/newsroom/akun/dua-langkah">
          {m.manage2fa}
        </a>
      </section>
      <section class="card spaced">
        <h2>{m.sessions}</h2>
        <p class="hint">{m.sessionsHint}</p>
        <PostForm ctx={ctx} action="/newsroom/keluar-semua">
          <SubmitButton class="btn danger">{m.logoutEverywhere}</SubmitButton>
        </PostForm>
      </section>
    </NewsroomLayout>
  );
}

/** Enrolment: the secret as text and as an otpauth:// URI, and the confirmation code form. */
export function TwoFactorEnrolPage({
  ctx,
  secret,
  uri,
  required,
  error,
}: {
  ctx: NewsroomContext;
  secret: string;
  uri: string;
  required: boolean;
  error?: string;
}) {
  const m = ctx.m.twofa;
  const grouped = secret.replace(/(.{4})/g, '$1 ').trim();
  return (
    <NewsroomLayout ctx={ctx} title={m.title}>
      <h1>{m.title}</h1>
      {required && <Notice kind="warn">{m.required}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      <div class="card">
        <p>{m.intro}</p>
        <p>
          <strong>{m.secret}:</strong>
          <br />
          <code class="secret" data-secret={secret}>
            {grouped}
          </code>
        </p>
        <p>
          <strong>{m.uri}:</strong>
          <br />
          <code class="uri">{uri}</code>
        </p>
        <PostForm ctx={ctx} action="/newsroom/akun/dua-langkah">
          <Field
            name="code"
            label={m.code}
            inputmode="numeric"
            autocomplete="one-time-code"
            maxLength={10}
          />
          <SubmitButton>{m.confirm}</SubmitButton>
        </PostForm>
      </div>
    </NewsroomLayout>
  );
}

/** 2FA is on: recovery codes (right after enrolment) and the form to turn it off. */
export function TwoFactorOnPage({
  ctx,
  codes,
  canDisable,
  error,
  notice,
}: {
  ctx: NewsroomContext;
  codes?: string[];
  canDisable: boolean;
  error?: string;
  notice?: string;
}) {
  const m = ctx.m.twofa;
  return (
    <NewsroomLayout ctx={ctx} title={m.title}>
      <h1>{m.title}</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      {codes && (
        <section class="card">
          <h2>{m.recoveryTitle}</h2>
          <p>{m.recoveryHint}</p>
          <ul class="recovery">
            {codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <a class="btn" href="/newsroom">
            {m.continue}
          </a>
        </section>
      )}
      {!codes && <p>{m.enabled}</p>}
      {!codes && canDisable && (
        <section class="card">
          <h2>{m.disable}</h2>
          <PostForm ctx={ctx} action="/newsroom/akun/dua-langkah/matikan">
            <Field
              name="password"
              type="password"
              label={ctx.m.form.password}
              hint={m.disableHint}
              autocomplete="current-password"
              maxLength={200}
            />
            <SubmitButton class="btn danger">{m.disable}</SubmitButton>
          </PostForm>
        </section>
      )}
      {!codes && !canDisable && <p class="hint">{m.cannotDisable}</p>}
    </NewsroomLayout>
  );
}

/** The second step of login: the TOTP or recovery code. */
export function TwoFactorLoginPage({
  ctx,
  next,
  error,
}: {
  ctx: NewsroomContext;
  next?: string;
  error?: string;
}) {
  const m = ctx.m.twofa;
  return (
    <NewsroomLayout ctx={ctx} title={m.loginTitle} scripts={PROOF_SCRIPTS}>
      <div class="narrow card">
        <h1>{m.loginTitle}</h1>
        {error && <Notice kind="error">{error}</Notice>}
        <p>{m.loginHint}</p>
        <ProofForm
          ctx={ctx}
          action="/newsroom/masuk/kode"
          submit={<SubmitButton>{m.verify}</SubmitButton>}
        >
          {next && <input type="hidden" name="next" value={next} />}
          <Field name="code" label={m.loginCode} autocomplete="one-time-code" maxLength={20} />
        </ProofForm>
      </div>
    </NewsroomLayout>
  );
}

/** "Forgot password": asks for the email; answers the same whether it exists or not. */
export function ForgotPage({
  ctx,
  sent,
  error,
  email,
}: {
  ctx: NewsroomContext;
  sent?: boolean;
  error?: string;
  email?: string;
}) {
  const m = ctx.m.reset;
  return (
    <NewsroomLayout ctx={ctx} title={m.forgotTitle}>
      <div class="narrow card">
        <h1>{m.forgotTitle}</h1>
        {sent && <Notice kind="ok">{m.sent}</Notice>}
        {!sent && (
          <PostForm ctx={ctx} action="/newsroom/lupa-sandi">
            <p>{m.forgotHint}</p>
            <EmailField ctx={ctx} value={email} error={error} autocomplete="username" />
            <SubmitButton>{m.send}</SubmitButton>
          </PostForm>
        )}
        <p class="links">
          <a href="/newsroom/masuk">{m.backToLogin}</a>
        </p>
      </div>
    </NewsroomLayout>
  );
}

/** The new-password form opened from a reset or invitation link. */
export function ResetPage({
  ctx,
  token,
  invalid,
  errors = {},
}: {
  ctx: NewsroomContext;
  token: string;
  invalid?: boolean;
  errors?: Errors;
}) {
  const m = ctx.m.reset;
  const f = ctx.m.form;
  return (
    <NewsroomLayout ctx={ctx} title={m.title}>
      <div class="narrow card">
        <h1>{m.title}</h1>
        {invalid ? (
          <>
            <Notice kind="error">{m.invalid}</Notice>
            <p class="links">
              <a href="/newsroom/lupa-sandi">{m.again}</a>
            </p>
          </>
        ) : (
          <PostForm ctx={ctx} action="/newsroom/atur-ulang">
            <input type="hidden" name="token" value={token} />
            <NewPasswordField ctx={ctx} error={errors.password} />
            <Field
              name="password2"
              type="password"
              label={f.passwordAgain}
              error={errors.password2}
              autocomplete="new-password"
              maxLength={200}
            />
            <SubmitButton>{m.submit}</SubmitButton>
          </PostForm>
        )}
      </div>
    </NewsroomLayout>
  );
}

/** The one-time setup page for the first admin. */
export function SetupPage({
  ctx,
  values = {},
  errors = {},
}: {
  ctx: NewsroomContext;
  values?: Partial<Record<'token' | 'email' | 'name', string>>;
  errors?: Errors;
}) {
  const m = ctx.m.setup;
  const f = ctx.m.form;
  return (
    <NewsroomLayout ctx={ctx} title={m.title}>
      <div class="narrow card">
        <h1>{m.title}</h1>
        <p>{m.intro}</p>
        {Object.keys(errors).length > 0 && <Notice kind="error">{f.fixBelow}</Notice>}
        <PostForm ctx={ctx} action="/newsroom/siapkan">
          <Field
            name="token"
            label={m.token}
            value={values.token}
            error={errors.token}
            maxLength={100}
          />
          <NameField ctx={ctx} value={values.name} error={errors.name} />
          <EmailField ctx={ctx} value={values.email} error={errors.email} autocomplete="username" />
          <NewPasswordField ctx={ctx} error={errors.password} />
          <SubmitButton>{m.submit}</SubmitButton>
        </PostForm>
      </div>
    </NewsroomLayout>
  );
}
