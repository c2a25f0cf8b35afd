import type sanitizeHtml from 'sanitize-html';
import { lazyRequire } from '../lib/lazy-require.ts';

/** Loaded at the first html block (imported archives have them; most sites rarely). */
const sanitizer = lazyRequire<typeof sanitizeHtml>('sanitize-html');

/**
 * The one allowlist for `html` body blocks (content that has no structured
 * block, e.g. a table from a WordPress import). It is applied when the block
 * is stored (importer, editor save) and again when it is rendered, so a block
 * that reached the database some other way still cannot carry script.
 * Allowed: tables and their parts, basic inline formatting, lists, paragraphs,
 * links to http(s)/mailto only (rel="nofollow noopener"), images only from the
 * site's own /media/ paths. Everything else (iframes, scripts, styles, forms,
 * event attributes, classes, inline styles) is removed.
 */
const OPTIONS = (): sanitizeHtml.IOptions => ({
  allowedTags: [
    'table',
    'caption',
    'colgroup',
    'col',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'small',
    'mark',
    'code',
    'abbr',
    'span',
    'ul',
    'ol',
    'li',
    'a',
    'img',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    col: ['span'],
    abbr: ['title'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'template'],
  exclusiveFilter: (frame) =>
    frame.tag === 'img' && !/^\/media\/(?!.*\.\.)[\w./-]+$/.test(frame.attribs.src ?? ''),
  transformTags: {
    a: sanitizer().simpleTransform('a', { rel: 'nofollow noopener' }),
  },
});
let options: sanitizeHtml.IOptions | undefined;

/** Cleans HTML for an `html` block; idempotent, so it can run at store and render time. */
export function sanitizeHtmlBlock(html: string): string {
  options ??= OPTIONS();
  return sanitizer()(html, options).trim();
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  nbsp: ' ',
};

/** Readable text of an html block (search index, word counts): tags become spaces. */
export function htmlText(html: string): string {
  return sanitizeHtmlBlock(html)
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_m, e: string) => ENTITIES[e] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}
