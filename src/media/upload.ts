import type * as exifrLib from 'exifr';
import type { Metadata } from 'sharp';
import { AppError } from '../lib/errors.ts';
import { lazyRequire } from '../lib/lazy-require.ts';
import { cleanText as withoutUnsafeChars } from '../lib/plain-text.ts';
import { MAX_INPUT_PIXELS } from './files.ts';
import { sharp } from './sharp.ts';

/**
 * Everything an uploaded file must pass before a single byte is written:
 * the real type from its content (never the name or the browser's
 * Content-Type), the size and pixel limits, and a header that sharp can read.
 * Decoding errors (truncated files) surface in storeImage, which keeps
 * nothing behind; see library.ts.
 */

/**
 * exifr, loaded on the first upload with metadata rather than at every start:
 * 77 KB of code a reading server never runs. Node loads its UMD build.
 */
const exifr = lazyRequire<typeof exifrLib>('exifr');

/** Largest file accepted; enforced by the multipart parser so no more is ever buffered. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/**
 * Largest image accepted, width × height from the header, checked before any
 * decoding (see MAX_INPUT_PIXELS); a 100-megapixel "bomb" of a few kilobytes
 * is refused.
 */
export const MAX_UPLOAD_PIXELS = MAX_INPUT_PIXELS;
/**
 * Longest side accepted, checked on its own: a pixel count under the limit
 * says nothing about the shape, and a 49,000,000 × 1 PNG of 48 KB took the
 * server to 2.2 GB while its sizes were cut. 16,000 px is above every
 * newsroom camera (the largest full-frame bodies are under 10,000 px wide, a
 * 100-megapixel medium-format frame is 11,648 px and over the pixel limit
 * anyway) and the widest phone panoramas we have seen; it is also below WebP's
 * own maximum of 16,383 px, so every size cut from an accepted image can be
 * written.
 */
export const MAX_UPLOAD_SIDE = 16_000;
/**
 * Long side over short side. A 360° phone panorama is about 8:1 and a long
 * infographic about 1:8; at 20:1 no 16:9, 4:3 or 1:1 crop of the image shows
 * anything, so it is not a news photo.
 */
export const MAX_ASPECT_RATIO = 20;

export const UPLOAD_KINDS = ['jpeg', 'png', 'webp', 'avif', 'gif'] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];
export const UPLOAD_MIME: Record<UploadKind, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};
/** The `accept` attribute for the upload form's file input (a hint; the server decides). */
export const UPLOAD_ACCEPT = Object.values(UPLOAD_MIME).join(',');

const ascii = (buf: Buffer, start: number, end: number) =>
  buf.subarray(start, end).toString('latin1');

/**
 * The image kind from the file's first bytes (magic numbers), or null for
 * anything else: SVG, HTML, PDF, programs, HEIC, TIFF and unknown files.
 */
export function sniffImageKind(buf: Buffer): UploadKind | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (buf.length >= 6 && /^GIF8[79]a$/.test(ascii(buf, 0, 6))) return 'gif';
  if (buf.length >= 12 && ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 12) === 'WEBP') {
    return 'webp';
  }
  if (buf.length >= 16 && ascii(buf, 4, 8) === 'ftyp') {
    const boxSize = Math.min(buf.readUInt32BE(0), buf.length, 256);
    const brands = [ascii(buf, 8, 12)];
    for (let i = 16; i + 4 <= boxSize; i += 4) brands.push(ascii(buf, i, i + 4));
    if (brands.includes('avif') || brands.includes('avis')) return 'avif';
  }
  return null;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What sharp must report for each sniffed kind (AVIF is read by the HEIF loader). */
const SHARP_FORMAT: Record<UploadKind, string> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  avif: 'heif',
  gif: 'gif',
};

/** A file that passed every check, with what the form can be prefilled with. */
export interface CheckedUpload {
  kind: UploadKind;
  mime: string;
  width: number;
  height: number;
  prefill: Prefill;
}

/**
 * Refuses dimensions no news photo has, before anything is decoded: a side
 * over MAX_UPLOAD_SIDE, more pixels than MAX_UPLOAD_PIXELS, or a shape longer
 * than MAX_ASPECT_RATIO to one. Throws the AppError that says which.
 */
export function checkDimensions(width: number, height: number): void {
  if (Math.max(width, height) > MAX_UPLOAD_SIDE) throw new AppError('MEDIA_SIDE_TOO_LONG');
  if (width * height > MAX_UPLOAD_PIXELS) throw new AppError('MEDIA_TOO_MANY_PIXELS');
  if (Math.max(width, height) > MAX_ASPECT_RATIO * Math.min(width, height)) {
    throw new AppError('MEDIA_BAD_ASPECT');
  }
}

/** sharp's message when a header declares more than `limitInputPixels`. */
const PIXEL_LIMIT = /exceeds pixel limit/i;

/**
 * Checks an uploaded file by content and header only (cheap, no decoding) and
 * reads its IPTC/XMP caption and credit. Throws an AppError with the reason:
 * empty, too large, not one of the five image kinds (whatever its name says),
 * dimensions refused by checkDimensions, or a header sharp cannot read.
 */
export async function checkUpload(buf: Buffer): Promise<CheckedUpload> {
  if (buf.length === 0) throw new AppError('MEDIA_EMPTY_FILE');
  if (buf.length > MAX_UPLOAD_BYTES) throw new AppError('MEDIA_FILE_TOO_LARGE');
  const kind = sniffImageKind(buf);
  if (!kind) throw new AppError('MEDIA_UNSUPPORTED_TYPE');
  let meta: Metadata;
  try {
    // Reads the header only: no pixels are decoded here.
    meta = await sharp(buf, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  } catch (err) {
    const code = PIXEL_LIMIT.test((err as Error).message)
      ? 'MEDIA_TOO_MANY_PIXELS'
      : 'MEDIA_CORRUPT';
    throw new AppError(code, undefined, { cause: err });
  }
  if (meta.format !== SHARP_FORMAT[kind]) throw new AppError('MEDIA_UNSUPPORTED_TYPE');
  if (kind === 'avif' && meta.compression !== 'av1') throw new AppError('MEDIA_UNSUPPORTED_TYPE');
  const { width, height } = meta;
  if (!width || !height) throw new AppError('MEDIA_CORRUPT');
  checkDimensions(width, height);
  return {
    kind,
    mime: UPLOAD_MIME[kind],
    width: meta.autoOrient?.width ?? width,
    height: meta.autoOrient?.height ?? height,
    prefill: await readPrefill(meta),
  };
}

/** Caption and credit found in a photo's IPTC or XMP, as agencies and photo desks write them. */
export interface Prefill {
  caption: string;
  credit: string;
}

/**
 * Caption from XMP dc:description or IPTC Caption-Abstract; credit from
 * photoshop:Credit / IPTC Credit, with the photographer (dc:creator / IPTC
 * By-line) in front when both are there ("Made Wira/Antara"). Unreadable
 * metadata just means no prefill; EXIF is ignored (cameras fill it with
 * "OLYMPUS DIGITAL CAMERA").
 */
export async function readPrefill(meta: Pick<Metadata, 'xmp' | 'iptc'>): Promise<Prefill> {
  if (!meta.xmp && !meta.iptc) return { caption: '', credit: '' };
  const ex = exifr();
  const xmp = meta.xmp ? await ex.sidecar(meta.xmp, { xmp: true }, 'xmp').catch(() => null) : null;
  const iptc = meta.iptc
    ? await ex.sidecar(meta.iptc, { iptc: true }, 'iptc').catch(() => null)
    : null;
  const x = (xmp ?? {}) as { dc?: Record<string, unknown>; photoshop?: Record<string, unknown> };
  const i = (iptc ?? {}) as Record<string, unknown>;
  const caption = firstText(x.dc?.description, i.Caption);
  const credit = firstText(x.photoshop?.Credit, i.Credit);
  const byline = firstText(x.dc?.creator, i.Byline);
  const joined =
    byline && credit && byline.toLowerCase() !== credit.toLowerCase()
      ? `${byline}/${credit}`
      : credit || byline;
  return {
    caption: caption.slice(0, MAX_CAPTION),
    credit: joined.slice(0, MAX_CREDIT),
  };
}

function firstText(...values: unknown[]): string {
  for (const v of values) {
    const text = textOf(v);
    if (text) return text;
  }
  return '';
}

/** exifr gives strings, arrays (rdf:Seq) or {lang, value} (rdf:Alt); XML entities stay encoded. */
function textOf(v: unknown): string {
  if (typeof v === 'string' || typeof v === 'number') return cleanText(decodeXml(String(v)));
  if (Array.isArray(v)) return textOf(v[0]);
  if (v && typeof v === 'object' && 'value' in v) return textOf((v as { value: unknown }).value);
  return '';
}

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) return safeChar(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return safeChar(Number.parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? '';
  });
}

function safeChar(code: number): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

export const MAX_CAPTION = 1000;
export const MAX_CREDIT = 200;
export const MAX_ALT = 500;

/**
 * Plain text for a caption, credit or alt: what every text field drops
 * (control characters, bidi overrides; see lib/plain-text.ts) removed, line
 * breaks and zero-width spaces made spaces, whitespace runs collapsed,
 * trimmed. HTML is kept as typed (it is text; the views escape it).
 */
export function cleanText(s: string): string {
  return withoutUnsafeChars(s.normalize('NFC'))
    .replace(/[\u200b\u2028\u2029]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The editable text of a media item, cleaned and length-checked (throws the field's error). */
export function checkMediaText(input: { caption?: unknown; credit?: unknown; alt?: unknown }): {
  caption: string;
  credit: string;
  alt: string;
} {
  const text = (v: unknown) => (typeof v === 'string' ? cleanText(v) : '');
  const caption = text(input.caption);
  const credit = text(input.credit);
  const alt = text(input.alt);
  if ([...caption].length > MAX_CAPTION) throw new AppError('MEDIA_CAPTION_TOO_LONG');
  if ([...credit].length > MAX_CREDIT) throw new AppError('MEDIA_CREDIT_TOO_LONG');
  if ([...alt].length > MAX_ALT) throw new AppError('MEDIA_ALT_TOO_LONG');
  return { caption, credit, alt };
}
