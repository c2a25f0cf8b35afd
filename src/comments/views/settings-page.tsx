import { Fragment } from 'preact';
import type { CommentBanTable } from '../../db/schema.ts';
import { CsrfField, type NewsroomContext, NewsroomLayout } from '../../newsroom/views/layout.tsx';
import { commentText } from '../messages.ts';
import type { SectionOption } from '../section-tree.ts';
import {
  type CommentSettings,
  NUMBER_SETTINGS,
  type NumberSetting,
  numberRange,
  ORDERED_SETTINGS,
} from '../settings.ts';

export interface SettingsPageProps {
  ctx: NewsroomContext;
  settings: CommentSettings;
  words: { banned: string[]; suspect: string[] };
  bans: (Omit<CommentBanTable, 'id'> & { id: number })[];
  /** In tree order, children after their parent (shown indented). */
  sections: SectionOption[];
  /** Admins edit the site settings and handle readers' data requests; editors edit words and bans. */
  isAdmin: boolean;
  notice?: { kind: 'ok' | 'error'; text: string };
  /** A settings form sent back with problems: the numbers as typed and a message per wrong one. */
  form?: SettingsForm;
}

export interface SettingsForm {
  values: Partial<Record<NumberSetting, string>>;
  errors: Partial<Record<NumberSetting, string>>;
}

/** The message next to each number the settings refused (the issues of `saveSettings`). */
export function settingsErrors(
  issues: readonly { code: string; path: readonly PropertyKey[] }[],
  lang: NewsroomContext['lang'],
): SettingsForm['errors'] {
  const t = commentText(lang).mod.setting;
  const errors: SettingsForm['errors'] = {};
  for (const issue of issues) {
    const key = NUMBER_SETTINGS.find((k) => k === issue.path[0]);
    if (!key || errors[key]) continue;
    const low = ORDERED_SETTINGS.find(([, high]) => high === key)?.[0];
    const { min, max } = numberRange(key);
    errors[key] = issue.code === 'custom' && low ? t.notBelow(t[low]) : t.range(min, max);
  }
  return errors;
}

/** The limits the hint about shared carrier addresses explains (it comes before the first). */
const LIMITS = new Set<NumberSetting>([
  'rateWindowSeconds',
  'ratePerHour',
  'addressPerMinute',
  'addressPerHour',
  'challengesPerMinute',
]);

type ModText = ReturnType<typeof commentText>['mod'];

/** One word list to edit, a word or phrase per line. */
function WordList(p: { id: string; name: string; label: string; words: string[] }) {
  return (
    <p class="field">
      <label for={p.id}>{p.label}</label>
      <textarea id={p.id} name={p.name} rows={6} aria-describedby="words-help">
        {p.words.join('\n')}
      </textarea>
    </p>
  );
}

/** A moderation mode picker (post- or pre-moderation); `inherit` adds "as the site" (''). */
function ModeSelect(p: {
  id: string;
  name: string;
  label: string;
  value: string;
  m: ModText;
  inherit?: boolean;
  /** A sub-section's picker is indented under its parent's. */
  depth?: number;
}) {
  const { m, value } = p;
  return (
    <p class={p.depth ? 'field mod-subsection' : 'field'} data-depth={p.depth || undefined}>
      <label for={p.id}>{p.label}</label>
      <select id={p.id} name={p.name}>
        {p.inherit && (
          <option value="" selected={value === ''}>
            {m.setting.inherit}
          </option>
        )}
        <option value="post" selected={value === 'post'}>
          {m.setting.modePost}
        </option>
        <option value="pre" selected={value === 'pre'}>
          {m.setting.modePre}
        </option>
      </select>
    </p>
  );
}

/** Word lists, bans, the site's comment settings and readers' data requests. */
export function SettingsPage(p: SettingsPageProps) {
  const { ctx, settings } = p;
  const m = commentText(ctx.lang).mod;
  return (
    <NewsroomLayout ctx={ctx} title={m.manage}>
      <p>
        <a href="/newsroom/komentar">← {m.title}</a>
      </p>
      {p.notice && (
        <p class={`notice ${p.notice.kind}`} role={p.notice.kind === 'error' ? 'alert' : 'status'}>
          {p.notice.text}
        </p>
      )}
      <h1>{m.wordsTitle}</h1>
      <form method="post" action="/newsroom/komentar/kata" class="card">
        <CsrfField ctx={ctx} />
        <p class="hint" id="words-help">
          {m.wordsHelp}
        </p>
        <WordList id="banned-words" name="banned" label={m.bannedWords} words={p.words.banned} />
        <WordList
          id="suspect-words"
          name="suspect"
          label={m.suspectWords}
          words={p.words.suspect}
        />
        <button type="submit" class="btn">
          {m.save}
        </button>
      </form>

      <h2>{m.bansTitle}</h2>
      <p class="hint">{m.bansHelp}</p>
      {p.bans.length === 0 ? (
        <p>{m.noBans}</p>
      ) : (
        <ul class="mod-bans">
          {p.bans.map((b) => (
            <li key={b.id}>
              <form
                method="post"
                action={`/newsroom/komentar/blokir/${b.id}/cabut`}
                class="inline-form"
              >
                <CsrfField ctx={ctx} />
                <code>
                  {b.kind}:{b.hash.slice(0, 12)}…
                </code>{' '}
                {b.note}{' '}
                <button type="submit" class="btn small secondary">
                  {m.unban}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}

      {p.isAdmin && (
        <>
          <h2>{m.settingsTitle}</h2>
          <form method="post" action="/newsroom/komentar/pengaturan" class="card">
            <CsrfField ctx={ctx} />
            <ModeSelect
              id="set-mode"
              name="mode"
              label={m.setting.mode}
              value={settings.mode}
              m={m}
            />
            <fieldset>
              <legend>{m.setting.sectionModes}</legend>
              {p.sections.map((s) => (
                <ModeSelect
                  key={s.id}
                  id={`set-section-${s.id}`}
                  name={`section_${s.id}`}
                  label={s.name}
                  value={settings.sectionModes[String(s.id)] ?? ''}
                  m={m}
                  inherit
                  depth={s.depth}
                />
              ))}
            </fieldset>
            {NUMBER_SETTINGS.map((key) => {
              const error = p.form?.errors[key];
              const { min, max } = numberRange(key);
              return (
                <Fragment key={key}>
                  {key === 'rateWindowSeconds' && (
                    <p class="hint" id="limits-help">
                      {m.setting.limitsHelp}
                    </p>
                  )}
                  <p class="field">
                    <label for={`set-${key}`}>{m.setting[key]}</label>
                    <input
                      id={`set-${key}`}
                      name={key}
                      type="number"
                      min={String(min)}
                      max={String(max)}
                      inputMode="numeric"
                      value={p.form?.values[key] ?? String(settings[key])}
                      aria-invalid={error ? 'true' : undefined}
                      aria-describedby={
                        [error ? `set-${key}-error` : '', LIMITS.has(key) ? 'limits-help' : '']
                          .filter(Boolean)
                          .join(' ') || undefined
                      }
                    />
                    {error && (
                      <span class="field-error" id={`set-${key}-error`}>
                        {error}
                      </span>
                    )}
                  </p>
                </Fragment>
              );
            })}
            <p class="field">
              <input
                id="set-notify"
                name="replyNotifications"
                type="checkbox"
                value="1"
                checked={settings.replyNotifications}
              />{' '}
              <label for="set-notify">{m.setting.replyNotifications}</label>
            </p>
            <button type="submit" class="btn">
              {m.save}
            </button>
          </form>

          <h2>{m.privacyTitle}</h2>
          <form method="post" action="/newsroom/komentar/data" class="card">
            <CsrfField ctx={ctx} />
            <p class="hint">{m.privacyHelp}</p>
            <p class="field">
              <label for="data-email">{m.email}</label>
              <input id="data-email" name="email" type="email" autocomplete="off" />
            </p>
            <button type="submit" name="action" value="export" class="btn secondary">
              {m.export}
            </button>{' '}
            <button type="submit" name="action" value="delete" class="btn danger">
              {m.deleteAll}
            </button>
          </form>
        </>
      )}
    </NewsroomLayout>
  );
}
