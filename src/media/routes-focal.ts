import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, toAppError } from '../lib/errors.ts';
import { requireStaff, wantsJson } from '../newsroom/auth.ts';
import { setFocalPoint } from './library.ts';
import { formBody, idParams, langOf, type MediaRouteKit } from './routes-shared.ts';
import { mediaStorage } from './storage.ts';

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

/** Setting a photo's focal point (POST /newsroom/media/:id/fokus), which recuts its crops. */
export function registerFocalRoute(server: FastifyInstance, kit: MediaRouteKit) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { config, k, editableItem, itemPage } = kit;

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
}
