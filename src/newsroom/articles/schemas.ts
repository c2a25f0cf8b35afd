import { z } from 'zod';
import { editorText, formBody, formField, formText, query } from '../schemas.ts';

/**
 * The contract of the article routes. The editor's fields are declared but
 * accepted in any shape: `parseArticleForm` answers a wrong shape with the
 * field's own message in the staff member's language (a repeated headline, an
 * object where text belongs), which a schema error could not do.
 */

/** The article id in the URL; anything but a plain positive number answers 404 (see `idParam`). */
export const articleParams = z.object({ id: z.string() });
/** The article and one of its revisions. */
export const revisionParams = z.object({ id: z.string(), rev: z.string() });

/** A field of the editor, checked by `parseArticleForm`. */
const editorField = z.unknown().optional();
/** A text field of the editor: cleaned of control and text-direction characters, then checked. */
const textField = editorText();

/** The editor's save and autosave: a form post or the editor script's JSON. */
export const articleEditBody = formBody({
  version: editorField,
  headline: textField,
  deck: textField,
  slug: textField,
  sectionId: editorField,
  tags: textField,
  bylines: textField,
  bylineInitials: textField,
  dateline: textField,
  sourceCredit: textField,
  featuredMediaId: editorField,
  featuredCaption: textField,
  featuredCredit: textField,
  featuredAlt: textField,
  featuredArchive: editorField,
  pins: editorField,
  commentsOpen: editorField,
  seoTitle: textField,
  seoDescription: textField,
  body: editorField,
});
export type ArticleEditBody = z.infer<typeof articleEditBody>;

/** A new draft: its headline and section (checked field by field by the route). */
export const newArticleBody = formBody({ headline: textField, sectionId: editorField });

/** A workflow button: the action and, for schedule and send-back, its input. */
export const workflowActionBody = formBody({
  action: formField,
  scheduleAt: formField,
  note: formText({ multiline: true }),
  back: formField,
  /** For `publish` of an article published before: '1' puts the publication time at now. */
  bump: formField,
});

/** The home lead form: '1' makes the article the lead story, '0' clears it. */
export const leadBody = formBody({ lead: formField });

/** Restoring a revision: the version the restorer's page showed. */
export const restoreBody = formBody({ version: formField });

export const articleListQuery = query({ page: formField, status: formField, scope: formField });
export const editPageQuery = query({
  done: formField,
  saved: formField,
  restored: formField,
  kawat: formField,
});
export const deskQuery = query({ done: formField });
export const historyQuery = query({ rev: formField, restored: formField });

/** The editor's autocomplete: what is looked up (an unknown kind answers 404), and the typed text. */
export const suggestParams = z.object({
  kind: z.string().describe("'tag' (tag names), 'orang' (people) or 'artikel' (live articles)"),
});
export const suggestQuery = query({
  q: z.string().optional().describe('what the writer typed; cut to 100 characters'),
});
/** Tag or person names, or live articles with their publication time (epoch ms). */
export const suggestResponse = z.union([
  z.array(z.string()),
  z.array(z.object({ id: z.number().int(), headline: z.string(), publishedAt: z.number() })),
]);

/** The editor script's file name, as the page links it. */
export const editorFileParams = z.object({ file: z.string() });
