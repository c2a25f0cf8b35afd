import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Article } from '../content/model.ts';
import { getPublishedArticle } from '../content/queries.ts';
import type { Db } from '../db/connection.ts';
import { AppError, ERRORS, type ErrorCode } from '../lib/errors.ts';
import type { EventBus } from '../lib/events.ts';
import { siteContext } from '../site/context.ts';
import { loadArticlePage } from '../site/page-data.ts';
import { renderDocument } from '../site/render.tsx';
import type { CommentBoxProps } from '../site/views/comments.tsx';
import { ArticlePage } from '../site/views/index.ts';
import type { CommentAssets } from './assets.ts';
import { createChallenge } from './captcha.ts';
import { buildCommentBox } from './comment-box.ts';
import { checkFormToken } from './form-token.ts';
import { commentText } from './messages.ts';
import { reportComment, runRetention } from './moderation.ts';
import {
  cookieFrom,
  PENDING_COOKIE,
  pendingCookieValue,
  readPendingIds,
} from './pending-cookie.ts';
import { commentsOpen, loadSettings } from './settings.ts';
import { type SubmitResult, submitComment } from './submit.ts';
import { checkUtf8 } from './utf8.ts';
import { type FieldErrors, parseCommentForm } from './validate.ts';

export interface CommentRouteDeps {
  config: Config;
  db: Db;
  events: EventBus;
  assets: CommentAssets;
  siteAssets: { css: string; js: string };
}

const ID = /^[1-9]\d{0,9}$/;
const HOUR = 3_600_000;

/** Whether the client wants JSON back (fetch, API clients) rather than a page. */
function wantsJson(req: FastifyRequest): boolean {
  return (
    /application\/json/.test(req.headers.accept ?? '') ||
    /application\/json/.test(req.headers['content-type'] ?? '')
  );
}

/**
 * A POST from another site. Browsers say so in Sec-Fetch-Site; older ones
 * send an Origin (our Referrer-Policy makes same-site form posts carry
 * `Origin: null`, which proves nothing either way, so the form token decides).
 */
function crossSite(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site) return site === 'cross-site' || site === 'same-site';
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return false;
  try {
    return new URL(origin).host !== req.host;
  } catch {
    return true;
  }
}

/**
 * The reader's side: the challenge endpoint for the widget, posting a comment
 * (page or JSON), the no-JS reply form, and reporting. Also runs the privacy
 * housekeeping every hour. Returns the builder the article page uses for its
 * comment form.
 */
export function registerCommentReaderRoutes(
  app: FastifyInstance,
  deps: CommentRouteDeps,
): (article: Article, req: FastifyRequest) => Promise<CommentBoxProps> {
  const { config, db, events, assets } = deps;
  const k = db.kysely;
  const m = commentText(config.language);
  const secret = config.secretKey;

  /** The comment box for a page render, from the request's cookie. */
  const commentBox = (
    article: Article,
    req: FastifyRequest,
    extra: Partial<CommentBoxProps> = {},
  ) => buildCommentBox({ db: k, secret, assets }, article, req.headers.cookie, extra);

  /** Renders the article page with the form in a given state. */
  async function articlePage(
    reply: FastifyReply,
    req: FastifyRequest,
    article: Article,
    status: number,
    extra: Partial<CommentBoxProps>,
  ) {
    const now = Date.now();
    const [props, c] = await Promise.all([
      loadArticlePage(k, article, now),
      siteContext(config, db, deps.siteAssets),
    ]);
    const box = await commentBox(article, req, extra);
    return reply
      .code(status)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(renderDocument(ArticlePage(c, { ...props, commentBox: box }, { noindex: true })));
  }

  async function findArticle(idText: string): Promise<Article> {
    if (!ID.test(idText)) throw new AppError('NOT_FOUND');
    const found = await getPublishedArticle(k, Number(idText), Date.now());
    if (found.kind === 'gone') throw new AppError('GONE');
    if (found.kind === 'missing') throw new AppError('NOT_FOUND');
    return found.article;
  }

  app.get<{ Querystring: { artikel?: unknown } }>('/komentar/tantangan', async (req, reply) => {
    const idText = typeof req.query.artikel === 'string' ? req.query.artikel : '';
    const article = await findArticle(idText);
    const settings = await loadSettings(k);
    if (!commentsOpen(settings, article)) throw new AppError('COMMENT_CLOSED');
    const challenge = await createChallenge(secret, article.id, {
      cost: settings.captchaCost,
      counterMin: settings.captchaCounterMin,
      counterMax: Math.max(settings.captchaCounterMin, settings.captchaCounterMax),
    });
    return reply.header('cache-control', 'no-store').send(challenge);
  });

  /** Invalid UTF-8 anywhere: the fields it was in get the message, everything else typed is kept. */
  function badEncoding(body: unknown, names: string[]): SubmitResult {
    const parsed = parseCommentForm(body, m);
    const fields = ['body', 'name', 'email', 'website'] as const;
    const errors: FieldErrors = {};
    for (const f of fields)
      if (names.includes(f) || names.includes('*')) errors[f] = m.field.badEncoding;
    if (Object.keys(errors).length === 0) errors.body = m.field.badEncoding;
    return { kind: 'invalid', errors, values: parsed.values };
  }

  /** Answers a submission as JSON or as a page (redirect on success, the form again on problems). */
  async function answer(
    req: FastifyRequest,
    reply: FastifyReply,
    article: Article,
    result: SubmitResult,
  ) {
    const json = wantsJson(req);
    if (result.kind === 'stored') {
      if (result.status === 'pending') {
        const ids = readPendingIds(secret, cookieFrom(req.headers.cookie, PENDING_COOKIE));
        reply.header(
          'set-cookie',
          `${PENDING_COOKIE}=${pendingCookieValue(secret, [...ids, result.id])}; Path=/; Max-Age=${30 * 24 * 3600}; HttpOnly; SameSite=Lax${config.siteUrl.startsWith('https:') ? '; Secure' : ''}`,
        );
      }
      const message =
        result.status === 'approved'
          ? m.notice.published
          : result.reasons.includes('no-captcha')
            ? m.notice.heldNoJs
            : m.notice.held;
      if (json)
        return reply
          .code(201)
          .header('cache-control', 'no-store')
          .send({ id: result.id, status: result.status, message });
      return reply
        .code(303)
        .header('cache-control', 'no-store')
        .redirect(`${result.articleUrl}#komentar-${result.id}`, 303);
    }
    if (result.kind === 'invalid') {
      const message = ERRORS.COMMENT_INVALID[config.language];
      if (json)
        return reply.code(400).send({ error: 'COMMENT_INVALID', message, fields: result.errors });
      return articlePage(reply, req, article, 400, {
        form: { values: result.values, errors: result.errors, message },
      });
    }
    const code: ErrorCode = result.code;
    const status = ERRORS[code].status;
    const message =
      code === 'COMMENT_RATE_LIMITED' && result.retryAfter
        ? m.rateLimited(result.retryAfter)
        : ERRORS[code][config.language];
    if (result.retryAfter) reply.header('retry-after', String(result.retryAfter));
    if (json)
      return reply.code(status).send({
        error: code,
        message,
        ...(result.retryAfter ? { retryAfter: result.retryAfter } : {}),
      });
    return articlePage(reply, req, article, status, {
      form: { values: result.values, errors: {}, message },
    });
  }

  app.post<{ Params: { section: string; id: string; slug: string } }>(
    '/:section/:id/:slug/komentar',
    { preParsing: checkUtf8 },
    async (req, reply) => {
      const article = await findArticle(req.params.id);
      if (crossSite(req)) {
        const message = ERRORS.COMMENT_FORM_TOKEN[config.language];
        if (wantsJson(req)) return reply.code(403).send({ error: 'COMMENT_FORM_TOKEN', message });
        return articlePage(reply, req, article, 403, { form: { values: {}, errors: {}, message } });
      }
      const badBytes = req.invalidUtf8 ?? [];
      const result =
        badBytes.length > 0
          ? badEncoding(req.body, badBytes)
          : await submitComment({ db: k, events, secret }, article.id, req.body, { ip: req.ip }, m);
      return answer(req, reply, article, result);
    },
  );

  // Without JavaScript, "Balas" opens the article with the form set to reply.
  app.get<{
    Params: { section: string; id: string; slug: string };
    Querystring: { balas?: unknown };
  }>('/:section/:id/:slug/komentar', async (req, reply) => {
    const article = await findArticle(req.params.id);
    const balas =
      typeof req.query.balas === 'string' && ID.test(req.query.balas)
        ? Number(req.query.balas)
        : null;
    const parent = balas
      ? await k
          .selectFrom('comments')
          .select(['id', 'author_name'])
          .where('id', '=', balas)
          .where('article_id', '=', article.id)
          .where('status', '=', 'approved')
          .executeTakeFirst()
      : undefined;
    if (!parent) return reply.redirect(`${article.url}#komentar`, 302);
    return articlePage(reply, req, article, 200, {
      replyTo: { id: parent.id, authorName: parent.author_name },
    });
  });

  app.post<{ Params: { id: string } }>('/komentar/:id/laporkan', async (req, reply) => {
    if (!ID.test(req.params.id)) throw new AppError('NOT_FOUND');
    const row = await k
      .selectFrom('comments')
      .select(['article_id'])
      .where('id', '=', Number(req.params.id))
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    const article = await findArticle(String(row.article_id));
    const body = (req.body ?? {}) as Record<string, unknown>;
    const token = typeof body._token === 'string' ? body._token : '';
    if (crossSite(req) || checkFormToken(secret, token, article.id, 0) !== 'ok') {
      throw new AppError('COMMENT_FORM_TOKEN');
    }
    const settings = await loadSettings(k);
    const outcome = await reportComment(
      k,
      events,
      secret,
      Number(req.params.id),
      req.ip,
      settings.reportThreshold,
    );
    if (outcome === 'missing') throw new AppError('NOT_FOUND');
    if (wantsJson(req)) return reply.send({ ok: true, message: m.notice.reported });
    return articlePage(reply, req, article, 200, { notice: m.notice.reported });
  });

  const housekeeping = async () => {
    try {
      const settings = await loadSettings(k);
      await runRetention(k, settings.retentionDays);
    } catch (err) {
      app.log.error({ err }, 'comment retention failed');
    }
  };
  const timer = setInterval(housekeeping, HOUR);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
  app.addHook('onReady', async () => {
    void housekeeping();
  });

  return commentBox;
}
