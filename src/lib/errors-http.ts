import type { ErrorEntry } from './errors.ts';

/**
 * The general errors of any request: missing pages, bad input, limits and the
 * catch-all server error (part of the catalog in errors.ts).
 */

/** Errors any page or request can meet. */
export const HTTP_ERRORS = {
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
  UNSUPPORTED_ENCODING: {
    status: 415,
    id: 'Isi permintaan dikodekan dengan cara yang tidak dikenal. Kirim tanpa kompresi, atau dengan gzip, deflate atau br.',
    en: 'The request body uses an unknown encoding. Send it uncompressed, or with gzip, deflate or br.',
  },
  URL_TOO_LONG: {
    status: 414,
    id: 'Alamat halaman terlalu panjang.',
    en: 'The page address is too long.',
  },
  TOO_LARGE: {
    status: 413,
    id: 'Kiriman Anda terlalu besar.',
    en: 'What you sent is too large.',
  },
  HEADERS_TOO_LARGE: {
    status: 431,
    id: 'Header permintaan terlalu besar. Hapus cookie situs ini lalu coba lagi.',
    en: "The request's headers are too large. Clear this site's cookies and try again.",
  },
  REQUEST_TIMEOUT: {
    status: 408,
    id: 'Permintaan terlalu lama dikirim. Periksa koneksi Anda lalu coba lagi.',
    en: 'The request took too long to arrive. Check your connection and try again.',
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
} as const satisfies Record<string, ErrorEntry>;
