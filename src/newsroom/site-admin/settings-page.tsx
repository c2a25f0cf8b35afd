import { Notice } from '../views/auth-pages.tsx';
import { Field, FieldNotes, PostForm, SelectField, SubmitButton } from '../views/fields.tsx';
import { CsrfField, type NewsroomContext, NewsroomLayout } from '../views/layout.tsx';
import type { SiteImage } from './live-settings.ts';
import { siteAdminMessages } from './messages.ts';
import {
  LINK_TITLE_MAX,
  MAX_LINKS,
  NAME_MAX,
  type SiteSettings,
  SOCIAL_LABELS,
  SOCIAL_NETWORKS,
  TAGLINE_MAX,
  URL_MAX,
} from './settings.ts';

/**
 * The site settings screen: identity, time zone, language, social accounts
 * and legal pages in one form, and the logo and icon upload forms.
 */

export const SETTINGS_URL = '/newsroom/situs';

/** The settings form's typed values (kept when it comes back with an error). */
export interface SettingsFormValues {
  siteName: string;
  siteTagline: string;
  timeZone: string;
  language: string;
  social: Partial<Record<string, string>>;
  legal: { title: string; url: string }[];
}

export function settingsFormValues(s: SiteSettings): SettingsFormValues {
  return {
    siteName: s.siteName,
    siteTagline: s.siteTagline,
    timeZone: s.timeZone,
    language: s.language,
    social: Object.fromEntries(s.social.map((a) => [a.network, a.url])),
    legal: s.legalPages,
  };
}

function ImageForm({
  ctx,
  which,
  label,
  image,
  error,
}: {
  ctx: NewsroomContext;
  which: 'logo' | 'icon';
  label: string;
  image: SiteImage | null;
  error?: string;
}) {
  const m = siteAdminMessages.t(ctx.lang).settings;
  const id = `img-${which}`;
  return (
    <div class="sa-image" id={`gambar-${which}`}>
      <h3>{label}</h3>
      <p>
        {m.current}{' '}
        {image ? (
          <img src={image.url} alt={label} class={`sa-preview sa-preview-${which}`} />
        ) : (
          m.none
        )}
      </p>
      <form method="post" action={`${SETTINGS_URL}/gambar`} encType="multipart/form-data">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="which" value={which} />
        <div class="field">
          <label for={id}>{m.file}</label>
          <input
            id={id}
            type="file"
            name="file"
            accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
            required
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${id}-err` : undefined}
          />
          <FieldNotes id={id} error={error} />
        </div>
        <SubmitButton class="btn small">{m.upload}</SubmitButton>
      </form>
      {image && (
        <PostForm ctx={ctx} class="inline-form" action={`${SETTINGS_URL}/gambar/hapus`}>
          <input type="hidden" name="which" value={which} />
          <SubmitButton class="btn small secondary">{m.remove}</SubmitButton>
        </PostForm>
      )}
    </div>
  );
}

/** The site settings screen: identity, time zone, language, social accounts, legal pages, images. */
export function SettingsPage({
  ctx,
  values,
  logo,
  icon,
  notice,
  error,
  errors = {},
  imageError,
}: {
  ctx: NewsroomContext;
  values: SettingsFormValues;
  logo: SiteImage | null;
  icon: SiteImage | null;
  notice?: string;
  error?: string;
  /** Problems by field (`siteName`, `social.x`, `legal.0.url`…), as messages. */
  errors?: Record<string, string>;
  imageError?: { which: 'logo' | 'icon'; message: string };
}) {
  const m = siteAdminMessages.t(ctx.lang).settings;
  const rows = [...values.legal];
  while (rows.length < Math.min(MAX_LINKS, values.legal.length + 2))
    rows.push({ title: '', url: '' });
  return (
    <NewsroomLayout ctx={ctx} title={m.title}>
      <h1>{m.title}</h1>
      <p class="hint">{m.intro}</p>
      {notice && <Notice kind="ok">{notice}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      <PostForm ctx={ctx} action={SETTINGS_URL} class="card spaced">
        <h2>{m.identity}</h2>
        <Field
          name="siteName"
          label={m.name}
          value={values.siteName}
          maxLength={NAME_MAX}
          error={errors.siteName}
        />
        <Field
          name="siteTagline"
          label={m.tagline}
          value={values.siteTagline}
          maxLength={TAGLINE_MAX}
          required={false}
          hint={m.taglineHint}
          error={errors.siteTagline}
        />
        <SelectField
          name="timeZone"
          label={m.zone}
          value={values.timeZone}
          error={errors.timeZone}
          options={(['WIB', 'WITA', 'WIT'] as const).map((z) => ({ value: z, label: m.zones[z] }))}
        />
        <SelectField
          name="language"
          label={m.language}
          value={values.language}
          error={errors.language}
          options={(['id', 'en'] as const).map((l) => ({ value: l, label: m.languages[l] }))}
        />
        <fieldset class="sa-group">
          <legend>{m.social}</legend>
          <p class="hint">{m.socialHint}</p>
          {SOCIAL_NETWORKS.map((n) => (
            <div class="field" key={n}>
              <label for={`f-social-${n}`}>{SOCIAL_LABELS[n]}</label>
              <input
                id={`f-social-${n}`}
                name={`social.${n}`}
                type="text"
                inputMode="url"
                value={values.social[n] ?? ''}
                maxLength={URL_MAX}
                aria-invalid={errors[`social.${n}`] ? 'true' : undefined}
                aria-describedby={errors[`social.${n}`] ? `f-social-${n}-err` : undefined}
              />
              <FieldNotes id={`f-social-${n}`} error={errors[`social.${n}`]} />
            </div>
          ))}
        </fieldset>
        <fieldset class="sa-group">
          <legend>{m.legal}</legend>
          <p class="hint">{m.legalHint}</p>
          {errors.legal && <p class="field-error">{errors.legal}</p>}
          {rows.map((r, i) => (
            <fieldset class="sa-link-row" key={i}>
              <legend class="sr-only">{m.row(i + 1)}</legend>
              <div class="field">
                <label for={`f-legal-${i}-title`}>{m.linkTitle}</label>
                <input
                  id={`f-legal-${i}-title`}
                  name="legalTitle"
                  type="text"
                  value={r.title}
                  maxLength={LINK_TITLE_MAX}
                  aria-invalid={errors[`legal.${i}.title`] ? 'true' : undefined}
                />
                <FieldNotes id={`f-legal-${i}-title`} error={errors[`legal.${i}.title`]} />
              </div>
              <div class="field">
                <label for={`f-legal-${i}-url`}>{m.linkUrl}</label>
                <input
                  id={`f-legal-${i}-url`}
                  name="legalUrl"
                  type="text"
                  inputMode="url"
                  value={r.url}
                  maxLength={URL_MAX}
                  aria-invalid={errors[`legal.${i}.url`] ? 'true' : undefined}
                />
                <FieldNotes id={`f-legal-${i}-url`} error={errors[`legal.${i}.url`]} />
              </div>
            </fieldset>
          ))}
        </fieldset>
        <SubmitButton>{m.save}</SubmitButton>
      </PostForm>
      <section class="card spaced">
        <h2>{m.images}</h2>
        <p class="hint">{m.imagesHint}</p>
        <div class="sa-images">
          <ImageForm
            ctx={ctx}
            which="logo"
            label={m.logo}
            image={logo}
            error={imageError?.which === 'logo' ? imageError.message : undefined}
          />
          <ImageForm
            ctx={ctx}
            which="icon"
            label={m.icon}
            image={icon}
            error={imageError?.which === 'icon' ? imageError.message : undefined}
          />
        </div>
      </section>
    </NewsroomLayout>
  );
}
