import { z } from 'zod';
import { QUEUE_VIEWS } from './moderation.ts';
import { LIMITS } from './validate.ts';

/**
 * The comment routes' input contracts, declared on each route through the zod
 * type provider. Reader forms are parsed loosely here (optional strings with
 * generous caps) because the field-by-field messages in the reader's language
 * come from validate.ts; a body that does not fit is still handed to it.
 */

const ID_TEXT = z.string().regex(/^[1-9]\d{0,9}$/);
/** An optional id in a query string; anything else reads as absent. */
const optionalId = ID_TEXT.transform(Number).optional().catch(undefined);
const text = (max: number) => z.string().max(max).optional();

/** /:section/:id/:slug — the id is checked against the store (404), not here. */
export const articlePathParams = z.object({
  section: z.string().max(200),
  id: z.string().max(20),
  slug: z.string().max(300),
});

/** GET /komentar/tantangan?artikel=ID */
export const challengeQuery = z.object({ artikel: ID_TEXT });

/** The comment form (urlencoded or JSON), unknown fields dropped. */
export const commentFormBody = z.object({
  _token: text(200),
  body: text(LIMITS.body * 4),
  name: text(LIMITS.name * 4),
  email: text(LIMITS.email * 4),
  website: text(LIMITS.website * 4),
  parent: text(20),
  notify: z.union([z.string().max(10), z.boolean()]).optional(),
  telepon: text(1000),
  altcha: text(4000),
});

/** GET the form set to reply: ?balas=ID (anything else opens the comments). */
export const replyQuery = z.object({ balas: optionalId });

/** POST /komentar/:id/laporkan — the id is checked against the store (404). */
export const reportParams = z.object({ id: z.string().max(20) });
export const reportBody = z.object({ _token: text(200) }).nullish();

// Moderators. Bodies keep unknown fields: the newsroom's CSRF check reads `_csrf`.

const MOD_ACTION = z.enum(['approve', 'reject', 'spam', 'trash', 'restore']);

/** The queue: view, filters and the notice after a redirect. */
export const queueQuery = z.object({
  tampilan: z.enum(QUEUE_VIEWS).optional().catch(undefined),
  artikel: optionalId,
  rubrik: optionalId,
  ok: z
    .string()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .optional()
    .catch(undefined),
  ban: z.string().max(5).optional().catch(undefined),
  none: z.string().max(5).optional().catch(undefined),
});

/** One action (`one=approve:12`), a bulk action (`action` + `ids`) or a ban (`ban=email:12`). */
export const queueActionBody = z.looseObject({
  back: text(1000),
  one: z
    .string()
    .max(40)
    .regex(/^(approve|reject|spam|trash|restore):[1-9]\d{0,9}$/)
    .transform((v) => {
      const [action, id] = v.split(':');
      return { action: MOD_ACTION.parse(action), id: Number(id) };
    })
    .optional(),
  ban: z
    .string()
    .max(40)
    .regex(/^(email|ip):[1-9]\d{0,9}$/)
    .transform((v) => {
      const [kind, id] = v.split(':');
      return { kind: kind === 'ip' ? ('ip' as const) : ('email' as const), id: Number(id) };
    })
    .optional(),
  action: MOD_ACTION.optional(),
  ids: z
    .union([z.string(), z.array(z.string()).max(1000)])
    .optional()
    .transform((v) =>
      [
        ...new Set(
          (v === undefined ? [] : Array.isArray(v) ? v : [v])
            .filter((x) => /^[1-9]\d{0,9}$/.test(x))
            .map(Number),
        ),
      ].slice(0, 500),
    ),
});

export const settingsQuery = z.object({ ok: z.string().max(5).optional().catch(undefined) });

/** The word lists, one entry a line. */
export const wordsBody = z.looseObject({ banned: text(200_000), suspect: text(200_000) });

export const banParams = z.object({ id: z.string().max(20) });

/** The settings form: numbers as typed (checked by saveSettings), modes per section as `section_ID`. */
export const settingsBody = z.record(z.string().max(100), z.string().max(1000));

/** A reader's data request: export or delete everything under an email. */
export const dataRequestBody = z.looseObject({
  email: text(1000),
  action: text(20),
});
