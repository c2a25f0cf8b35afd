import { API_ERRORS } from './errors-api.ts';
import { COMMENT_ERRORS } from './errors-comments.ts';
import { HTTP_ERRORS } from './errors-http.ts';
import { MEDIA_ERRORS } from './errors-media.ts';
import { SITE_ADMIN_ERRORS, STAFF_ERRORS, WIRE_ERRORS, WRITING_ERRORS } from './errors-newsroom.ts';
import type { Lang } from './i18n.ts';

/** One catalog entry: the HTTP status and the message in Indonesian and English. */
export interface ErrorEntry {
  status: number;
  id: string;
  en: string;
}

/**
 * The one error catalog. Each error has a stable code, an HTTP status and a
 * message in Indonesian and English; the entries live by area in errors-*.ts
 * and are gathered here (a code must be unique across them). Anything thrown
 * that is not an AppError is answered as a generic 500 that leaks no SQL or
 * stack trace.
 */
export const ERRORS = {
  ...HTTP_ERRORS,
  ...STAFF_ERRORS,
  ...WRITING_ERRORS,
  ...COMMENT_ERRORS,
  ...MEDIA_ERRORS,
  ...WIRE_ERRORS,
  ...API_ERRORS,
  ...SITE_ADMIN_ERRORS,
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    options?: { cause?: unknown },
  ) {
    super(detail ? `${code}: ${detail}` : code, options);
    this.name = 'AppError';
    this.status = ERRORS[code].status;
  }

  /** The reader-facing message in the given language. */
  messageIn(lang: Lang): string {
    return ERRORS[this.code][lang];
  }
}

/**
 * Normalises anything thrown into an AppError; unknown errors become INTERNAL.
 * The original error is kept as `cause`, so the log of a 500 names what broke
 * while the reader sees only the catalog message.
 */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const cause = { cause: err };
  const status = (err as { statusCode?: number })?.statusCode;
  if (status === 404) return new AppError('NOT_FOUND', undefined, cause);
  if (status === 413) return new AppError('TOO_LARGE', undefined, cause);
  if (status === 414) return new AppError('URL_TOO_LONG', undefined, cause);
  if (status === 429) return new AppError('RATE_LIMITED', undefined, cause);
  if (status && status >= 400 && status < 500) return new AppError('BAD_REQUEST', undefined, cause);
  return new AppError('INTERNAL', undefined, cause);
}

/** The error a 500 should be logged with: the underlying cause where there is one. */
export function errorForLog(err: unknown): unknown {
  return err instanceof AppError && err.cause !== undefined ? err.cause : err;
}
