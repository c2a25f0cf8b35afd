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
  },
  status: {
    draft: 'Draf',
    submitted: 'Diajukan',
    approved: 'Disetujui',
    scheduled: 'Terjadwal',
    published: 'Terbit',
    unpublished: 'Ditarik',
  } as Record<string, string>,
};

type Catalog = typeof id;

const en: Catalog = {
  library: {
    title: 'Media library',
    intro: 'Photos already uploaded. Reuse an archive photo by choosing it in the article editor.',
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
  },
  status: {
    draft: 'Draft',
    submitted: 'Submitted',
    approved: 'Approved',
    scheduled: 'Scheduled',
    published: 'Published',
    unpublished: 'Unpublished',
  },
};

/** The media catalog by language. */
export const mediaMessages = defineCatalog('media', id, en);
export type MediaMessages = Catalog;
