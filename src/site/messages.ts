import { defineCatalog, type Lang, type Widen } from '../lib/i18n.ts';
import { en } from './i18n/en.ts';
import { id } from './i18n/id.ts';

/** The public site's interface text; `i18n/id.ts` is the source of truth for keys. */
export const siteMessages = defineCatalog('site', id, en);

/** The shape of the site catalog. */
export type Messages = Widen<typeof id>;

/** The interface catalog for a language; unknown languages fall back to Indonesian. */
export function messages(lang: Lang): Messages {
  return siteMessages.t(lang);
}
