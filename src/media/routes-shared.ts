import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { AppError, toAppError } from '../lib/errors.ts';
import type { EventBus } from '../lib/events.ts';
import type { Lang } from '../lib/i18n.ts';
import { parsePage } from '../lib/pagination.ts';
import { wantsJson } from '../newsroom/auth.ts';
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
import { MediaInUseError } from './commands.ts';
import { getMedia, type MediaItem } from './library.ts';
import { type MediaUse, mediaUsage, parseMediaSearch, searchMedia } from './library-queries.ts';
import { mediaMessages } from './messages.ts';
import { ItemPage } from './views/item-page.tsx';
import { type LibraryFilters, LibraryPage, type UploadFormState } from './views/library-page.tsx';

/** What the media library routes are given (see registerMediaRoutes). */
export interface MediaRouteDeps {
  config: Config;
  db: Db;
  events: EventBus;
}

const ID = /^[1-9][0-9]{0,9}$/;

export function langOf(req: FastifyRequest, config: Config): Lang {
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
export const idParams = z.object({ id: z.string() });
export const libraryQuery = z.looseObject({
  q: queryValue,
  dari: queryValue,
  sampai: queryValue,
  page: queryValue,
  format: queryValue,
  dihapus: queryValue,
});
export type LibraryQuery = z.infer<typeof libraryQuery>;
export const itemQuery = z.looseObject({
  format: queryValue,
  isi: queryValue,
  baru: queryValue,
  disimpan: queryValue,
  fokus: queryValue,
  diganti: queryValue,
});
/** A urlencoded form or a JSON object; absent is an empty form. */
export const formBody = z.record(z.string(), z.unknown()).optional();

/** The photo id of `/newsroom/media/:id`; anything but a positive integer is NOT_FOUND. */
function mediaId(params: { id: string }): number {
  if (!ID.test(params.id)) throw new AppError('NOT_FOUND');
  return Number(params.id);
}

/** The acting staff member (the preHandler has made sure there is one). */
export function actorOf(req: FastifyRequest): MediaActor & StaffUser {
  if (!req.staff) throw new AppError('NOT_LOGGED_IN');
  return req.staff;
}

/** The deps and helpers every media route is given (see mediaRouteKit). */
export type MediaRouteKit = ReturnType<typeof mediaRouteKit>;

/**
 * The helpers the media routes share, bound to this app's config and database:
 * the library and one photo as the acting staff member may see them, and the
 * library and photo pages the routes answer with.
 */
export function mediaRouteKit(deps: MediaRouteDeps) {
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

  /** The photo of an edit route, when this staff member may change it. */
  async function editableItem(req: FastifyRequest, params: { id: string }) {
    const item = await visibleItem(req, params);
    if (!mayEditMedia(actorOf(req), item)) throw new AppError('FORBIDDEN');
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

  return {
    config,
    db,
    events,
    k,
    visibleTo,
    visibleItem,
    editableItem,
    libraryPage,
    itemPage,
    refusedOnItem,
  };
}
