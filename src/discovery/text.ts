/**
 * Indonesian text analysis shared by search and related articles.
 *
 * The index and the query go through the same `analyze`, so whatever the
 * stemmer does (right or wrong) it does to both sides alike. Stemming happens
 * here in the application (the Sastrawi dictionary stemmer, vendored in stemmer/) and the databases
 * only ever see already-stemmed terms.
 */

import type { Block } from '../content/blocks.ts';
import { htmlText } from '../content/html-block.ts';
import { Stemmer } from './stemmer/stemmer.ts';

/** Zero-width and invisible formatting characters pasted in from word processors. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/**
 * A token is a run of letters, marks and digits, optionally joined by inner
 * hyphens or apostrophes ("covid-19", "anak-anak", "jum'at"); numbers keep
 * their thousands and decimal separators ("1.500", "3,5").
 */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:(?:['-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;

/** Lowercased NFKC word tokens; numbers and names kept whole ("covid-19", "2024", "kubu"); zero-width chars removed. */
export function tokenize(text: string): string[] {
  const clean = text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/[\u2018\u2019\u02BC`]/g, "'")
    .replace(/[\u2010-\u2013]/g, '-')
    .toLowerCase();
  return clean.match(TOKEN) ?? [];
}

/**
 * Words the stemmer takes apart although they are names or fixed terms
 * (bekasi→bekas, kediri→diri, pemilu→ilu, persebaya→baya). Both index and
 * query skip stemming for them, so they stay whole and distinct.
 */
export const DO_NOT_STEM: ReadonlySet<string> = new Set([
  'bali',
  'bekasi',
  'kediri',
  'pemalang',
  'pekalongan',
  'bangkalan',
  'pemilu',
  'persebaya',
  'persib',
  'persija',
  'persipura',
  'pemkab',
  'pemkot',
  'pemprov',
  'pemda',
  'perumda',
  'pertamina',
  'perhutani',
  'pelindo',
  'pelni',
  'bawaslu',
  'kemenkes',
  'kemendikbud',
  'mendikbud',
  'menkes',
  'berau',
  'binjai',
  'pematangsiantar',
  'pekanbaru',
  'kepahiang',
  'sekadau',
  'bengkulu',
  'pesawaran',
  'pesisir',
  'teluk',
  'merauke',
  'kebumen',
  'keerom',
  'ketapang',
]);

/**
 * Built on the first word stemmed, not at start: its 30,000-word dictionary
 * took about 18 ms to load (measured on Node 20), and a server only needs it
 * for the first search, edit or import.
 */
let dictionaryStemmer: Stemmer | undefined;
const stemmer = (): Stemmer => (dictionaryStemmer ??= new Stemmer());
const memo = new Map<string, string>();
const MEMO_LIMIT = 50_000;

/** Indonesian stem of one lowercase word (Sastrawi, memoised); numbers and short words unchanged. */
export function stem(word: string): string {
  if (word.length < 4 || /\p{N}/u.test(word) || DO_NOT_STEM.has(word)) return word;
  // Only Latin-script words go through the Indonesian stemmer.
  if (!/^[a-z'-]+$/.test(word)) return word;
  const cached = memo.get(word);
  if (cached !== undefined) return cached;
  let out: string;
  const parts = word.split('-');
  if (parts.length === 2 && parts[0] === parts[1]) {
    // Reduplication ("anak-anak", "rumah-rumah") means the plural of the word.
    out = stem(parts[0] as string);
  } else if (word.includes('-') || word.includes("'")) {
    out = word;
  } else {
    out = stemmer().stem(word) || word;
    if (out.length < 2) out = word;
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, out);
  return out;
}

/**
 * Indonesian function words that carry no topic. Kept to grammar words
 * (pronouns, prepositions, conjunctions, particles, auxiliaries, vague
 * quantifiers, reporting verbs), never nouns a reader might search for.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `ada adalah adanya adapun agak agaknya agar akan akankah akhirnya aku akulah amat amatlah anda
  andalah antar antara antaranya apa apaan apabila apakah apalagi apatah atau ataukah ataupun bagai
  bagaikan bagaimana bagaimanakah bagaimanapun bagi bahkan bahwa bahwasanya bakal bakalan banyak
  barangkali beberapa begini beginian begininya begitu begitukah begitulah begitupun belum belumlah
  berapa berapakah berapapun berbagai berikut berikutnya berkali bermacam bersama biasanya bila
  bilakah bisa bisakah boleh bolehkah bolehlah buat bukan bukankah bukanlah bukannya cukup cukupkah
  cukuplah dahulu dalam dan dapat dari daripada demi demikian demikianlah dengan di dia diakah
  dialah diantara diantaranya dikatakan dilakukan dimana dini disini disinilah ditanya dong dulu
  enggak enggaknya entah entahlah hal hampir hanya hanyalah harus haruslah harusnya hendak
  hendaklah hendaknya hingga ia ialah ibarat ibaratnya ikut ingin inginkah inginkan ini inikah
  inilah itu itukah itulah jadi jadilah jadinya jangan jangankan janganlah jika jikalau juga
  jugalah justru kah kala kalau kalaulah kalaupun kalian kami kamilah kamu kamulah kan kapan
  kapankah kapanpun karena karenanya kata katanya ke kelamaan kelihatan kelihatannya kemudian
  kemungkinan kemungkinannya kenapa kepada kepadanya kerap kesampaian keseluruhan keseluruhannya
  ketika khususnya kini kinilah kira kiranya kita kitalah kok kurang lagi lagian lah lain lainnya
  lalu langsung lebih maka makanya makin malah malahan mana manakala manalagi masih masihkah masing
  mau maupun melainkan melalui memang mengapa menjadi menurut mereka merekalah meski meskipun
  mungkin mungkinkah nah namun nanti nantinya nyaris oleh olehnya pada padahal padanya paling para
  pasti pastilah per percuma pernah pula pun rupanya saat saatnya saja sajalah sambil sampai sana
  sangat sangatlah saya sayalah se sebab sebabnya sebagai sebagaimana sebagainya sebagian
  sebaliknya sebanyak sebegini sebegitu sebelum sebelumnya sebenarnya seberapa sebetulnya sebisanya
  sebuah secara sedang sedangkan sedemikian sedikit sedikitnya segala segalanya segera seharusnya
  sehingga sejak sejauh sejumlah sekadar sekalian sekaligus sekali sekalipun sekarang sekitar
  sekitarnya sela selagi selain selaku selalu selama selamanya seluruh seluruhnya semacam semakin
  semasa semata sementara semua semuanya semula sendiri sendirinya seolah seorang sepanjang
  sepantasnya seperti sepertinya sering seringnya serta serupa sesaat sesama sesegera sesuatu
  sesuatunya sesudah sesudahnya setelah seterusnya setiap setidaknya sewaktu siapa siapakah
  siapapun sini sinilah suatu sudah sudahkah sudahlah supaya tadi tadinya tak tanpa tapi telah
  tentang tentu tentulah tentunya terhadap terlalu termasuk ternyata tersebut tertentu tetap tetapi
  tiap tidak tidakkah tidaklah toh turut untuk untuknya usai walau walaupun wah yaitu yakni yang ya
  ujar tutur katakan mengatakan menyatakan mengungkapkan menjelaskan menambahkan ucap beber imbuh
  menyebut pukul minggu senin selasa rabu kamis jumat sabtu kemarin besok lusa pagi siang sore
  malam nya pak bu ibu bapak the of and to in on for is are was were be by with at as an or from
  this that it its ujarnya tuturnya ucapnya imbuhnya sebutnya jelasnya ungkapnya terangnya
  menerangkan mengucapkan menuturkan membeberkan dijelaskan disebutkan diungkapkan`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/**
 * Bound prefixes written fused to the word they modify ("antirabies",
 * "pascabencana", "nonsubsidi", "antarpulau"); the stemmer leaves them on.
 */
export const BOUND_PREFIXES: readonly string[] = [
  'pasca',
  'antar',
  'multi',
  'anti',
  'non',
  'pra',
  'swa',
];

/** Dictionary words that merely start like a prefixed compound (pramuka is not pra + muka). */
const NOT_COMPOUNDS: ReadonlySet<string> = new Set([
  'pramuka',
  'prabowo',
  'pradana',
  'prajurit',
  'praja',
  'prakarsa',
  'pranata',
  'antariksa',
  'antarmuka',
  'nonton',
  'swasta',
]);

/**
 * The word a fused bound prefix modifies ("antirabies" → "rabies",
 * "pascabencana" → "bencana"), or null. Only when what remains is at least
 * four letters and its stem is an Indonesian dictionary word, so names and
 * ordinary words that happen to start alike ("prabowo", "antena") stay whole.
 */
export function boundBase(word: string): string | null {
  if (!/^[a-z]+$/.test(word) || NOT_COMPOUNDS.has(word) || DO_NOT_STEM.has(word)) return null;
  for (const prefix of BOUND_PREFIXES) {
    if (!word.startsWith(prefix)) continue;
    const rest = word.slice(prefix.length);
    if (rest.length < 4 || STOPWORDS.has(rest)) return null;
    return stemmer().find(stem(rest)) ? rest : null;
  }
  return null;
}

/**
 * The search forms of one token: its stem; for a hyphenated compound
 * ("gilimanuk-ketapang", "covid-19") the `parts` the index also stores (word
 * parts only: numbers stay whole, "covid-19" is not found by "19") and the
 * `phrase` a query looks for (every part, in order, so "covid-19" also finds
 * "covid 19"); for a fused bound prefix the base word's stem. So a reader finds
 * "Gilimanuk-Ketapang" by "Ketapang" and "antirabies" by "rabies".
 */
export function searchForms(token: string): {
  whole: string;
  parts: string[];
  phrase: string[];
  base: string | null;
} {
  const whole = stem(token);
  const pieces = token.split('-');
  const phrase =
    pieces.length > 1 && whole === token
      ? pieces.filter((p) => p.length > 0 && !STOPWORDS.has(p)).map((p) => stem(p))
      : [];
  const parts = phrase.filter((p) => p.length > 1 && /\p{L}/u.test(p));
  const base = phrase.length === 0 ? boundBase(token) : null;
  return { whole, parts, phrase, base: base === null ? null : stem(base) };
}

/** tokenize → drop stop words → stem. The terms both the index and the query use. */
export function analyze(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    if (STOPWORDS.has(token)) continue;
    out.push(stem(token));
  }
  return out;
}

/** Plain text of an article body (blocks JSON) for indexing. */
export function bodyText(blocks: Block[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        parts.push(block.content.map((r) => r.text).join(''));
        break;
      case 'heading':
        parts.push(block.text);
        break;
      case 'quote':
        parts.push(block.cite ? `${block.text} ${block.cite}` : block.text);
        break;
      case 'list':
        for (const item of block.items) parts.push(item.map((r) => r.text).join(''));
        break;
      case 'image':
        if (block.caption) parts.push(block.caption);
        break;
      case 'embed':
        if (block.title) parts.push(block.title);
        break;
      case 'html':
        parts.push(htmlText(block.html));
        break;
    }
  }
  return parts.filter((p) => p.trim().length > 0).join('\n');
}
