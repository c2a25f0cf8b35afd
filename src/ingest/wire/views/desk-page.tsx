import { formatDateline } from '../../../lib/time.ts';
import {
  CsrfField,
  type NewsroomContext,
  NewsroomLayout,
} from '../../../newsroom/views/layout.tsx';
import type { DeskItem } from '../desk.ts';
import { wireText } from '../messages.ts';
import type { WireUpdateNotice } from '../take.ts';

export interface DeskFilterValues {
  sumber?: number;
  rubrik?: number;
  waktu?: string;
  q?: string;
}

export interface DeskPageProps {
  ctx: NewsroomContext;
  items: DeskItem[];
  sources: { id: number; name: string }[];
  sections: { id: number; name: string }[];
  filter: DeskFilterValues;
  latestId: number;
  canTake: boolean;
  canManage: boolean;
  notice?: { kind: 'ok' | 'error' | 'warn'; text: string };
  scriptUrl: string;
}

const WINDOWS = ['1h', '6h', '24h', '7d', '30d'] as const;

/** One desk entry; also rendered alone for the live update. */
export function DeskRow({
  ctx,
  item,
  canTake,
}: {
  ctx: NewsroomContext;
  item: DeskItem;
  canTake: boolean;
}) {
  const m = wireText(ctx.lang).desk;
  const embargoed = item.embargoUntil !== null && item.embargoUntil > ctx.now;
  return (
    <li class="card wire-item" id={`kawat-${item.id}`} data-id={item.id}>
      <p class="nr-meta">
        <strong>{item.sourceName}</strong> ·{' '}
        <time dateTime={new Date(item.receivedAt).toISOString()}>
          {formatDateline(item.receivedAt, ctx.zone, ctx.lang)}
        </time>
        {item.updated && (
          <>
            {' '}
            · <span class="nr-status nr-status-scheduled">{m.updated}</span> (
            {m.version(item.version)})
          </>
        )}
        {item.hasPhoto && <> · {m.photo}</>}
      </p>
      <h3 class="wire-headline">{item.headline}</h3>
      <p>{item.firstLines}</p>
      {embargoed && item.embargoUntil !== null && (
        <p class="notice warn">
          {m.embargo(formatDateline(item.embargoUntil, ctx.zone, ctx.lang))}
        </p>
      )}
      {item.alreadyRan && (
        <p class="notice warn">
          {m.alreadyRan} <a href={item.alreadyRan.url}>{item.alreadyRan.headline}</a>
        </p>
      )}
      {item.siblings.length > 0 && (
        <details>
          <summary>
            {m.alsoFrom} {[...new Set(item.siblings.map((s) => s.sourceName))].join(', ')} (
            {item.siblings.length})
          </summary>
          <ul>
            {item.siblings.map((s) => (
              <li key={s.id}>
                <a href={`#kawat-${s.id}`}>
                  {s.sourceName}: {s.headline}
                </a>
              </li>
            ))}
          </ul>
        </details>
      )}
      {item.takes.map((t) => (
        <p key={t.articleId} class="hint">
          {m.taken(t.by)} · <a href={`/newsroom/artikel/${t.articleId}`}>{m.openDraft}</a>
        </p>
      ))}
      <div class="inline-form">
        {canTake && !embargoed && (
          <form method="post" action={`/newsroom/kawat/${item.id}/ambil`}>
            <CsrfField ctx={ctx} />
            <button class="btn" type="submit">
              {m.take}
            </button>
          </form>
        )}
        {item.url && (
          <a href={item.url} rel="noopener noreferrer nofollow" target="_blank">
            {m.original}
          </a>
        )}
      </div>
    </li>
  );
}

/** The "Masuk" desk: filters, search and the incoming agency stories. */
export function DeskPage(p: DeskPageProps) {
  const { ctx, filter } = p;
  const m = wireText(ctx.lang).desk;
  const windowLabel: Record<(typeof WINDOWS)[number], string> = {
    '1h': m.since1h,
    '6h': m.since6h,
    '24h': m.since24h,
    '7d': m.since7d,
    '30d': m.since30d,
  };
  return (
    <NewsroomLayout ctx={ctx} title={m.title} scripts={[p.scriptUrl]}>
      <h1 class="nr-heading">{m.title}</h1>
      <p class="hint">{m.intro}</p>
      {p.canManage && (
        <p>
          <a href="/newsroom/kawat/sumber">{m.sources}</a>
        </p>
      )}
      {p.notice && (
        <p class={`notice ${p.notice.kind}`} role={p.notice.kind === 'error' ? 'alert' : 'status'}>
          {p.notice.text}
        </p>
      )}
      <form class="filters" method="get" action="/newsroom/kawat" aria-label={m.filters}>
        <label>
          {m.source}{' '}
          <select name="sumber">
            <option value="">{m.any}</option>
            {p.sources.map((s) => (
              <option key={s.id} value={s.id} selected={filter.sumber === s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {m.section}{' '}
          <select name="rubrik">
            <option value="">{m.any}</option>
            {p.sections.map((s) => (
              <option key={s.id} value={s.id} selected={filter.rubrik === s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {m.since}{' '}
          <select name="waktu">
            <option value="">{m.any}</option>
            {WINDOWS.map((w) => (
              <option key={w} value={w} selected={filter.waktu === w}>
                {windowLabel[w]}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {m.search} <input type="search" name="q" value={filter.q ?? ''} maxLength={200} />
        </label>{' '}
        <button class="btn" type="submit">
          {m.apply}
        </button>
      </form>
      <p
        id="wire-live"
        class="notice ok"
        role="status"
        aria-live="polite"
        hidden
        data-after={p.latestId}
      />
      <p class="hint">{m.liveNote}</p>
      {p.items.length === 0 ? <p id="wire-empty">{m.empty}</p> : null}
      <ul id="wire-list" class="wire-list">
        {p.items.map((item) => (
          <DeskRow key={item.id} ctx={ctx} item={item} canTake={p.canTake} />
        ))}
      </ul>
    </NewsroomLayout>
  );
}

/** The banner on a draft whose agency story changed after it was taken. */
export function WireUpdateBanner({
  ctx,
  notice,
}: {
  ctx: NewsroomContext;
  notice: WireUpdateNotice;
}) {
  const m = wireText(ctx.lang).banner;
  const Diff = ({ parts }: { parts: WireUpdateNotice['body'] }) => (
    <p class="wire-diff">
      {parts.map((part, i) =>
        part.op === 'ins' ? (
          <ins key={i}>{part.text}</ins>
        ) : part.op === 'del' ? (
          <del key={i}>{part.text}</del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
  return (
    <div class="notice warn wire-update" role="note">
      <p>
        <strong>{m.title(notice.credit, notice.takenVersion, notice.currentVersion)}</strong>
      </p>
      <p class="hint">{m.legend}</p>
      <h3>{m.headline}</h3>
      <Diff parts={notice.headline} />
      <h3>{m.body}</h3>
      <Diff parts={notice.body} />
    </div>
  );
}
