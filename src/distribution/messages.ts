/**
 * The newsroom's Google News sitemap page (issue 13). Indonesian first;
 * English has exactly the same keys.
 */
import { defineCatalog } from '../lib/i18n.ts';

const id = {
  title: 'Sitemap Google News',
  intro:
    'Sitemap berita memuat artikel yang terbit dalam 48 jam terakhir, paling banyak 1.000. Keluarkan rubrik atau artikel yang bukan berita (advertorial, rilis, hiburan) agar Google News tidak memuatnya.',
  sectionsTitle: 'Rubrik',
  sections: 'Rubrik yang dikeluarkan',
  sectionsHint: 'Subrubrik ikut keluar bersama rubrik induknya.',
  save: 'Simpan rubrik',
  saved: 'Rubrik yang dikeluarkan disimpan.',
  window: 'Artikel dalam 48 jam terakhir',
  noWindow: 'Belum ada artikel yang terbit dalam 48 jam terakhir.',
  headline: 'Judul',
  published: 'Terbit',
  state: 'Di sitemap berita',
  inSitemap: 'Ya',
  outArticle: 'Tidak (artikel dikeluarkan)',
  outSection: 'Tidak (rubrik dikeluarkan)',
  exclude: 'Keluarkan',
  include: 'Masukkan lagi',
  excluded: 'Artikel dikeluarkan dari sitemap berita.',
  included: 'Artikel dimasukkan lagi ke sitemap berita.',
  byId: 'Keluarkan artikel lain',
  byIdHint:
    'Nomor artikel atau alamatnya di situs, misalnya 1234 atau /ekonomi/1234/judul. Juga untuk artikel yang belum terbit.',
  article: 'Artikel',
  articleInvalid: 'Tulis nomor artikel atau alamat artikel di situs ini.',
  articleMissing: 'Tidak ada artikel dengan nomor itu.',
  otherExcluded: 'Artikel lain yang dikeluarkan',
  articleNo: (n: number) => `Artikel #${n}`,
};

export const distributionMessages = defineCatalog('distribution', id, {
  title: 'Google News sitemap',
  intro:
    'The news sitemap lists articles published in the last 48 hours, at most 1,000. Exclude the sections or articles that are not news (advertorials, press releases, entertainment) so Google News leaves them out.',
  sectionsTitle: 'Sections',
  sections: 'Excluded sections',
  sectionsHint: 'Subsections go out with their parent section.',
  save: 'Save sections',
  saved: 'Excluded sections saved.',
  window: 'Articles of the last 48 hours',
  noWindow: 'No article was published in the last 48 hours.',
  headline: 'Headline',
  published: 'Published',
  state: 'In the news sitemap',
  inSitemap: 'Yes',
  outArticle: 'No (article excluded)',
  outSection: 'No (section excluded)',
  exclude: 'Exclude',
  include: 'Include again',
  excluded: 'Article excluded from the news sitemap.',
  included: 'Article included in the news sitemap again.',
  byId: 'Exclude another article',
  byIdHint:
    'The article number or its address on the site, e.g. 1234 or /ekonomi/1234/headline. Works for articles not yet published too.',
  article: 'Article',
  articleInvalid: 'Enter an article number or the address of an article on this site.',
  articleMissing: 'There is no article with that number.',
  otherExcluded: 'Other excluded articles',
  articleNo: (n: number) => `Article #${n}`,
});
