import { z } from 'zod';
import { cleanText, plainText } from '../lib/plain-text.ts';

/**
 * Shapes shared by the newsroom's route schemas. A browser form sends text, or
 * a list of texts when a field is repeated; the handlers turn anything but one
 * text into the field's own message in the staff member's language, so the
 * schema accepts both and refuses the rest (objects, numbers) with 400.
 */

/** One form field as a browser can send it: text, or repeated text. */
export const formField = z.union([z.string(), z.array(z.string())]).optional();
export type FormField = z.infer<typeof formField>;

/**
 * One text field of a form as staff type it: text or repeated text, each
 * cleaned of control and text-direction characters (`plainText`) before the
 * handler sees it. For every field that is stored and shown; never for
 * passwords, tokens or codes, which are compared exactly as typed.
 */
export function formText(opts: { multiline?: boolean } = {}) {
  return z.union([plainText(opts), z.array(plainText(opts))]).optional();
}

/**
 * A text field of the article editor, which a form post sends as text and the
 * editor script as JSON: a string is cleaned like `formText`; any other shape
 * passes unchanged to the handler, which answers it with the field's own
 * message in the staff member's language.
 */
export function editorText(opts: { multiline?: boolean } = {}) {
  return z
    .unknown()
    .optional()
    .transform((v) => (typeof v === 'string' ? cleanText(v, opts) : v));
}

/** The CSRF token a form carries; the auth layer checks it after validation. */
const csrf = { _csrf: z.string().optional() };

/** A form body with these fields (and the CSRF token); a request without a body reads as an empty form. */
export function formBody<T extends z.ZodRawShape>(shape: T) {
  return z.preprocess((v) => v ?? {}, z.object({ ...csrf, ...shape }));
}

/** A query string with these fields (and a CSRF token, which some links carry). */
export function query<T extends z.ZodRawShape>(shape: T) {
  return z.object({ ...csrf, ...shape });
}

/** A positive database id from the URL (an integer below 2^31). */
export const idString = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);
