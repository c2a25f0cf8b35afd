import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { z } from 'zod';
import type { Config } from '../../config.ts';
import { listSections } from '../../content/taxonomy-queries.ts';
import type { Db } from '../../db/connection.ts';
import type { JobRunner } from '../../jobs/runner.ts';
import { AppError } from '../../lib/errors.ts';
import type { EventBus } from '../../lib/events.ts';
import { assetFromFile, registerAsset } from '../../lib/static-assets.ts';
import { mediaStorage } from '../../media/storage.ts';
import { ipHashOf, requireStaff, wantsJson } from '../../newsroom/auth-shared.ts';
import { can } from '../../newsroom/policy.ts';
import { newsroomContext } from '../../newsroom/views/layout.tsx';
import { renderDocument } from '../../site/render.tsx';
import { latestItemId, listDesk } from './desk.ts';
import type { FetchLimits } from './fetcher.ts';
import { wireText } from './messages.ts';
import { ensurePollsQueued, WIRE_POLL, wirePollHandler } from './poller.ts';
import { deskQuery, idParams, sourceBody, sourceQuery, WINDOW_MS } from './schemas.ts';
import {
  createWireSource,
  pollWireSourceNow,
  updateWireSource,
  validateSourceForm,
} from './sources.ts';
import { listSourceStatus } from './store.ts';
import { indexArticleForWire } from './store-near-dups.ts';
import { takeWireItem } from './take.ts';
import { DeskPage, DeskRow } from './views/desk-page.tsx';
import {
  EMPTY_SOURCE,
  type SourceFieldErrors,
  type SourceFormValues,
  SourcePage,
  SourcesPage,
  valuesOfSource,
} from './views/sources-page.tsx';

export interface WireDeps {
  config: Config;
  db: Db;
  events: EventBus;
}

const BASE = '/newsroom/kawat';

const DESK_JS = assetFromFile(
  new URL('./assets/desk.js', import.meta.url),
  'text/javascript; charset=utf-8',
  'wire-desk.js',
);

function send(reply: FastifyReply, vnode: VNode, status = 200) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(renderDocument(vnode));
}

/**
 * The wire desk under /newsroom/kawat: the desk (wire.view) with its live
 * update, "Ambil" (wire.take), and the sources pages (wire.manage). Also
 * keeps published articles in the near-duplicate index ("we already ran this").
 * Wire items are read only here, behind newsroom login: never on the public site.
 */
export function registerWireDesk(app: FastifyInstance, deps: WireDeps): void {
  const { config, db, events } = deps;
  const k = db.kysely;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const viewer = { preValidation: requireStaff('wire.view') };
  const taker = { preValidation: requireStaff('wire.take') };
  const admin = { preValidation: requireStaff('wire.manage') };
  const ctxOf = (req: FastifyRequest) => newsroomContext(req, { config });
  const staffOf = (req: FastifyRequest) => {
    if (!req.staff) throw new AppError('FORBIDDEN');
    return req.staff;
  };

  for (const event of [
    'article.published',
    'article.updated',
    'article.unpublished',
    'article.deleted',
  ] as const) {
    events.on(event, ({ articleId }) => indexArticleForWire(k, articleId));
  }

  registerAsset(app, DESK_JS);

  const sectionChoices = async () =>
    (await listSections(k))
      .flatMap((s) => [s, ...s.children])
      .map((s) => ({ id: s.id, name: s.name }));

  r.get(BASE, { ...viewer, schema: { querystring: deskQuery } }, async (req, reply) => {
    const q = req.query;
    const now = Date.now();
    const [ctx, items, sources, sections, latestId] = await Promise.all([
      ctxOf(req),
      listDesk(
        k,
        {
          sourceId: q.sumber,
          sectionId: q.rubrik,
          withinMs: q.waktu ? WINDOW_MS[q.waktu] : undefined,
          q: q.q?.trim() || undefined,
        },
        now,
      ),
      k.selectFrom('wire_sources').select(['id', 'name']).orderBy('name').execute(),
      sectionChoices(),
      latestItemId(k),
    ]);
    const staff = staffOf(req);
    return send(
      reply,
      DeskPage({
        ctx,
        items,
        sources,
        sections,
        filter: { sumber: q.sumber, rubrik: q.rubrik, waktu: q.waktu, q: q.q },
        latestId,
        canTake: can(staff.role, 'wire.take'),
        canManage: can(staff.role, 'wire.manage'),
        scriptUrl: DESK_JS.url,
      }),
    );
  });

  r.get(`${BASE}/baru`, { ...viewer, schema: { querystring: deskQuery } }, async (req, reply) => {
    const q = req.query;
    const now = Date.now();
    const ctx = await ctxOf(req);
    const items = await listDesk(
      k,
      {
        sourceId: q.sumber,
        sectionId: q.rubrik,
        withinMs: q.waktu ? WINDOW_MS[q.waktu] : undefined,
        q: q.q?.trim() || undefined,
        afterId: q.setelah ?? 0,
        limit: 50,
      },
      now,
    );
    const canTake = can(staffOf(req).role, 'wire.take');
    const html = items.map((item) => renderToString(DeskRow({ ctx, item, canTake }))).join('');
    const latestId = Math.max(q.setelah ?? 0, ...items.map((i) => i.id));
    return reply.header('cache-control', 'no-store').send({
      count: items.length,
      latestId,
      html,
      message: wireText(ctx.lang).desk.newItems(items.length),
    });
  });

  r.post(`${BASE}/:id/ambil`, { ...taker, schema: { params: idParams } }, async (req, reply) => {
    const staff = staffOf(req);
    const out = await takeWireItem({
      db,
      events,
      media: mediaStorage(config),
      actor: { id: staff.id, role: staff.role, name: staff.name },
      itemId: req.params.id,
      ipHash: ipHashOf(req, config),
    });
    if (wantsJson(req)) return reply.send(out);
    return reply.redirect(
      `/newsroom/artikel/${out.articleId}?kawat=${out.photo === 'failed' ? 'foto' : '1'}`,
      303,
    );
  });

  // --- Sources (admins) ---

  const formValues = (b: SourceBody): SourceFormValues & { authSecret: string } => ({
    ...b,
    enabled: b.enabled === '1' || b.enabled === 'on',
  });

  /** The sources page (id null) or one source's page, with the form's values and errors. */
  async function sourcesView(
    req: FastifyRequest,
    reply: FastifyReply,
    id: number | null,
    opts: {
      values?: SourceFormValues;
      errors?: SourceFieldErrors;
      notice?: { kind: 'ok' | 'error'; text: string };
      status?: number;
    } = {},
  ) {
    const [ctx, sources, sections] = await Promise.all([
      ctxOf(req),
      listSourceStatus(k, Date.now()),
      sectionChoices(),
    ]);
    const inv = wireText(ctx.lang).sources.invalid;
    const errors = Object.fromEntries(
      Object.keys(opts.errors ?? {}).map((key) => [key, inv[key as keyof typeof inv]]),
    );
    if (id === null) {
      const values = opts.values ?? EMPTY_SOURCE;
      return send(
        reply,
        SourcesPage({ ctx, sources, sections, values, errors, notice: opts.notice }),
        opts.status,
      );
    }
    const source = sources.find((s) => s.source.id === id);
    if (!source) throw new AppError('NOT_FOUND');
    const values = opts.values ?? valuesOfSource(source);
    return send(
      reply,
      SourcePage({ ctx, source, sections, values, errors, notice: opts.notice }),
      opts.status,
    );
  }

  /** Validates a posted source form; an invalid one re-renders its page (400) naming each field. */
  async function checkedSource(
    req: FastifyRequest,
    reply: FastifyReply,
    body: SourceBody,
    id: number | null,
  ) {
    const values = formValues(body);
    const checked = validateSourceForm(values);
    if (checked.ok) return { input: checked.input };
    const ctx = await ctxOf(req);
    const notice = {
      kind: 'error' as const,
      text: new AppError('WIRE_SOURCE_INVALID').messageIn(ctx.lang),
    };
    return {
      page: await sourcesView(req, reply, id, {
        values,
        errors: checked.errors,
        notice,
        status: 400,
      }),
    };
  }

  const acting = (req: FastifyRequest) => {
    const staff = staffOf(req);
    return { db, actor: { id: staff.id, role: staff.role }, ipHash: ipHashOf(req, config) };
  };

  r.get(
    `${BASE}/sumber`,
    { ...admin, schema: { querystring: sourceQuery } },
    async (req, reply) => {
      const ctx = await ctxOf(req);
      const notice = req.query.ok
        ? { kind: 'ok' as const, text: wireText(ctx.lang).sources.saved }
        : undefined;
      return sourcesView(req, reply, null, { notice });
    },
  );

  r.post(`${BASE}/sumber`, { ...admin, schema: { body: sourceBody } }, async (req, reply) => {
    const checked = await checkedSource(req, reply, req.body, null);
    if (!checked.input) return checked.page;
    const id = await createWireSource(acting(req), checked.input);
    return reply.redirect(`${BASE}/sumber/${id}?ok=1`, 303);
  });

  r.get(
    `${BASE}/sumber/:id`,
    { ...admin, schema: { params: idParams, querystring: sourceQuery } },
    async (req, reply) => {
      const ctx = await ctxOf(req);
      const m = wireText(ctx.lang).sources;
      const notice =
        req.query.ok === '1'
          ? { kind: 'ok' as const, text: m.saved }
          : req.query.ok === 'periksa'
            ? { kind: 'ok' as const, text: m.pollQueued }
            : undefined;
      return sourcesView(req, reply, req.params.id, { notice });
    },
  );

  r.post(
    `${BASE}/sumber/:id`,
    { ...admin, schema: { params: idParams, body: sourceBody } },
    async (req, reply) => {
      const checked = await checkedSource(req, reply, req.body, req.params.id);
      if (!checked.input) return checked.page;
      await updateWireSource(acting(req), req.params.id, checked.input);
      return reply.redirect(`${BASE}/sumber/${req.params.id}?ok=1`, 303);
    },
  );

  r.post(
    `${BASE}/sumber/:id/periksa`,
    { ...admin, schema: { params: idParams } },
    async (req, reply) => {
      await pollWireSourceNow(acting(req), req.params.id);
      return reply.redirect(`${BASE}/sumber/${req.params.id}?ok=periksa`, 303);
    },
  );
}

type SourceBody = z.infer<typeof sourceBody>;

/**
 * Registers the wire poll with the job runner (concurrent: one slow source
 * never holds up another) and queues a poll for every enabled source that has none.
 */
export function registerWireJobs(
  jobs: JobRunner,
  db: Db,
  opts: { limits?: FetchLimits } = {},
): void {
  jobs.handle(WIRE_POLL, wirePollHandler(db, opts), { concurrent: true });
  void ensurePollsQueued(db, Date.now()).catch(() => {});
}
