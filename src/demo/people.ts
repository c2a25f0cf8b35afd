import type { DemoPerson } from './types.ts';

/** Invented staff of the demo paper. All names and biographies are fictional. */
export const DEMO_PEOPLE: DemoPerson[] = [
  {
    slug: 'i-made-dwi-aryawan',
    name: 'I Made Dwi Aryawan',
    initials: 'Dwi',
    title: 'Redaktur Pelaksana',
    bio: 'Memulai karier sebagai wartawan kriminal di Denpasar pada awal 2000-an. Kini mengatur halaman depan dan menulis tajuk rencana.',
  },
  {
    slug: 'dewi-kusumawati',
    name: 'Dewi Kusumawati',
    initials: 'Dew',
    title: 'Redaktur Ekonomi',
    bio: 'Lahir di Klaten dan menetap di Bali sejak 2008. Menyunting rubrik ekonomi serta menulis tentang pangan, pajak daerah, dan keuangan desa.',
  },
  {
    slug: 'ni-luh-ayu-wulandari',
    name: 'Ni Luh Ayu Wulandari',
    initials: 'Ayu',
    title: 'Wartawan',
    bio: 'Meliput pariwisata, DPRD Bali, dan kebijakan pemerintah provinsi. Lulusan ilmu komunikasi dari sebuah universitas di Denpasar.',
  },
  {
    slug: 'komang-sri-adnyani',
    name: 'Komang Sri Adnyani',
    initials: 'Kom',
    title: 'Wartawan',
    bio: 'Bertugas di Bali utara dan timur. Banyak menulis tentang pertanian, subak, kesehatan masyarakat, dan persoalan air bersih.',
  },
  {
    slug: 'putu-gede-mahendra',
    name: 'Putu Gede Mahendra',
    initials: 'Hen',
    title: 'Wartawan Olahraga',
    bio: 'Mengikuti sepak bola Bali dari tribune sejak remaja. Meliput liga, olahraga prestasi daerah, dan selancar.',
  },
  {
    slug: 'lalu-muhammad-zaki',
    name: 'Lalu Muhammad Zaki',
    initials: 'Zak',
    title: 'Kepala Biro Mataram',
    bio: 'Putra Lombok Tengah yang memimpin biro Mataram. Menulis tentang pemerintahan NTB, adat Sasak, dan pelabuhan.',
  },
  {
    slug: 'baiq-nurul-hidayati',
    name: 'Baiq Nurul Hidayati',
    initials: 'Nur',
    title: 'Wartawan',
    bio: 'Meliput Lombok bagian selatan dan timur, dengan perhatian pada pariwisata desa, perempuan pekerja, dan lingkungan pesisir.',
  },
  {
    slug: 'yohanes-bria-seran',
    name: 'Yohanes Bria Seran',
    initials: 'Yos',
    title: 'Wartawan',
    bio: 'Berbasis di Kupang. Meliput pemerintahan NTT, wilayah perbatasan dengan Timor-Leste, dan layanan publik di kota.',
  },
  {
    slug: 'maria-florida-bunga',
    name: 'Maria Florida Bunga',
    initials: 'Flo',
    title: 'Wartawan',
    bio: 'Bertugas di Labuan Bajo dan daratan Flores. Menulis tentang infrastruktur desa, pariwisata Komodo, dan kehidupan nelayan.',
  },
  {
    slug: 'bambang-agus-prasetyo',
    name: 'Bambang Agus Prasetyo',
    initials: 'Bap',
    title: 'Wartawan Biro Jakarta',
    bio: 'Asal Yogyakarta, bertugas di Jakarta untuk mengikuti kebijakan kementerian dan DPR yang berdampak pada Bali dan Nusa Tenggara.',
  },
];
