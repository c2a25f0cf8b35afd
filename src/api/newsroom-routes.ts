import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from '../lib/errors.ts';
import { audit } from '../newsroom/audit.ts';
import { ipHashOf, requireStaff } from '../newsroom/auth-shared.ts';
import { field, sendPage } from '../newsroom/login-routes.ts';
import { formBody, formField, idString, query } from '../newsroom/schemas.ts';
import { newsroomContext } from '../newsroom/views/layout.tsx';
import {
  createEndpoint,
  deleteEndpoint,
  listDeliveries,
  listEndpoints,
  resendDelivery,
  resumeEndpoint,
  WEBHOOK_EVENTS,
  type WebhookEvent,
} from '../webhooks/webhooks.ts';
import {
  createApiKey,
  getApiSettings,
  listApiKeys,
  revokeApiKey,
  saveApiSettings,
} from './keys.ts';
import { apiMessages } from './messages.ts';
import { API_ADMIN, ApiAdminPage, DeliveryLogPage, ReferencePage } from './views.tsx';

const idParams = z.object({ id: idString });
const okQuery = query({ ok: formField });

/**
 * The newsroom's API pages (admins, `settings.manage`): keys (shown once,
 * revoked), the public-read setting, webhook endpoints with their delivery
 * logs, and the API reference rendered from the OpenAPI document. Every write
 * is audited; forms carry the session's CSRF token (checked by the auth layer).
 */
export function registerApiAdminRoutes(
  server: FastifyInstance,
  deps: { config: Config; db: Db; openapi: () => Record<string, unknown> },
): void {
  const { config, db } = deps;
  const app = server.withTypeProvider<ZodTypeProvider>();
  const admin = { preValidation: requireStaff('settings.manage') };
  const ctxOf = (req: FastifyRequest) => newsroomContext(req, { config });
  const log = (req: FastifyRequest, action: string, target: string, detail = '') =>
    audit(db, {
      actorId: req.staff?.id ?? null,
      action,
      target,
      detail,
      ipHash: ipHashOf(req, config),
    });

  async function page(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: Omit<Parameters<typeof ApiAdminPage>[0], 'ctx' | 'keys' | 'settings' | 'endpoints'> = {},
    status = 200,
  ) {
    const [ctx, keys, settings, endpoints] = await Promise.all([
      ctxOf(req),
      listApiKeys(db.kysely),
      getApiSettings(db.kysely),
      listEndpoints(db),
    ]);
    return sendPage(reply, ApiAdminPage({ ctx, keys, settings, endpoints, ...extra }), status);
  }
  const notice = async (req: FastifyRequest, ok: unknown) => {
    const m = apiMessages.t((await ctxOf(req)).lang);
    const texts: Record<string, string> = {
      revoked: m.keyRevoked,
      saved: m.saved,
      resumed: m.resumed,
      removed: m.removed,
      resent: m.resent,
    };
    return typeof ok === 'string' ? texts[ok] : undefined;
  };

  app.get(API_ADMIN, { ...admin, schema: { querystring: okQuery } }, async (req, reply) =>
    page(req, reply, { notice: await notice(req, req.query.ok) }),
  );

  app.post(
    `${API_ADMIN}/kunci`,
    { ...admin, schema: { body: formBody({ name: formField, rate: formField }) } },
    async (req, reply) => {
      const m = apiMessages.t((await ctxOf(req)).lang);
      const name = field(req.body.name).trim();
      const rateText = field(req.body.rate).trim();
      const rate = /^\d{1,6}$/.test(rateText) ? Number(rateText) : 0;
      const errors = {
        ...(name.length === 0 || name.length > 100 ? { name: m.nameInvalid } : {}),
        ...(rate < 1 || rate > 100_000 ? { rate: m.rateInvalid } : {}),
      };
      if (Object.keys(errors).length) {
        return page(req, reply, { errors, values: { name, rate: rateText } }, 400);
      }
      const created = await createApiKey(db.kysely, config.secretKey, {
        name,
        ratePerMinute: rate,
        createdBy: req.staff?.id ?? null,
      });
      await log(req, 'api.key.created', `api-key:${created.id}`, name);
      // Shown once, in this answer only (never in a URL or a redirect).
      return page(req, reply, { newKey: created.key });
    },
  );

  app.post(
    `${API_ADMIN}/kunci/:id/cabut`,
    { ...admin, schema: { params: idParams, body: formBody({}) } },
    async (req, reply) => {
      if (!(await revokeApiKey(db.kysely, req.params.id))) throw new AppError('NOT_FOUND');
      await log(req, 'api.key.revoked', `api-key:${req.params.id}`);
      return reply.redirect(`${API_ADMIN}?ok=revoked`, 303);
    },
  );

  app.post(
    `${API_ADMIN}/setelan`,
    { ...admin, schema: { body: formBody({ publicRead: formField, feedFullText: formField }) } },
    async (req, reply) => {
      const publicRead = field(req.body.publicRead) === '1';
      const feedFullText = field(req.body.feedFullText) === '1';
      await saveApiSettings(db.kysely, { publicRead, feedFullText });
      await log(
        req,
        'api.settings',
        'api',
        `publicRead=${publicRead} feedFullText=${feedFullText}`,
      );
      return reply.redirect(`${API_ADMIN}?ok=saved`, 303);
    },
  );

  app.post(
    `${API_ADMIN}/webhook`,
    {
      ...admin,
      schema: { body: formBody({ url: formField, events: formField, allowPrivate: formField }) },
    },
    async (req, reply) => {
      const ctx = await ctxOf(req);
      const m = apiMessages.t(ctx.lang);
      const url = field(req.body.url).trim();
      const events = [req.body.events ?? []]
        .flat()
        .filter((e): e is WebhookEvent => (WEBHOOK_EVENTS as readonly string[]).includes(e));
      if (events.length === 0) {
        return page(req, reply, { errors: { events: m.eventsInvalid }, values: { url } }, 400);
      }
      try {
        const created = await createEndpoint(db, config, {
          url,
          events,
          allowPrivate: field(req.body.allowPrivate) === '1',
          createdBy: req.staff?.id ?? null,
        });
        await log(req, 'webhook.created', `webhook:${created.id}`, url);
        return page(req, reply, { newSecret: created.secret });
      } catch (err) {
        if (err instanceof AppError && err.code.startsWith('WEBHOOK_URL')) {
          return page(
            req,
            reply,
            { errors: { url: err.messageIn(ctx.lang) }, values: { url } },
            400,
          );
        }
        throw err;
      }
    },
  );

  app.post(
    `${API_ADMIN}/webhook/:id/hapus`,
    { ...admin, schema: { params: idParams, body: formBody({}) } },
    async (req, reply) => {
      if (!(await deleteEndpoint(db, req.params.id))) throw new AppError('NOT_FOUND');
      await log(req, 'webhook.removed', `webhook:${req.params.id}`);
      return reply.redirect(`${API_ADMIN}?ok=removed`, 303);
    },
  );

  app.post(
    `${API_ADMIN}/webhook/:id/lanjutkan`,
    { ...admin, schema: { params: idParams, body: formBody({}) } },
    async (req, reply) => {
      await resumeEndpoint(db, req.params.id);
      await log(req, 'webhook.resumed', `webhook:${req.params.id}`);
      return reply.redirect(`${API_ADMIN}?ok=resumed`, 303);
    },
  );

  app.get(
    `${API_ADMIN}/webhook/:id`,
    { ...admin, schema: { params: idParams, querystring: okQuery } },
    async (req, reply) => {
      const endpoint = (await listEndpoints(db)).find((e) => e.id === req.params.id);
      if (!endpoint) throw new AppError('NOT_FOUND');
      const ctx = await ctxOf(req);
      return sendPage(
        reply,
        DeliveryLogPage({
          ctx,
          endpoint,
          deliveries: await listDeliveries(db, endpoint.id),
          notice: await notice(req, req.query.ok),
        }),
      );
    },
  );

  app.post(
    `${API_ADMIN}/webhook/kirim/:id`,
    { ...admin, schema: { params: idParams, body: formBody({}) } },
    async (req, reply) => {
      const row = await db.kysely
        .selectFrom('webhook_deliveries')
        .select('endpoint_id')
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!row || (await resendDelivery(db, req.params.id)) == null)
        throw new AppError('NOT_FOUND');
      await log(req, 'webhook.resent', `webhook-delivery:${req.params.id}`);
      return reply.redirect(`${API_ADMIN}/webhook/${row.endpoint_id}?ok=resent`, 303);
    },
  );

  app.get(`${API_ADMIN}/referensi`, admin, async (req, reply) =>
    sendPage(reply, ReferencePage({ ctx: await ctxOf(req), doc: deps.openapi() })),
  );
}
