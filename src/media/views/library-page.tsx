import { formatShortDate } from '../../lib/time.ts';
import { Notice } from '../../newsroom/views/auth-pages.tsx';
import { CsrfField, type NewsroomContext, NewsroomLayout } from '../../newsroom/views/layout.tsx';
import { libraryUploadJs } from '../assets.ts';
import type { MediaItem, UploadOutcome } from '../library.ts';
import type { MediaPage } from '../library-queries.ts';
import { type MediaMessages, mediaMessages } from '../messages.ts';
import { MAX_ALT, MAX_CAPTION, MAX_CREDIT, UPLOAD_ACCEPT } from '../upload.ts';
import { scaledHeight, srcset, variantUrl } from '../variants.ts';

/** The search form's values as typed, echoed back into the form. */
export interface LibraryFilters {
  q: string;
  dari: string;
  sampai: string;
}

/** What the upload form shows again after an upload: a refusal, or each file's outcome. */
export interface UploadFormState {
  error?: string;
  caption?: string;
  credit?: string;
  alt?: string;
  outcomes?: UploadOutcome[];
}

/** The catalog for this page's language. */
export function mm(ctx: Pick<NewsroomContext, 'lang'>): MediaMessages {
  return mediaMessages[ctx.lang];
}

/** A small responsive thumbnail of a media item (WebP, JPEG when WebP is missing). */
export function Thumb({ item, sizes, alt }: { item: MediaItem; sizes: string; alt: string }) {
  const webp = [...item.variants.webp].sort((a, b) => a - b);
  const format = webp.length > 0 ? 'webp' : 'jpeg';
  const widths = format === 'webp' ? webp : [...item.variants.jpeg].sort((a, b) => a - b);
  const w = widths[0] ?? item.width;
  return (
    <img
      src={variantUrl(item.storageKey, w, format)}
      srcset={srcset(item.storageKey, item.variants, format)}
      sizes={sizes}
      width={w}
      height={scaledHeight(item.width, item.height, w)}
      alt={alt}
      loading="lazy"
      decoding="async"
    />
  );
}

/** Each file of a several-file upload, as the no-JavaScript form gets it back. */
function Outcomes({ ctx, outcomes }: { ctx: NewsroomContext; outcomes: UploadOutcome[] }) {
  const m = mm(ctx).upload;
  const done = outcomes.filter((o) => o.id !== undefined).length;
  return (
    <div class="media-outcomes">
      {done > 0 && <Notice kind="ok">{m.manyDone(done)}</Notice>}
      {done < outcomes.length && (
        <Notice kind="error">{m.manyRefused(outcomes.length - done)}</Notice>
      )}
      <ul class="upload-list">
        {outcomes.map((o, i) => (
          <li key={i} data-state={o.error ? 'error' : 'done'}>
            <span class="upload-name">{o.name}</span>{' '}
            {o.error ? (
              <span class="upload-msg">{o.error.messageIn(ctx.lang)}</span>
            ) : (
              <a class="upload-msg" href={`/newsroom/media/${o.id}`}>
                {m.open}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function UploadForm({ ctx, state }: { ctx: NewsroomContext; state: UploadFormState }) {
  const m = mm(ctx).upload;
  return (
    <section class="card media-upload" aria-labelledby="media-upload-title">
      <h2 id="media-upload-title">{m.title}</h2>
      {state.error && <Notice kind="error">{state.error}</Notice>}
      {state.outcomes && <Outcomes ctx={ctx} outcomes={state.outcomes} />}
      <form
        id="media-upload-form"
        method="post"
        action="/newsroom/media"
        enctype="multipart/form-data"
        data-progress={m.progress}
        data-processing={m.processing}
        data-done={m.open}
        data-failed={m.failed}
      >
        {/* First, before the file: the upload handler checks it before reading the file. */}
        <CsrfField ctx={ctx} />
        <label for="media-file">{m.file}</label>
        <input id="media-file" name="file" type="file" accept={UPLOAD_ACCEPT} multiple required />
        <p class="hint">{m.fileHint}</p>
        <label for="media-caption">{m.caption}</label>
        <textarea id="media-caption" name="caption" rows={2} maxLength={MAX_CAPTION}>
          {state.caption ?? ''}
        </textarea>
        <p class="hint">{m.captionHint}</p>
        <label for="media-credit">{m.credit}</label>
        <input
          id="media-credit"
          name="credit"
          type="text"
          maxLength={MAX_CREDIT}
          value={state.credit ?? ''}
        />
        <p class="hint">{m.creditHint}</p>
        <label for="media-alt">{m.alt}</label>
        <input id="media-alt" name="alt" type="text" maxLength={MAX_ALT} value={state.alt ?? ''} />
        <p class="hint">{m.altHint}</p>
        <button class="btn" type="submit">
          {m.submit}
        </button>
      </form>
      <ol id="media-upload-progress" class="upload-list" aria-live="polite" hidden />
    </section>
  );
}

function pageHref(filters: LibraryFilters, page: number): string {
  const p = new URLSearchParams();
  if (filters.q) p.set('q', filters.q);
  if (filters.dari) p.set('dari', filters.dari);
  if (filters.sampai) p.set('sampai', filters.sampai);
  if (page > 1) p.set('page', String(page));
  const qs = p.toString();
  return qs ? `/newsroom/media?${qs}` : '/newsroom/media';
}

/**
 * The library: upload form (for roles that may upload), search by caption,
 * credit and upload date, and a paged grid of photos newest first.
 */
export function LibraryPage({
  ctx,
  result,
  filters,
  canUpload,
  ownOnly = false,
  upload = {},
  searchError,
  notice,
}: {
  ctx: NewsroomContext;
  result: MediaPage;
  filters: LibraryFilters;
  canUpload: boolean;
  /** Only own uploads and published photos are listed (a kontributor). */
  ownOnly?: boolean;
  upload?: UploadFormState;
  searchError?: string;
  /** A confirmation after an action that led here (a photo deleted). */
  notice?: string;
}) {
  const m = mm(ctx).library;
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  return (
    <NewsroomLayout ctx={ctx} title={m.title} wide scripts={canUpload ? [libraryUploadJs.url] : []}>
      <h1>{m.title}</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      <p class="hint">{ownOnly ? m.introOwn : m.intro}</p>
      {canUpload && <UploadForm ctx={ctx} state={upload} />}
      <form class="filters" method="get" action="/newsroom/media" aria-label={m.searchLabel}>
        <div>
          <label for="media-q">{m.q}</label>
          <input id="media-q" name="q" type="search" maxLength={200} value={filters.q} />
        </div>
        <div>
          <label for="media-from">{m.from}</label>
          <input id="media-from" name="dari" type="date" value={filters.dari} />
        </div>
        <div>
          <label for="media-to">{m.to}</label>
          <input id="media-to" name="sampai" type="date" value={filters.sampai} />
        </div>
        <button class="btn" type="submit">
          {m.search}
        </button>
        {(filters.q || filters.dari || filters.sampai) && <a href="/newsroom/media">{m.reset}</a>}
      </form>
      {searchError && <Notice kind="error">{searchError}</Notice>}
      <p class="hint">{m.count(result.total)}</p>
      {result.items.length === 0 ? (
        <p>{m.empty}</p>
      ) : (
        <ul class="media-grid">
          {result.items.map((item) => (
            <li key={item.id}>
              <a href={`/newsroom/media/${item.id}`}>
                <Thumb item={item} sizes="(min-width: 40em) 12rem, 45vw" alt={item.alt} />
                <span class="media-caption">{item.caption || m.noCaption}</span>
              </a>
              <span class="media-meta">
                {item.credit && <span class="media-credit">{item.credit}</span>}{' '}
                <time>{formatShortDate(item.createdAt, ctx.zone, ctx.lang)}</time>
              </span>
              {!item.alt && <span class="media-badge">{m.noAlt}</span>}
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav class="pager" aria-label={m.pageOf(result.page, pages)}>
          {result.page > 1 && (
            <a rel="prev" href={pageHref(filters, result.page - 1)}>
              {m.prev}
            </a>
          )}
          <span>{m.pageOf(result.page, pages)}</span>
          {result.page < pages && (
            <a rel="next" href={pageHref(filters, result.page + 1)}>
              {m.next}
            </a>
          )}
        </nav>
      )}
    </NewsroomLayout>
  );
}
