import type { ErrorEntry } from './errors.ts';

/**
 * The newsroom's errors (part of the catalog in errors.ts): staff and
 * security, writing and the workflow, the wire desk, and the sections and
 * site settings screens. The media library's are in errors-media.ts.
 */

/** Newsroom: staff and security (AUTH). */
export const STAFF_ERRORS = {
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
} as const satisfies Record<string, ErrorEntry>;

/** Newsroom: writing and the workflow (WRITING). */
export const WRITING_ERRORS = {
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
} as const satisfies Record<string, ErrorEntry>;

/** Wire desk (issue 12). */
export const WIRE_ERRORS = {
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
} as const satisfies Record<string, ErrorEntry>;

/** Sections and site settings (newsroom/site-admin). */
export const SITE_ADMIN_ERRORS = {
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
} as const satisfies Record<string, ErrorEntry>;
