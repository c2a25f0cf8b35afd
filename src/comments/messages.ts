/**
 * The comments catalog: the reader's per-field messages and notices, and the
 * moderators' screens in the newsroom. `id` is the source of truth; `en`
 * must have the same keys.
 */
import { defineCatalog, type Lang, type Widen } from '../lib/i18n.ts';

const id = {
  field: {
    bodyRequired: 'Silakan tulis komentar Anda.',
    bodyTooLong: (max: number) => `Komentar terlalu panjang; paling banyak ${max} karakter.`,
    nameRequired: 'Silakan tulis nama Anda.',
    nameTooLong: (max: number) => `Nama terlalu panjang; paling banyak ${max} karakter.`,
    nameLineBreak: 'Nama harus satu baris.',
    emailRequired: 'Silakan tulis alamat email Anda.',
    emailInvalid: 'Alamat email tidak valid, contoh: nama@contoh.id.',
    emailTooLong: (max: number) => `Alamat email terlalu panjang; paling banyak ${max} karakter.`,
    websiteInvalid:
      'Alamat situs web harus diawali http:// atau https://, contoh: https://contoh.id.',
    websiteTooLong: (max: number) =>
      `Alamat situs web terlalu panjang; paling banyak ${max} karakter.`,
    notText: 'Isian ini harus berupa teks.',
    controlChars:
      'Isian memuat karakter tersembunyi yang tidak diizinkan (kontrol atau pembalik arah teks).',
    badEncoding: 'Isian memuat karakter yang tidak terbaca. Salin ulang teks Anda lalu kirim lagi.',
    parent: 'Komentar yang ingin Anda balas tidak tersedia; kirim sebagai komentar baru.',
  },
  rateLimited: (seconds: number) =>
    seconds < 90
      ? `Anda mengirim komentar terlalu cepat. Coba lagi dalam ${seconds} detik.`
      : `Anda sudah mengirim banyak komentar. Coba lagi dalam ${Math.ceil(seconds / 60)} menit.`,
  notice: {
    published: 'Terima kasih, komentar Anda sudah terbit.',
    held: 'Terima kasih! Komentar Anda menunggu moderasi dan baru tampil untuk pembaca lain setelah disetujui redaksi. Sementara itu hanya Anda yang dapat melihatnya di peramban ini.',
    heldNoJs:
      'Komentar Anda terkirim tanpa verifikasi antispam (JavaScript tidak aktif), jadi masuk antrean moderasi dan tampil setelah disetujui redaksi.',
    pendingLabel: 'Menunggu moderasi',
    reported: 'Terima kasih, laporan Anda sudah kami terima.',
  },
  holdReason: {
    'pre-moderation': 'Mode pramoderasi',
    'first-time': 'Pengirim baru',
    'no-captcha': 'Tanpa verifikasi antispam (tanpa JavaScript)',
    links: 'Dua tautan atau lebih',
    'suspect-words': 'Memuat kata yang dicurigai',
    'disposable-email': 'Email sekali pakai',
    reported: 'Dilaporkan pembaca',
  } as Record<string, string>,
  mod: {
    title: 'Komentar',
    nav: 'Komentar',
    views: {
      pending: 'Menunggu',
      reported: 'Dilaporkan',
      approved: 'Disetujui',
      spam: 'Spam',
      trash: 'Sampah',
    },
    filterArticle: 'ID artikel',
    filterSection: 'Rubrik',
    allSections: 'Semua rubrik',
    filter: 'Saring',
    empty: 'Tidak ada komentar di sini.',
    selectAll: 'Pilih semua',
    select: (n: number) => `Pilih komentar ${n}`,
    bulk: 'Untuk yang dipilih:',
    approve: 'Setujui',
    reject: 'Tolak',
    spam: 'Spam',
    trash: 'Buang',
    restore: 'Pulihkan',
    banEmail: 'Blokir email',
    banIp: 'Blokir alamat IP',
    heldBecause: 'Ditahan karena:',
    reports: (n: number) => `${n} laporan`,
    on: 'pada',
    replyTo: (n: number) => `balasan untuk #${n}`,
    done: (n: number) => `${n} komentar diperbarui.`,
    banned: 'Pengirim diblokir.',
    noneSelected: 'Pilih setidaknya satu komentar.',
    shortcuts: 'Pintasan: j/k pindah, a setujui, s spam, t buang, r tolak.',
    manage: 'Kata, blokir & pengaturan',
    wordsTitle: 'Daftar kata',
    bannedWords: 'Kata terlarang (ditolak)',
    suspectWords: 'Kata mencurigakan (ditahan)',
    wordsHelp:
      'Satu kata atau frasa per baris. Dicocokkan setelah normalisasi (huruf kecil, tanpa karakter tersembunyi, 4→a, 0→o, dst.).',
    save: 'Simpan',
    saved: 'Tersimpan.',
    bansTitle: 'Pemblokiran',
    bansHelp: 'Disimpan sebagai hash berkunci, bukan alamat aslinya.',
    unban: 'Cabut',
    noBans: 'Belum ada pemblokiran.',
    settingsTitle: 'Pengaturan komentar',
    settingsInvalid: 'Pengaturan tidak valid; periksa angkanya.',
    privacyTitle: 'Data pembaca',
    privacyHelp: 'Ekspor atau hapus semua komentar dari satu alamat email (permintaan pembaca).',
    email: 'Email pembaca',
    export: 'Ekspor',
    deleteAll: 'Hapus semua komentar',
    deleted: (n: number) => `${n} komentar dihapus.`,
    emailRequired: 'Tulis alamat email pembaca.',
    setting: {
      mode: 'Mode moderasi',
      modePost: 'Pascamoderasi (langsung tampil)',
      modePre: 'Pramoderasi (menunggu persetujuan)',
      sectionModes: 'Mode per rubrik',
      inherit: 'Ikuti situs',
      closeAfterDays: 'Tutup komentar setelah (hari, 0 = tidak pernah)',
      maxDepth: 'Kedalaman balasan',
      trustAfter: 'Percayai pengirim setelah … komentar disetujui',
      minFillSeconds: 'Waktu isi minimum (detik)',
      rateWindowSeconds: 'Jeda antarkomentar (detik)',
      ratePerHour: 'Komentar per jam per pengirim',
      reportThreshold: 'Laporan untuk mengembalikan ke antrean',
      retentionDays: 'Simpan hash alamat IP selama (hari)',
      captchaCost: 'Kesulitan verifikasi: iterasi',
      captchaCounterMin: 'Kesulitan verifikasi: percobaan minimum',
      captchaCounterMax: 'Kesulitan verifikasi: percobaan maksimum',
      replyNotifications: 'Izinkan notifikasi balasan lewat email',
    },
  },
  mail: {
    replySubject: (headline: string) => `Balasan baru untuk komentar Anda: ${headline}`,
    replyBody: (name: string, url: string) =>
      `${name} membalas komentar Anda.\n\nBaca balasannya: ${url}\n\nAnda menerima email ini karena meminta pemberitahuan balasan.`,
  },
};

export type CommentMessages = Widen<typeof id>;

const en: CommentMessages = {
  field: {
    bodyRequired: 'Please enter your comment.',
    bodyTooLong: (max) => `Your comment is too long; at most ${max} characters.`,
    nameRequired: 'Please enter your name.',
    nameTooLong: (max) => `Your name is too long; at most ${max} characters.`,
    nameLineBreak: 'Your name must be on one line.',
    emailRequired: 'Please enter your email address.',
    emailInvalid: 'The email address is not valid, e.g. name@example.com.',
    emailTooLong: (max) => `The email address is too long; at most ${max} characters.`,
    websiteInvalid: 'The website must start with http:// or https://, e.g. https://example.com.',
    websiteTooLong: (max) => `The website address is too long; at most ${max} characters.`,
    notText: 'This field must be text.',
    controlChars:
      'This field contains hidden characters that are not allowed (control or text-direction characters).',
    badEncoding: 'This field contains unreadable characters. Copy your text again and resend.',
    parent: 'The comment you are replying to is not available; send yours as a new comment.',
  },
  rateLimited: (seconds) =>
    seconds < 90
      ? `You are sending comments too quickly. Try again in ${seconds} seconds.`
      : `You have sent many comments. Try again in ${Math.ceil(seconds / 60)} minutes.`,
  notice: {
    published: 'Thank you, your comment is published.',
    held: 'Thank you! Your comment is awaiting moderation and other readers will see it once an editor approves it. Until then only you can see it, in this browser.',
    heldNoJs:
      'Your comment was sent without the anti-spam check (JavaScript is off), so it is in the moderation queue and will appear once an editor approves it.',
    pendingLabel: 'Awaiting moderation',
    reported: 'Thank you, we have received your report.',
  },
  holdReason: {
    'pre-moderation': 'Pre-moderation mode',
    'first-time': 'First-time commenter',
    'no-captcha': 'No anti-spam check (no JavaScript)',
    links: 'Two or more links',
    'suspect-words': 'Contains suspect words',
    'disposable-email': 'Disposable email',
    reported: 'Reported by readers',
  },
  mod: {
    title: 'Comments',
    nav: 'Comments',
    views: {
      pending: 'Pending',
      reported: 'Reported',
      approved: 'Approved',
      spam: 'Spam',
      trash: 'Trash',
    },
    filterArticle: 'Article ID',
    filterSection: 'Section',
    allSections: 'All sections',
    filter: 'Filter',
    empty: 'No comments here.',
    selectAll: 'Select all',
    select: (n) => `Select comment ${n}`,
    bulk: 'With the selected:',
    approve: 'Approve',
    reject: 'Reject',
    spam: 'Spam',
    trash: 'Trash',
    restore: 'Restore',
    banEmail: 'Ban email',
    banIp: 'Ban IP address',
    heldBecause: 'Held because:',
    reports: (n) => `${n} reports`,
    on: 'on',
    replyTo: (n) => `reply to #${n}`,
    done: (n) => `${n} comments updated.`,
    banned: 'Commenter banned.',
    noneSelected: 'Select at least one comment.',
    shortcuts: 'Shortcuts: j/k move, a approve, s spam, t trash, r reject.',
    manage: 'Words, bans & settings',
    wordsTitle: 'Word lists',
    bannedWords: 'Banned words (rejected)',
    suspectWords: 'Suspect words (held)',
    wordsHelp:
      'One word or phrase per line. Matched after normalising (lowercase, hidden characters removed, 4→a, 0→o, etc.).',
    save: 'Save',
    saved: 'Saved.',
    bansTitle: 'Bans',
    bansHelp: 'Stored as keyed hashes, never the address itself.',
    unban: 'Lift',
    noBans: 'No bans yet.',
    settingsTitle: 'Comment settings',
    settingsInvalid: 'The settings are not valid; check the numbers.',
    privacyTitle: 'Reader data',
    privacyHelp: "Export or delete every comment from one email address (a reader's request).",
    email: 'Reader email',
    export: 'Export',
    deleteAll: 'Delete all comments',
    deleted: (n) => `${n} comments deleted.`,
    emailRequired: "Enter the reader's email address.",
    setting: {
      mode: 'Moderation mode',
      modePost: 'Post-moderation (shown at once)',
      modePre: 'Pre-moderation (awaiting approval)',
      sectionModes: 'Mode per section',
      inherit: 'Same as site',
      closeAfterDays: 'Close comments after (days, 0 = never)',
      maxDepth: 'Reply depth',
      trustAfter: 'Trust a commenter after … approved comments',
      minFillSeconds: 'Minimum time to fill the form (seconds)',
      rateWindowSeconds: 'Pause between comments (seconds)',
      ratePerHour: 'Comments per hour per commenter',
      reportThreshold: 'Reports that send a comment back to the queue',
      retentionDays: 'Keep IP address hashes for (days)',
      captchaCost: 'Check difficulty: iterations',
      captchaCounterMin: 'Check difficulty: minimum attempts',
      captchaCounterMax: 'Check difficulty: maximum attempts',
      replyNotifications: 'Allow reply notifications by email',
    },
  },
  mail: {
    replySubject: (headline) => `New reply to your comment: ${headline}`,
    replyBody: (name, url) =>
      `${name} replied to your comment.\n\nRead the reply: ${url}\n\nYou receive this email because you asked to be notified of replies.`,
  },
};

export const commentMessages = defineCatalog('comments', id, en);

/** The catalog for a language (Indonesian for anything unknown). */
export function commentText(lang: Lang): CommentMessages {
  return commentMessages.t(lang);
}
