import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { VNode } from 'preact';
import type { Config } from '../config.ts';
import { listSections } from '../content/taxonomy-queries.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from '../lib/errors.ts';
import type { EventBus } from '../lib/events.ts';
import { audit } from '../newsroom/audit.ts';
import { ipHashOf, requireStaff } from '../newsroom/auth-shared.ts';
import { can } from '../newsroom/policy.ts';
import { newsroomContext } from '../newsroom/views/layout.tsx';
import { renderDocument } from '../site/render.tsx';
import type { CommentAssets } from './assets.ts';
import { commentText } from './messages.ts';
import { banCommentAuthor, type ModeratorProps, moderateComments } from './moderate-comments.ts';
import {
  deleteByEmail,
  exportByEmail,
  listBans,
  listQueue,
  queueCounts,
  unban,
} from './moderation.ts';
import { commentNavCount } from './nav-count.ts';
import {
  banParams,
  dataRequestBody,
  queueActionBody,
  queueQuery,
  settingsBody,
  settingsQuery,
  wordsBody,
} from './schemas.ts';
import { sectionTree } from './section-tree.ts';
import { type CommentSettings, loadSettings, NUMBER_SETTINGS, saveSettings } from './settings.ts';
import { QueuePage } from './views/queue-page.tsx';
import { type SettingsForm, SettingsPage, settingsErrors } from './views/settings-page.tsx';
import { loadWordLists, parseWordList, replaceWordList } from './word-lists.ts';

export interface ModeratorDeps {
  config: Config;
  db: Db;
  events: EventBus;
  assets: CommentAssets;
}

const BASE = '/newsroom/komentar';
const ID = /^[1-9]\d{0,9}$/;

function send(reply: FastifyReply, vnode: VNode, status = 200) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(renderDocument(vnode));
}

function wantsJson(req: FastifyRequest): boolean {
  const accept = String(req.headers.accept ?? '');
  return accept.includes('application/json') && !accept.includes('text/html');
}

/**
 * The moderators' side under /newsroom/komentar: the queue (views, filters,
 * single and bulk actions, bans), word lists, site settings and readers' data
 * requests. Editors (comment.moderate) moderate; admins (settings.manage) also
 * change settings and export or delete a reader's comments. Every change is audited.
 */
export function registerCommentModeratorRoutes(app: FastifyInstance, deps: ModeratorDeps): void {
  const { config, db, events, assets } = deps;
  const k = db.kysely;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const moderator = { preHandler: requireStaff('comment.moderate') };
  const admin = { preHandler: requireStaff('settings.manage') };
  const ctxOf = (req: FastifyRequest) => newsroomContext(req, { config });
  const who = (req: FastifyRequest) => req.staff?.id ?? null;
  const log = (req: FastifyRequest, action: string, target: string, detail = '') =>
    audit(db, { actorId: who(req), action, target, detail, ipHash: ipHashOf(req, config) });
  /** The acting editor for a moderation command (the preHandler made sure there is one). */
  const acting = (req: FastifyRequest): ModeratorProps => {
    if (!req.staff) throw new AppError('FORBIDDEN');
    return {
      db,
      events,
      actor: { id: req.staff.id, role: req.staff.role },
      ipHash: ipHashOf(req, config),
    };
  };

  // The "Komentar" badge in the newsroom navigation, for staff who moderate.
  app.addHook('preHandler', async (req) => {
    if (req.method !== 'GET' || !req.url.startsWith('/newsroom') || !req.staff) return;
    if (!can(req.staff.role, 'comment.moderate')) return;
    req.navCounts = { ...req.navCounts, comments: await commentNavCount(db) };
  });

  r.get(BASE, { ...moderator, schema: { querystring: queueQuery } }, async (req, reply) => {
    const q = req.query;
    const view = q.tampilan ?? 'pending';
    const articleId = q.artikel;
    const sectionId = q.rubrik;
    const filter = { articleId, sectionId };
    const [ctx, items, counts, sections] = await Promise.all([
      ctxOf(req),
      listQueue(k, view, filter),
      queueCounts(k),
      listSections(k),
    ]);
    if (wantsJson(req)) {
      return reply.header('cache-control', 'no-store').send({ view, counts, items });
    }
    const m = commentText(ctx.lang).mod;
    const okCount = q.ok;
    const notice =
      q.ban === '1'
        ? { kind: 'ok' as const, text: m.banned }
        : q.none === '1'
          ? { kind: 'error' as const, text: m.noneSelected }
          : okCount !== undefined
            ? { kind: 'ok' as const, text: m.done(okCount) }
            : undefined;
    const back = `${BASE}?${new URLSearchParams(Object.entries({ tampilan: view, artikel: articleId, rubrik: sectionId }).flatMap(([key, v]) => (v === undefined ? [] : [[key, String(v)]])))}`;
    return send(
      reply,
      QueuePage({
        ctx,
        view,
        items,
        counts,
        filter,
        sections: sectionTree(sections),
        notice,
        back,
        scriptUrl: assets.moderation.url,
      }),
    );
  });

  r.post(
    `${BASE}/aksi`,
    { ...moderator, schema: { body: queueActionBody } },
    async (req, reply) => {
      const body = req.body;
      const back =
        body.back?.startsWith(`${BASE}?`) && !body.back.includes('//')
          ? body.back
          : `${BASE}?tampilan=pending`;
      if (body.ban) {
        const ok = await banCommentAuthor({
          ...acting(req),
          commentId: body.ban.id,
          kind: body.ban.kind,
        });
        if (!ok) throw new AppError('NOT_FOUND');
        if (wantsJson(req)) return reply.send({ banned: true });
        return reply.redirect(`${back}&ban=1`, 303);
      }
      const action = body.one?.action ?? body.action;
      const targets = body.one ? [body.one.id] : body.ids;
      if (!action) throw new AppError('BAD_REQUEST');
      if (targets.length === 0) {
        if (wantsJson(req)) throw new AppError('BAD_REQUEST');
        return reply.redirect(`${back}&none=1`, 303);
      }
      const changed = await moderateComments({ ...acting(req), commentIds: targets, action });
      if (wantsJson(req)) return reply.send({ changed });
      return reply.redirect(`${back}&ok=${changed}`, 303);
    },
  );

  async function settingsPage(
    req: FastifyRequest,
    reply: FastifyReply,
    notice?: { kind: 'ok' | 'error'; text: string },
    status = 200,
    /** A settings form sent back with problems: what was chosen and typed, and the messages. */
    sentBack?: { chosen: Partial<CommentSettings>; form: SettingsForm },
  ) {
    const [ctx, stored, words, bans, sections] = await Promise.all([
      ctxOf(req),
      loadSettings(k),
      loadWordLists(k),
      listBans(k),
      listSections(k),
    ]);
    return send(
      reply,
      SettingsPage({
        ctx,
        settings: { ...stored, ...sentBack?.chosen },
        form: sentBack?.form,
        words,
        bans,
        sections: sectionTree(sections),
        isAdmin: !!req.staff && can(req.staff.role, 'settings.manage'),
        notice,
      }),
      status,
    );
  }

  r.get(
    `${BASE}/pengaturan`,
    { ...moderator, schema: { querystring: settingsQuery } },
    async (req, reply) => {
      const ctx = await ctxOf(req);
      const saved = req.query.ok === '1';
      return settingsPage(
        req,
        reply,
        saved ? { kind: 'ok', text: commentText(ctx.lang).mod.saved } : undefined,
      );
    },
  );

  r.post(`${BASE}/kata`, { ...moderator, schema: { body: wordsBody } }, async (req, reply) => {
    const banned = parseWordList(req.body.banned ?? '');
    const suspect = parseWordList(req.body.suspect ?? '');
    await replaceWordList(k, 'banned', banned);
    await replaceWordList(k, 'suspect', suspect);
    await log(
      req,
      'comment.words',
      'comment-words',
      `${banned.length} banned, ${suspect.length} suspect`,
    );
    return reply.redirect(`${BASE}/pengaturan?ok=1`, 303);
  });

  r.post(
    `${BASE}/blokir/:id/cabut`,
    { ...moderator, schema: { params: banParams } },
    async (req, reply) => {
      if (!ID.test(req.params.id)) throw new AppError('NOT_FOUND');
      await unban(k, Number(req.params.id));
      await log(req, 'comment.unban', `ban:${req.params.id}`);
      return reply.redirect(`${BASE}/pengaturan?ok=1`, 303);
    },
  );

  r.post(`${BASE}/pengaturan`, { ...admin, schema: { body: settingsBody } }, async (req, reply) => {
    const body = req.body;
    const patch: Record<string, unknown> = {};
    const mode = body.mode ?? '';
    if (mode) patch.mode = mode;
    const sectionModes: Record<string, string> = {};
    for (const [key, value] of Object.entries(body)) {
      const mm = /^section_([1-9]\d{0,9})$/.exec(key);
      if (mm?.[1] && (value === 'pre' || value === 'post')) sectionModes[mm[1]] = value;
    }
    patch.sectionModes = sectionModes;
    const typed: SettingsForm['values'] = {};
    for (const key of NUMBER_SETTINGS) {
      const raw = (body[key] ?? '').trim();
      if (raw === '') continue;
      typed[key] = raw;
      patch[key] = /^\d{1,7}$/.test(raw) ? Number(raw) : Number.NaN;
    }
    patch.replyNotifications = body.replyNotifications === '1';
    const result = await saveSettings(k, patch as Partial<CommentSettings>, Date.now(), events);
    if (!result.ok) {
      const ctx = await ctxOf(req);
      const { sectionModes, replyNotifications } = patch as Partial<CommentSettings>;
      return settingsPage(
        req,
        reply,
        { kind: 'error', text: commentText(ctx.lang).mod.settingsInvalid },
        400,
        {
          chosen: {
            ...(mode === 'pre' || mode === 'post' ? { mode } : {}),
            sectionModes,
            replyNotifications,
          },
          form: { values: typed, errors: settingsErrors(result.issues, ctx.lang) },
        },
      );
    }
    await log(req, 'comment.settings', 'comment-settings', JSON.stringify(patch).slice(0, 1000));
    return reply.redirect(`${BASE}/pengaturan?ok=1`, 303);
  });

  r.post(`${BASE}/data`, { ...admin, schema: { body: dataRequestBody } }, async (req, reply) => {
    const email = (req.body.email ?? '').trim();
    const action = req.body.action ?? '';
    const ctx = await ctxOf(req);
    const m = commentText(ctx.lang).mod;
    if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) {
      return settingsPage(req, reply, { kind: 'error', text: m.emailRequired }, 400);
    }
    if (action === 'export') {
      const rows = await exportByEmail(k, config.secretKey, email);
      await log(req, 'comment.export', 'comments-of-email', `${rows.length} comments`);
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', 'attachment; filename="komentar.json"')
        .type('application/json; charset=utf-8')
        .send(JSON.stringify({ comments: rows }, null, 2));
    }
    if (action === 'delete') {
      const n = await deleteByEmail(k, events, config.secretKey, email);
      await log(req, 'comment.delete-all', 'comments-of-email', `${n} comments`);
      return settingsPage(req, reply, { kind: 'ok', text: m.deleted(n) });
    }
    throw new AppError('BAD_REQUEST');
  });
}
