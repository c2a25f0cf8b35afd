import { mkdirSync } from 'node:fs';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, {
  type FastifyInstance,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
} from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import helmet from 'helmet';
import { registerApiAdminRoutes } from './api/newsroom-routes.ts';
import { API_PREFIX, registerApiRoutes } from './api/routes.ts';
import { cacheFirstServer } from './cache/cache-first-server.ts';
import type { PageCache } from './cache/page-cache.ts';
import { registerSiteCache } from './cache/site-cache.ts';
import { createStore } from './cache/store.ts';
import { loadCommentAssets, registerCommentAssets } from './comments/assets.ts';
import { derivedKey } from './comments/hashing.ts';
import { registerCommentModeratorRoutes } from './comments/moderator-routes.ts';
import { registerCommentReaderRoutes } from './comments/reader-routes.ts';
import { registerRetentionJob } from './comments/retention-job.ts';
import { type Config, trustProxySetting, verifyingKeys } from './config.ts';
import { type Db, openDb } from './db/connection.ts';
import { startEventRelay } from './db/event-relay.ts';
import { migrateToLatest } from './db/migrate.ts';
import { registerViewCounting, type ViewCounter } from './discovery/most-read.ts';
import { registerDiscoveryRoutes } from './discovery/routes.ts';
import { registerNewsSitemapRoutes } from './distribution/newsroom-routes.ts';
import { registerDistributionRoutes } from './distribution/routes.ts';
import { registerWireDesk, registerWireJobs } from './ingest/wire/routes.ts';
import { registerWordpressImportRoutes } from './ingest/wordpress/admin-routes.ts';
import {
  legacyRedirect,
  registerLegacyQueryRedirects,
  withLegacyRedirects,
} from './ingest/wordpress/redirects.ts';
import { PUBLISH_SCHEDULED, publishScheduledHandler } from './jobs/publish-scheduled.ts';
import { type JobRunner, startJobRunner, stopJobRunner } from './jobs/runner.ts';
import { registerCompression } from './lib/compression.ts';
import { AppError, errorForLog, toAppError } from './lib/errors.ts';
import { EventBus } from './lib/events.ts';
import { redisWithLocalFallback } from './lib/rate-limit-store.ts';
import { connectRedis } from './lib/redis.ts';
import { wireListeners } from './listeners.ts';
import { registerMediaRoutes } from './media/routes.ts';
import { registerMediaFiles } from './media/serve.ts';
import { mediaStorage } from './media/storage.ts';
import { mediaOrigin, setMediaBaseUrl } from './media/urls.ts';
import { registerArticleRoutes } from './newsroom/articles/routes.ts';
import { isNewsroomUrl, registerAuth, renderNewsroomError } from './newsroom/auth.ts';
import { registerMailJob } from './newsroom/outbox.ts';
import { PRUNE_SESSIONS, pruneSessions } from './newsroom/sessions.ts';
import { iconSourceOf, loadLiveSettings } from './newsroom/site-admin/live-settings.ts';
import { registerSiteAdminRoutes } from './newsroom/site-admin/routes.ts';
import { registerHealth } from './ops/health.ts';
import { registerMetricsRoute } from './ops/metrics-route.ts';
import { registerRequestId, requestIdOf } from './ops/request-id.ts';
import { closeServer } from './ops/shutdown.ts';
import { registerBodyLimits, serverLimits } from './server-limits.ts';
import { loadAssets } from './site/assets.ts';
import { makeErrorRenderer } from './site/error-page.ts';
import { createIconStore, type IconStore, registerIcons } from './site/icons.ts';
import { registerSiteRoutes } from './site/routes.ts';
import { deliveryHandler, WEBHOOK_DELIVER, wireWebhooks } from './webhooks/webhooks.ts';

export interface App {
  server: FastifyInstance;
  config: Config;
  db: Db;
  events: EventBus;
  /** The persisted job runner (scheduled publishing; other capabilities may add kinds). */
  jobs: JobRunner;
  /** Every registered route (method, URL pattern, route config); the security tests enumerate it. */
  routes: readonly RouteRecord[];
  /** The favicon and app icons served now; `icons.use(...)` swaps in an uploaded image. */
  icons: IconStore;
  close(): Promise<void>;
}

export interface RouteRecord {
  method: string;
  url: string;
  config: Record<string, unknown>;
}

/** Longest path and whole URL we accept; longer ones get 414 before any routing or database work. */
const MAX_PATH_LENGTH = 2048;
const MAX_URL_LENGTH = 12_000;

/**
 * Fastify's schema compilers made from zod's (fastify-type-provider-zod).
 * Fastify types the factories after Ajv's; it calls them only for the
 * compiler of each route, which zod's are.
 */
const zodCompilers = {
  buildValidator: () => validatorCompiler,
  buildSerializer: () => serializerCompiler,
} as unknown as NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
>;

/**
 * Builds the whole server from a config: database (migrated), event bus,
 * plugins and routes. Tests call this and use `server.inject()`.
 */
export async function buildApp(
  bootConfig: Config,
  opts: { db?: Db; logStream?: { write(line: string): void } } = {},
): Promise<App> {
  if (bootConfig.mediaStorage === 'local') mkdirSync(bootConfig.mediaDir, { recursive: true });
  // Pages link media under MEDIA_BASE_URL (a CDN, or /media here); put back in close().
  setMediaBaseUrl(bootConfig.mediaBaseUrl);
  const db = opts.db ?? (await openDb(bootConfig.databaseUrl));
  await migrateToLatest(db);
  // The configuration with the admins' site settings over it (decision 006):
  // every route and view reads the site's name, tagline, zone and language through it.
  const liveSettings = await loadLiveSettings(bootConfig, db);
  const config = liveSettings.config;
  let pageCache: PageCache | undefined;
  const server = Fastify({
    // Body, header and connection limits and timeouts: see server-limits.ts.
    ...serverLimits(config),
    // Cached pages are answered before Fastify sees the request.
    serverFactory: cacheFirstServer(() => pageCache),
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, ...(opts.logStream ? { stream: opts.logStream } : {}) },
    routerOptions: { maxParamLength: 300 },
    // Every route's input is validated by its zod schema (routes use
    // `server.withTypeProvider<ZodTypeProvider>()`); the same schemas describe
    // the JSON routes. Given here, Fastify never builds (or loads) its default
    // compilers, Ajv and fast-json-stringify, which every start used to evaluate for nothing.
    schemaController: { compilersFactory: zodCompilers },
    trustProxy: trustProxySetting(config),
    return503OnClosing: true,
    // One line per request, written in onResponse below (Fastify's own logging writes two).
    logController: new LogController({ disableRequestLogging: true }),
    // A safe incoming X-Request-Id or a new one; `reqId` in every log line of the request.
    genReqId: requestIdOf,
    // A malformed URL (a broken %-escape) or an overlong parameter: the site's page, not JSON
    // (Fastify runs no hooks for these, so the security headers are set here).
    frameworkErrors: (err, req, reply) =>
      securityHeaders(req.raw, reply.raw, () => void renderError(reply, toAppError(err))),
  });
  // First of the hooks: answered from anywhere (the page cache, a redirect), a request carries its id.
  registerRequestId(server);
  registerBodyLimits(server);
  // Prometheus metrics, only counted when /metrics is on (METRICS_TOKEN); prom-client
  // is loaded only then (a chunk of its own in the bundle, not parsed at every start).
  const metrics = config.metricsToken ? (await import('./ops/metrics.ts')).createMetrics(db) : null;
  const routes: RouteRecord[] = [];
  server.addHook('onRoute', (r) => {
    for (const method of [r.method].flat())
      routes.push({ method, url: r.url, config: { ...r.config } });
  });
  const events = new EventBus((err, event) => server.log.error({ err, event }, 'listener failed'));
  wireListeners(events, db, config);
  const stopEventRelay = await startEventRelay(db, events, (err) =>
    server.log.error({ err }, 'event relay failed'),
  );
  // Webhooks: listeners queue signed deliveries on the job runner (never sent from the request).
  wireWebhooks(events, db, config);

  const assets = loadAssets();
  const assetUrls = { css: assets.css.url, js: assets.js.url };
  // Old (imported WordPress) addresses are looked up only where the answer would be 404.
  const renderError = withLegacyRedirects(db, makeErrorRenderer(config, db, assetUrls));

  // WordPress query links (`/?p=12`) answer 301 before the page cache can answer them.
  registerLegacyQueryRedirects(server, db);
  // The page cache's hooks come first: a hit is answered before any other hook runs
  // (the stored response carries the security headers helmet set when it was rendered).
  // Registered before compression, so it stores the page once and compresses it itself.
  const pageStore = createStore(config.cacheUrl, undefined, config.pageCacheMb * 1024 * 1024);
  let views: ViewCounter | undefined;
  pageCache = registerSiteCache(server, {
    config,
    db,
    events,
    store: pageStore,
    metrics,
    views: () => views,
  });
  // Settings saved by another process show within SETTINGS_TTL_MS (a cache hit needs none).
  // The icons follow the settings too: an uploaded icon or a renamed site is drawn once, in the background.
  const icons = createIconStore(config);
  server.addHook('onRequest', async () => {
    await liveSettings.refresh();
    const { key, load } = iconSourceOf(config, db);
    icons.follow(key, load, {
      onError: (err) => server.log.error({ err }, 'site icon could not be drawn'),
      // Every page's head names the icons' version: cached pages must go.
      onChange: () => events.emit('settings.changed', { scope: 'site' }),
    });
  });
  // The security headers, built once (@fastify/helmet built them again for every request).
  const mediaCdn = mediaOrigin(config.mediaBaseUrl);
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Photos from a CDN (MEDIA_BASE_URL on another host) are the site's own images too.
        imgSrc: ["'self'", 'data:', ...(mediaCdn ? [mediaCdn] : [])],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.siteUrl.startsWith('https:'),
  });
  server.addHook('onRequest', (req, reply, done) =>
    securityHeaders(req.raw, reply.raw, (err) => done(err as Error | undefined)),
  );
  registerCompression(server);
  // Per-route limits for what a stranger can call cheaply but costs us work
  // (`config: { rateLimit: { max, timeWindow } }` on the route). With Redis
  // configured, every process counts against the same limit.
  const rateLimitRedis = config.cacheUrl.startsWith('redis')
    ? connectRedis(config.cacheUrl)
    : undefined;
  await server.register(rateLimit, {
    global: false,
    // Shared through Redis when configured, this process's memory when Redis is down.
    store: rateLimitRedis ? redisWithLocalFallback(rateLimitRedis, 'warta-rl:') : undefined,
  });
  await server.register(formbody);
  // Cookies for every capability: parsed into `req.cookies`; `signed: true`
  // cookies are signed with a key derived from the server secret for this purpose only.
  // Signed with SECRET_KEY; during a rotation SECRET_KEY_PREVIOUS still unsigns.
  await server.register(cookie, {
    secret: verifyingKeys(config).map((key) => derivedKey(key, 'cookie-signing')),
  });
  const media = mediaStorage(config);
  registerMediaFiles(server, media);

  server.addHook('onRequest', async (req) => {
    const q = req.url.indexOf('?');
    const pathLength = q === -1 ? req.url.length : q;
    if (pathLength > MAX_PATH_LENGTH || req.url.length > MAX_URL_LENGTH) {
      throw new AppError('URL_TOO_LONG');
    }
  });

  server.setErrorHandler(async (err, req, reply) => {
    const appErr = toAppError(err);
    if (appErr.status >= 500) req.log.error({ err: errorForLog(err) }, 'request failed');
    if (isNewsroomUrl(req.url)) return renderNewsroomError(req, reply, appErr, config);
    return renderError(reply, appErr);
  });

  // The OpenAPI 3.1 document of the Content API, built from the same zod schemas
  // that validate its routes; every other route is left out of it.
  await server.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: `${config.siteName} Content API`, version: '1.0.0' },
      servers: [{ url: config.siteUrl }],
      components: {
        securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ apiKey: [] }],
    },
    transform: (doc) =>
      doc.url.startsWith(`${API_PREFIX}/`)
        ? jsonSchemaTransform(doc)
        : { schema: { hide: true } as typeof doc.schema, url: doc.url },
    transformObject: jsonSchemaTransformObject,
  });
  await registerApiRoutes(server, { config, db });
  await registerAuth(server, { config, db, events });
  registerApiAdminRoutes(server, {
    config,
    db,
    openapi: () => server.swagger() as unknown as Record<string, unknown>,
  });
  await registerMediaRoutes(server, { config, db, events });
  registerArticleRoutes(server, { config, db, events });
  await registerSiteAdminRoutes(server, { config, db, events });
  registerWordpressImportRoutes(server, { config, db });
  registerDistributionRoutes(server, { config, db });
  registerNewsSitemapRoutes(server, { config, db, events });
  registerDiscoveryRoutes(server, { config, db, assets: assetUrls });
  const commentAssets = loadCommentAssets();
  registerCommentAssets(server, commentAssets);
  const commentBox = registerCommentReaderRoutes(server, {
    config,
    db,
    events,
    assets: commentAssets,
    siteAssets: assetUrls,
    onDecision: metrics ? (result) => metrics.commentDecision(result) : undefined,
  });
  registerCommentModeratorRoutes(server, { config, db, events, assets: commentAssets });
  registerHealth(server, { db, pageStore, storage: media });
  registerMetricsRoute(server, { metrics, token: config.metricsToken });
  registerSiteRoutes(server, {
    config,
    db,
    assets,
    renderError,
    commentBox,
    legacyRedirect: (url) => legacyRedirect(db.kysely, url),
  });
  const servedFromCache = (req: FastifyRequest) => pageCache?.servedFromCache(req.raw) ?? false;
  views = registerViewCounting(server, db, { servedFromCache });
  registerIcons(server, icons);
  registerWireDesk(server, { config, db, events });
  // Response hooks run for cache hits too: those are logged only as the sample above.
  server.addHook('onResponse', async (req, reply) => {
    if (servedFromCache(req)) return;
    metrics?.request(req.routeOptions.url, req.method, reply.statusCode, reply.elapsedTime / 1000);
    req.log.info(
      {
        method: req.method,
        url: req.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        ...(reply.getHeader('x-cache') ? { cache: reply.getHeader('x-cache') } : {}),
      },
      'request',
    );
  });

  const jobs = startJobRunner(
    db,
    {
      [PUBLISH_SCHEDULED]: publishScheduledHandler(db, events),
      [WEBHOOK_DELIVER]: deliveryHandler(db, config),
    },
    {
      // A `--no-jobs` process serves and queues; the others run what it queues.
      poll: config.runJobs,
      leaseMs: config.jobLeaseMs,
      pollMs: config.jobPollMs,
      onError: (err, job) => {
        metrics?.jobRun(job.kind, 'failed');
        server.log.error({ err, job }, 'job failed');
      },
      onDone: metrics ? (job) => metrics.jobRun(job.kind, 'done') : undefined,
    },
  );
  registerWireJobs(jobs, db);
  await jobs.every(PRUNE_SESSIONS, 3_600_000, () => pruneSessions(db, Date.now()));
  // Mail and the comments' retention sweep: once per period across the processes that run jobs.
  await registerMailJob(jobs, db, config);
  await registerRetentionJob(jobs, db);

  return {
    server,
    config,
    db,
    events,
    jobs,
    routes,
    icons,
    async close() {
      // At once: stop accepting connections (in-flight requests finish) and stop
      // claiming jobs (the one in progress finishes); then what they both use.
      await Promise.all([stopJobRunner(jobs), closeServer(server)]);
      await stopEventRelay();
      await pageStore.close();
      rateLimitRedis?.disconnect();
      // The S3 client's sockets; a storage closed this way reconnects if it is used again.
      media.close();
      setMediaBaseUrl();
      // A database handed in by the caller (tests, tools) stays the caller's to close.
      if (!opts.db) await db.close();
    },
  };
}
