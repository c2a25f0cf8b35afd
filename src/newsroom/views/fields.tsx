import { type ComponentChildren, cloneElement, isValidElement, toChildArray } from 'preact';
import { CsrfField, type NewsroomContext } from './layout.tsx';

/** A labelled input with its error (linked for screen readers) and an optional hint. */
export function Field({
  name,
  label,
  type = 'text',
  value,
  error,
  hint,
  maxLength,
  autocomplete,
  required = true,
  inputmode,
}: {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  value?: string;
  error?: string;
  hint?: string;
  maxLength?: number;
  autocomplete?: string;
  required?: boolean;
  inputmode?: 'numeric' | 'text';
}) {
  const id = `f-${name}`;
  const described = [error ? `${id}-err` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type as 'text'}
        value={value}
        required={required}
        maxLength={maxLength}
        autocomplete={autocomplete}
        inputMode={inputmode}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

/** The hint and error under a field, with the ids its `aria-describedby` points at. */
export function FieldNotes({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-err`}>
          {error}
        </p>
      )}
    </>
  );
}

/** The staff member's name (setup, adding staff). */
export function NameField({
  ctx,
  value,
  error,
}: {
  ctx: NewsroomContext;
  value?: string;
  error?: string;
}) {
  return <Field name="name" label={ctx.m.form.name} value={value} error={error} maxLength={100} />;
}

/** An email address field. */
export function EmailField({
  ctx,
  value,
  error,
  autocomplete,
}: {
  ctx: NewsroomContext;
  value?: string;
  error?: string;
  autocomplete?: string;
}) {
  return (
    <Field
      name="email"
      type="email"
      label={ctx.m.form.email}
      value={value}
      error={error}
      maxLength={254}
      autocomplete={autocomplete}
    />
  );
}

/** A new password with the password rules as its hint. */
export function NewPasswordField({
  ctx,
  error,
  required,
}: {
  ctx: NewsroomContext;
  error?: string;
  required?: boolean;
}) {
  return (
    <Field
      name="password"
      type="password"
      label={ctx.m.form.password}
      hint={ctx.m.form.passwordHint}
      error={error}
      required={required}
      maxLength={200}
      autocomplete="new-password"
    />
  );
}

/** A POST form carrying the CSRF token. */
export function PostForm({
  ctx,
  action,
  class: className,
  children,
}: {
  ctx: Pick<NewsroomContext, 'csrf'>;
  action: string;
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <form class={className} method="post" action={action}>
      <CsrfField ctx={ctx} />
      {children}
    </form>
  );
}

/** A form's submit button; `class` picks the style (plain `btn` unless told). */
export function SubmitButton({
  class: className = 'btn',
  children,
}: {
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <button class={className} type="submit">
      {children}
    </button>
  );
}

/**
 * Gives each cell of the rows written directly inside a `ListTable` its
 * column's header as `data-label`, which a phone shows when the table
 * becomes stacked cards (rows rendered by a component keep their own cells).
 */
function withCellLabels(rows: ComponentChildren, headers: string[]): ComponentChildren {
  return toChildArray(rows).map((row) => {
    if (!isValidElement(row) || row.type !== 'tr') return row;
    const props = row.props as { children?: ComponentChildren };
    const cells = toChildArray(props.children).map((cell, i) =>
      isValidElement(cell) && cell.type === 'td' && headers[i]
        ? cloneElement(cell, { 'data-label': headers[i] })
        : cell,
    );
    return cloneElement(row, {}, cells);
  });
}

/** A `list` table with a column-header row. */
export function ListTable({
  headers,
  children,
}: {
  headers: string[];
  children: ComponentChildren;
}) {
  return (
    <table class="list">
      <thead>
        <tr>
          {headers.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{withCellLabels(children, headers)}</tbody>
    </table>
  );
}

/** A labelled select. */
export function SelectField({
  name,
  label,
  options,
  value,
  error,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string;
  error?: string;
}) {
  const id = `f-${name}`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={name} aria-invalid={error ? 'true' : undefined}>
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && <p class="field-error">{error}</p>}
    </div>
  );
}
