import type { CommentBanTable } from '../../db/schema.ts';
import { CsrfField, type NewsroomContext, NewsroomLayout } from '../../newsroom/views/layout.tsx';
import { commentText } from '../messages.ts';
import type { CommentSettings } from '../settings.ts';

export interface SettingsPageProps {
  ctx: NewsroomContext;
  settings: CommentSettings;
  words: { banned: string[]; suspect: string[] };
  bans: (Omit<CommentBanTable, 'id'> & { id: number })[];
  sections: { id: number; name: string }[];
  /** Admins edit the site settings and handle readers' data requests; editors edit words and bans. */
  isAdmin: boolean;
  notice?: { kind: 'ok' | 'error'; text: string };
}

const NUMBERS = [
  'closeAfterDays',
  'maxDepth',
  'trustAfter',
  'minFillSeconds',
  'rateWindowSeconds',
  'ratePerHour',
  'reportThreshold',
  'retentionDays',
  'captchaCost',
  'captchaCounterMin',
  'captchaCounterMax',
] as const;

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
        <p class="field">
          <label for="banned-words">{m.bannedWords}</label>
          <textarea id="banned-words" name="banned" rows={6} aria-describedby="words-help">
            {p.words.banned.join('\n')}
          </textarea>
        </p>
        <p class="field">
          <label for="suspect-words">{m.suspectWords}</label>
          <textarea id="suspect-words" name="suspect" rows={6} aria-describedby="words-help">
            {p.words.suspect.join('\n')}
          </textarea>
        </p>
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
            <p class="field">
              <label for="set-mode">{m.setting.mode}</label>
              <select id="set-mode" name="mode">
                <option value="post" selected={settings.mode === 'post'}>
                  {m.setting.modePost}
                </option>
                <option value="pre" selected={settings.mode === 'pre'}>
                  {m.setting.modePre}
                </option>
              </select>
            </p>
            <fieldset>
              <legend>{m.setting.sectionModes}</legend>
              {p.sections.map((s) => {
                const v = settings.sectionModes[String(s.id)] ?? '';
                return (
                  <p class="field" key={s.id}>
                    <label for={`set-section-${s.id}`}>{s.name}</label>
                    <select id={`set-section-${s.id}`} name={`section_${s.id}`}>
                      <option value="" selected={v === ''}>
                        {m.setting.inherit}
                      </option>
                      <option value="post" selected={v === 'post'}>
                        {m.setting.modePost}
                      </option>
                      <option value="pre" selected={v === 'pre'}>
                        {m.setting.modePre}
                      </option>
                    </select>
                  </p>
                );
              })}
            </fieldset>
            {NUMBERS.map((key) => (
              <p class="field" key={key}>
                <label for={`set-${key}`}>{m.setting[key]}</label>
                <input
                  id={`set-${key}`}
                  name={key}
                  type="number"
                  min="0"
                  inputMode="numeric"
                  value={String(settings[key])}
                />
              </p>
            ))}
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
