import { defineCatalog } from '../../lib/i18n.ts';

/**
 * Texts of the WordPress import: the report's reasons (one per code), the
 * summary table, the command's messages and the newsroom page listing
 * imports. Indonesian first, English with the same keys.
 */
const id = {
  kinds: {
    section: 'Rubrik',
    tag: 'Tag',
    person: 'Penulis',
    user: 'Akun staf',
    post: 'Berita',
    page: 'Halaman',
    media: 'Foto',
    comment: 'Komentar',
    redirect: 'Alamat lama',
  },
  table: {
    kind: 'Jenis',
    imported: 'Diimpor',
    skipped: 'Dilewati',
    failed: 'Gagal',
    existing: 'Sudah ada',
    dryRun: 'Uji coba (--dry-run): tidak ada yang ditulis.',
    reportAt: (path: string) => `Laporan lengkap: ${path}`,
    stoppedAt: (line: number, detail: string) =>
      `Impor berhenti di baris ${line}: ${detail}. Isi sebelum baris itu sudah diimpor.`,
    refused: (line: number, detail: string) =>
      `Ekspor ditolak (baris ${line}): ${detail}. Tidak ada yang diimpor.`,
  },
  reasons: {
    'section-merged': 'Rubrik dengan slug ini sudah ada; berita masuk ke rubrik itu.',
    'section-flattened': 'Kategori bertingkat lebih dari dua; ditaruh di bawah induk teratasnya.',
    'section-renamed': (slug: string) => `Slug dipakai situs; rubrik dibuat dengan slug "${slug}".`,
    'author-no-name': 'Penulis tanpa nama tampilan; dipakai nama login.',
    'staff-skipped': (why: string) => `Akun staf tidak dibuat: ${why}.`,
    'post-no-title': 'Tulisan tanpa judul; judul diambil dari isinya.',
    'slug-duplicate': (other: string) =>
      `Slug sama dengan tulisan ${other}; alamat Warta tetap unik karena memuat nomor.`,
    'status-skipped': (status: string) => `Status "${status}" tidak diimpor.`,
    'type-skipped': (type: string) => `Jenis tulisan "${type}" tidak diimpor.`,
    'status-changed': (from: string, to: string) => `Status "${from}" menjadi "${to}".`,
    'sticky-post':
      'Tulisan disematkan (sticky): Warta memilih berita utama sendiri; sematkan ulang bila perlu.',
    'body-unmapped': (what: string) => `Tidak ada blok Warta untuk ${what}; teksnya dipertahankan.`,
    'body-recognised': (what: string) => `Dikenali: ${what}.`,
    'image-missing': (url: string) => `Gambar tidak ditemukan: ${url}`,
    'image-invalid': (url: string, why: string) =>
      `Berkas bukan gambar yang bisa dipakai (${why}): ${url}`,
    'attachment-unused': (url: string) =>
      `Lampiran tidak dipakai tulisan mana pun; tidak diimpor: ${url}`,
    'comment-orphan': (parent: string) =>
      `Komentar induk #${parent} tidak ada di ekspor; dibalas di tingkat teratas.`,
    'comment-flattened': 'Balasan terlalu dalam; digantung pada tingkat terdalam yang diizinkan.',
    'comment-html': 'HTML dalam komentar diubah menjadi teks biasa.',
    'comment-unknown-user': (user: string) =>
      `Pengguna WordPress #${user} tidak ada di ekspor; komentar diimpor sebagai tamu.`,
    'comment-skipped': (type: string) => `Komentar jenis "${type}" tidak diimpor.`,
    'comment-duplicate': 'Komentar yang sama dari alamat yang sama sudah ada.',
    'comment-empty': 'Komentar kosong tidak diimpor.',
    'home-lead': 'Tulisan sticky WordPress dijadikan berita utama beranda.',
    failed: (why: string) => `Gagal: ${why}`,
  },
  xml: {
    doctype: 'ada DOCTYPE (DTD); entitas tidak pernah diuraikan, jadi berkas ini tidak dibaca',
    truncated: (detail: string) => `berkas berakhir sebelum waktunya (${detail})`,
    malformed: (detail: string) => `XML rusak (${detail})`,
    'not-wxr': (detail: string) => `bukan ekspor WordPress (${detail})`,
  },
  cli: {
    usage:
      'Pemakaian: warta import wordpress EKSPOR.xml [--uploads DIR] [--media-base URL] [--staff] [--dry-run] [--resume] [--report BERKAS]',
    noFile: (path: string) => `Berkas tidak ada: ${path}`,
    unfinished: (id: number) =>
      `Impor #${id} dari situs ini belum selesai. Jalankan lagi dengan --resume untuk melanjutkannya.`,
    reading: 'Membaca ekspor',
    importing: 'Mengimpor',
    indexing: 'Mengindeks pencarian dan artikel terkait',
  },
  admin: {
    title: 'Impor WordPress',
    intro:
      'Impor dijalankan dari server dengan perintah di bawah ini. Di sini tercatat setiap impor dan laporannya.',
    none: 'Belum ada impor.',
    site: 'Situs',
    file: 'Berkas',
    started: 'Mulai',
    status: 'Status',
    report: 'Laporan',
    entries: (n: number) => `${n} catatan`,
    item: 'Objek',
    reason: 'Alasan',
    back: 'Kembali ke daftar impor',
    statuses: { running: 'berjalan / terhenti', done: 'selesai', failed: 'berhenti karena galat' },
    dry: 'uji coba',
  },
};

const en: typeof id = {
  kinds: {
    section: 'Sections',
    tag: 'Tags',
    person: 'Authors',
    user: 'Staff accounts',
    post: 'Posts',
    page: 'Pages',
    media: 'Photos',
    comment: 'Comments',
    redirect: 'Old addresses',
  },
  table: {
    kind: 'Kind',
    imported: 'Imported',
    skipped: 'Skipped',
    failed: 'Failed',
    existing: 'Already there',
    dryRun: 'Dry run (--dry-run): nothing was written.',
    reportAt: (path: string) => `Full report: ${path}`,
    stoppedAt: (line: number, detail: string) =>
      `The import stopped at line ${line}: ${detail}. Everything before that line was imported.`,
    refused: (line: number, detail: string) =>
      `Export refused (line ${line}): ${detail}. Nothing was imported.`,
  },
  reasons: {
    'section-merged': 'A section with this slug exists; the posts go into it.',
    'section-flattened': 'Categories nested deeper than two levels; put under its top ancestor.',
    'section-renamed': (slug: string) => `The slug is taken by the site; the section is "${slug}".`,
    'author-no-name': 'Author without a display name; the login name is used.',
    'staff-skipped': (why: string) => `No staff account made: ${why}.`,
    'post-no-title': 'Post without a title; the headline comes from its text.',
    'slug-duplicate': (other: string) =>
      `Same slug as post ${other}; Warta addresses stay unique because they carry the id.`,
    'status-skipped': (status: string) => `Status "${status}" is not imported.`,
    'type-skipped': (type: string) => `Post type "${type}" is not imported.`,
    'status-changed': (from: string, to: string) => `Status "${from}" became "${to}".`,
    'sticky-post': 'Sticky post: Warta picks its own lead story; pin it again if needed.',
    'body-unmapped': (what: string) => `No Warta block for ${what}; its text is kept.`,
    'body-recognised': (what: string) => `Recognised: ${what}.`,
    'image-missing': (url: string) => `Image not found: ${url}`,
    'image-invalid': (url: string, why: string) => `Not a usable image (${why}): ${url}`,
    'attachment-unused': (url: string) => `Attachment used by no post; not imported: ${url}`,
    'comment-orphan': (parent: string) =>
      `Parent comment #${parent} is not in the export; imported at the top level.`,
    'comment-flattened': 'Reply nested too deep; attached at the deepest allowed level.',
    'comment-html': 'HTML in the comment became plain text.',
    'comment-unknown-user': (user: string) =>
      `WordPress user #${user} is not in the export; imported as a guest comment.`,
    'comment-skipped': (type: string) => `Comment of type "${type}" is not imported.`,
    'comment-duplicate': 'The same comment from the same address is already there.',
    'comment-empty': 'Empty comment not imported.',
    'home-lead': 'The WordPress sticky post became the home page lead story.',
    failed: (why: string) => `Failed: ${why}`,
  },
  xml: {
    doctype: 'it has a DOCTYPE (DTD); entities are never resolved, so the file is not read',
    truncated: (detail: string) => `the file ends early (${detail})`,
    malformed: (detail: string) => `malformed XML (${detail})`,
    'not-wxr': (detail: string) => `not a WordPress export (${detail})`,
  },
  cli: {
    usage:
      'Usage: warta import wordpress EXPORT.xml [--uploads DIR] [--media-base URL] [--staff] [--dry-run] [--resume] [--report FILE]',
    noFile: (path: string) => `No such file: ${path}`,
    unfinished: (id: number) =>
      `Import #${id} of this site did not finish. Run again with --resume to continue it.`,
    reading: 'Reading the export',
    importing: 'Importing',
    indexing: 'Indexing search and related articles',
  },
  admin: {
    title: 'WordPress import',
    intro:
      'Imports run on the server with the command below. Every import and its report is listed here.',
    none: 'No imports yet.',
    site: 'Site',
    file: 'File',
    started: 'Started',
    status: 'Status',
    report: 'Report',
    entries: (n: number) => `${n} entries`,
    item: 'Item',
    reason: 'Reason',
    back: 'Back to the imports',
    statuses: { running: 'running / stopped', done: 'done', failed: 'stopped by an error' },
    dry: 'dry run',
  },
};

export const wordpressMessages = defineCatalog('wordpress-import', id, en);
export type WordpressMessages = typeof wordpressMessages.id;
export type ReasonCode = keyof typeof id.reasons;
