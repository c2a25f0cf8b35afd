/**
 * The one shape for every text a person reads. Each capability keeps its own
 * catalog in its `messages.ts`, made with `defineCatalog`: Indonesian is the
 * source of truth for the keys, English must have exactly the same ones (the
 * type says so, and `i18n.test.ts` walks every registered catalog). Error
 * messages live in the same shape in `lib/errors.ts`, with a status each.
 */
export type Lang = 'id' | 'en';

export const LANGS: readonly Lang[] = ['id', 'en'];

/** Parses a language setting or a `lang` field; anything else is Indonesian. */
export function toLang(value: unknown): Lang {
  return value === 'en' ? 'en' : 'id';
}

/** Turns literal types into plain `string` and keeps function signatures (returning string). */
export type Widen<T> = {
  [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends (...args: infer A) => string
      ? (...args: A) => string
      : Widen<T[K]>;
};

/** A capability's catalog: one entry per language, same keys in each. */
export type Catalog<T> = Readonly<Record<Lang, T>> & {
  /** The catalog's name in test output ("comments", "site"…). */
  readonly name: string;
  /** The texts for a language; Indonesian for anything unknown. */
  t(lang: Lang | string | undefined): T;
};

const registry: Catalog<unknown>[] = [];

/** Declares a capability's catalog; `en` must have the keys and signatures of `id`. */
export function defineCatalog<T>(name: string, id: T, en: Widen<T>): Catalog<Widen<T>> {
  const catalog: Catalog<Widen<T>> = {
    name,
    id: id as Widen<T>,
    en,
    t: (lang) => (lang === 'en' ? en : (id as Widen<T>)),
  };
  registry.push(catalog as Catalog<unknown>);
  return catalog;
}

/** Every catalog defined so far (the key-parity test imports all `messages.ts` first). */
export function registeredCatalogs(): readonly Catalog<unknown>[] {
  return registry;
}
