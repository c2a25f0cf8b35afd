import type { ComponentChildren, VNode } from 'preact';
import type { EditableArticle } from '../../../content/editable.ts';
import type { WorkflowAction } from '../../../content/workflow.ts';
import { formatDateline } from '../../../lib/time.ts';
import { FieldNotes } from '../../views/fields.tsx';
import { CsrfField, type NewsroomContext, NewsroomLayout } from '../../views/layout.tsx';
import type { ArticleMessages } from '../messages.ts';
import { type FieldErrors, LIMITS } from '../validate.ts';
import { Actions } from './actions-view.tsx';
import { StatusBadge } from './list-views.tsx';

/** The article editor page: every field, the TipTap mount, actions, lock banner. */

/** The form's values as strings (from the stored article, or as last submitted). */
export interface FormValues {
  headline: string;
  deck: string;
  slug: string;
  sectionId: string;
  tags: string;
  bylines: string;
  bylineInitials: string;
  dateline: string;
  sourceCredit: string;
  featuredMediaId: string;
  featuredCaption: string;
  featuredCredit: string;
  featuredAlt: string;
  featuredArchive: boolean;
  pins: string;
  commentsOpen: boolean;
  seoTitle: string;
  seoDescription: string;
  body: string;
}

/** The stored article as form values. */
export function valuesOf(a: EditableArticle): FormValues {
  const e = a.edit;
  return {
    headline: e.headline,
    deck: e.deck,
    slug: e.slug,
    sectionId: String(e.sectionId),
    tags: e.tags.join(', '),
    bylines: e.bylines.join(', '),
    bylineInitials: e.bylineInitials,
    dateline: e.dateline,
    sourceCredit: e.sourceCredit,
    featuredMediaId: e.featured.mediaId == null ? '' : String(e.featured.mediaId),
    featuredCaption: e.featured.caption,
    featuredCredit: e.featured.credit,
    featuredAlt: e.featured.alt,
    featuredArchive: e.featured.archive,
    pins: e.pins.join(','),
    commentsOpen: e.commentsOpen,
    seoTitle: e.seoTitle,
    seoDescription: e.seoDescription,
    body: JSON.stringify(e.body),
  };
}

export interface EditPageProps {
  article: EditableArticle;
  values: FormValues;
  errors: FieldErrors;
  sections: { id: number; name: string }[];
  canEdit: boolean;
  actions: WorkflowAction[];
  heldBy: { name: string; since: number } | null;
  pins: { id: number; headline: string }[];
  featured: { thumbUrl: string; previewUrl: string } | null;
  liveUrl: string | null;
  notice: { kind: 'ok' | 'error'; text: string } | null;
  scheduleValue: string;
  /** The home lead form ("Berita utama"), for editors who may set it. */
  lead?: { may: boolean; is: boolean };
  /** JSON for the editor script (already safe to embed). */
  editorData: string;
  editorScript: string;
  /** The wire desk's banner when the agency updated the story this draft was taken from. */
  wireBanner?: VNode | null;
}

/** Escapes JSON for a `<script type="application/json">` element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ComponentChildren;
}) {
  return (
    <div class={error ? 'nr-field has-error' : 'nr-field'}>
      <label for={id}>{label}</label>
      {children}
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

/** A checkbox with its label wrapped around it. */
function Checkbox({
  name,
  label,
  checked,
  disabled,
}: {
  name: keyof FormValues;
  label: string;
  checked: boolean;
  disabled: boolean;
}) {
  return (
    <label class="nr-check">
      <input type="checkbox" name={name} value="1" checked={checked} disabled={disabled} /> {label}
    </label>
  );
}

function TextInput(props: {
  id: string;
  name: keyof FormValues;
  label: string;
  values: FormValues;
  errors: FieldErrors;
  max: number;
  hint?: string;
  disabled: boolean;
  big?: boolean;
  list?: string;
}) {
  const error = props.errors[props.name];
  return (
    <Field id={props.id} label={props.label} error={error} hint={props.hint}>
      <input
        id={props.id}
        type="text"
        name={props.name}
        value={String(props.values[props.name])}
        maxLength={props.max}
        disabled={props.disabled}
        class={props.big ? 'nr-big' : undefined}
        list={props.list}
        autocomplete="off"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${props.id}-err` : props.hint ? `${props.id}-hint` : undefined}
      />
    </Field>
  );
}

/** `/newsroom/artikel/:id`: the editor. */
export function EditPage({
  ctx,
  m,
  p,
}: {
  ctx: NewsroomContext;
  m: ArticleMessages;
  p: EditPageProps;
}) {
  const { article: a, values: v, errors } = p;
  const disabled = !p.canEdit;
  const t = (
    id: string,
    name: keyof FormValues,
    label: string,
    max: number,
    extra: { hint?: string; big?: boolean; list?: string } = {},
  ) => (
    <TextInput
      id={id}
      name={name}
      label={label}
      values={v}
      errors={errors}
      max={max}
      disabled={disabled}
      {...extra}
    />
  );
  return (
    <NewsroomLayout ctx={ctx} title={v.headline || m.edit.title} wide>
      <div class="nr-heading">
        <h1>{m.edit.title}</h1>
        <p class="nr-meta">
          <StatusBadge m={m} status={a.status} />{' '}
          <span id="nr-version">{m.edit.version(a.version)}</span>
          {' · '}
          <a href={`/newsroom/artikel/${a.id}/pratinjau`}>{m.edit.preview}</a>
          {' · '}
          <a href={`/newsroom/artikel/${a.id}/riwayat`}>{m.edit.history}</a>
          {p.liveUrl && (
            <>
              {' · '}
              <a href={p.liveUrl}>{m.edit.viewLive}</a>
            </>
          )}
        </p>
      </div>
      {p.notice && (
        <p class={`notice ${p.notice.kind}`} role={p.notice.kind === 'error' ? 'alert' : 'status'}>
          {p.notice.text}
        </p>
      )}
      {p.heldBy && (
        <div class="notice warn nr-lock" role="alert">
          <p>{m.lock.heldBy(p.heldBy.name, formatDateline(p.heldBy.since, ctx.zone, ctx.lang))}</p>
          <form method="post" action={`/newsroom/artikel/${a.id}/ambil-alih`}>
            <CsrfField ctx={ctx} />
            <button class="btn small" type="submit">
              {m.lock.takeOver}
            </button>{' '}
            <span class="hint">{m.lock.takeOverHint}</span>
          </form>
        </div>
      )}
      {a.editorNote && (
        <div class="notice warn" role="note">
          <strong>{m.edit.editorNote}:</strong> {a.editorNote}
        </div>
      )}
      {p.wireBanner}
      {!p.canEdit && !p.heldBy && <p class="notice warn">{m.edit.readOnly}</p>}
      <div id="nr-banner" class="nr-banner" role="status" aria-live="polite" />
      <div class="nr-edit">
        <form
          id="article-form"
          class="nr-edit-main card"
          method="post"
          action={`/newsroom/artikel/${a.id}`}
        >
          <CsrfField ctx={ctx} />
          <input type="hidden" name="version" value={String(a.version)} />
          <input type="hidden" name="body" value={v.body} />
          {t('e-headline', 'headline', m.edit.headline, LIMITS.headline, { big: true })}
          <Field id="e-deck" label={m.edit.deck} error={errors.deck}>
            <textarea id="e-deck" name="deck" rows={2} maxLength={LIMITS.deck} disabled={disabled}>
              {v.deck}
            </textarea>
          </Field>
          <div class="nr-field">
            <span class="nr-label" id="e-body-label">
              {m.edit.body}
            </span>
            <div id="nr-editor" class="nr-editor" />
            <noscript>
              <p class="notice warn">{m.edit.noscript}</p>
            </noscript>
            {errors.body && <p class="field-error">{errors.body}</p>}
          </div>
          <div class="nr-grid">
            {t('e-dateline', 'dateline', m.edit.dateline, LIMITS.dateline)}
            {t('e-initials', 'bylineInitials', m.edit.initials, LIMITS.bylineInitials, {
              hint: m.edit.initialsHint,
            })}
            {t('e-bylines', 'bylines', m.edit.bylines, 1000, {
              hint: m.edit.bylinesHint,
              list: 'dl-bylines',
            })}
            {t('e-source', 'sourceCredit', m.edit.source, LIMITS.sourceCredit)}
            <Field id="e-section" label={m.edit.section} error={errors.sectionId}>
              <select id="e-section" name="sectionId" disabled={disabled}>
                {p.sections.map((s) => (
                  <option key={s.id} value={String(s.id)} selected={v.sectionId === String(s.id)}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Field>
            {t('e-tags', 'tags', m.edit.tags, 2000, { hint: m.edit.tagsHint, list: 'dl-tags' })}
            {t('e-slug', 'slug', m.edit.slug, LIMITS.slug, { hint: m.edit.slugHint })}
          </div>
          <datalist id="dl-tags" />
          <datalist id="dl-bylines" />
          <fieldset class="nr-featured">
            <legend>{m.edit.featured}</legend>
            <input type="hidden" name="featuredMediaId" value={v.featuredMediaId} />
            <div class="nr-featured-preview" id="nr-featured-preview">
              {p.featured ? (
                <img src={p.featured.previewUrl} alt="" width={320} />
              ) : (
                <p class="hint">{m.edit.featuredNone}</p>
              )}
            </div>
            {!disabled && (
              <p>
                <button type="button" class="btn small secondary" id="nr-featured-choose">
                  {m.edit.featuredChoose}
                </button>{' '}
                <button type="button" class="btn small secondary" id="nr-featured-remove">
                  {m.edit.featuredRemove}
                </button>
              </p>
            )}
            {errors.featuredMediaId && <p class="field-error">{errors.featuredMediaId}</p>}
            {t('e-caption', 'featuredCaption', m.edit.caption, LIMITS.caption)}
            {t('e-credit', 'featuredCredit', m.edit.credit, LIMITS.credit)}
            {t('e-alt', 'featuredAlt', m.edit.alt, LIMITS.alt)}
            <Checkbox
              name="featuredArchive"
              label={m.edit.archive}
              checked={v.featuredArchive}
              disabled={disabled}
            />
          </fieldset>
          <fieldset class="nr-pins">
            <legend>{m.edit.pins}</legend>
            <input type="hidden" name="pins" value={v.pins} />
            <ul id="nr-pins-list" class="nr-results">
              {p.pins.map((pin) => (
                <li key={pin.id} data-id={String(pin.id)}>
                  {pin.headline}
                </li>
              ))}
            </ul>
            {!disabled && (
              <>
                <label for="nr-pins-search">{m.edit.pinsSearch}</label>
                <input id="nr-pins-search" type="search" autocomplete="off" />
                <ul id="nr-pins-results" class="nr-results" />
              </>
            )}
            <p class="hint">{m.edit.pinsHint}</p>
            {errors.pins && <p class="field-error">{errors.pins}</p>}
          </fieldset>
          <fieldset>
            <legend>SEO</legend>
            {t('e-seo-title', 'seoTitle', m.edit.seoTitle, LIMITS.seoTitle)}
            <Field id="e-seo-desc" label={m.edit.seoDescription} error={errors.seoDescription}>
              <textarea
                id="e-seo-desc"
                name="seoDescription"
                rows={2}
                maxLength={LIMITS.seoDescription}
                disabled={disabled}
              >
                {v.seoDescription}
              </textarea>
            </Field>
            <Checkbox
              name="commentsOpen"
              label={m.edit.comments}
              checked={v.commentsOpen}
              disabled={disabled}
            />
          </fieldset>
        </form>
        <aside class="nr-edit-side">
          {p.canEdit && (
            <div class="card nr-save">
              <button class="btn" type="submit" form="article-form" id="nr-save">
                {m.edit.save}
              </button>
              <p id="nr-save-status" class="hint" aria-live="polite" />
            </div>
          )}
          <Actions ctx={ctx} m={m} p={p} />
        </aside>
      </div>
      <script
        type="application/json"
        id="nr-editor-data"
        dangerouslySetInnerHTML={{ __html: p.editorData }}
      />
      <script src={p.editorScript} defer />
    </NewsroomLayout>
  );
}
