import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, toAppError } from '../lib/errors.ts';
import { parsePage } from '../lib/pagination.ts';
import { requireStaff, wantsJson } from '../newsroom/auth.ts';
import { getMediaMany, uploadImages } from './library.ts';
import { parseMediaSearch, pickerItem, searchMedia } from './library-queries.ts';
import { type ParsedUpload, readUpload, refusedFile } from './routes-multipart.ts';
import { actorOf, langOf, libraryQuery, type MediaRouteKit } from './routes-shared.ts';
import { mediaStorage } from './storage.ts';

/** The library grid under /newsroom/media: its search (or the picker's JSON). */
export function registerLibraryRoute(server: FastifyInstance, kit: MediaRouteKit) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { config, k, visibleTo, libraryPage } = kit;

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
}

/**
 * The upload of one or several photos (POST /newsroom/media); `scope` is the
 * plugin that parses multipart bodies.
 */
export function registerUploadRoute(scope: FastifyInstance, kit: MediaRouteKit) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { config, k, libraryPage } = kit;

  app.post(
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
            refused: outcomes.flatMap((o) => (o.error ? [refusedFile(o.name, o.error, lang)] : [])),
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
}
