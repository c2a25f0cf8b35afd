/**
 * In-memory read caches (navigation, settings, related lists…) must never
 * serve data older than the last write made through the same database handle.
 * openDb's query log calls `noteWrite` after every statement that may have
 * written; `memoRead` keeps a value only while no write happened since it was
 * loaded and for at most `ttlMs` (the bound for changes made by another
 * process). Domain-event listeners call `forgetReads` for the same effect.
 */

interface Entry {
  gen: number;
  until: number;
  value: Promise<unknown>;
}

interface State {
  gen: number;
  entries: Map<string, Entry>;
}

const states = new WeakMap<object, State>();

/** Most entries kept per database; the oldest go first. */
const MAX_ENTRIES = 2000;

/** Marks that data behind this handle may have changed: every cached read is dropped. */
export function noteWrite(db: object): void {
  const state = states.get(db);
  if (state) {
    state.gen++;
    state.entries.clear();
  } else states.set(db, { gen: 1, entries: new Map() });
}

/** Drops every in-memory read of this database (domain events call it). */
export function forgetReads(db: object): void {
  noteWrite(db);
}

/**
 * `load()`'s value, cached under `key` for this database handle until a write
 * through the handle, `forgetReads`, or `ttlMs` passes. A handle openDb did not
 * make (a transaction) is never cached: its writes would not be seen.
 * Concurrent callers share one load; a failed load is not kept.
 */
export function memoRead<T>(
  db: object,
  key: string,
  ttlMs: number,
  load: () => Promise<T>,
  now = Date.now(),
): Promise<T> {
  const state = states.get(db);
  if (!state) return load();
  const hit = state.entries.get(key);
  if (hit && hit.gen === state.gen && hit.until > now) return hit.value as Promise<T>;
  const gen = state.gen;
  const value = load();
  const entry: Entry = { gen, until: now + ttlMs, value };
  if (state.entries.size >= MAX_ENTRIES) {
    const oldest = state.entries.keys().next().value;
    if (oldest !== undefined) state.entries.delete(oldest);
  }
  state.entries.delete(key);
  state.entries.set(key, entry);
  value.catch(() => {
    if (state.entries.get(key) === entry) state.entries.delete(key);
  });
  return value;
}

/** Registers a handle whose reads may be cached (openDb does this for every database it opens). */
export function trackWrites(db: object): void {
  if (!states.has(db)) states.set(db, { gen: 0, entries: new Map() });
}
