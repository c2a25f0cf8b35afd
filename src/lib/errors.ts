/**
 * The one error catalog. Each error has a stable code, an HTTP status and a
 * message in Indonesian and English. Anything thrown that is not an AppError is
 * answered as a generic 500 that leaks no SQL or stack trace.
 */
export const ERRORS = {
  NOT_FOUND: {
    status: 404,
    id: 'Halaman yang Anda cari tidak ditemukan.',
    en: 'The page you are looking for could not be found.',
  },
  GONE: {
    status: 410,
    id: 'Artikel ini telah dihapus dan tidak lagi tersedia.',
    en: 'This article has been removed and is no longer available.',
  },
  BAD_PAGE: {
    status: 400,
    id: 'Nomor halaman tidak valid. Gunakan angka 1 atau lebih.',
    en: 'Invalid page number. Use a number of 1 or more.',
  },
  BAD_REQUEST: {
    status: 400,
    id: 'Permintaan tidak valid.',
    en: 'The request is not valid.',
  },
  BAD_DATE: {
    status: 400,
    id: 'Tanggal arsip tidak valid.',
    en: 'The archive date is not valid.',
  },
  URL_TOO_LONG: {
    status: 414,
    id: 'Alamat halaman terlalu panjang.',
    en: 'The page address is too long.',
  },
  RATE_LIMITED: {
    status: 429,
    id: 'Terlalu banyak permintaan. Silakan coba lagi sebentar lagi.',
    en: 'Too many requests. Please try again shortly.',
  },
  INTERNAL: {
    status: 500,
    id: 'Terjadi kesalahan di server kami. Silakan coba lagi nanti.',
    en: 'Something went wrong on our server. Please try again later.',
  },
} as const satisfies Record<string, { status: number; id: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;
export type Lang = 'id' | 'en';

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'AppError';
    this.status = ERRORS[code].status;
  }

  /** The reader-facing message in the given language. */
  messageIn(lang: Lang): string {
    return ERRORS[this.code][lang];
  }
}

/** Normalises anything thrown into an AppError; unknown errors become INTERNAL. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const status = (err as { statusCode?: number })?.statusCode;
  if (status === 404) return new AppError('NOT_FOUND');
  if (status === 414) return new AppError('URL_TOO_LONG');
  if (status === 429) return new AppError('RATE_LIMITED');
  if (status && status >= 400 && status < 500) return new AppError('BAD_REQUEST');
  return new AppError('INTERNAL');
}
