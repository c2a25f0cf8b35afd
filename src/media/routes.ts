import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { AppError, toAppError } from '../lib/errors.ts';
import type { EventBus } from '../lib/events.ts';
import type { Lang } from '../lib/i18n.ts';
import { parsePage } from '../lib/pagination.ts';
import { requireStaff, wantsJson } from '../newsroom/auth.ts';
import { ipHashOf } from '../newsroom/auth-shared.ts';
import { csrfMatches } from '../newsroom/csrf.ts';
import { can } from '../newsroom/policy.ts';
import type { StaffUser } from '../newsroom/users.ts';
import { newsroomContext } from '../newsroom/views/layout.tsx';
import { renderDocument } from '../site/render.tsx';
import { queryValue } from '../site/schemas.ts';
import {
  type MediaActor,
  mayDeleteMedia,
  mayEditMedia,
  maySeeMedia,
  seesWholeLibrary,
} from './access.ts';
import { registerLibraryAssets } from './assets.ts';
import { deleteMedia, MediaInUseError, replaceMedia } from './commands.ts';
import {
  getMedia,
  getMediaMany,
  type MediaItem,
  setFocalPoint,
  updateMediaText,
  uploadImages,
} from './library.ts';
import {
  type MediaUse,
  mediaUsage,
  parseMediaSearch,
  pickerItem,
  searchMedia,
} from './library-queries.ts';
import { mediaMessages } from './messages.ts';
import { mediaStorage } from './storage.ts';
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
  events: EventBus;
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
  dihapus: queryValue,
});
type LibraryQuery = z.infer<typeof libraryQuery>;
const itemQuery = z.looseObject({
  format: queryValue,
  isi: queryValue,
  baru: queryValue,
  disimpan: queryValue,
  fokus: queryValue,
  diganti: queryValue,
});
/** A urlencoded form or a JSON object; absent is an empty form. */
const formBody = z.record(z.string(), z.unknown()).optional();

/** The photo id of `/newsroom/media/:id`; anything but a positive integer is NOT_FOUND. */
function mediaId(params: { id: string }): number {
  if (!ID.test(params.id)) throw new AppError('NOT_FOUND');
  return Number(params.id);
}

/** Most photos in one upload (the no-JavaScript form sends them all at once). */
export const MAX_UPLOAD_FILES = 10;
/** Most bytes of photos held at once for one upload; each file is also at most MAX_UPLOAD_BYTES. */
export const MAX_BATCH_BYTES = 60 * 1024 * 1024;

/**
 * Multipart upload limits: up to MAX_UPLOAD_FILES files of at most
 * MAX_UPLOAD_BYTES each (a larger one is cut off by the parser and refused on
 * its own) and a few short fields.
 */
const UPLOAD_LIMITS = {
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
function singleFile(parsed: ParsedUpload): { data: Buffer; name: string } {
  if (parsed.files.length > 1) throw new AppError('MEDIA_TOO_MANY_FIELDS');
  const file = parsed.files[0];
  if (!file) throw new AppError('MEDIA_NO_FILE');
  if (file.error) throw file.error;
  if (!file.data) throw new AppError('MEDIA_NO_FILE');
  return { data: file.data, name: file.name };
}

/** The acting staff member (the preHandler has made sure there is one). */
function actorOf(req: FastifyRequest): MediaActor & StaffUser {
  if (!req.staff) throw new AppError('NOT_LOGGED_IN');
  return req.staff;
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

/** What a refused file of a several-file upload says: its name and the message. */
function refusedFile(name: string, err: AppError, lang: Lang) {
  return { name, error: { code: err.code, message: err.messageIn(lang) } };
}

/** Registers the media library routes (and multipart parsing, for these routes only). */
export async function registerMediaRoutes(server: FastifyInstance, deps: MediaRouteDeps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { config, db, events } = deps;
  const k = db.kysely;

  /** The library search as this staff member may see it (a kontributor: own and published). */
  const visibleTo = (req: FastifyRequest) => {
    const actor = actorOf(req);
    return seesWholeLibrary(actor) ? undefined : actor.id;
  };

  /** The photo of `/newsroom/media/:id` if this staff member may see it; NOT_FOUND or FORBIDDEN. */
  async function visibleItem(req: FastifyRequest, params: { id: string }): Promise<MediaItem> {
    const item = await getMedia(k, mediaId(params));
    if (!item) throw new AppError('NOT_FOUND');
    if (!maySeeMedia(actorOf(req), item)) throw new AppError('FORBIDDEN');
    return item;
  }

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
    const result = await searchMedia(k, { ...search, page: page.page, visibleTo: visibleTo(req) });
    const canUpload = !!req.staff && can(req.staff.role, 'media.upload');
    const notice = query.dihapus === '1' ? mediaMessages[ctx.lang].item.deleted : undefined;
    return html(
      reply,
      status,
      LibraryPage({
        ctx,
        result,
        filters,
        canUpload,
        ownOnly: visibleTo(req) !== undefined,
        upload,
        searchError,
        notice,
      }),
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
      uses?: MediaUse[];
    } = {},
  ) {
    const ctx = await newsroomContext(req, { config });
    const uses = opts.uses ?? (await mediaUsage(k, item.id));
    const actor = actorOf(req);
    return html(
      reply,
      opts.status ?? 200,
      ItemPage({
        ctx,
        item,
        uses,
        canEdit: mayEditMedia(actor, item),
        canDelete: mayDeleteMedia(actor, item),
        notice: opts.notice,
        error: opts.error,
        form: opts.form,
      }),
    );
  }

  /** A refused form on the photo page: the page again with the message (JSON: the error). */
  function refusedOnItem(req: FastifyRequest, reply: FastifyReply, item: MediaItem, err: unknown) {
    const appErr = toAppError(err);
    const lang = langOf(req, config);
    const inUse = appErr instanceof MediaInUseError ? appErr.uses : undefined;
    if (wantsJson(req) && inUse) {
      return reply.code(appErr.status).send({
        error: { code: appErr.code, message: appErr.messageIn(lang) },
        usedIn: inUse,
      });
    }
    if (wantsJson(req) || appErr.status >= 500 || appErr.code === 'CSRF_INVALID') throw appErr;
    const error = inUse
      ? mediaMessages[lang].item.inUse(inUse.map((u) => u.headline))
      : appErr.messageIn(lang);
    return itemPage(req, reply, item, { status: appErr.status, error, uses: inUse });
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
        const result = await searchMedia(k, {
          ...search,
          page: page.page,
          visibleTo: visibleTo(req),
        });
        return reply
          .header('x-total-count', String(result.total))
          .send(result.items.map(pickerItem));
      }
      return libraryPage(req, query, reply, 200);
    },
  );

  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    await scope.register(multipart, { limits: UPLOAD_LIMITS, throwFileSizeLimit: false });
    scope.post(
      '/newsroom/media',
      {
        preHandler: requireStaff('media.upload'),
        schema: { querystring: libraryQuery },
        // readUpload checks the form's `_csrf` field before reading the file.
        config: { csrfInMultipartField: true },
      },
      async (req, reply) => {
        const staff = actorOf(req);
        const lang = langOf(req, config);
        let parsed: ParsedUpload = { files: [], fields: {} };
        try {
          parsed = await readUpload(req);
          const outcomes = await uploadImages(k, mediaStorage(config), parsed.files, {
            ...parsed.fields,
            uploadedBy: staff.id,
          });
          const done = outcomes.filter((o) => o.id !== undefined);
          const status = done.length > 0 ? 201 : (outcomes[0]?.error?.status ?? 400);
          if (wantsJson(req)) {
            const items = await getMediaMany(
              k,
              done.map((o) => o.id ?? 0),
            );
            const byId = new Map(items.map((i) => [i.id, i]));
            if (parsed.files.length === 1) {
              const item = byId.get(done[0]?.id ?? 0);
              if (!item) throw new AppError('INTERNAL');
              return reply.code(201).send({ ...pickerItem(item), prefilled: done[0]?.prefilled });
            }
            return reply.code(status).send({
              uploaded: done.flatMap((o) => {
                const item = byId.get(o.id ?? 0);
                return item ? [{ ...pickerItem(item), name: o.name, prefilled: o.prefilled }] : [];
              }),
              refused: outcomes.flatMap((o) =>
                o.error ? [refusedFile(o.name, o.error, lang)] : [],
              ),
            });
          }
          const only = done[0];
          if (parsed.files.length === 1 && only) {
            return reply.redirect(
              `/newsroom/media/${only.id}?${only.prefilled ? 'isi=meta' : 'baru=1'}`,
              303,
            );
          }
          const { caption, credit, alt } = parsed.fields;
          return libraryPage(req, req.query, reply, status === 201 ? 200 : status, {
            outcomes,
            ...(done.length > 0 ? {} : { caption, credit, alt }),
          });
        } catch (err) {
          const appErr = toAppError(err);
          // A forged or expired form gets the newsroom's CSRF page, like every other form.
          if (wantsJson(req) || appErr.status >= 500 || appErr.code === 'CSRF_INVALID') {
            throw appErr;
          }
          const { caption, credit, alt } = parsed.fields;
          return libraryPage(req, req.query, reply, appErr.status, {
            error: appErr.messageIn(lang),
            caption,
            credit,
            alt,
          });
        }
      },
    );

    scope.post(
      '/newsroom/media/:id/ganti',
      {
        preHandler: requireStaff('media.edit.own'),
        schema: { params: idParams },
        // readUpload checks the form's `_csrf` field before reading the file.
        config: { csrfInMultipartField: true },
      },
      async (req, reply) => {
        const item = await visibleItem(req, req.params);
        const actor = actorOf(req);
        if (!mayEditMedia(actor, item)) throw new AppError('FORBIDDEN');
        try {
          const file = singleFile(await readUpload(req));
          const updated = await replaceMedia({
            db,
            media: mediaStorage(config),
            events,
            actor,
            ipHash: ipHashOf(req, config),
            mediaId: item.id,
            file: file.data,
            originalName: file.name,
          });
          if (wantsJson(req)) return reply.send(pickerItem(updated));
        } catch (err) {
          return refusedOnItem(req, reply, item, err);
        }
        return reply.redirect(`/newsroom/media/${item.id}?diganti=1`, 303);
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
      const item = await visibleItem(req, req.params);
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
      const notices: Array<[unknown, string, string]> = [
        [query.isi, 'meta', m.upload.prefilled],
        [query.baru, '1', m.upload.done],
        [query.disimpan, '1', m.item.saved],
        [query.fokus, '1', m.item.focusSaved],
        [query.diganti, '1', m.item.replaced],
      ];
      const notice = notices.find(([value, want]) => value === want)?.[2];
      return itemPage(req, reply, item, { notice });
    },
  );

  /** The photo of an edit route, when this staff member may change it. */
  async function editableItem(req: FastifyRequest, params: { id: string }) {
    const item = await visibleItem(req, params);
    if (!mayEditMedia(actorOf(req), item)) throw new AppError('FORBIDDEN');
    return item;
  }

  app.post(
    '/newsroom/media/:id',
    {
      preHandler: requireStaff('media.edit.own'),
      schema: { params: idParams, body: formBody },
    },
    async (req, reply) => {
      const item = await editableItem(req, req.params);
      const id = item.id;
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
    {
      preHandler: requireStaff('media.edit.own'),
      schema: { params: idParams, body: formBody },
    },
    async (req, reply) => {
      const item = await editableItem(req, req.params);
      const id = item.id;
      try {
        const updated = await setFocalPoint(k, mediaStorage(config), id, focalFrom(req.body ?? {}));
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

  app.post(
    '/newsroom/media/:id/hapus',
    {
      preHandler: requireStaff('media.delete.own'),
      schema: { params: idParams, body: formBody },
    },
    async (req, reply) => {
      const item = await visibleItem(req, req.params);
      try {
        await deleteMedia({
          db,
          media: mediaStorage(config),
          actor: actorOf(req),
          ipHash: ipHashOf(req, config),
          mediaId: item.id,
          confirmed: ['1', true].includes(req.body?.yakin as string),
        });
      } catch (err) {
        if (toAppError(err).code === 'FORBIDDEN') throw err;
        return refusedOnItem(req, reply, item, err);
      }
      if (wantsJson(req)) return reply.code(204).send();
      return reply.redirect('/newsroom/media?dihapus=1', 303);
    },
  );

  registerLibraryAssets(server);
}
