import { z } from 'zod';

/**
 * The wire desk routes' input contracts. Forms are parsed loosely (strings
 * with caps); field-by-field messages come from sources.ts's validation.
 * Bodies keep unknown fields: the newsroom's CSRF check reads `_csrf`.
 */

const ID_TEXT = z.string().regex(/^[1-9]\d{0,9}$/);
const optionalId = ID_TEXT.transform(Number).optional().catch(undefined);
const text = (max: number) => z.string().max(max).optional().default('');

export const WINDOW_MS = {
  '1h': 3600_000,
  '6h': 6 * 3600_000,
  '24h': 24 * 3600_000,
  '7d': 7 * 24 * 3600_000,
  '30d': 30 * 24 * 3600_000,
} as const;

/** GET /newsroom/kawat and its live update. */
export const deskQuery = z.object({
  sumber: optionalId,
  rubrik: optionalId,
  waktu: z.enum(['1h', '6h', '24h', '7d', '30d']).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
  setelah: z
    .string()
    .regex(/^\d{1,10}$/)
    .transform(Number)
    .optional()
    .catch(undefined),
  ok: z.enum(['1', 'foto']).optional().catch(undefined),
});

export const idParams = z.object({ id: ID_TEXT.transform(Number) });

export const sourceQuery = z.object({ ok: z.enum(['1', 'periksa']).optional().catch(undefined) });

/** The source form. */
export const sourceBody = z.looseObject({
  name: text(500),
  format: z.enum(['auto', 'rss', 'atom', 'jsonfeed', 'ninjs', 'newsml']).catch('auto'),
  url: text(4000),
  folder: text(2000),
  credit: text(500),
  photoCredit: text(500),
  sectionId: text(20),
  intervalS: text(20),
  authKind: z.enum(['none', 'basic', 'token']).catch('none'),
  authUser: text(1000),
  authSecret: text(2000),
  tokenHeader: text(500),
  replace: text(20_000),
  strip: text(20_000),
  enabled: z.string().max(10).optional(),
});
