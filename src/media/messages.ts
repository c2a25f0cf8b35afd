/**
 * The media library's interface text. Indonesian first; English has exactly
 * the same keys (the type enforces it).
 */
import { defineCatalog } from '../lib/i18n.ts';

const id = {
  library: {
    title: 'Pustaka media',
    intro:
      'Foto yang sudah diunggah. Pakai ulang foto arsip dengan memilihnya di penyunting artikel.',
    introOwn:
      'Foto unggahan Anda dan foto yang sudah terbit. Foto yang Anda unggah terlihat oleh redaksi, dan oleh pembaca baru setelah artikel yang memakainya terbit.',
    searchLabel: 'Cari foto',
    q: 'Keterangan atau kredit',
    from: 'Diunggah dari tanggal',
    to: 'sampai tanggal',
    search: 'Cari',
    reset: 'Hapus filter',
    empty: 'Belum ada foto yang cocok.',
    count: (n: number) => `${n} foto`,
    noAlt: 'Belum ada teks alt',
    noCaption: '(tanpa keterangan)',
    prev: 'Sebelumnya',
    next: 'Berikutnya',
    pageOf: (page: number, pages: number) => `Halaman ${page} dari ${pages}`,
  },
  upload: {
    title: 'Unggah foto',
    file: 'Berkas foto',
    fileHint:
      'JPEG, PNG, WebP, AVIF atau GIF; paling besar 20 MB dan 50 megapiksel, sisi terpanjang 16.000 piksel. Lokasi GPS dihapus otomatis.',
    caption: 'Keterangan',
    captionHint: 'Kosongkan untuk memakai keterangan dari metadata foto (IPTC/XMP) bila ada.',
    credit: 'Kredit',
    creditHint: 'Fotografer/agensi, mis. "Made Wira/Warta" atau "Ant".',
    alt: 'Teks alternatif (alt)',
    altHint:
      'Apa yang terlihat di foto, untuk pembaca tunanetra. Wajib sebelum artikel diterbitkan.',
    submit: 'Unggah',
    done: 'Foto sudah diunggah.',
    prefilled: 'Keterangan atau kredit diisi dari metadata foto. Periksa sebelum dipakai.',
    progress: 'Kemajuan unggahan',
    processing: 'Terkirim, sedang diproses…',
    open: 'Selesai: buka foto',
    failed: 'Unggahan terputus. Periksa koneksi lalu coba lagi.',
    manyDone: (n: number) => `${n} foto sudah diunggah.`,
    manyRefused: (n: number) => `${n} berkas ditolak; lihat alasannya di bawah.`,
  },
  item: {
    title: (id: number) => `Foto #${id}`,
    back: 'Kembali ke pustaka',
    details: 'Rincian',
    size: 'Ukuran',
    pixels: (w: number, h: number) => `${w} × ${h} piksel`,
    uploaded: 'Diunggah',
    originalName: 'Nama berkas',
    edit: 'Keterangan, kredit dan alt',
    save: 'Simpan',
    saved: 'Perubahan tersimpan.',
    altMissing: 'Foto ini belum punya teks alt; artikel yang memakainya belum bisa diterbitkan.',
    focus: 'Titik fokus',
    focusHint:
      'Klik bagian terpenting foto. Potongan 16:9, 4:3 dan 1:1 dibuat di sekitar titik itu.',
    focusX: 'Fokus mendatar (%)',
    focusY: 'Fokus tegak (%)',
    focusSave: 'Simpan titik fokus',
    focusSaved: 'Titik fokus tersimpan; potongan dibuat ulang.',
    focusImage: 'Klik untuk memilih titik fokus',
    crops: 'Potongan',
    noCrops: 'Belum ada potongan. Simpan titik fokus untuk membuatnya.',
    usedIn: 'Dipakai di',
    notUsed: 'Belum dipakai di artikel mana pun.',
    featured: 'foto utama',
    inBody: 'di isi artikel',
    readOnly: 'Anda dapat melihat dan memilih foto ini, tetapi tidak mengubahnya.',
    replace: 'Ganti berkas foto',
    replaceHint:
      'Unggah berkas baru untuk foto ini. Semua ukuran dan potongan dibuat ulang; setiap artikel yang memakainya langsung menampilkan foto baru. Keterangan, kredit dan alt tetap.',
    replaceFile: 'Berkas pengganti',
    replaceSubmit: 'Ganti foto',
    replaced: 'Foto sudah diganti; semua ukuran dan potongan dibuat ulang.',
    remove: 'Hapus foto',
    removeHint: 'Foto yang masih dipakai artikel tidak dapat dihapus.',
    removeConfirm: 'Ya, hapus foto ini beserta semua berkasnya. Ini tidak dapat dibatalkan.',
    removeSubmit: 'Hapus foto',
    deleted: 'Foto sudah dihapus dari pustaka.',
    inUse: (headlines: string[]) =>
      `Foto ini tidak dapat dihapus karena masih dipakai di ${headlines.length} artikel: ${headlines.map((h) => `«${h}»`).join(', ')}. Lepaskan dulu dari artikel itu.`,
  },
};

type Catalog = typeof id;

const en: Catalog = {
  library: {
    title: 'Media library',
    intro: 'Photos already uploaded. Reuse an archive photo by choosing it in the article editor.',
    introOwn:
      'Your uploads and the photos already published. Photos you upload are visible to the editors, and to readers once an article using them is published.',
    searchLabel: 'Search photos',
    q: 'Caption or credit',
    from: 'Uploaded from',
    to: 'until',
    search: 'Search',
    reset: 'Clear filters',
    empty: 'No matching photos yet.',
    count: (n: number) => `${n} photo${n === 1 ? '' : 's'}`,
    noAlt: 'No alt text yet',
    noCaption: '(no caption)',
    prev: 'Previous',
    next: 'Next',
    pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
  },
  upload: {
    title: 'Upload a photo',
    file: 'Photo file',
    fileHint:
      'JPEG, PNG, WebP, AVIF or GIF; at most 20 MB and 50 megapixels, the longest side 16,000 pixels. GPS location is removed automatically.',
    caption: 'Caption',
    captionHint:
      "Leave empty to use the caption from the photo's metadata (IPTC/XMP) when it has one.",
    credit: 'Credit',
    creditHint: 'Photographer/agency, e.g. "Made Wira/Warta" or "Ant".',
    alt: 'Alternative text (alt)',
    altHint: 'What the photo shows, for blind readers. Required before an article is published.',
    submit: 'Upload',
    done: 'The photo has been uploaded.',
    prefilled: "The caption or credit was filled from the photo's metadata. Check it before use.",
    progress: 'Upload progress',
    processing: 'Sent, being processed…',
    open: 'Done: open the photo',
    failed: 'The upload was cut off. Check the connection and try again.',
    manyDone: (n: number) => `${n} photo${n === 1 ? '' : 's'} uploaded.`,
    manyRefused: (n: number) => `${n} file${n === 1 ? ' was' : 's were'} refused; see why below.`,
  },
  item: {
    title: (id: number) => `Photo #${id}`,
    back: 'Back to the library',
    details: 'Details',
    size: 'Size',
    pixels: (w: number, h: number) => `${w} × ${h} pixels`,
    uploaded: 'Uploaded',
    originalName: 'File name',
    edit: 'Caption, credit and alt',
    save: 'Save',
    saved: 'Changes saved.',
    altMissing: 'This photo has no alt text yet; articles using it cannot be published.',
    focus: 'Focal point',
    focusHint:
      'Click the most important part of the photo. The 16:9, 4:3 and 1:1 crops are cut around it.',
    focusX: 'Horizontal focus (%)',
    focusY: 'Vertical focus (%)',
    focusSave: 'Save focal point',
    focusSaved: 'Focal point saved; the crops were cut again.',
    focusImage: 'Click to choose the focal point',
    crops: 'Crops',
    noCrops: 'No crops yet. Save a focal point to make them.',
    usedIn: 'Used in',
    notUsed: 'Not used in any article yet.',
    featured: 'featured photo',
    inBody: 'in the article body',
    readOnly: 'You can view and pick this photo, but not change it.',
    replace: 'Replace the photo file',
    replaceHint:
      'Upload a new file for this photo. Every size and crop is made again; every article using it shows the new photo at once. Caption, credit and alt stay.',
    replaceFile: 'New file',
    replaceSubmit: 'Replace photo',
    replaced: 'The photo was replaced; every size and crop was made again.',
    remove: 'Delete photo',
    removeHint: 'A photo still used by an article cannot be deleted.',
    removeConfirm: 'Yes, delete this photo and all its files. This cannot be undone.',
    removeSubmit: 'Delete photo',
    deleted: 'The photo was deleted from the library.',
    inUse: (headlines: string[]) =>
      `This photo cannot be deleted because ${headlines.length === 1 ? 'an article still uses' : `${headlines.length} articles still use`} it: ${headlines.map((h) => `“${h}”`).join(', ')}. Remove it from ${headlines.length === 1 ? 'that article' : 'those articles'} first.`,
  },
};

/** The media catalog by language. */
export const mediaMessages = defineCatalog('media', id, en);
export type MediaMessages = Catalog;
