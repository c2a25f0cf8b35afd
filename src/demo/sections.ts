import type { DemoSection } from './types.ts';

/**
 * Sections of the demo paper, a regional daily based in Denpasar that covers
 * Bali and Nusa Tenggara. Listed in display order; children follow their parent.
 */
export const DEMO_SECTIONS: DemoSection[] = [
  {
    slug: 'daerah',
    name: 'Daerah',
    description:
      'Berita dari kabupaten dan kota di Bali, Nusa Tenggara Barat, dan Nusa Tenggara Timur.',
  },
  {
    slug: 'bali',
    name: 'Bali',
    parent: 'daerah',
    description:
      'Peristiwa, pelayanan publik, dan kehidupan warga di sembilan kabupaten/kota di Bali.',
  },
  {
    slug: 'nusa-tenggara',
    name: 'Nusa Tenggara',
    parent: 'daerah',
    description: 'Liputan dari Lombok, Sumbawa, Flores, Sumba, dan Timor.',
  },
  {
    slug: 'nasional',
    name: 'Nasional',
    description: 'Kebijakan pemerintah pusat dan peristiwa nasional yang berdampak bagi daerah.',
  },
  {
    slug: 'internasional',
    name: 'Internasional',
    description:
      'Kabar dari kawasan Asia Pasifik dan dunia, terutama yang bersinggungan dengan Bali dan Nusa Tenggara.',
  },
  {
    slug: 'ekonomi',
    name: 'Ekonomi',
    description: 'Harga pangan, pertanian, perikanan, UMKM, dan dunia usaha di daerah.',
  },
  {
    slug: 'pariwisata',
    name: 'Pariwisata',
    description: 'Industri pariwisata, kebijakan kunjungan wisatawan, dan festival budaya.',
  },
  {
    slug: 'olahraga',
    name: 'Olahraga',
    description: 'Kompetisi dan atlet dari Bali dan Nusa Tenggara.',
  },
  {
    slug: 'sepak-bola',
    name: 'Sepak Bola',
    parent: 'olahraga',
    description: 'Klub, kompetisi, dan suporter sepak bola di kawasan Bali-Nusra.',
  },
  {
    slug: 'opini',
    name: 'Opini',
    description: 'Tajuk rencana, catatan redaksi, dan kolom.',
  },
];
