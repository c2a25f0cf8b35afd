/**
 * The WRITING part of the newsroom's interface text: article list, editor,
 * desk, revision history, field messages and the editor script's strings.
 * Indonesian first (messages-id.ts); English has exactly the same keys
 * (messages-en.ts).
 */
import { defineCatalog } from '../../lib/i18n.ts';
import { en } from './messages-en.ts';
import { id } from './messages-id.ts';

type Catalog = typeof id;

/** The WRITING catalog in both languages. */
export const articleMessages = defineCatalog('newsroom-articles', id, en);
export type ArticleMessages = Catalog;

/** The editor script's strings (functions cannot cross into the browser as JSON). */
export function editorStrings(m: ArticleMessages) {
  const { savedAt, restoreLocal, ...rest } = m.editor;
  return {
    ...rest,
    savedAt: savedAt('{time}'),
    restoreLocal: restoreLocal('{time}'),
    lockLost: m.lock.lost,
    heldBy: m.lock.heldBy('{name}', '{since}'),
    takeOver: m.lock.takeOver,
    featuredNone: m.edit.featuredNone,
    saved: m.edit.saved,
    pinsSearch: m.edit.pinsSearch,
  };
}
export type EditorStrings = ReturnType<typeof editorStrings>;
