import { formatLongDate } from '../../lib/time.ts';
import { articleMessages } from '../../newsroom/articles/messages.ts';
import { Notice } from '../../newsroom/views/auth-pages.tsx';
import { CsrfField, type NewsroomContext, NewsroomLayout } from '../../newsroom/views/layout.tsx';
import { CROP_RATIO_NAMES, CROP_RATIOS, cropHeight, cropUrl } from '../crops.ts';
import type { MediaItem } from '../library.ts';
import type { MediaUse } from '../library-queries.ts';
import { MAX_ALT, MAX_CAPTION, MAX_CREDIT, UPLOAD_ACCEPT } from '../upload.ts';
import { scaledHeight, variantUrl } from '../variants.ts';
import { mm } from './library-page.tsx';

/** Width the focal-point picker shows the photo at (never scaled by CSS, so clicks map exactly). */
const PICK_WIDTH = 640;

/** The size the focal picker shows `item` at: the largest variant up to PICK_WIDTH. */
export function pickSize(item: MediaItem): {
  width: number;
  height: number;
  format: 'webp' | 'jpeg';
} {
  const format = item.variants.webp.length > 0 ? 'webp' : 'jpeg';
  const widths = [...item.variants[format]].sort((a, b) => a - b);
  const width = [...widths].reverse().find((w) => w <= PICK_WIDTH) ?? widths[0] ?? item.width;
  return { width, height: scaledHeight(item.width, item.height, width), format };
}

function pct(v: number): string {
  return String(Math.round(v * 1000) / 10);
}

/** A number input of 0–100 % for a 0–1 `value` (one focal coordinate). */
function PercentField(p: { id: string; name: string; label: string; value: number }) {
  return (
    <div>
      <label for={p.id}>{p.label}</label>
      <input
        id={p.id}
        name={p.name}
        type="number"
        min={0}
        max={100}
        step="0.1"
        value={pct(p.value)}
      />
    </div>
  );
}

/** The photo as a no-JS click target: an image button reports where it was clicked. */
function FocalPicker({
  ctx,
  item,
  canEdit,
}: {
  ctx: NewsroomContext;
  item: MediaItem;
  canEdit: boolean;
}) {
  const m = mm(ctx).item;
  const size = pickSize(item);
  const src = variantUrl(item.storageKey, size.width, size.format);
  const marker = (
    <svg class="focal-mark" aria-hidden="true" width={size.width} height={size.height}>
      <circle cx={`${pct(item.focal.x)}%`} cy={`${pct(item.focal.y)}%`} r="14" />
      <circle cx={`${pct(item.focal.x)}%`} cy={`${pct(item.focal.y)}%`} r="3" />
    </svg>
  );
  if (!canEdit) {
    return (
      <div class="focal-pick">
        <img src={src} width={size.width} height={size.height} alt={item.alt} />
      </div>
    );
  }
  return (
    <form method="post" action={`/newsroom/media/${item.id}/fokus`} class="focal-form">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="w" value={String(size.width)} />
      <input type="hidden" name="h" value={String(size.height)} />
      <p class="hint">{m.focusHint}</p>
      <div class="focal-pick">
        <input
          type="image"
          name="fokus"
          src={src}
          width={size.width}
          height={size.height}
          alt={m.focusImage}
          title={m.focusImage}
        />
        {marker}
      </div>
      <div class="filters">
        <PercentField id="focal-x" name="fx" label={m.focusX} value={item.focal.x} />
        <PercentField id="focal-y" name="fy" label={m.focusY} value={item.focal.y} />
        <button class="btn secondary" type="submit">
          {m.focusSave}
        </button>
      </div>
    </form>
  );
}

function Crops({ ctx, item }: { ctx: NewsroomContext; item: MediaItem }) {
  const m = mm(ctx).item;
  const any = CROP_RATIO_NAMES.some((r) => item.crops.widths[r].length > 0);
  if (!any) return <p class="hint">{m.noCrops}</p>;
  return (
    <ul class="media-crops">
      {CROP_RATIO_NAMES.map((ratio) => {
        const widths = [...item.crops.widths[ratio]].sort((a, b) => a - b);
        const w = widths[0];
        if (w === undefined) return null;
        const [rw, rh] = CROP_RATIOS[ratio];
        return (
          <li key={ratio}>
            <img
              src={cropUrl(item.storageKey, ratio, w, 'webp', item.crops.v)}
              width={w}
              height={cropHeight(ratio, w)}
              alt=""
              loading="lazy"
            />
            <span>{`${rw}:${rh}`}</span>
          </li>
        );
      })}
    </ul>
  );
}

function UsedIn({ ctx, uses }: { ctx: NewsroomContext; uses: MediaUse[] }) {
  const m = mm(ctx).item;
  // An article's status reads as it does in the article list.
  const status: Record<string, string> = articleMessages.t(ctx.lang).status;
  if (uses.length === 0) return <p>{m.notUsed}</p>;
  return (
    <ul class="media-uses">
      {uses.map((u) => (
        <li key={u.articleId}>
          <a href={`/newsroom/artikel/${u.articleId}`}>{u.headline}</a>{' '}
          <span class="media-meta">
            ({status[u.status] ?? u.status}
            {u.featured && `, ${m.featured}`}
            {u.inBody && `, ${m.inBody}`})
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A new file for the photo (same id): multipart, the token as the first field. */
function ReplaceForm({ ctx, item }: { ctx: NewsroomContext; item: MediaItem }) {
  const m = mm(ctx);
  return (
    <section class="card media-replace" aria-labelledby="replace-title">
      <h2 id="replace-title">{m.item.replace}</h2>
      <p class="hint">{m.item.replaceHint}</p>
      <form method="post" action={`/newsroom/media/${item.id}/ganti`} enctype="multipart/form-data">
        <CsrfField ctx={ctx} />
        <label for="media-replace-file">{m.item.replaceFile}</label>
        <input id="media-replace-file" name="file" type="file" accept={UPLOAD_ACCEPT} required />
        <p class="hint">{m.upload.fileHint}</p>
        <button class="btn secondary" type="submit">
          {m.item.replaceSubmit}
        </button>
      </form>
    </section>
  );
}

/** Delete, confirmed by a box to tick (the server refuses without it). */
function DeleteForm({ ctx, item }: { ctx: NewsroomContext; item: MediaItem }) {
  const m = mm(ctx).item;
  return (
    <section class="card media-delete" aria-labelledby="delete-title">
      <h2 id="delete-title">{m.remove}</h2>
      <p class="hint">{m.removeHint}</p>
      <form method="post" action={`/newsroom/media/${item.id}/hapus`}>
        <CsrfField ctx={ctx} />
        <label class="nr-check">
          <input type="checkbox" name="yakin" value="1" required /> {m.removeConfirm}
        </label>
        <button class="btn danger" type="submit">
          {m.removeSubmit}
        </button>
      </form>
    </section>
  );
}

/**
 * One photo: preview with a click-to-set focal point, the crops cut around
 * it, caption/credit/alt editing (for roles that may edit), details, and the
 * articles that use it.
 */
export function ItemPage({
  ctx,
  item,
  uses,
  canEdit,
  canDelete = false,
  notice,
  error,
  form,
}: {
  ctx: NewsroomContext;
  item: MediaItem;
  uses: MediaUse[];
  canEdit: boolean;
  /** May delete it (refused anyway while an article uses it). */
  canDelete?: boolean;
  notice?: string;
  error?: string;
  /** The values as submitted, shown again after a refused edit. */
  form?: { caption: string; credit: string; alt: string };
}) {
  const m = mm(ctx);
  const values = form ?? item;
  return (
    <NewsroomLayout ctx={ctx} title={m.item.title(item.id)} wide>
      <p>
        <a href="/newsroom/media">← {m.item.back}</a>
      </p>
      <h1>{m.item.title(item.id)}</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      {!item.alt && <Notice kind="warn">{m.item.altMissing}</Notice>}
      <div class="media-item">
        <section aria-labelledby="focal-title">
          <h2 id="focal-title">{m.item.focus}</h2>
          <FocalPicker ctx={ctx} item={item} canEdit={canEdit} />
          <h2>{m.item.crops}</h2>
          <Crops ctx={ctx} item={item} />
        </section>
        <section aria-labelledby="edit-title">
          <h2 id="edit-title">{m.item.edit}</h2>
          {canEdit ? (
            <form method="post" action={`/newsroom/media/${item.id}`}>
              <CsrfField ctx={ctx} />
              <label for="media-caption">{m.upload.caption}</label>
              <textarea id="media-caption" name="caption" rows={3} maxLength={MAX_CAPTION}>
                {values.caption}
              </textarea>
              <label for="media-credit">{m.upload.credit}</label>
              <input
                id="media-credit"
                name="credit"
                type="text"
                maxLength={MAX_CREDIT}
                value={values.credit}
              />
              <label for="media-alt">{m.upload.alt}</label>
              <input id="media-alt" name="alt" type="text" maxLength={MAX_ALT} value={values.alt} />
              <p class="hint">{m.upload.altHint}</p>
              <button class="btn" type="submit">
                {m.item.save}
              </button>
            </form>
          ) : (
            <>
              <p class="hint">{m.item.readOnly}</p>
              <dl class="media-details">
                <dt>{m.upload.caption}</dt>
                <dd>{item.caption}</dd>
                <dt>{m.upload.credit}</dt>
                <dd>{item.credit}</dd>
                <dt>{m.upload.alt}</dt>
                <dd>{item.alt}</dd>
              </dl>
            </>
          )}
          <h2>{m.item.details}</h2>
          <dl class="media-details">
            <dt>{m.item.size}</dt>
            <dd>
              {m.item.pixels(item.width, item.height)}, {Math.max(1, Math.round(item.bytes / 1024))}{' '}
              KB
            </dd>
            <dt>{m.item.uploaded}</dt>
            <dd>{formatLongDate(item.createdAt, ctx.zone, ctx.lang)}</dd>
            {item.originalName && (
              <>
                <dt>{m.item.originalName}</dt>
                <dd>{item.originalName}</dd>
              </>
            )}
          </dl>
          <h2>{m.item.usedIn}</h2>
          <UsedIn ctx={ctx} uses={uses} />
          {canEdit && <ReplaceForm ctx={ctx} item={item} />}
          {canDelete && <DeleteForm ctx={ctx} item={item} />}
        </section>
      </div>
    </NewsroomLayout>
  );
}
