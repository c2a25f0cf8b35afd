import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Config, verifyingKeys } from '../config.ts';
import type { Article } from '../content/model.ts';
import { getPublishedArticle } from '../content/published-article.ts';
import type { Db } from '../db/connection.ts';
import { AppError, ERRORS, type ErrorCode, errorForLog, toAppError } from '../lib/errors.ts';
import type { EventBus } from '../lib/events.ts';
import { siteContext } from '../site/context.ts';
import { cachedArticlePage } from '../site/read-cache.ts';
import { renderDocument } from '../site/render.tsx';
import type { CommentBoxProps } from '../site/views/comments.tsx';
import { ArticlePage } from '../site/views/index.ts';
import type { CommentAssets } from './assets.ts';
import { recentPostsOf, rememberPost } from './browser-cookie.ts';
import { createChallenge } from './captcha.ts';
import { buildCommentBox } from './comment-box.ts';
import { checkFormToken, formToken } from './form-token.ts';
import { commentText } from './messages.ts';
import { reportComment } from './moderation.ts';
import { pendingIdsOf, rememberPending } from './pending-cookie.ts';
import { approvedComment, articleOfComment } from './queries.ts';
import {
  articlePathParams,
  challengeQuery,
  commentFormBody,
  replyQuery,
  reportBody,
  reportParams,
} from './schemas.ts';
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
  /** Told what the pipeline decided for each submitted comment (metrics). */
  onDecision?: (result: SubmitResult) => void;
}

const ID = /^[1-9]\d{0,9}$/;

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
 * (page or JSON), the no-JS reply form, and reporting (the privacy
 * housekeeping is the periodic job in retention-job.ts). Returns the builder
 * the article page uses for its comment form.
 */
export function registerCommentReaderRoutes(
  app: FastifyInstance,
  deps: CommentRouteDeps,
): (article: Article, req: FastifyRequest) => Promise<CommentBoxProps> {
  const { config, db, events, assets } = deps;
  const k = db.kysely;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const m = commentText(config.language);
  const secret = config.secretKey;
  // Form tokens and challenges made before a key rotation still verify (signed with SECRET_KEY).
  const keys = verifyingKeys(config);
  /**
   * Challenges (and fresh form tokens) per client address and minute: each
   * challenge costs a key derivation. A setting, loose by default: one public
   * address may be a whole mobile carrier's readers.
   */
  const challengeRate = {
    max: async () => (await loadSettings(k)).challengesPerMinute,
    timeWindow: '1 minute',
  };

  /** The comment box for a page render, from the request's cookie. */
  const commentBox = (
    article: Article,
    req: FastifyRequest,
    extra: Partial<CommentBoxProps> = {},
  ) => buildCommentBox({ db: k, secret, assets }, article, pendingIdsOf(req), extra);

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
      cachedArticlePage(k, article, now),
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

  /** A JSON endpoint answers its errors (429 included) as JSON in the site's language. */
  const jsonError = (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const e = toAppError(err);
    if (e.status >= 500) req.log.error({ err: errorForLog(e) }, 'request failed');
    return reply
      .code(e.status)
      .header('cache-control', 'no-store')
      .send({ error: e.code, message: e.messageIn(config.language) });
  };

  r.get(
    '/komentar/tantangan',
    {
      schema: { querystring: challengeQuery },
      config: { rateLimit: challengeRate },
      errorHandler: jsonError,
    },
    async (req, reply) => {
      const article = await findArticle(req.query.artikel);
      const settings = await loadSettings(k);
      if (!commentsOpen(settings, article)) throw new AppError('COMMENT_CLOSED');
      const challenge = await createChallenge(secret, article.id, {
        cost: settings.captchaCost,
        counterMin: settings.captchaCounterMin,
        counterMax: Math.max(settings.captchaCounterMin, settings.captchaCounterMax),
      });
      return reply.header('cache-control', 'no-store').send(challenge);
    },
  );

  /**
   * A fresh form token for a cached article page. The page's HTML is the same
   * for every reader (it comes from the page cache), so the token in it carries
   * the time the page was rendered, not the time this reader opened it; the
   * comment script asks for its own when the reader starts writing, so the
   * minimum fill time counts from then. Without JavaScript the page's token is used.
   */
  r.get(
    '/komentar/token',
    {
      schema: { querystring: challengeQuery },
      config: { rateLimit: challengeRate },
      errorHandler: jsonError,
    },
    async (req, reply) => {
      const article = await findArticle(req.query.artikel);
      return reply
        .header('cache-control', 'no-store')
        .send({ token: formToken(secret, article.id, Date.now()) });
    },
  );

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
      rememberPost(req, reply, config.siteUrl, result.keepPosts);
      if (result.status === 'pending') {
        rememberPending(req, reply, config.siteUrl, result.id);
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
    const message = !result.retryAfter
      ? ERRORS[code][config.language]
      : code === 'COMMENT_RATE_LIMITED'
        ? m.rateLimited(result.retryAfter)
        : code === 'COMMENT_NETWORK_BUSY'
          ? m.networkBusy(result.retryAfter)
          : code === 'COMMENT_TOO_FAST'
            ? m.tooFast(result.retryAfter)
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

  // The schema is the contract; a body that does not fit it (a repeated field,
  // a number where text belongs) still reaches validate.ts, which says what is
  // wrong next to each field in the reader's language.
  r.post(
    '/:section/:id/:slug/komentar',
    {
      schema: { params: articlePathParams, body: commentFormBody },
      attachValidation: true,
      preParsing: checkUtf8,
    },
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
          : await submitComment(
              { db: k, events, secret, verifyingKeys: keys },
              article.id,
              req.body,
              { ip: req.ip, recentPosts: recentPostsOf(req) },
              m,
            );
      deps.onDecision?.(result);
      return answer(req, reply, article, result);
    },
  );

  // Without JavaScript, "Balas" opens the article with the form set to reply.
  r.get(
    '/:section/:id/:slug/komentar',
    { schema: { params: articlePathParams, querystring: replyQuery } },
    async (req, reply) => {
      const article = await findArticle(req.params.id);
      const parent = req.query.balas
        ? await approvedComment(k, article.id, req.query.balas)
        : undefined;
      if (!parent) return reply.redirect(`${article.url}#komentar`, 302);
      return articlePage(reply, req, article, 200, { replyTo: parent });
    },
  );

  r.post(
    '/komentar/:id/laporkan',
    { schema: { params: reportParams, body: reportBody } },
    async (req, reply) => {
      const commentId = ID.test(req.params.id) ? Number(req.params.id) : undefined;
      const articleId = commentId ? await articleOfComment(k, commentId) : undefined;
      if (!commentId || !articleId) throw new AppError('NOT_FOUND');
      const article = await findArticle(String(articleId));
      const token = req.body?._token ?? '';
      if (crossSite(req) || checkFormToken(keys, token, article.id, 0) !== 'ok') {
        throw new AppError('COMMENT_FORM_TOKEN');
      }
      const settings = await loadSettings(k);
      const outcome = await reportComment(
        k,
        events,
        secret,
        commentId,
        req.ip,
        settings.reportThreshold,
      );
      if (outcome === 'missing') throw new AppError('NOT_FOUND');
      if (wantsJson(req)) return reply.send({ ok: true, message: m.notice.reported });
      return articlePage(reply, req, article, 200, { notice: m.notice.reported });
    },
  );

  return commentBox;
}
