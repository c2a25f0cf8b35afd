/**
 * The AUTH part of the newsroom's interface text: chrome and navigation, login,
 * account, two-step verification, password reset, setup, staff, audit and
 * outbox pages. Indonesian first (messages-id.ts); English has exactly the
 * same keys (messages-en.ts).
 */
import { defineCatalog } from '../lib/i18n.ts';
import { en } from './messages-en.ts';
import { id } from './messages-id.ts';

type Catalog = typeof id;

/** The catalog: `authMessages[lang]`. */
export const authMessages = defineCatalog('newsroom', id, en);
export type AuthMessages = Catalog;
