import { pageWindow } from '../../lib/pagination.ts';
import type { SiteContext } from './props.ts';
import { pageUrl } from './urls.ts';

/**
 * Previous / numbered / next links with rel=prev/next; page 1 is `basePath`
 * itself and later pages add `?page=N` (or `&page=N` when basePath has a query).
 */
export function Pager({
  ctx,
  basePath,
  page,
  totalPages,
}: {
  ctx: SiteContext;
  basePath: string;
  page: number;
  totalPages: number;
}) {
  if (totalPages <= 1) return null;
  const m = ctx.m.pager;
  return (
    <nav class="pager" aria-label={m.label}>
      <p class="pager-status">{m.pageOf(page, totalPages)}</p>
      <ul>
        {page > 1 && (
          <li>
            <a class="pill" href={pageUrl(basePath, page - 1)} rel="prev">
              ‹ {m.prev}
            </a>
          </li>
        )}
        {pageWindow(page, totalPages).map((p, i) =>
          p === 'gap' ? (
            <li key={`gap${i}`} class="gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <a class="pill current" href={pageUrl(basePath, p)} aria-current="page">
                  <span class="sr-only">{m.page(p)}</span>
                  <span aria-hidden="true">{p}</span>
                </a>
              ) : (
                <a class="pill" href={pageUrl(basePath, p)} aria-label={m.page(p)}>
                  {p}
                </a>
              )}
            </li>
          ),
        )}
        {page < totalPages && (
          <li>
            <a class="pill" href={pageUrl(basePath, page + 1)} rel="next">
              {m.next} ›
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
