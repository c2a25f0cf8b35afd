import type { FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.ts';
import type { Lang } from '../lib/i18n.ts';
import { csrfMatches } from '../newsroom/csrf.ts';
import { MAX_UPLOAD_BYTES } from './upload.ts';

/** Most photos in one upload (the no-JavaScript form sends them all at once). */
export const MAX_UPLOAD_FILES = 10;
/** Most bytes of photos held at once for one upload; each file is also at most MAX_UPLOAD_BYTES. */
export const MAX_BATCH_BYTES = 60 * 1024 * 1024;

/**
 * Multipart upload limits: up to MAX_UPLOAD_FILES files of at most
 * MAX_UPLOAD_BYTES each (a larger one is cut off by the parser and refused on
 * its own) and a few short fields.
 */
export const UPLOAD_LIMITS = {
  fileSize: MAX_UPLOAD_BYTES,
  files: MAX_UPLOAD_FILES,
  fields: 6,
  parts: MAX_UPLOAD_FILES + 7,
  fieldSize: 16 * 1024,
  headerPairs: 50,
};

/** One file of an upload: its bytes, or why it was refused before it was looked at. */
export interface ParsedFile {
  name: string;
  data?: Buffer;
  error?: AppError;
}

export interface ParsedUpload {
  files: ParsedFile[];
  fields: Record<string, string>;
}

/**
 * Reads the multipart body, mapping the parser's limit errors to catalog
 * errors: a file over MAX_UPLOAD_BYTES (or past MAX_BATCH_BYTES in all) is
 * refused on its own, more than MAX_UPLOAD_FILES files refuse the upload.
 * Without an `x-csrf-token` header (checked by the auth layer) the body must
 * carry the session's `_csrf` field before the files: the request is refused
 * with CSRF_INVALID when a file comes first, or the token is wrong or missing,
 * before any file is read.
 */
export async function readUpload(req: FastifyRequest): Promise<ParsedUpload> {
  const out: ParsedUpload = { files: [], fields: {} };
  if (!req.isMultipart()) throw new AppError('MEDIA_NO_FILE');
  let csrfChecked = req.headers['x-csrf-token'] !== undefined;
  let held = 0;
  try {
    for await (const part of req.parts({ limits: UPLOAD_LIMITS })) {
      if (part.type === 'file') {
        if (!csrfChecked) throw new AppError('CSRF_INVALID');
        const buf = await part.toBuffer();
        if (part.fieldname !== 'file') throw new AppError('MEDIA_TOO_MANY_FIELDS');
        // A file input left empty arrives as a part with no name and no bytes.
        if (!part.filename && buf.length === 0) continue;
        const name = part.filename;
        if (part.file.truncated) {
          out.files.push({ name, error: new AppError('MEDIA_FILE_TOO_LARGE') });
        } else if (held + buf.length > MAX_BATCH_BYTES) {
          out.files.push({ name, error: new AppError('MEDIA_TOO_MANY_FILES') });
        } else {
          held += buf.length;
          out.files.push({ name, data: buf });
        }
      } else if (part.fieldname === '_csrf') {
        if (!csrfMatches(req.newsroomCsrf, part.value)) throw new AppError('CSRF_INVALID');
        csrfChecked = true;
      } else if (typeof part.value === 'string') {
        if (part.valueTruncated) throw new AppError(tooLongError(part.fieldname));
        out.fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    // Until the token is verified, whatever went wrong, the answer is the CSRF refusal.
    if (!csrfChecked) throw new AppError('CSRF_INVALID');
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (code === 'FST_FILES_LIMIT') throw new AppError('MEDIA_TOO_MANY_FILES');
    if (/^FST_(FIELDS|PARTS)_LIMIT$/.test(code)) throw new AppError('MEDIA_TOO_MANY_FIELDS');
    throw new AppError('MEDIA_NO_FILE');
  }
  if (!csrfChecked) throw new AppError('CSRF_INVALID');
  return out;
}

/** The one file of a replace: a second file, or none, is refused. */
export function singleFile(parsed: ParsedUpload): { data: Buffer; name: string } {
  if (parsed.files.length > 1) throw new AppError('MEDIA_TOO_MANY_FIELDS');
  const file = parsed.files[0];
  if (!file) throw new AppError('MEDIA_NO_FILE');
  if (file.error) throw file.error;
  if (!file.data) throw new AppError('MEDIA_NO_FILE');
  return { data: file.data, name: file.name };
}

function tooLongError(field: string) {
  if (field === 'credit') return 'MEDIA_CREDIT_TOO_LONG' as const;
  if (field === 'alt') return 'MEDIA_ALT_TOO_LONG' as const;
  if (field === 'caption') return 'MEDIA_CAPTION_TOO_LONG' as const;
  return 'MEDIA_TOO_MANY_FIELDS' as const;
}

/** What a refused file of a several-file upload says: its name and the message. */
export function refusedFile(name: string, err: AppError, lang: Lang) {
  return { name, error: { code: err.code, message: err.messageIn(lang) } };
}
