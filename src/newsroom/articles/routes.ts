import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { runWorkflowAction } from '../../content/commands/workflow-action.ts';
import { homeLeadId, setHomeLead } from '../../content/home-lead.ts';
import { acquireLock, heartbeat } from '../../content/locks.ts';
import { createDraft } from '../../content/revisions.ts';
import { availableActions, isWorkflowAction } from '../../content/workflow.ts';
import { wireTakeNotice } from '../../ingest/wire/messages.ts';
import { enqueueScheduledPublish } from '../../jobs/publish-scheduled.ts';
import { AppError } from '../../lib/errors.ts';
import { parsePage } from '../../lib/pagination.ts';
import { renderDocument } from '../../site/render.tsx';
import { ipHashOf, requireStaff, wantsJson } from '../auth.ts';
import { can } from '../policy.ts';
import { formBody } from '../schemas.ts';
import { getStaffUser } from '../users.ts';
import { newsroomContext } from '../views/layout.tsx';
import { registerApiRoutes } from './api-routes.ts';
import { sendEditPage } from './edit-page.ts';
import { registerHistoryRoutes } from './history-routes.ts';
import {
  ARTICLE_STATES,
  deskItems,
  isArticleState,
  listStaffArticles,
  sectionChoices,
  sectionExists,
} from './queries.ts';
import {
  type ArticleRouteDeps,
  actorOf,
  articleForActor,
  auditArticle,
  idParam,
  jsonError,
  jsonOrRedirect,
  loadVisible,
  mayEditArticle,
  messagesFor,
  parseLocalDateTime,
  writerRoute,
} from './route-helpers.ts';
import { rawValues, trySave } from './save.ts';
import {
  articleEditBody,
  articleListQuery,
  articleParams,
  deskQuery,
  editPageQuery,
  leadBody,
  newArticleBody,
  workflowActionBody,
} from './schemas.ts';
import type { FieldErrors } from './validate.ts';
import {
  ArticleListPage,
  DESK_ACTIONS,
  type DeskAction,
  DeskPage,
  NewArticlePage,
} from './views/list-views.tsx';

/**
 * The newsroom's writing routes under /newsroom/artikel and the desk at
 * /newsroom/meja. Routes stay thin: parse, ask the policy (through the
 * workflow), call one content function, render. Every state change is
 * CSRF-checked by the auth layer and audited here.
 */

const BODY_LIMIT = 4 * 1024 * 1024;
const html = (reply: FastifyReply, body: string, status = 200) =>
  reply.code(status).type('text/html; charset=utf-8').send(body);

/** Registers the article list, editor, actions, desk, history and JSON helpers. */
export function registerArticleRoutes(app: FastifyInstance, deps: ArticleRouteDeps): void {
  const { db, config } = deps;
  const lang = (req: FastifyRequest) => req.staff?.lang ?? config.language;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/newsroom/artikel', writerRoute({ querystring: articleListQuery }), async (req, reply) => {
    const actor = actorOf(req);
    const m = messagesFor(req, config);
    const q = req.query;
    const page = parsePage(q.page);
    const status = q.status ?? '';
    if (!page.ok || typeof status !== 'string' || (status !== '' && !isArticleState(status))) {
      throw new AppError('BAD_REQUEST');
    }
    const canSeeAll = can(actor.role, 'article.edit.any') || can(actor.role, 'article.view.desk');
    const scope = q.scope === 'all' && canSeeAll ? 'all' : 'mine';
    const filter =
      scope === 'mine'
        ? { authorId: actor.userId }
        : can(actor.role, 'article.edit.any')
          ? {}
          : { excludeOthersDrafts: actor.userId };
    const pageSize = 50;
    const { rows, total } = await listStaffArticles(
      db,
      { ...filter, status: status === '' ? undefined : status },
      page.page,
      pageSize,
    );
    const ctx = await newsroomContext(req, { config });
    return html(
      reply,
      renderDocument(
        ArticleListPage({
          ctx,
          m,
          p: {
            rows,
            leadId: await homeLeadId(db.kysely),
            total,
            page: page.page,
            pageSize,
            scope,
            canSeeAll,
            status,
            states: ARTICLE_STATES,
          },
        }),
      ),
    );
  });

  const sectionsList = () => sectionChoices(db);

  r.get(
    '/newsroom/artikel/baru',
    { preValidation: requireStaff('article.create') },
    async (req, reply) => {
      const ctx = await newsroomContext(req, { config });
      const sections = await sectionsList();
      const values = { headline: '', sectionId: String(sections[0]?.id ?? '') };
      return html(
        reply,
        renderDocument(
          NewArticlePage({ ctx, m: messagesFor(req, config), sections, values, errors: {} }),
        ),
      );
    },
  );

  r.post('/newsroom/artikel', writerRoute({ body: newArticleBody }), async (req, reply) => {
    const actor = actorOf(req);
    const m = messagesFor(req, config);
    const body = req.body;
    const errors: FieldErrors = {};
    const headline =
      body.headline === undefined
        ? ''
        : typeof body.headline === 'string'
          ? body.headline.trim()
          : null;
    if (headline === null) errors.headline = m.invalid.notText;
    else if (!headline) errors.headline = m.invalid.required;
    else if (headline.length > 200) errors.headline = m.invalid.tooLong(200);
    const sectionId =
      typeof body.sectionId === 'string' && /^[1-9]\d{0,9}$/.test(body.sectionId)
        ? Number(body.sectionId)
        : 0;
    if (!sectionId || !(await sectionExists(db, sectionId))) errors.sectionId = m.invalid.section;
    if (Object.keys(errors).length || headline === null) {
      if (wantsJson(req))
        return jsonError(reply, new AppError('ARTICLE_INVALID'), lang(req), errors);
      const ctx = await newsroomContext(req, { config });
      const values = { headline: headline ?? '', sectionId: String(body.sectionId ?? '') };
      return html(
        reply,
        renderDocument(NewArticlePage({ ctx, m, sections: await sectionsList(), values, errors })),
        400,
      );
    }
    const id = await createDraft(db, { authorId: actor.userId, sectionId, headline });
    await auditArticle(req, deps, 'create', id, headline);
    if (wantsJson(req)) return reply.code(201).send({ id });
    return reply.redirect(`/newsroom/artikel/${id}`, 303);
  });

  r.get(
    '/newsroom/artikel/:id',
    writerRoute({ params: articleParams, querystring: editPageQuery }),
    async (req, reply) => {
      const { article: a } = await articleForActor(db, req, req.params.id);
      const m = messagesFor(req, config);
      const q = req.query;
      const done = typeof q.done === 'string' ? m.actions.done[q.done] : undefined;
      const text = q.saved === '1' ? m.edit.saved : q.restored === '1' ? m.history.restored : done;
      // Just taken from the wire desk (ingest/wire): say so, and whether the photo came along.
      const wire =
        q.kawat === '1' || q.kawat === 'foto' ? wireTakeNotice(lang(req), q.kawat) : null;
      return sendEditPage(req, reply, deps, a, {
        notice: wire ?? (text ? { kind: 'ok', text } : null),
      });
    },
  );

  /** The form save; with JSON (the editor script's Save button) it answers JSON. */
  const saveRoute = {
    ...writerRoute({ params: articleParams, body: articleEditBody }),
    bodyLimit: BODY_LIMIT,
  };
  r.post('/newsroom/artikel/:id', saveRoute, async (req, reply) => {
    const id = idParam(req.params.id);
    const out = await trySave(req, deps, id, 'save', req.body);
    if (wantsJson(req)) {
      if (!out.ok) return jsonError(reply, out.err, lang(req), out.fields);
      return reply.send({ version: out.version, slug: out.slug, savedAt: Date.now() });
    }
    if (out.ok) return reply.redirect(`/newsroom/artikel/${id}?saved=1`, 303);
    if (out.err.status === 403) throw out.err;
    const a = await loadVisible(db, id, actorOf(req));
    return sendEditPage(req, reply, deps, a, {
      values: rawValues(req.body),
      errors: out.fields ?? {},
      notice: { kind: 'error', text: out.err.messageIn(lang(req)) },
      status: out.err.status,
    });
  });

  r.post('/newsroom/artikel/:id/autosave', saveRoute, async (req, reply) => {
    const out = await trySave(req, deps, idParam(req.params.id), 'autosave', req.body);
    if (!out.ok) return jsonError(reply, out.err, lang(req), out.fields);
    return reply.send({ version: out.version, slug: out.slug, savedAt: Date.now() });
  });

  r.post(
    '/newsroom/artikel/:id/kunci',
    writerRoute({ params: articleParams, body: formBody({}) }),
    async (req, reply) => {
      const { actor, id, article: a } = await articleForActor(db, req, req.params.id);
      if (!mayEditArticle(actor, a))
        return jsonError(reply, new AppError('WORKFLOW_FORBIDDEN'), lang(req));
      const lock = await heartbeat(db.kysely, id, actor.userId);
      if (lock.held) return reply.send({ held: true, version: a.version });
      const holder = await getStaffUser(db, lock.holder.userId);
      return reply.send({
        held: false,
        version: a.version,
        holder: { name: holder?.name ?? '', since: lock.holder.acquiredAt },
      });
    },
  );

  r.post(
    '/newsroom/artikel/:id/ambil-alih',
    writerRoute({ params: articleParams, body: formBody({}) }),
    async (req, reply) => {
      const { actor, id, article: a } = await articleForActor(db, req, req.params.id);
      if (!mayEditArticle(actor, a)) throw new AppError('WORKFLOW_FORBIDDEN');
      await acquireLock(db.kysely, id, actor.userId, { takeOver: true });
      await auditArticle(req, deps, 'takeover', id, a.edit.headline);
      return jsonOrRedirect(req, reply, { held: true }, `/newsroom/artikel/${id}`);
    },
  );

  r.post(
    '/newsroom/artikel/:id/tindakan',
    writerRoute({ params: articleParams, body: workflowActionBody }),
    async (req, reply) => {
      const actor = actorOf(req);
      const id = idParam(req.params.id);
      const body = req.body;
      const act = body.action;
      if (!isWorkflowAction(act)) throw new AppError('BAD_REQUEST');
      await loadVisible(db, id, actor);
      let scheduleAt: number | undefined;
      if (act === 'schedule' && body.scheduleAt !== undefined && body.scheduleAt !== '') {
        const parsed = parseLocalDateTime(body.scheduleAt, config.timeZone);
        if (parsed === null) throw new AppError('BAD_DATETIME');
        scheduleAt = parsed;
      }
      const note =
        body.note === undefined ? undefined : typeof body.note === 'string' ? body.note : null;
      if (note === null) throw new AppError('NOTE_REQUIRED');
      const next = await runWorkflowAction({
        db,
        events: deps.events,
        actor,
        articleId: id,
        action: act,
        scheduleAt,
        note,
        bump: body.bump === '1',
        ipHash: ipHashOf(req, config),
        onSchedule: enqueueScheduledPublish(db),
      });
      const location =
        act === 'delete'
          ? '/newsroom/artikel?done=delete'
          : body.back === 'desk'
            ? `/newsroom/meja?done=${act}`
            : `/newsroom/artikel/${id}?done=${act}`;
      return jsonOrRedirect(req, reply, { status: next.status }, location);
    },
  );

  // The home page's lead story ("Berita utama"): set or clear, editors and up.
  r.post(
    '/newsroom/artikel/:id/utama',
    {
      preValidation: requireStaff('home.lead'),
      schema: { params: articleParams, body: leadBody },
    },
    async (req, reply) => {
      const id = idParam(req.params.id);
      const lead = req.body.lead;
      if (lead !== '1' && lead !== '0') throw new AppError('BAD_REQUEST');
      await setHomeLead({
        db,
        events: deps.events,
        actor: actorOf(req),
        articleId: id,
        lead: lead === '1',
        ipHash: ipHashOf(req, config),
      });
      const done = lead === '1' ? 'lead' : 'unlead';
      return jsonOrRedirect(
        req,
        reply,
        { lead: lead === '1' },
        `/newsroom/artikel/${id}?done=${done}`,
      );
    },
  );

  r.get(
    '/newsroom/meja',
    { preValidation: requireStaff('article.view.desk'), schema: { querystring: deskQuery } },
    async (req, reply) => {
      const actor = actorOf(req);
      const m = messagesFor(req, config);
      const { waiting, scheduled } = await deskItems(db);
      const actions: Record<number, DeskAction[]> = {};
      for (const r of [...waiting, ...scheduled]) {
        actions[r.id] = availableActions({ status: r.status, authorId: r.authorId }, actor).filter(
          (x): x is DeskAction => (DESK_ACTIONS as readonly string[]).includes(x),
        );
      }
      const q = req.query;
      const notice = typeof q.done === 'string' ? m.actions.done[q.done] : undefined;
      const ctx = await newsroomContext(req, { config });
      return html(reply, renderDocument(DeskPage({ ctx, m, waiting, scheduled, actions, notice })));
    },
  );

  registerHistoryRoutes(app, deps);
  registerApiRoutes(app, deps);
}
