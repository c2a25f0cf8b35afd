import type { ErrorEntry } from './errors.ts';

/**
 * The errors of the newsroom's media library (uploads, metadata, search,
 * deletion), part of the catalog in errors.ts.
 */

/** Newsroom: media library (MEDIA). */
export const MEDIA_ERRORS = {
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
} as const satisfies Record<string, ErrorEntry>;
