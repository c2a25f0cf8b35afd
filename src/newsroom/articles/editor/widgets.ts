/**
 * Small browser widgets around the editor: the media library picker (used for
 * body photos and the featured photo), "Baca juga" pin search, and the
 * autocomplete of comma-separated fields (tags, bylines) through a datalist.
 */

import type { EditorStrings } from '../messages.ts';

/** One library item as MEDIA's `GET /newsroom/media?format=json` returns it. */
export interface PickerItem {
  id: number;
  thumbUrl: string;
  previewUrl?: string;
  caption: string;
  credit: string;
  alt: string;
  width: number;
  height: number;
}

/** GET JSON from our own server; null on any failure (the widgets just show nothing). */
export async function getJson<T>(url: string): Promise<T | null> {
  try {
    const res = await fetch(url, {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    });
    if (!res.ok) return null;
    return (await res.json()) as T;
  } catch {
    return null;
  }
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

function debounce(fn: () => void, ms: number): () => void {
  let t: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (t) clearTimeout(t);
    t = setTimeout(fn, ms);
  };
}

/** Opens the media library in a dialog; resolves with the chosen photo, or null when closed. */
export function openPicker(mediaUrl: string, s: EditorStrings): Promise<PickerItem | null> {
  return new Promise((resolve) => {
    const dialog = el('dialog', 'nr-picker');
    dialog.setAttribute('aria-label', s.pickerTitle);
    const head = el('div', 'nr-picker-head');
    const title = el('h2', undefined, s.pickerTitle);
    const search = el('input');
    search.type = 'search';
    search.placeholder = s.pickerSearch;
    search.setAttribute('aria-label', s.pickerSearch);
    const close = el('button', 'btn small secondary', s.pickerClose);
    close.type = 'button';
    head.append(title, search, close);
    const grid = el('ul', 'nr-picker-grid');
    dialog.append(head, grid);
    document.body.append(dialog);
    let done = false;
    const finish = (item: PickerItem | null) => {
      if (done) return;
      done = true;
      dialog.close();
      dialog.remove();
      resolve(item);
    };
    close.addEventListener('click', () => finish(null));
    dialog.addEventListener('close', () => finish(null));
    const load = async () => {
      const sep = mediaUrl.includes('?') ? '&' : '?';
      const data = await getJson<PickerItem[] | { items: PickerItem[] }>(
        `${mediaUrl}${sep}q=${encodeURIComponent(search.value.trim())}`,
      );
      const items = Array.isArray(data) ? data : (data?.items ?? []);
      grid.replaceChildren();
      if (items.length === 0) grid.append(el('li', 'hint', s.pickerEmpty));
      for (const item of items) {
        const li = el('li');
        const button = el('button', 'nr-picker-item');
        button.type = 'button';
        const img = el('img');
        img.src = item.thumbUrl;
        img.alt = item.alt || item.caption;
        img.width = 160;
        img.height = item.width > 0 ? Math.round((160 * item.height) / item.width) : 90;
        img.loading = 'lazy';
        button.append(
          img,
          el('span', 'nr-picker-caption', item.caption || `#${item.id}`),
          el('span', 'hint', item.credit),
        );
        button.addEventListener('click', () => finish(item));
        li.append(button);
        grid.append(li);
      }
    };
    search.addEventListener('input', debounce(load, 250));
    dialog.showModal();
    search.focus();
    void load();
  });
}

/** The "Baca juga" pins: search published headlines, keep up to three ids in the hidden input. */
export function setupPins(
  form: HTMLFormElement,
  url: string,
  initial: { id: number; headline: string }[],
  s: EditorStrings,
  onChange: () => void,
): void {
  const hidden = form.elements.namedItem('pins') as HTMLInputElement | null;
  const list = document.getElementById('nr-pins-list');
  const search = document.getElementById('nr-pins-search') as HTMLInputElement | null;
  const results = document.getElementById('nr-pins-results');
  if (!hidden || !list) return;
  let pins = [...initial];
  const render = () => {
    hidden.value = pins.map((p) => p.id).join(',');
    list.replaceChildren(
      ...pins.map((p) => {
        const li = el('li', undefined, `${p.headline} `);
        if (search) {
          const rm = el('button', 'btn small secondary', s.remove);
          rm.type = 'button';
          rm.addEventListener('click', () => {
            pins = pins.filter((x) => x.id !== p.id);
            render();
            onChange();
          });
          li.append(rm);
        }
        return li;
      }),
    );
  };
  render();
  if (!search || !results) return;
  articleSearch(search, results, url, s, {
    taken: (id) => pins.length >= 3 || pins.some((p) => p.id === id),
    pick: (a) => {
      pins.push(a);
      render();
      onChange();
    },
  });
}

/**
 * The published-headline autocomplete shared by the "Baca juga" pins and the
 * placed "Baca juga" block: typing in `search` lists matches in `results`, each
 * a button that hands the article to `pick` (disabled when `taken`).
 */
export function articleSearch(
  search: HTMLInputElement,
  results: HTMLElement,
  url: string,
  s: EditorStrings,
  on: {
    taken?: (id: number) => boolean;
    pick: (article: { id: number; headline: string }) => void;
  },
): void {
  search.addEventListener(
    'input',
    debounce(async () => {
      const q = search.value.trim();
      results.replaceChildren();
      if (!q) return;
      const found =
        (await getJson<{ id: number; headline: string }[]>(`${url}?q=${encodeURIComponent(q)}`)) ??
        [];
      if (found.length === 0) results.append(el('li', 'hint', s.noResults));
      for (const a of found) {
        const li = el('li');
        const add = el('button', 'btn small secondary', `${s.add}: ${a.headline}`);
        add.type = 'button';
        add.disabled = on.taken?.(a.id) ?? false;
        add.addEventListener('click', () => {
          if (on.taken?.(a.id)) return;
          on.pick({ id: a.id, headline: a.headline });
          results.replaceChildren();
          search.value = '';
        });
        li.append(add);
        results.append(li);
      }
    }, 250),
  );
}

/**
 * Asks for the article of a placed "Baca juga" in a dialog with the headline
 * search; resolves with it, or null when closed.
 */
export function pickArticle(
  url: string,
  s: EditorStrings,
): Promise<{ id: number; headline: string } | null> {
  return new Promise((resolve) => {
    const dialog = el('dialog', 'nr-picker nr-read-also');
    dialog.setAttribute('aria-label', s.readAlsoTitle);
    const head = el('div', 'nr-picker-head');
    const title = el('h2', undefined, s.readAlsoTitle);
    const search = el('input');
    search.type = 'search';
    search.autocomplete = 'off';
    search.placeholder = s.readAlsoSearch;
    search.setAttribute('aria-label', s.readAlsoSearch);
    const close = el('button', 'btn small secondary', s.pickerClose);
    close.type = 'button';
    head.append(title, search, close);
    const results = el('ul', 'nr-results');
    dialog.append(head, results);
    document.body.append(dialog);
    let done = false;
    const finish = (item: { id: number; headline: string } | null) => {
      if (done) return;
      done = true;
      dialog.close();
      dialog.remove();
      resolve(item);
    };
    close.addEventListener('click', () => finish(null));
    dialog.addEventListener('close', () => finish(null));
    articleSearch(search, results, url, s, { pick: finish });
    dialog.showModal();
    search.focus();
  });
}

/** Autocomplete for a comma-separated field: suggestions complete the last item. */
export function setupListAutocomplete(
  input: HTMLInputElement | null,
  datalist: HTMLDataListElement | null,
  url: string,
): void {
  if (!input || !datalist) return;
  input.addEventListener(
    'input',
    debounce(async () => {
      const parts = input.value.split(',');
      const last = (parts.pop() ?? '').trim();
      if (last.length < 2) return;
      const prefix = parts.map((p) => p.trim()).filter(Boolean);
      const found = (await getJson<string[]>(`${url}?q=${encodeURIComponent(last)}`)) ?? [];
      datalist.replaceChildren(
        ...found
          .filter((name) => !prefix.includes(name))
          .map((name) => {
            const option = document.createElement('option');
            option.value = [...prefix, name].join(', ');
            return option;
          }),
      );
    }, 200),
  );
}
