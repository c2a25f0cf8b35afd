import type { SiteContext } from './props.ts';

/** GET /cari form with a real label; `id` keeps several forms on one page unique. */
export function SearchForm({
  ctx,
  id,
  query = '',
  class: cls = 'search-form',
  visibleLabel = false,
}: {
  ctx: SiteContext;
  id: string;
  query?: string;
  class?: string;
  visibleLabel?: boolean;
}) {
  const m = ctx.m.search;
  return (
    <search class={cls}>
      <form method="get" action="/cari">
        <label for={id} class={visibleLabel ? 'search-label' : 'sr-only'}>
          {m.label}
        </label>
        <input
          id={id}
          type="search"
          name="q"
          value={query}
          placeholder={m.placeholder}
          autocomplete="off"
          enterkeyhint="search"
          maxlength={200}
        />
        <button type="submit">{m.button}</button>
      </form>
    </search>
  );
}
