import type { Lang } from './i18n.ts';

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
  // --- Newsroom: staff and security (AUTH) ---
  NOT_LOGGED_IN: {
    status: 401,
    id: 'Sesi Anda telah berakhir atau Anda belum masuk. Silakan masuk lagi.',
    en: 'Your session has ended or you are not logged in. Please log in again.',
  },
  FORBIDDEN: {
    status: 403,
    id: 'Anda tidak memiliki izin untuk tindakan ini.',
    en: 'You do not have permission to do this.',
  },
  CSRF_INVALID: {
    status: 403,
    id: 'Formulir ini kedaluwarsa atau tidak sah. Muat ulang halaman lalu coba lagi.',
    en: 'This form has expired or is not valid. Reload the page and try again.',
  },
  TWO_FACTOR_REQUIRED: {
    status: 403,
    id: 'Akun admin wajib memakai verifikasi dua langkah. Aktifkan dulu di halaman akun.',
    en: 'Admin accounts must use two-step verification. Turn it on in your account page first.',
  },
  INVALID_EMAIL: {
    status: 400,
    id: 'Alamat email tidak valid.',
    en: 'The email address is not valid.',
  },
  INVALID_NAME: {
    status: 400,
    id: 'Nama wajib diisi dan paling banyak 100 karakter.',
    en: 'The name is required and may be at most 100 characters.',
  },
  WEAK_PASSWORD: {
    status: 400,
    id: 'Kata sandi minimal 10 karakter dan tidak boleh kata sandi umum.',
    en: 'The password must have at least 10 characters and must not be a common password.',
  },
  EMAIL_TAKEN: {
    status: 409,
    id: 'Sudah ada akun dengan alamat email ini.',
    en: 'An account with this email address already exists.',
  },
  // --- Newsroom: writing and the workflow (WRITING) ---
  WORKFLOW_FORBIDDEN: {
    status: 403,
    id: 'Anda tidak berwenang melakukan tindakan ini pada artikel ini.',
    en: 'You are not allowed to do this to this article.',
  },
  WORKFLOW_INVALID: {
    status: 409,
    id: 'Tindakan ini tidak bisa dilakukan pada artikel dengan status sekarang. Muat ulang halaman untuk melihat statusnya.',
    en: "This action is not possible in the article's current state. Reload the page to see its state.",
  },
  SCHEDULE_REQUIRED: {
    status: 400,
    id: 'Isi tanggal dan jam terbit untuk menjadwalkan artikel.',
    en: 'Enter a publication date and time to schedule the article.',
  },
  SCHEDULE_IN_PAST: {
    status: 400,
    id: 'Waktu terbit terjadwal harus di masa depan.',
    en: 'The scheduled publication time must be in the future.',
  },
  BAD_DATETIME: {
    status: 400,
    id: 'Tanggal atau jam tidak valid. Gunakan format tanggal dan jam yang benar.',
    en: 'The date or time is not valid.',
  },
  NOTE_REQUIRED: {
    status: 400,
    id: 'Tulis catatan untuk penulis saat mengembalikan artikel ke draf.',
    en: 'Write a note to the author when sending the article back to draft.',
  },
  REASON_REQUIRED: {
    status: 400,
    id: 'Tulis alasan menurunkan artikel ini; alasan disimpan di riwayat.',
    en: 'Write why this article is taken down; the reason is kept in the history.',
  },
  REVIEW_STARTED: {
    status: 409,
    id: 'Redaktur sudah mulai memeriksa naskah ini, jadi tidak bisa ditarik lagi. Minta redaktur mengembalikannya ke draf.',
    en: 'An editor has started reviewing this article, so it can no longer be withdrawn. Ask the editor to send it back to draft.',
  },
  NOTE_TOO_LONG: {
    status: 400,
    id: 'Catatan paling banyak 1000 karakter.',
    en: 'The note may be at most 1000 characters.',
  },
  STALE_VERSION: {
    status: 409,
    id: 'Artikel ini sudah diubah orang lain sejak Anda membukanya. Perubahan Anda TIDAK ditimpakan; salinan Anda tetap ada di peramban. Muat ulang untuk melihat versi terbaru.',
    en: 'Someone else changed this article since you opened it. Your changes were NOT written over theirs; your copy is kept in the browser. Reload to see the latest version.',
  },
  ARTICLE_LOCKED: {
    status: 409,
    id: 'Artikel ini sedang disunting orang lain. Ambil alih dulu bila Anda perlu menyimpan.',
    en: 'Someone else is editing this article. Take over first if you need to save.',
  },
  SLUG_TAKEN: {
    status: 409,
    id: 'Slug ini sudah dipakai artikel lain. Pilih slug lain.',
    en: 'This slug is already used by another article. Choose another one.',
  },
  ARTICLE_INVALID: {
    status: 400,
    id: 'Beberapa isian belum benar. Periksa pesan di setiap isian.',
    en: 'Some fields are not right. Check the message at each field.',
  },
  ALT_TEXT_MISSING: {
    status: 409,
    id: 'Artikel belum bisa diterbitkan: ada foto tanpa teks alternatif (alt). Lengkapi teks alt foto itu di pustaka media.',
    en: 'The article cannot be published yet: a photo has no alternative (alt) text. Add it in the media library.',
  },
  // --- Comments (issue 4) ---
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
  // --- Newsroom: media library (MEDIA) ---
  MEDIA_NO_FILE: {
    status: 400,
    id: 'Belum ada berkas yang dipilih. Pilih foto yang akan diunggah.',
    en: 'No file was chosen. Choose a photo to upload.',
  },
  MEDIA_EMPTY_FILE: {
    status: 400,
    id: 'Berkas itu kosong (0 byte). Pilih foto lain.',
    en: 'That file is empty (0 bytes). Choose another photo.',
  },
  MEDIA_UNSUPPORTED_TYPE: {
    status: 415,
    id: 'Jenis berkas ini tidak diterima. Unggah foto JPEG, PNG, WebP, AVIF atau GIF; SVG, PDF, dokumen dan program ditolak, apa pun nama berkasnya.',
    en: 'This kind of file is not accepted. Upload a JPEG, PNG, WebP, AVIF or GIF photo; SVG, PDF, documents and programs are refused, whatever the file name.',
  },
  MEDIA_CORRUPT: {
    status: 400,
    id: 'Foto ini rusak atau tidak lengkap (mungkin unggahan terputus). Simpan ulang foto itu lalu unggah lagi.',
    en: 'This photo is damaged or incomplete (the upload may have been cut off). Save the photo again and upload it again.',
  },
  MEDIA_FILE_TOO_LARGE: {
    status: 413,
    id: 'Berkas terlalu besar. Ukuran paling besar 20 MB; perkecil atau ekspor ulang fotonya.',
    en: 'The file is too large. The limit is 20 MB; make the photo smaller or export it again.',
  },
  MEDIA_TOO_MANY_PIXELS: {
    status: 413,
    id: 'Ukuran gambar terlalu besar: paling banyak 50 megapiksel. Perkecil dimensi foto lalu unggah lagi.',
    en: 'The image dimensions are too large: at most 50 megapixels. Reduce the photo’s dimensions and upload again.',
  },
  MEDIA_SIDE_TOO_LONG: {
    status: 422,
    id: 'Ukuran gambar tidak wajar: sisi terpanjang paling banyak 16.000 piksel. Perkecil foto lalu unggah lagi.',
    en: 'The image dimensions are not plausible: the longest side may be at most 16,000 pixels. Make the photo smaller and upload it again.',
  },
  MEDIA_BAD_ASPECT: {
    status: 422,
    id: 'Gambar terlalu memanjang untuk foto berita: sisi panjang paling banyak 20 kali sisi pendek. Potong foto lalu unggah lagi.',
    en: 'The image is too long and narrow for a news photo: the long side may be at most 20 times the short side. Crop the photo and upload it again.',
  },
  MEDIA_CAPTION_TOO_LONG: {
    status: 400,
    id: 'Keterangan foto paling banyak 1000 karakter.',
    en: 'The caption may be at most 1000 characters.',
  },
  MEDIA_CREDIT_TOO_LONG: {
    status: 400,
    id: 'Kredit foto paling banyak 200 karakter.',
    en: 'The credit may be at most 200 characters.',
  },
  MEDIA_ALT_TOO_LONG: {
    status: 400,
    id: 'Teks alternatif paling banyak 500 karakter.',
    en: 'The alternative text may be at most 500 characters.',
  },
  MEDIA_BAD_FOCAL: {
    status: 400,
    id: 'Titik fokus tidak valid. Klik pada foto untuk memilihnya.',
    en: 'The focal point is not valid. Click on the photo to choose it.',
  },
  MEDIA_BAD_SEARCH: {
    status: 400,
    id: 'Pencarian tidak valid. Tanggal memakai format TTTT-BB-HH dan kata kunci paling banyak 200 karakter.',
    en: 'The search is not valid. Dates use the format YYYY-MM-DD and the search words may be at most 200 characters.',
  },
  MEDIA_TOO_MANY_FIELDS: {
    status: 400,
    id: 'Formulir unggahan tidak valid: kirim satu berkas dengan keterangan, kredit dan teks alternatif.',
    en: 'The upload form is not valid: send one file with a caption, credit and alternative text.',
  },
  MEDIA_TOO_MANY_FILES: {
    status: 400,
    id: 'Terlalu banyak berkas sekaligus: paling banyak 10 foto atau 60 MB dalam satu unggahan. Unggah sisanya sesudah ini.',
    en: 'Too many files at once: at most 10 photos or 60 MB in one upload. Upload the rest afterwards.',
  },
  MEDIA_IN_USE: {
    status: 409,
    id: 'Foto ini masih dipakai artikel, jadi tidak dapat dihapus. Lepaskan dulu dari artikel itu.',
    en: 'This photo is still used by an article, so it cannot be deleted. Remove it from that article first.',
  },
  MEDIA_DELETE_UNCONFIRMED: {
    status: 400,
    id: 'Centang kotak konfirmasi untuk menghapus foto ini.',
    en: 'Tick the confirmation box to delete this photo.',
  },
  MEDIA_CHANGED: {
    status: 409,
    id: 'Foto ini baru saja diganti orang lain. Muat ulang halaman lalu coba lagi.',
    en: 'Someone else has just replaced this photo. Reload the page and try again.',
  },
  // --- Wire desk (issue 12) ---
  WIRE_EMBARGOED: {
    status: 409,
    id: 'Berita ini masih diembargo dan belum boleh diambil. Tunggu sampai waktu embargo lewat.',
    en: 'This story is still under embargo and cannot be taken yet. Wait until the embargo has passed.',
  },
  WIRE_SOURCE_INVALID: {
    status: 400,
    id: 'Sumber berita tidak valid. Periksa kolom yang ditandai lalu simpan lagi.',
    en: 'The source is not valid. Check the marked fields and save again.',
  },
  // --- Content API and webhooks (issue 13) ---
  API_KEY_REQUIRED: {
    status: 401,
    id: 'API ini memerlukan kunci. Kirim kunci API di header Authorization: Bearer <kunci>.',
    en: 'This API needs a key. Send your API key in the header Authorization: Bearer <key>.',
  },
  API_KEY_INVALID: {
    status: 401,
    id: 'Kunci API tidak sah atau sudah dicabut.',
    en: 'The API key is not valid or has been revoked.',
  },
  API_BAD_CURSOR: {
    status: 400,
    id: 'Kursor halaman tidak sah. Pakai nilai next_cursor dari jawaban sebelumnya apa adanya.',
    en: 'The page cursor is not valid. Use the next_cursor value of the previous answer as it is.',
  },
  API_BAD_FIELDS: {
    status: 400,
    id: 'Parameter fields atau include memuat nama yang tidak dikenal.',
    en: 'The fields or include parameter names something unknown.',
  },
  API_BAD_PARAMS: {
    status: 400,
    id: 'Parameter permintaan tidak valid. Periksa nama dan nilai setiap parameter (limit paling banyak 100).',
    en: 'The request parameters are not valid. Check the name and value of each parameter (limit is at most 100).',
  },
  WEBHOOK_URL_INVALID: {
    status: 400,
    id: 'Alamat webhook tidak valid. Gunakan alamat http:// atau https:// lengkap.',
    en: 'The webhook address is not valid. Use a full http:// or https:// address.',
  },
  WEBHOOK_URL_BLOCKED: {
    status: 400,
    id: 'Alamat webhook mengarah ke jaringan lokal atau privat. Izinkan host ini secara khusus bila memang disengaja.',
    en: 'The webhook address points to a local or private network. Allow this host explicitly if that is intended.',
  },
  // --- Sections and site settings (newsroom/site-admin) ---
  SECTION_NAME_REQUIRED: {
    status: 400,
    id: 'Nama rubrik wajib diisi.',
    en: 'The section needs a name.',
  },
  SECTION_NAME_TOO_LONG: {
    status: 400,
    id: 'Nama rubrik terlalu panjang (paling banyak 60 karakter).',
    en: 'The section name is too long (at most 60 characters).',
  },
  SECTION_SLUG_INVALID: {
    status: 400,
    id: 'Alamat rubrik hanya boleh berisi huruf kecil, angka dan tanda hubung (mis. "nusa-tenggara"), paling banyak 60 karakter, bukan angka saja dan bukan alamat milik situs (cari, tag, arsip, newsroom…).',
    en: 'A section address may hold only lowercase letters, digits and hyphens (e.g. "nusa-tenggara"), at most 60 characters, not digits alone and not one of the site\'s own paths (cari, tag, arsip, newsroom…).',
  },
  SECTION_SLUG_TAKEN: {
    status: 409,
    id: 'Alamat rubrik ini sudah dipakai rubrik lain. Pilih alamat lain.',
    en: 'Another section already uses this address. Choose another one.',
  },
  SECTION_PARENT_INVALID: {
    status: 400,
    id: 'Rubrik hanya bisa bersarang satu tingkat: induknya harus rubrik utama, dan rubrik yang punya anak tidak bisa menjadi anak.',
    en: 'Sections nest one level only: the parent must be a top-level section, and a section with children cannot become a child.',
  },
  SITE_NAME_REQUIRED: {
    status: 400,
    id: 'Nama situs wajib diisi.',
    en: 'The site needs a name.',
  },
  SITE_NAME_TOO_LONG: {
    status: 400,
    id: 'Nama situs terlalu panjang (paling banyak 60 karakter).',
    en: 'The site name is too long (at most 60 characters).',
  },
  SITE_TAGLINE_TOO_LONG: {
    status: 400,
    id: 'Slogan terlalu panjang (paling banyak 120 karakter).',
    en: 'The tagline is too long (at most 120 characters).',
  },
  SITE_TIME_ZONE_INVALID: {
    status: 400,
    id: 'Zona waktu harus WIB, WITA atau WIT.',
    en: 'The time zone must be WIB, WITA or WIT.',
  },
  SITE_LANGUAGE_INVALID: {
    status: 400,
    id: 'Bahasa situs harus Indonesia (id) atau Inggris (en).',
    en: 'The site language must be Indonesian (id) or English (en).',
  },
  SITE_LINK_INVALID: {
    status: 400,
    id: 'Alamat tautan harus dimulai dengan https:// (atau / untuk halaman di situs ini, mis. alamat sebuah artikel).',
    en: "A link address must start with https:// (or / for a page of this site, e.g. an article's address).",
  },
  SITE_LINK_TITLE_INVALID: {
    status: 400,
    id: 'Setiap tautan perlu judul (paling banyak 60 karakter).',
    en: 'Every link needs a title (at most 60 characters).',
  },
} as const satisfies Record<string, { status: number; id: string; en: string }>;

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
