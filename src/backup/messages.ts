/**
 * What `warta backup` and `warta restore` print. Indonesian first; English has
 * exactly the same keys (the type enforces it).
 */
import { defineCatalog } from '../lib/i18n.ts';

export interface Counts {
  articles: number;
  revisions: number;
  comments: number;
  staff: number;
  media: number;
}

const kindName = (kind: string) => (kind === 'postgres' ? 'PostgreSQL' : 'SQLite');

const id = {
  usage: {
    backup: 'Pemakaian: warta backup [BERKAS]   (bawaan: ./backups/warta-YYYYMMDD-HHMMSS.tar.gz)',
    restore: 'Pemakaian: warta restore BERKAS [--force]',
  },
  backup: {
    database: (kind: string) =>
      `Menyalin basis data (${kindName(kind)}); server boleh tetap berjalan…`,
    media: (files: number) => `Menyalin media: ${files} berkas…`,
    mediaInBucket: (where: string) =>
      `Media tersimpan di bucket ${where} (MEDIA_STORAGE=s3): cadangan ini hanya berisi basis data. Cadangkan bucket dengan alatnya sendiri (versioning, replikasi, atau rclone/aws s3 sync).`,
    archive: 'Menulis arsip dan sidik jari SHA-256…',
    done: (file: string, size: string) => `Cadangan tersimpan: ${file} (${size})`,
    noDatabase: (path: string) => `Basis data ${path} belum ada; belum ada yang bisa dicadangkan.`,
    exists: (file: string) => `Berkas ${file} sudah ada; pilih nama lain agar tidak tertimpa.`,
  },
  restore: {
    checking: (file: string) => `Memeriksa arsip ${file} (manifes dan sidik jari SHA-256)…`,
    checked: (version: string, kind: string, level: string, when: string) =>
      `Arsip utuh: Warta ${version}, ${kindName(kind)}, migrasi ${level}, dibuat ${when}.`,
    database: (kind: string) => `Memulihkan basis data (${kindName(kind)})…`,
    media: (files: number) => `Memulihkan media: ${files} berkas…`,
    mediaToBucket: (dir: string) =>
      `MEDIA_STORAGE=s3: media dari arsip ditaruh di ${dir}; salin ke bucket dengan: warta media migrate --to s3`,
    migrating: 'Menjalankan migrasi…',
    keptAside: (path: string) => `Isi lama disimpan di ${path}; hapus bila sudah tidak perlu.`,
    done: 'Pemulihan selesai; jumlah data sama dengan manifes.',
    mismatch: 'Jumlah data TIDAK sama dengan manifes; periksa sebelum server dijalankan.',
    corrupt: (reason: string) =>
      `Arsip rusak atau bukan cadangan Warta (${reason}). Tidak ada yang diubah.`,
    badChecksum: (path: string) =>
      `Sidik jari ${path} tidak cocok dengan manifes: arsip rusak. Tidak ada yang diubah.`,
    missingFile: (path: string) =>
      `Berkas ${path} tercantum di manifes tetapi tidak ada di arsip. Tidak ada yang diubah.`,
    extraFile: (path: string) =>
      `Arsip memuat ${path} yang tidak tercantum di manifes. Tidak ada yang diubah.`,
    kindMismatch: (from: string, to: string) =>
      `Cadangan ini dari ${kindName(from)}, tetapi instalasi ini memakai ${kindName(to)}. ` +
      `Cadangan hanya bisa dipulihkan ke jenis basis data yang sama: atur DATABASE_URL ke ${kindName(from)}.`,
    newerMigrations: (names: string) =>
      `Cadangan ini dibuat oleh Warta yang lebih baru (migrasi ${names} tidak dikenal versi ini). ` +
      'Perbarui Warta dulu, lalu pulihkan lagi. Tidak ada yang diubah.',
    schemaMismatch: (from: string, to: string) =>
      `Cadangan ini dari skema PostgreSQL "${from}", tetapi basis data yang diatur memakai skema "${to}". ` +
      `Pulihkan ke basis data dengan skema "${from}". Tidak ada yang diubah.`,
    notEmpty: (what: string) =>
      `Instalasi tujuan tidak kosong (${what}). Pemulihan menggantikan seluruh isinya; ` +
      'tambahkan --force bila itu memang yang Anda mau. Tidak ada yang diubah.',
    serverRunning: (path: string) =>
      `Basis data ${path} sedang dibuka proses lain (server Warta masih berjalan?). ` +
      'Hentikan server dulu, lalu pulihkan lagi. Tidak ada yang diubah.',
    noFile: (file: string) => `Berkas ${file} tidak ada.`,
  },
  toolMissing: (tool: string) =>
    `Program ${tool} tidak ditemukan. Pasang klien PostgreSQL (mis. apt-get install postgresql-client).`,
  toolFailed: (tool: string, detail: string) => `${tool} gagal: ${detail}`,
  counts: (c: Counts) =>
    `artikel ${c.articles}, revisi ${c.revisions}, komentar ${c.comments}, staf ${c.staff}, media ${c.media}`,
  compare: (label: string, now: number, expected: number) =>
    `  ${label}: ${now}${now === expected ? '' : ` (manifes: ${expected})`}`,
  labels: {
    articles: 'Artikel',
    revisions: 'Revisi',
    comments: 'Komentar',
    staff: 'Staf',
    media: 'Media',
  } as Record<keyof Counts, string>,
  nonEmpty: {
    rows: (c: Counts) => `ada ${c.articles} artikel, ${c.staff} staf, ${c.media} media`,
    media: (dir: string) => `folder media ${dir} berisi berkas`,
  },
};

export const backupMessages = defineCatalog('backup', id, {
  usage: {
    backup: 'Usage: warta backup [FILE]   (default: ./backups/warta-YYYYMMDD-HHMMSS.tar.gz)',
    restore: 'Usage: warta restore FILE [--force]',
  },
  backup: {
    database: (kind: string) =>
      `Copying the database (${kindName(kind)}); the server may keep running…`,
    media: (files: number) => `Copying media: ${files} files…`,
    mediaInBucket: (where: string) =>
      `The media are in the bucket ${where} (MEDIA_STORAGE=s3): this backup holds the database only. Back up the bucket with its own tools (versioning, replication, or rclone/aws s3 sync).`,
    archive: 'Writing the archive and SHA-256 fingerprints…',
    done: (file: string, size: string) => `Backup saved: ${file} (${size})`,
    noDatabase: (path: string) => `The database ${path} does not exist yet; nothing to back up.`,
    exists: (file: string) =>
      `${file} already exists; choose another name so it is not overwritten.`,
  },
  restore: {
    checking: (file: string) => `Checking the archive ${file} (manifest and SHA-256 fingerprints)…`,
    checked: (version: string, kind: string, level: string, when: string) =>
      `Archive intact: Warta ${version}, ${kindName(kind)}, migration ${level}, made ${when}.`,
    database: (kind: string) => `Restoring the database (${kindName(kind)})…`,
    media: (files: number) => `Restoring media: ${files} files…`,
    mediaToBucket: (dir: string) =>
      `MEDIA_STORAGE=s3: the archive's media were placed in ${dir}; copy them into the bucket with: warta media migrate --to s3`,
    migrating: 'Running migrations…',
    keptAside: (path: string) =>
      `The old contents are kept at ${path}; delete them when no longer needed.`,
    done: 'Restore finished; the counts match the manifest.',
    mismatch: 'The counts do NOT match the manifest; check before starting the server.',
    corrupt: (reason: string) =>
      `The archive is damaged or not a Warta backup (${reason}). Nothing was changed.`,
    badChecksum: (path: string) =>
      `The fingerprint of ${path} does not match the manifest: the archive is damaged. Nothing was changed.`,
    missingFile: (path: string) =>
      `${path} is listed in the manifest but missing from the archive. Nothing was changed.`,
    extraFile: (path: string) =>
      `The archive holds ${path}, which the manifest does not list. Nothing was changed.`,
    kindMismatch: (from: string, to: string) =>
      `This backup is from ${kindName(from)}, but this installation uses ${kindName(to)}. ` +
      `A backup restores only into the same kind of database: set DATABASE_URL to ${kindName(from)}.`,
    newerMigrations: (names: string) =>
      `This backup was made by a newer Warta (migrations ${names} are unknown to this version). ` +
      'Update Warta first, then restore again. Nothing was changed.',
    schemaMismatch: (from: string, to: string) =>
      `This backup is from PostgreSQL schema "${from}", but the configured database uses schema "${to}". ` +
      `Restore into a database with schema "${from}". Nothing was changed.`,
    notEmpty: (what: string) =>
      `The target installation is not empty (${what}). A restore replaces all of it; ` +
      'add --force if that is what you want. Nothing was changed.',
    serverRunning: (path: string) =>
      `The database ${path} is open in another process (is the Warta server still running?). ` +
      'Stop the server first, then restore again. Nothing was changed.',
    noFile: (file: string) => `${file} does not exist.`,
  },
  toolMissing: (tool: string) =>
    `${tool} was not found. Install the PostgreSQL client (e.g. apt-get install postgresql-client).`,
  toolFailed: (tool: string, detail: string) => `${tool} failed: ${detail}`,
  counts: (c: Counts) =>
    `articles ${c.articles}, revisions ${c.revisions}, comments ${c.comments}, staff ${c.staff}, media ${c.media}`,
  compare: (label: string, now: number, expected: number) =>
    `  ${label}: ${now}${now === expected ? '' : ` (manifest: ${expected})`}`,
  labels: {
    articles: 'Articles',
    revisions: 'Revisions',
    comments: 'Comments',
    staff: 'Staff',
    media: 'Media',
  },
  nonEmpty: {
    rows: (c: Counts) => `${c.articles} articles, ${c.staff} staff, ${c.media} media`,
    media: (dir: string) => `the media folder ${dir} holds files`,
  },
});

export type BackupMessages = ReturnType<typeof backupMessages.t>;

/** A refusal or failure whose message is already in the interface language. */
export class BackupError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'BackupError';
  }
}
