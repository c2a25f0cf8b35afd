import { Fragment } from 'preact';
import type { CommentView } from '../../content/model.ts';
import { DateText } from './cards.tsx';
import type { SiteContext } from './props.ts';

/** A comment's text as plain paragraphs: blank lines split paragraphs, single newlines break lines. */
function CommentText({ body }: { body: string }) {
  const paragraphs = body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div class="comment-text">
      {paragraphs.map((p, i) => (
        <p key={i}>
          {p.split('\n').map((line, j) => (
            <Fragment key={j}>
              {j > 0 && <br />}
              {line}
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  );
}

function CommentItem({
  ctx,
  comment,
  replies,
}: {
  ctx: SiteContext;
  comment: CommentView;
  replies: CommentView[];
}) {
  return (
    <li id={`komentar-${comment.id}`} class="comment">
      <p class="comment-meta">
        <strong class="comment-author">{comment.authorName}</strong>{' '}
        <DateText ctx={ctx} ms={comment.createdAt} relative />
      </p>
      <CommentText body={comment.body} />
      {replies.length > 0 && (
        <ol class="comment-replies" aria-label={ctx.m.comments.replyTo(comment.authorName)}>
          {replies.map((r) => (
            <CommentItem key={r.id} ctx={ctx} comment={r} replies={[]} />
          ))}
        </ol>
      )}
    </li>
  );
}

/** Approved comments, one level of replies under their parent; orphans show at top level. */
export function CommentList({ ctx, comments }: { ctx: SiteContext; comments: CommentView[] }) {
  if (comments.length === 0) return <p class="empty">{ctx.m.comments.empty}</p>;
  const ids = new Set(comments.map((c) => c.id));
  const top = comments.filter((c) => c.parentId === null || !ids.has(c.parentId));
  const repliesOf = (id: number) => comments.filter((c) => c.parentId === id);
  return (
    <ol class="comment-list">
      {top.map((c) => (
        <CommentItem key={c.id} ctx={ctx} comment={c} replies={repliesOf(c.id)} />
      ))}
    </ol>
  );
}

/** The comment form; posts without JavaScript to `<article url>/komentar`. */
export function CommentForm({ ctx, action }: { ctx: SiteContext; action: string }) {
  const m = ctx.m.comments;
  const req = (
    <span class="req">
      * <span class="sr-only">{m.required}</span>
    </span>
  );
  return (
    <form method="post" action={action} class="comment-form">
      <h3 class="form-title">{m.formHeading}</h3>
      <p class="form-note" id="comment-note">
        {m.emailNote}
      </p>
      <p class="field">
        <label for="comment-body">
          {m.body} {req}
        </label>
        <textarea id="comment-body" name="body" rows={6} required />
      </p>
      <p class="field">
        <label for="comment-name">
          {m.name} {req}
        </label>
        <input id="comment-name" name="name" type="text" autocomplete="name" required />
      </p>
      <p class="field">
        <label for="comment-email">
          {m.email} {req}
        </label>
        <input
          id="comment-email"
          name="email"
          type="email"
          autocomplete="email"
          aria-describedby="comment-note"
          required
        />
      </p>
      <p class="field">
        <label for="comment-website">{m.website}</label>
        <input id="comment-website" name="website" type="url" autocomplete="url" />
      </p>
      <p>
        <button type="submit" class="button">
          {m.submit}
        </button>
      </p>
    </form>
  );
}

/** The comment section: heading with count, the list, then the form or the closed notice. */
export function CommentSection({
  ctx,
  comments,
  open,
  action,
}: {
  ctx: SiteContext;
  comments: CommentView[];
  open: boolean;
  action: string;
}) {
  const m = ctx.m.comments;
  return (
    <section id="komentar" class="comments" aria-labelledby="comments-title">
      <h2 id="comments-title" class="box-title">
        {m.heading} <span class="count">({comments.length})</span>
      </h2>
      <CommentList ctx={ctx} comments={comments} />
      {open ? <CommentForm ctx={ctx} action={action} /> : <p class="closed">{m.closed}</p>}
    </section>
  );
}
