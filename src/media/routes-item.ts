import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, toAppError } from '../lib/errors.ts';
import { requireStaff, wantsJson } from '../newsroom/auth.ts';
import { ipHashOf } from '../newsroom/auth-shared.ts';
import { mayEditMedia } from './access.ts';
import { deleteMedia, replaceMedia } from './commands.ts';
import { getMedia, updateMediaText } from './library.ts';
import { mediaUsage, pickerItem } from './library-queries.ts';
import { mediaMessages } from './messages.ts';
import { readUpload, singleFile } from './routes-multipart.ts';
import {
  actorOf,
  formBody,
  idParams,
  itemQuery,
  langOf,
  type MediaRouteKit,
} from './routes-shared.ts';
import { mediaStorage } from './storage.ts';

/**
 * Replacing a photo's file in place (POST /newsroom/media/:id/ganti); `scope`
 * is the plugin that parses multipart bodies.
 */
export function registerReplaceRoute(scope: FastifyInstance, kit: MediaRouteKit) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { config, db, events, visibleItem, refusedOnItem } = kit;

  app.post(
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
}

/** One photo's page (or its JSON) and the form that edits its caption, credit and alt text. */
export function registerItemRoutes(server: FastifyInstance, kit: MediaRouteKit) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { config, k, visibleItem, editableItem, itemPage } = kit;

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
}

/** Deleting a photo no article uses (POST /newsroom/media/:id/hapus). */
export function registerDeleteRoute(server: FastifyInstance, kit: MediaRouteKit) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { config, db, visibleItem, refusedOnItem } = kit;

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
}
