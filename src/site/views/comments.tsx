import type { ComponentChildren } from 'preact';
import { commentText } from '../../comments/messages.ts';
import { CommentText } from '../../comments/render-text.tsx';
import type { FieldErrors, FormValues } from '../../comments/validate.ts';
import type { CommentView } from '../../content/model.ts';
import { DateText } from './cards.tsx';
import type { SiteContext } from './props.ts';

export { CommentText };

/** One of the reader's own comments that waits for an editor (shown only in their browser). */
export interface OwnPendingComment extends CommentView {
  /** Sent without the proof of work (no JavaScript): the notice says so. */
  noCaptcha: boolean;
}

/** Everything the comment form needs beyond the article: computed per request by the comments capability. */
export interface CommentBoxProps {
  open: boolean;
  /** POST target; GET `${action}?balas=<id>` shows the form replying to a comment (no-JS path). */
  action: string;
  /** Signed article id + render time: the form token and the pipeline's render-time check. */
  token: string;
  /** Where the widget fetches a proof-of-work challenge for this article. */
  challengeUrl: string;
  /** Small loader (comments.js), the widget bundle, its stylesheet: the last two load on focus. */
  assets: { script: string; widget: string; css: string };
  ownPending: OwnPendingComment[];
  replyNotifications: boolean;
  /** The comment being replied to (no-JS reply link). */
  replyTo?: { id: number; authorName: string } | null;
  /** A form sent back with problems: what was typed, the messages, and the summary. */
  form?: { values: FormValues; errors: FieldErrors; message?: string };
  /** A one-line confirmation (report received). */
  notice?: string;
}

type Tree = Map<number | null, (CommentView & { pending?: OwnPendingComment })[]>;

function CommentItem({
  ctx,
  comment,
  tree,
  box,
}: {
  ctx: SiteContext;
  comment: CommentView & { pending?: OwnPendingComment };
  tree: Tree;
  box?: CommentBoxProps;
}) {
  const m = commentText(ctx.lang).reader;
  const replies = tree.get(comment.id) ?? [];
  const pending = comment.pending;
  return (
    <li id={`komentar-${comment.id}`} class={pending ? 'comment comment-pending' : 'comment'}>
      {comment.legacyAnchor && <span id={comment.legacyAnchor} />}
      <p class="comment-meta">
        <strong class="comment-author">{comment.authorName}</strong>{' '}
        {comment.staff && (
          <>
            <span class="comment-badge comment-badge-staff">
              {commentText(ctx.lang).notice.staffLabel}
            </span>{' '}
          </>
        )}
        <DateText ctx={ctx} ms={comment.createdAt} relative />
        {pending && (
          <>
            {' '}
            <span class="comment-badge">{commentText(ctx.lang).notice.pendingLabel}</span>
          </>
        )}
      </p>
      <CommentText body={comment.body} />
      {pending && (
        <p class="comment-held" role="status">
          {pending.noCaptcha
            ? commentText(ctx.lang).notice.heldNoJs
            : commentText(ctx.lang).notice.held}
        </p>
      )}
      {!pending && box?.open && (
        <div class="comment-actions">
          <a
            class="comment-reply"
            href={`${box.action}?balas=${comment.id}#tinggalkan-balasan`}
            data-reply={comment.id}
            data-reply-label={m.replyingTo(comment.authorName)}
          >
            {m.reply}
          </a>
          <form method="post" action={`/komentar/${comment.id}/laporkan`} class="comment-report">
            <input type="hidden" name="_token" value={box.token} />
            <button type="submit" class="link-button">
              {m.report}
              <span class="sr-only"> {m.reportOf(comment.authorName)}</span>
            </button>
          </form>
        </div>
      )}
      {replies.length > 0 && (
        <ol class="comment-replies" aria-label={m.replyTo(comment.authorName)}>
          {replies.map((r) => (
            <CommentItem key={r.id} ctx={ctx} comment={r} tree={tree} box={box} />
          ))}
        </ol>
      )}
    </li>
  );
}

/**
 * Approved comments and the reader's own pending ones as a thread: replies
 * under their parent at any depth; a comment whose parent is not shown
 * appears at the top level.
 */
export function CommentList({
  ctx,
  comments,
  box,
}: {
  ctx: SiteContext;
  comments: CommentView[];
  box?: CommentBoxProps;
}) {
  const own = (box?.ownPending ?? []).map((p) => ({ ...p, pending: p }));
  const all = [...comments, ...own.filter((p) => !comments.some((c) => c.id === p.id))];
  if (all.length === 0) return <p class="empty">{commentText(ctx.lang).reader.empty}</p>;
  const ids = new Set(all.map((c) => c.id));
  const tree: Tree = new Map();
  for (const c of all.sort((a, b) => a.createdAt - b.createdAt || a.id - b.id)) {
    const key = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    const list = tree.get(key) ?? [];
    list.push(c);
    tree.set(key, list);
  }
  return (
    <ol class="comment-list">
      {(tree.get(null) ?? []).map((c) => (
        <CommentItem key={c.id} ctx={ctx} comment={c} tree={tree} box={box} />
      ))}
    </ol>
  );
}

function FieldMessage({ id, text }: { id: string; text?: string }) {
  if (!text) return null;
  return (
    <span class="field-error" id={id}>
      {text}
    </span>
  );
}

function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: ComponentChildren;
  error?: string;
  children: ComponentChildren;
}) {
  return (
    <p class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>{label}</label>
      {children}
      <FieldMessage id={`${id}-error`} text={error} />
    </p>
  );
}

/**
 * The comment form. Posts without JavaScript (the comment then waits for an
 * editor, and the note says so); with JavaScript, comments.js loads the
 * proof-of-work widget when the reader first focuses the form.
 */
export function CommentForm({ ctx, box }: { ctx: SiteContext; box: CommentBoxProps }) {
  const m = commentText(ctx.lang).reader;
  const v = box.form?.values ?? {};
  const e = box.form?.errors ?? {};
  const described = (field: string, extra?: string) =>
    [e[field as keyof FieldErrors] ? `comment-${field}-error` : '', extra ?? '']
      .filter(Boolean)
      .join(' ') || undefined;
  const req = (
    <span class="req">
      * <span class="sr-only">{m.required}</span>
    </span>
  );
  const parent = box.replyTo ? String(box.replyTo.id) : (v.parent ?? '');
  return (
    <form
      method="post"
      action={box.action}
      class="comment-form"
      id="tinggalkan-balasan"
      novalidate
      data-challenge={box.challengeUrl}
      data-widget={box.assets.widget}
      data-widget-css={box.assets.css}
      data-lang={ctx.lang}
    >
      <h3 class="form-title">{m.formHeading}</h3>
      {box.form?.message && (
        // Focused on load (with or without JavaScript), so the page opens at the form, not at the top.
        <p class="form-error" role="alert" id="comment-form-error" tabindex={-1} autofocus>
          {box.form.message}
        </p>
      )}
      <p class="form-note" id="comment-note">
        {m.emailNote}
      </p>
      <p class="reply-to" data-reply-note hidden={!box.replyTo}>
        <span>{box.replyTo ? `${m.replyingTo(box.replyTo.authorName)} ` : ''}</span>
        <a href={`${box.action.replace(/\/komentar$/, '')}#tinggalkan-balasan`} data-reply-cancel>
          {m.cancelReply}
        </a>
      </p>
      <input type="hidden" name="_token" value={box.token} />
      <input type="hidden" name="parent" value={parent} />
      <Field
        id="comment-body"
        label={
          <>
            {m.body} {req}
          </>
        }
        error={e.body}
      >
        <textarea
          id="comment-body"
          name="body"
          rows={6}
          required
          maxLength={5000}
          aria-invalid={e.body ? 'true' : undefined}
          aria-describedby={described('body')}
        >
          {v.body ?? ''}
        </textarea>
      </Field>
      <Field
        id="comment-name"
        label={
          <>
            {m.name} {req}
          </>
        }
        error={e.name}
      >
        <input
          id="comment-name"
          name="name"
          type="text"
          autocomplete="name"
          required
          maxLength={60}
          value={v.name ?? ''}
          aria-invalid={e.name ? 'true' : undefined}
          aria-describedby={described('name')}
        />
      </Field>
      <Field
        id="comment-email"
        label={
          <>
            {m.email} {req}
          </>
        }
        error={e.email}
      >
        <input
          id="comment-email"
          name="email"
          type="email"
          autocomplete="email"
          required
          maxLength={254}
          value={v.email ?? ''}
          aria-invalid={e.email ? 'true' : undefined}
          aria-describedby={described('email', 'comment-note')}
        />
      </Field>
      <Field id="comment-website" label={m.website} error={e.website}>
        <input
          id="comment-website"
          name="website"
          type="url"
          autocomplete="url"
          maxLength={200}
          value={v.website ?? ''}
          aria-invalid={e.website ? 'true' : undefined}
          aria-describedby={described('website')}
        />
      </Field>
      {e.parent && <p class="field-error">{e.parent}</p>}
      <div class="sr-only" aria-hidden="true">
        <label for="comment-telepon">{m.honeypot}</label>
        <input
          id="comment-telepon"
          name="telepon"
          type="text"
          tabindex={-1}
          autocomplete="off"
          value=""
        />
      </div>
      {box.replyNotifications && (
        <p class="field field-check">
          <input
            id="comment-notify"
            name="notify"
            type="checkbox"
            value="1"
            checked={v.notify === '1'}
          />{' '}
          <label for="comment-notify">{m.notify}</label>
        </p>
      )}
      <div class="comment-captcha" data-captcha-slot>
        <p class="form-note" data-captcha-note>
          {m.captchaNote}
        </p>
      </div>
      <p>
        <button type="submit" class="button">
          {m.submit}
        </button>
      </p>
    </form>
  );
}

/** The comment section: heading with count, the thread, then the form or the closed notice. */
export function CommentSection({
  ctx,
  comments,
  open,
  action,
  box,
}: {
  ctx: SiteContext;
  comments: CommentView[];
  open: boolean;
  action: string;
  box?: CommentBoxProps;
}) {
  const m = commentText(ctx.lang).reader;
  // Without the comments capability wired (view tests), the form still renders and posts.
  const b: CommentBoxProps = box ?? {
    open,
    action,
    token: '',
    challengeUrl: '',
    assets: { script: '', widget: '', css: '' },
    ownPending: [],
    replyNotifications: false,
  };
  return (
    <section id="komentar" class="comments" aria-labelledby="comments-title">
      <h2 id="comments-title" class="box-title">
        {m.heading} <span class="count">({comments.length})</span>
      </h2>
      {b.notice && (
        <p class="comment-notice" role="status">
          {b.notice}
        </p>
      )}
      <CommentList ctx={ctx} comments={comments} box={b} />
      {b.open ? (
        <>
          <CommentForm ctx={ctx} box={b} />
          {b.assets.script && <script src={b.assets.script} defer />}
        </>
      ) : (
        <p class="closed">{m.closed}</p>
      )}
    </section>
  );
}
