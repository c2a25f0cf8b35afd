/** Reader comments on demo stories, written by us; all names are invented. */
export interface DemoComment {
  /** Key of the demo story the comment belongs to. */
  story: string;
  name: string;
  body: string;
  hoursAgo: number;
}

export const DEMO_COMMENTS: DemoComment[] = [
  {
    story: 'b-levy-1',
    name: 'Gede Artawan',
    body: 'Semoga dananya benar-benar dipakai untuk merawat pura dan pantai, bukan habis untuk rapat.\n\nPerlu laporan terbuka setiap tahun.',
    hoursAgo: 2,
  },
  {
    story: 'b-levy-1',
    name: 'Sarah M.',
    body: 'Sebagai pendatang yang sering ke Bali, saya tidak keberatan membayar asalkan prosesnya cepat di bandara.',
    hoursAgo: 1,
  },
  {
    story: 'b-ferry-1',
    name: 'Lalu Hendra',
    body: 'Sopir truk sudah dua hari menunggu di Padangbai. Mohon ada posko makanan dan air untuk mereka.',
    hoursAgo: 3,
  },
  {
    story: 'c-persebali-menang-1',
    name: 'Komang Yudi',
    body: 'Lini tengah main rapi sekali malam ini. Pertahankan, jangan cepat puas!',
    hoursAgo: 4,
  },
  {
    story: 'c-ppdb-zonasi-1',
    name: 'Ibu Ratna',
    body: 'Anak saya tinggal 900 meter dari sekolah tapi tetap tidak masuk kuota. Aturan jaraknya perlu dijelaskan lebih rinci di situs pendaftaran.',
    hoursAgo: 6,
  },
];
