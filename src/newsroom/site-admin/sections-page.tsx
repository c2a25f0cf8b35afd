import type { Section } from '../../content/model.ts';
import { Notice } from '../views/auth-pages.tsx';
import { FieldNotes, PostForm, SubmitButton } from '../views/fields.tsx';
import { type NewsroomContext, NewsroomLayout } from '../views/layout.tsx';
import { siteAdminMessages } from './messages.ts';
import { NAME_MAX } from './settings.ts';

/**
 * The sections screen: each section's card (its form and the buttons that
 * move it among its siblings) and the add form.
 */

export const SECTIONS_URL = '/newsroom/rubrik';

/** A section form's typed values and problems (kept when the form comes back with an error). */
export interface SectionFormState {
  /** 'new' for the add form, else the section's id. */
  form: 'new' | number;
  values: { name: string; slug: string; parent: string; hidden: boolean };
  errors: Partial<Record<'name' | 'slug' | 'parent', string>>;
}

function SectionFields({
  ctx,
  prefix,
  sections,
  self,
  values,
  errors = {},
}: {
  ctx: NewsroomContext;
  prefix: string;
  sections: Section[];
  self?: Section;
  values: SectionFormState['values'];
  errors?: SectionFormState['errors'];
}) {
  const m = siteAdminMessages.t(ctx.lang).sections;
  // A parent must be top-level and not the section itself; a section with children stays top-level.
  const parents = sections.filter((s) => s.parent === null && s.id !== self?.id);
  const id = (f: string) => `${prefix}-${f}`;
  return (
    <div class="sa-fields">
      <div class="field">
        <label for={id('name')}>{m.name}</label>
        <input
          id={id('name')}
          name="name"
          type="text"
          value={values.name}
          required
          maxLength={NAME_MAX}
          aria-invalid={errors.name ? 'true' : undefined}
          aria-describedby={errors.name ? `${id('name')}-err` : undefined}
        />
        <FieldNotes id={id('name')} error={errors.name} />
      </div>
      <div class="field">
        <label for={id('slug')}>{m.slug}</label>
        <input
          id={id('slug')}
          name="slug"
          type="text"
          value={values.slug}
          maxLength={60}
          aria-invalid={errors.slug ? 'true' : undefined}
          aria-describedby={`${id('slug')}-hint${errors.slug ? ` ${id('slug')}-err` : ''}`}
        />
        <FieldNotes id={id('slug')} hint={m.slugHint} error={errors.slug} />
      </div>
      <div class="field">
        <label for={id('parent')}>{m.parent}</label>
        <select
          id={id('parent')}
          name="parent"
          disabled={!!self && self.children.length > 0}
          aria-invalid={errors.parent ? 'true' : undefined}
        >
          <option value="">{m.noParent}</option>
          {parents.map((p) => (
            <option key={p.id} value={String(p.id)} selected={values.parent === String(p.id)}>
              {p.name}
            </option>
          ))}
        </select>
        <FieldNotes id={id('parent')} error={errors.parent} />
      </div>
      <div class="field sa-check">
        <input id={id('hidden')} type="checkbox" name="hidden" value="1" checked={values.hidden} />
        <label for={id('hidden')}>{m.hidden}</label>
      </div>
    </div>
  );
}

/** One section's card: its form, and the buttons that move it among its siblings. */
function SectionCard({
  ctx,
  section,
  sections,
  state,
}: {
  ctx: NewsroomContext;
  section: Section;
  sections: Section[];
  state?: SectionFormState;
}) {
  const m = siteAdminMessages.t(ctx.lang).sections;
  const mine = state?.form === section.id ? state : undefined;
  const values = mine?.values ?? {
    name: section.name,
    slug: section.slug,
    parent: section.parent ? String(section.parent.id) : '',
    hidden: section.hidden,
  };
  return (
    <li class={`card sa-section${section.parent ? ' sa-child' : ''}`} id={`rubrik-${section.id}`}>
      <h3>
        <a href={section.url}>{section.name}</a>{' '}
        {section.hidden && <span class="nr-badge">{m.hiddenBadge}</span>}
      </h3>
      <PostForm ctx={ctx} action={`${SECTIONS_URL}/${section.id}`}>
        <SectionFields
          ctx={ctx}
          prefix={`s${section.id}`}
          sections={sections}
          self={section}
          values={values}
          errors={mine?.errors}
        />
        <div class="sa-actions">
          <button class="btn small" type="submit" aria-label={m.editOf(section.name)}>
            {m.save}
          </button>
        </div>
      </PostForm>
      <div class="sa-actions">
        {(['up', 'down'] as const).map((dir) => (
          <PostForm
            key={dir}
            ctx={ctx}
            class="inline-form"
            action={`${SECTIONS_URL}/${section.id}/geser`}
          >
            <input type="hidden" name="arah" value={dir} />
            <button
              class="btn small secondary"
              type="submit"
              aria-label={dir === 'up' ? m.upOf(section.name) : m.downOf(section.name)}
            >
              {dir === 'up' ? `↑ ${m.up}` : `↓ ${m.down}`}
            </button>
          </PostForm>
        ))}
      </div>
    </li>
  );
}

/** The sections screen: every section (children under their parent) and the add form. */
export function SectionsPage({
  ctx,
  sections,
  notice,
  error,
  state,
}: {
  ctx: NewsroomContext;
  sections: Section[];
  notice?: string;
  error?: string;
  state?: SectionFormState;
}) {
  const m = siteAdminMessages.t(ctx.lang).sections;
  const top = sections.filter((s) => s.parent === null);
  const ordered = top.flatMap((t) => [t, ...sections.filter((s) => s.parent?.id === t.id)]);
  const add = state?.form === 'new' ? state : undefined;
  return (
    <NewsroomLayout ctx={ctx} title={m.title}>
      <h1>{m.title}</h1>
      <p class="hint">{m.intro}</p>
      {notice && <Notice kind="ok">{notice}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      <h2>{m.list}</h2>
      {ordered.length === 0 ? (
        <p>{m.empty}</p>
      ) : (
        <ul class="sa-sections">
          {ordered.map((s) => (
            <SectionCard key={s.id} ctx={ctx} section={s} sections={sections} state={state} />
          ))}
        </ul>
      )}
      <section class="card spaced" id="tambah">
        <h2>{m.add}</h2>
        <PostForm ctx={ctx} action={SECTIONS_URL}>
          <SectionFields
            ctx={ctx}
            prefix="new"
            sections={sections}
            values={add?.values ?? { name: '', slug: '', parent: '', hidden: false }}
            errors={add?.errors}
          />
          <SubmitButton>{m.create}</SubmitButton>
        </PostForm>
      </section>
    </NewsroomLayout>
  );
}
