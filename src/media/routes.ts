import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { AppError, toAppError } from '../lib/errors.ts';
import type { Lang } from '../lib/i18n.ts';
import { parsePage } from '../lib/pagination.ts';
import { requireStaff, wantsJson } from '../newsroom/auth.ts';
import { csrfMatches } from '../newsroom/csrf.ts';
import { can } from '../newsroom/policy.ts';
import { newsroomContext } from '../newsroom/views/layout.tsx';
import { renderDocument } from '../site/render.tsx';
import { queryValue } from '../site/schemas.ts';
import {
  getMedia,
  type MediaItem,
  setFocalPoint,
  updateMediaText,
  uploadImage,
} from './library.ts';
import { mediaUsage, parseMediaSearch, pickerItem, searchMedia } from './library-queries.ts';
import { mediaMessages } from './messages.ts';
import { MAX_UPLOAD_BYTES } from './upload.ts';
import { ItemPage } from './views/item-page.tsx';
import { type LibraryFilters, LibraryPage, type UploadFormState } from './views/library-page.tsx';

/**
 * The newsroom's media library under /newsroom/media: the grid with search and
 * the upload form, the JSON the article editor's picker reads, and one page
 * per photo (edit text, set the focal point, see crops and where it is used).
 * Login and CSRF are checked by the auth layer before these handlers run,
 * except the token of a multipart upload from the no-JavaScript form: it is the
 * form's first field, `_csrf`, which only the upload handler can read (see
 * readUpload). The editor's uploads send `x-csrf-token`, checked up front.
 */

export interface MediaRouteDeps {
  config: Config;
  db: Db;
}

const ID = /^[1-9][0-9]{0,9}$/;

function langOf(req: FastifyRequest, config: Config): Lang {
  return req.staff?.lang ?? config.language;
}

function html(reply: FastifyReply, status: number, page: Parameters<typeof renderDocument>[0]) {
  return reply.code(status).type('text/html; charset=utf-8').send(renderDocument(page));
}

/**
 * The routes' request contract. Fields take any value a form or query string
 * can carry; the library's own parsing answers bad ones with its specific
 * message (MEDIA_BAD_SEARCH, BAD_PAGE, MEDIA_BAD_FOCAL, the text limits).
 */
const idParams = z.object({ id: z.string() });
const libraryQuery = z.looseObject({
  q: queryValue,
  dari: queryValue,
  sampai: queryValue,
  page: queryValue,
  format: queryValue,
});
type LibraryQuery = z.infer<typeof libraryQuery>;
const itemQuery = z.looseObject({
  format: queryValue,
  isi: queryValue,
  baru: queryValue,
  disimpan: queryValue,
  fokus: queryValue,
});
/** A urlencoded form or a JSON object; absent is an empty form. */
const formBody = z.record(z.string(), z.unknown()).optional();

/** The photo id of `/newsroom/media/:id`; anything but a positive integer is NOT_FOUND. */
function mediaId(params: { id: string }): number {
  if (!ID.test(params.id)) throw new AppError('NOT_FOUND');
  return Number(params.id);
}

/** Multipart upload limits: one file of at most MAX_UPLOAD_BYTES and a few short fields. */
const UPLOAD_LIMITS = {
  fileSize: MAX_UPLOAD_BYTES,
  files: 1,
  fields: 6,
  parts: 8,
  fieldSize: 16 * 1024,
  headerPairs: 50,
};

interface ParsedUpload {
  file?: Buffer;
  filename?: string;
  fields: Record<string, string>;
}

/**
 * Reads the multipart body, mapping the parser's limit errors to catalog
 * errors. Without an `x-csrf-token` header (checked by the auth layer) the
 * body must carry the session's `_csrf` field before the file: the request is
 * refused with CSRF_INVALID when the file comes first, or the token is wrong
 * or missing, before the file is read.
 */
async function readUpload(req: FastifyRequest): Promise<ParsedUpload> {
  const out: ParsedUpload = { fields: {} };
  if (!req.isMultipart()) throw new AppError('MEDIA_NO_FILE');
  let csrfChecked = req.headers['x-csrf-token'] !== undefined;
  try {
    for await (const part of req.parts({ limits: UPLOAD_LIMITS })) {
      if (part.type === 'file') {
        if (!csrfChecked) throw new AppError('CSRF_INVALID');
        const buf = await part.toBuffer();
        if (part.fieldname !== 'file' || out.file) throw new AppError('MEDIA_TOO_MANY_FIELDS');
        // A file input left empty arrives as a part with no name and no bytes.
        if (!part.filename && buf.length === 0) continue;
        out.file = buf;
        out.filename = part.filename;
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
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('MEDIA_FILE_TOO_LARGE');
    if (/^FST_(FILES|FIELDS|PARTS)_LIMIT$/.test(code)) throw new AppError('MEDIA_TOO_MANY_FIELDS');
    throw new AppError('MEDIA_NO_FILE');
  }
  if (!csrfChecked) throw new AppError('CSRF_INVALID');
  return out;
}

function tooLongError(field: string) {
  if (field === 'credit') return 'MEDIA_CREDIT_TOO_LONG' as const;
  if (field === 'alt') return 'MEDIA_ALT_TOO_LONG' as const;
  if (field === 'caption') return 'MEDIA_CAPTION_TOO_LONG' as const;
  return 'MEDIA_TOO_MANY_FIELDS' as const;
}

/** The focal point from the image button (`fokus.x/y` over `w×h`) or the percent fields. */
function focalFrom(body: Record<string, unknown>): { x: number; y: number } {
  const num = (v: unknown) =>
    typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  if (body['fokus.x'] !== undefined) {
    const w = num(body.w);
    const h = num(body.h);
    if (!(w > 0 && h > 0)) throw new AppError('MEDIA_BAD_FOCAL');
    return { x: clamp01(num(body['fokus.x']) / w), y: clamp01(num(body['fokus.y']) / h) };
  }
  if (body.focalX !== undefined) return { x: num(body.focalX), y: num(body.focalY) };
  return { x: num(body.fx) / 100, y: num(body.fy) / 100 };
}

/** A click on the image's last pixel row is still inside; NaN stays NaN (and is refused). */
function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : v;
}

/** Registers the media library routes (and multipart parsing, for these routes only). */
export async function registerMediaRoutes(server: FastifyInstance, deps: MediaRouteDeps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { config, db } = deps;
  const k = db.kysely;

  async function libraryPage(
    req: FastifyRequest,
    query: LibraryQuery,
    reply: FastifyReply,
    status: number,
    upload: UploadFormState = {},
  ) {
    const ctx = await newsroomContext(req, { config });
    const filters: LibraryFilters = {
      q: typeof query.q === 'string' ? query.q : '',
      dari: typeof query.dari === 'string' ? query.dari : '',
      sampai: typeof query.sampai === 'string' ? query.sampai : '',
    };
    let searchError: string | undefined;
    let search: ReturnType<typeof parseMediaSearch> = { q: '', dari: '', sampai: '' };
    try {
      search = parseMediaSearch(query, config.timeZone);
    } catch (err) {
      searchError = toAppError(err).messageIn(ctx.lang);
      status = 400;
    }
    const page = parsePage(query.page);
    if (!page.ok) throw new AppError('BAD_PAGE');
    const result = await searchMedia(k, { ...search, page: page.page });
    const canUpload = !!req.staff && can(req.staff.role, 'media.upload');
    return html(
      reply,
      status,
      LibraryPage({ ctx, result, filters, canUpload, upload, searchError }),
    );
  }

  async function itemPage(
    req: FastifyRequest,
    reply: FastifyReply,
    item: MediaItem,
    opts: {
      status?: number;
      notice?: string;
      error?: string;
      form?: { caption: string; credit: string; alt: string };
    } = {},
  ) {
    const ctx = await newsroomContext(req, { config });
    const uses = await mediaUsage(k, item.id);
    const canEdit = !!req.staff && can(req.staff.role, 'media.edit');
    return html(reply, opts.status ?? 200, ItemPage({ ctx, item, uses, canEdit, ...opts }));
  }

  app.get(
    '/newsroom/media',
    { preHandler: requireStaff('media.view'), schema: { querystring: libraryQuery } },
    async (req, reply) => {
      const query = req.query;
      if (query.format === 'json' || wantsJson(req)) {
        const search = parseMediaSearch(query, config.timeZone);
        const page = parsePage(query.page);
        if (!page.ok) throw new AppError('BAD_PAGE');
        const result = await searchMedia(k, { ...search, page: page.page });
        return reply
          .header('x-total-count', String(result.total))
          .send(result.items.map(pickerItem));
      }
      return libraryPage(req, query, reply, 200);
    },
  );

  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    await scope.register(multipart, { limits: UPLOAD_LIMITS, throwFileSizeLimit: true });
    scope.post(
      '/newsroom/media',
      {
        preHandler: requireStaff('media.upload'),
        schema: { querystring: libraryQuery },
        // readUpload checks the form's `_csrf` field before reading the file.
        config: { csrfInMultipartField: true },
      },
      async (req, reply) => {
        const staff = req.staff;
        if (!staff) throw new AppError('NOT_LOGGED_IN');
        let parsed: ParsedUpload = { fields: {} };
        try {
          parsed = await readUpload(req);
          if (!parsed.file) throw new AppError('MEDIA_NO_FILE');
          const { id, prefilled } = await uploadImage(k, config.mediaDir, parsed.file, {
            ...parsed.fields,
            originalName: parsed.filename,
            uploadedBy: staff.id,
          });
          if (wantsJson(req)) {
            const item = await getMedia(k, id);
            if (!item) throw new AppError('INTERNAL');
            return reply.code(201).send({ ...pickerItem(item), prefilled });
          }
          return reply.redirect(`/newsroom/media/${id}?${prefilled ? 'isi=meta' : 'baru=1'}`, 303);
        } catch (err) {
          const appErr = toAppError(err);
          // A forged or expired form gets the newsroom's CSRF page, like every other form.
          if (wantsJson(req) || appErr.status >= 500 || appErr.code === 'CSRF_INVALID') {
            throw appErr;
          }
          const { caption, credit, alt } = parsed.fields;
          return libraryPage(req, req.query, reply, appErr.status, {
            error: appErr.messageIn(langOf(req, config)),
            caption,
            credit,
            alt,
          });
        }
      },
    );
  });

  app.get(
    '/newsroom/media/:id',
    {
      preHandler: requireStaff('media.view'),
      schema: { params: idParams, querystring: itemQuery },
    },
    async (req, reply) => {
      const item = await getMedia(k, mediaId(req.params));
      if (!item) throw new AppError('NOT_FOUND');
      const query = req.query;
      if (query.format === 'json' || wantsJson(req)) {
        return reply.send({
          ...pickerItem(item),
          focal: item.focal,
          crops: item.crops,
          usedIn: await mediaUsage(k, item.id),
        });
      }
      const m = mediaMessages[langOf(req, config)];
      const notice =
        query.isi === 'meta'
          ? m.upload.prefilled
          : query.baru === '1'
            ? m.upload.done
            : query.disimpan === '1'
              ? m.item.saved
              : query.fokus === '1'
                ? m.item.focusSaved
                : undefined;
      return itemPage(req, reply, item, { notice });
    },
  );

  app.post(
    '/newsroom/media/:id',
    { preHandler: requireStaff('media.edit'), schema: { params: idParams, body: formBody } },
    async (req, reply) => {
      const id = mediaId(req.params);
      const item = await getMedia(k, id);
      if (!item) throw new AppError('NOT_FOUND');
      const body = req.body ?? {};
      try {
        await updateMediaText(k, id, body);
      } catch (err) {
        const appErr = toAppError(err);
        if (wantsJson(req) || appErr.status >= 500) throw appErr;
        const text = (v: unknown) => (typeof v === 'string' ? v : '');
        return itemPage(req, reply, item, {
          status: appErr.status,
          error: appErr.messageIn(langOf(req, config)),
          form: { caption: text(body.caption), credit: text(body.credit), alt: text(body.alt) },
        });
      }
      if (wantsJson(req)) {
        const updated = await getMedia(k, id);
        return reply.send(updated ? pickerItem(updated) : {});
      }
      return reply.redirect(`/newsroom/media/${id}?disimpan=1`, 303);
    },
  );

  app.post(
    '/newsroom/media/:id/fokus',
    { preHandler: requireStaff('media.edit'), schema: { params: idParams, body: formBody } },
    async (req, reply) => {
      const id = mediaId(req.params);
      const item = await getMedia(k, id);
      if (!item) throw new AppError('NOT_FOUND');
      try {
        const updated = await setFocalPoint(k, config.mediaDir, id, focalFrom(req.body ?? {}));
        if (wantsJson(req)) return reply.send({ focal: updated.focal, crops: updated.crops });
      } catch (err) {
        const appErr = toAppError(err);
        if (wantsJson(req) || appErr.status >= 500) throw appErr;
        return itemPage(req, reply, item, {
          status: appErr.status,
          error: appErr.messageIn(langOf(req, config)),
        });
      }
      return reply.redirect(`/newsroom/media/${id}?fokus=1`, 303);
    },
  );
}
