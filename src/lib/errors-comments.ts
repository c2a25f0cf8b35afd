import type { ErrorEntry } from './errors.ts';

/**
 * The errors of readers' comments (issue 4), part of the catalog in errors.ts.
 */

/** Comments (issue 4). */
export const COMMENT_ERRORS = {
  COMMENT_INVALID: {
    status: 400,
    id: 'Komentar belum dapat dikirim. Periksa isian yang ditandai.',
    en: 'Your comment could not be sent yet. Please check the marked fields.',
  },
  COMMENT_FORM_TOKEN: {
    status: 403,
    id: 'Formulir komentar tidak sah. Muat ulang halaman artikel lalu kirim lagi.',
    en: 'The comment form is not valid. Reload the article page and send again.',
  },
  COMMENT_FORM_EXPIRED: {
    status: 400,
    id: 'Formulir komentar sudah kedaluwarsa. Muat ulang halaman lalu kirim lagi; tulisan Anda tetap ada di bawah.',
    en: 'The comment form has expired. Reload the page and send again; your text is kept below.',
  },
  COMMENT_REJECTED: {
    status: 422,
    id: 'Komentar tidak dapat diterima.',
    en: 'The comment could not be accepted.',
  },
  COMMENT_TOO_FAST: {
    status: 429,
    id: 'Komentar Anda terkirim lebih cepat dari biasanya. Tunggu sebentar, lalu kirim lagi; tulisan Anda tetap ada.',
    en: 'Your comment was sent faster than usual. Wait a moment, then send it again; your text is kept.',
  },
  COMMENT_RATE_LIMITED: {
    status: 429,
    id: 'Anda mengirim komentar terlalu cepat. Silakan coba lagi sebentar lagi.',
    en: 'You are sending comments too quickly. Please try again shortly.',
  },
  COMMENT_NETWORK_BUSY: {
    status: 429,
    id: 'Banyak komentar dari jaringan internet Anda saat ini. Silakan coba lagi sebentar lagi.',
    en: 'Many comments are coming from your internet network right now. Please try again shortly.',
  },
  COMMENT_DUPLICATE: {
    status: 409,
    id: 'Komentar yang sama sudah Anda kirim untuk artikel ini.',
    en: 'You have already sent this same comment on this article.',
  },
  COMMENT_BANNED_WORD: {
    status: 422,
    id: 'Komentar Anda memuat kata yang tidak diizinkan di situs ini.',
    en: 'Your comment contains a word that is not allowed on this site.',
  },
  COMMENT_BANNED: {
    status: 403,
    id: 'Anda tidak dapat berkomentar di situs ini.',
    en: 'You cannot comment on this site.',
  },
  COMMENT_CAPTCHA: {
    status: 400,
    id: 'Verifikasi antispam tidak sah. Muat ulang halaman lalu kirim lagi.',
    en: 'The anti-spam check is not valid. Reload the page and send again.',
  },
  COMMENT_CAPTCHA_USED: {
    status: 409,
    id: 'Verifikasi antispam ini sudah dipakai. Kirim lagi dengan verifikasi baru.',
    en: 'This anti-spam check has already been used. Send again with a new check.',
  },
  COMMENT_CLOSED: {
    status: 403,
    id: 'Komentar untuk artikel ini sudah ditutup.',
    en: 'Comments on this article are closed.',
  },
  COMMENT_PARENT: {
    status: 400,
    id: 'Komentar yang ingin Anda balas tidak tersedia.',
    en: 'The comment you are replying to is not available.',
  },
} as const satisfies Record<string, ErrorEntry>;
