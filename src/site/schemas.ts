import { z } from 'zod';

/**
 * The public site's request contract. Schemas accept any string a URL can
 * carry: the route then answers a malformed value with its own reader-facing
 * error (BAD_PAGE, BAD_DATE, NOT_FOUND) in the site language, which a bare
 * schema failure (a generic 400) could not.
 */

/** One query-string value: a string, or several when the key repeats. */
export const queryValue = z.union([z.string(), z.array(z.string())]).optional();

/** `?page=` on every paged list (parsed by parsePage: anything else is BAD_PAGE). */
export const pageQuery = z.looseObject({ page: queryValue });

/** `/tag/:slug`, `/penulis/:slug`. */
export const slugParams = z.object({ slug: z.string() });

/** `/:section` (and its feed). */
export const sectionParams = z.object({ section: z.string() });

/** `/arsip/:y[/:m[/:d]]` (checked by the route: a bad date is BAD_DATE). */
export const archiveParams = z.object({
  y: z.string(),
  m: z.string().optional(),
  d: z.string().optional(),
});

/** `/:section/:id[/:slug]` (an id that is not a number is NOT_FOUND). */
export const articleParams = z.object({
  section: z.string(),
  id: z.string(),
  slug: z.string().optional(),
});

/** First value of a query-string key ('' when absent). */
export function firstValue(v: string | string[] | undefined): string {
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}
