import type { ArticleSummary, Section } from '../content/model.ts';
import { formatDateline } from '../lib/time.ts';
import { Notice } from '../newsroom/views/auth-pages.tsx';
import { Field, ListTable, PostForm, SubmitButton } from '../newsroom/views/fields.tsx';
import { type NewsroomContext, NewsroomLayout } from '../newsroom/views/layout.tsx';
import { distributionMessages } from './messages.ts';
import type { NewsExclusions } from './news-exclusions.ts';

/** Where the newsroom's news sitemap page lives. */
export const NEWS_ADMIN = '/newsroom/sitemap-berita';

/** The editors' page: excluded sections, the 48-hour window with a toggle per article, any article by number. */
export function NewsSitemapPage(props: {
  ctx: NewsroomContext;
  sections: Section[];
  exclusions: NewsExclusions;
  /** Sections whose articles stay out (the excluded ones and their subsections). */
  sectionsOut: Set<number>;
  window: ArticleSummary[];
  notice?: string;
  error?: string;
  value?: string;
}) {
  const { ctx, exclusions } = props;
  const m = distributionMessages.t(ctx.lang);
  const inWindow = new Set(props.window.map((a) => a.id));
  const others = [...exclusions.articles].filter((id) => !inWindow.has(id)).sort((a, b) => b - a);
  const toggle = (id: number, excluded: boolean) => (
    <PostForm ctx={ctx} action={`${NEWS_ADMIN}/artikel`}>
      <input type="hidden" name="article" value={String(id)} />
      <input type="hidden" name="exclude" value={excluded ? '0' : '1'} />
      <SubmitButton class="btn secondary small">{excluded ? m.include : m.exclude}</SubmitButton>
    </PostForm>
  );
  return (
    <NewsroomLayout ctx={ctx} title={m.title} wide>
      <h1>{m.title}</h1>
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      <p class="hint">{m.intro}</p>
      <section class="card spaced">
        <h2>{m.sectionsTitle}</h2>
        <PostForm ctx={ctx} action={`${NEWS_ADMIN}/rubrik`}>
          <p class="hint">{m.sectionsHint}</p>
          <fieldset class="field">
            <legend>{m.sections}</legend>
            {props.sections.map((s) => (
              <label key={s.id} class="nr-check">
                <input
                  type="checkbox"
                  name="section"
                  value={String(s.id)}
                  checked={exclusions.sections.has(s.id)}
                />{' '}
                {s.parent ? `${s.parent.name} › ${s.name}` : s.name}
              </label>
            ))}
          </fieldset>
          <SubmitButton>{m.save}</SubmitButton>
        </PostForm>
      </section>
      <section class="card spaced">
        <h2>{m.window}</h2>
        {props.window.length === 0 ? (
          <p>{m.noWindow}</p>
        ) : (
          <ListTable headers={[m.headline, '']}>
            {props.window.map((a) => {
              const excluded = exclusions.articles.has(a.id);
              const state = excluded
                ? m.outArticle
                : props.sectionsOut.has(a.section.id)
                  ? m.outSection
                  : m.inSitemap;
              // Two columns, so the table fits a phone: time and state under the headline.
              return (
                <tr key={a.id} data-article={a.id}>
                  <td>
                    <a href={a.url}>{a.headline}</a>
                    <div class="hint">
                      {m.published} {formatDateline(a.publishedAt, ctx.zone, ctx.lang)} · {m.state}:{' '}
                      <strong class="news-state">{state}</strong>
                    </div>
                  </td>
                  <td>{toggle(a.id, excluded)}</td>
                </tr>
              );
            })}
          </ListTable>
        )}
      </section>
      <section class="card spaced">
        <h2>{m.byId}</h2>
        <PostForm ctx={ctx} action={`${NEWS_ADMIN}/artikel`}>
          <input type="hidden" name="exclude" value="1" />
          <Field
            name="article"
            label={m.article}
            hint={m.byIdHint}
            value={props.value}
            error={props.error}
            maxLength={500}
          />
          <SubmitButton>{m.exclude}</SubmitButton>
        </PostForm>
        {others.length > 0 && (
          <>
            <h3>{m.otherExcluded}</h3>
            <ul class="plain">
              {others.map((id) => (
                <li key={id}>
                  <a href={`/newsroom/artikel/${id}`}>{m.articleNo(id)}</a> {toggle(id, true)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </NewsroomLayout>
  );
}
