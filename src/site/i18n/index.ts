import type { Lang } from '../../lib/errors.ts';
import { en } from './en.ts';
import { id } from './id.ts';

/** Turns literal types into plain `string` and keeps function signatures (returning string). */
type Widen<T> = {
  [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends (...args: infer A) => string
      ? (...args: A) => string
      : Widen<T[K]>;
};

/** The shape of every interface catalog; `id` is the source of truth for keys. */
export type Messages = Widen<typeof id>;

const CATALOGS: Record<Lang, Messages> = { id, en };

/** The interface catalog for a language; unknown languages fall back to Indonesian. */
export function messages(lang: Lang): Messages {
  return CATALOGS[lang] ?? id;
}
