import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Configuration comes from environment
 * variables, optionally over a JSON file (WARTA_CONFIG, default ./warta.config.json).
 * It is validated once at boot; a wrong value stops the process with a list of
 * what is wrong and how to fix it.
 */

export const TIME_ZONES = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
} as const;
export type ZoneName = keyof typeof TIME_ZONES;

/** A whole number of milliseconds between `min` and `max`, named by its variable in messages. */
function milliseconds(name: string, min: number, max: number) {
  const range = `${name} must be between ${min} and ${max} milliseconds`;
  return z.coerce
    .number({ error: `${name} must be a number of milliseconds, e.g. ${name}=20000` })
    .int(`${name} must be a whole number of milliseconds`)
    .min(min, range)
    .max(max, range);
}

const schema = z.object({
  port: z.coerce
    .number({ error: 'PORT must be a number, e.g. PORT=3000' })
    .int('PORT must be a whole number')
    .min(0, 'PORT must be between 0 and 65535')
    .max(65535, 'PORT must be between 0 and 65535'),
  host: z.string().min(1, 'HOST must not be empty, e.g. HOST=127.0.0.1'),
  databaseUrl: z
    .string()
    .refine(
      (v) => v.startsWith('sqlite:') || /^postgres(ql)?:\/\//.test(v),
      'DATABASE_URL must start with sqlite: (e.g. sqlite:./data/warta.db) or postgres:// (e.g. postgres://user@127.0.0.1:5432/warta)',
    ),
  siteName: z.string().min(1, 'SITE_NAME must not be empty').max(60, 'SITE_NAME is too long'),
  siteTagline: z.string().max(120, 'SITE_TAGLINE is too long (at most 120 characters)'),
  siteUrl: z
    .string()
    .url('SITE_URL must be a full URL, e.g. https://warta.example')
    .transform((v) => v.replace(/\/+$/, '')),
  language: z.enum(['id', 'en'], { error: 'SITE_LANGUAGE must be id or en' }),
  timeZone: z.enum(['WIB', 'WITA', 'WIT'], { error: 'SITE_TIMEZONE must be WIB, WITA or WIT' }),
  mediaDir: z.string().min(1, 'MEDIA_DIR must not be empty'),
  // Media on an S3-compatible bucket instead of MEDIA_DIR: see src/media/storage.ts.
  mediaStorage: z.enum(['local', 's3'], { error: 'MEDIA_STORAGE must be local or s3' }),
  s3Bucket: z.string(),
  s3Region: z.string().min(1, 'S3_REGION must not be empty, e.g. S3_REGION=us-east-1'),
  s3Endpoint: z
    .string()
    .refine(
      (v) => v === '' || /^https?:\/\/[^/]+/.test(v),
      'S3_ENDPOINT must be empty (AWS) or a URL, e.g. http://127.0.0.1:9000',
    ),
  s3ForcePathStyle: z.union(
    [z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')],
    { error: 'S3_FORCE_PATH_STYLE must be true or false' },
  ),
  s3AccessKeyId: z.string(),
  s3SecretAccessKey: z.string(),
  s3Prefix: z
    .string()
    .regex(/^[A-Za-z0-9._/-]*$/, 'S3_PREFIX may hold letters, digits and . _ - /'),
  mediaBaseUrl: z
    .string()
    .refine(
      (v) => /^\/[^/]/.test(v) || /^https?:\/\/[^/]+/.test(v),
      'MEDIA_BASE_URL must be a path such as /media or a full URL such as https://cdn.example.id/media',
    )
    .transform((v) => v.replace(/\/+$/, '')),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    error: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
  }),
  cacheUrl: z
    .string()
    .refine(
      (v) => v === 'memory' || /^rediss?:\/\//.test(v),
      'CACHE_URL must be memory or a redis:// URL, e.g. redis://127.0.0.1:6379',
    ),
  pageCacheTtl: z.coerce
    .number({ error: 'PAGE_CACHE_TTL must be a number of seconds' })
    .int('PAGE_CACHE_TTL must be a whole number of seconds')
    .min(0, 'PAGE_CACHE_TTL must be 0 (off) or more')
    .max(3600, 'PAGE_CACHE_TTL must be at most 3600 seconds'),
  secretKey: z
    .string()
    .min(32, 'SECRET_KEY must be at least 32 characters (e.g. from `openssl rand -hex 32`)'),
  previousSecretKey: z
    .string()
    .refine(
      (v) => v === '' || v.length >= 32,
      'SECRET_KEY_PREVIOUS must be empty or the former SECRET_KEY (at least 32 characters)',
    ),
  smtpUrl: z
    .string()
    .refine(
      (v) => v === '' || /^smtps?:\/\//.test(v),
      'SMTP_URL must be empty (mail stays in the outbox) or smtp://user:pass@host:587',
    ),
  mailFrom: z.string().min(3, 'MAIL_FROM must be an address, e.g. Warta <redaksi@example.com>'),
  // `warta serve --no-jobs` overrides it with false.
  runJobs: z.union([
    z.boolean(),
    z
      .enum(['true', 'false'], { error: 'RUN_JOBS must be true or false' })
      .transform((v) => v === 'true'),
  ]),
  trustProxy: z
    .string()
    .refine(
      (v) => v === '' || /^[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*$/.test(v),
      'TRUST_PROXY must be empty (no proxy) or the proxy addresses, e.g. 127.0.0.1,10.0.0.0/8',
    ),
  requireAdmin2fa: z
    .enum(['true', 'false'], { error: 'REQUIRE_ADMIN_2FA must be true or false' })
    .transform((v) => v === 'true'),
  pageSize: z.coerce
    .number({ error: 'PAGE_SIZE must be a number' })
    .int()
    .min(5, 'PAGE_SIZE must be between 5 and 50')
    .max(50, 'PAGE_SIZE must be between 5 and 50'),
  pageCacheStale: z.coerce
    .number({ error: 'PAGE_CACHE_STALE must be a number of seconds' })
    .int('PAGE_CACHE_STALE must be a whole number of seconds')
    .min(0, 'PAGE_CACHE_STALE must be 0 (never serve stale) or more')
    .max(86_400, 'PAGE_CACHE_STALE must be at most 86400 seconds'),
  cdnMaxAge: z.coerce
    .number({ error: 'CDN_MAX_AGE must be a number of seconds' })
    .int('CDN_MAX_AGE must be a whole number of seconds')
    .min(0, 'CDN_MAX_AGE must be 0 or more')
    .max(86_400, 'CDN_MAX_AGE must be at most 86400 seconds'),
  logHitSample: z.coerce
    .number({ error: 'LOG_HIT_SAMPLE must be a number between 0 and 1' })
    .min(0, 'LOG_HIT_SAMPLE must be between 0 (no cache hit logged) and 1 (every hit)')
    .max(1, 'LOG_HIT_SAMPLE must be between 0 (no cache hit logged) and 1 (every hit)'),
  pageCacheMb: z.coerce
    .number({ error: 'PAGE_CACHE_MB must be a number of megabytes' })
    .int('PAGE_CACHE_MB must be a whole number of megabytes')
    .min(1, 'PAGE_CACHE_MB must be between 1 and 4096')
    .max(4096, 'PAGE_CACHE_MB must be between 1 and 4096'),
  // Connection timeouts, in milliseconds (see src/server-limits.ts for what each stops).
  headersTimeoutMs: milliseconds('HEADERS_TIMEOUT_MS', 100, 600_000),
  requestTimeoutMs: milliseconds('REQUEST_TIMEOUT_MS', 100, 3_600_000),
  idleTimeoutMs: milliseconds('IDLE_TIMEOUT_MS', 100, 3_600_000),
  keepAliveTimeoutMs: milliseconds('KEEP_ALIVE_TIMEOUT_MS', 100, 600_000),
  // How long a claimed job stays this process's before another may take it over.
  jobLeaseMs: milliseconds('JOB_LEASE_MS', 1_000, 3_600_000),
  jobPollMs: milliseconds('JOB_POLL_MS', 100, 600_000),
  // How long `serve` and `worker` wait for requests and the job in progress after SIGTERM.
  shutdownTimeoutMs: milliseconds('SHUTDOWN_TIMEOUT_MS', 1000, 600_000),
  // Empty: /metrics is off (404). Set: Prometheus must send `Authorization: Bearer <token>`.
  metricsToken: z
    .string()
    .refine(
      (v) => v === '' || /^[\x21-\x7e]{16,200}$/.test(v),
      'METRICS_TOKEN must be empty (no /metrics) or 16 to 200 printable characters without spaces (e.g. from `openssl rand -hex 24`)',
    ),
});

export type Config = Readonly<z.infer<typeof schema>>;

/** Maps each setting to its environment variable, for messages and the README. */
const ENV_NAMES: Record<keyof z.infer<typeof schema>, string> = {
  port: 'PORT',
  host: 'HOST',
  databaseUrl: 'DATABASE_URL',
  siteName: 'SITE_NAME',
  siteTagline: 'SITE_TAGLINE',
  siteUrl: 'SITE_URL',
  language: 'SITE_LANGUAGE',
  timeZone: 'SITE_TIMEZONE',
  mediaDir: 'MEDIA_DIR',
  mediaStorage: 'MEDIA_STORAGE',
  s3Bucket: 'S3_BUCKET',
  s3Region: 'S3_REGION',
  s3Endpoint: 'S3_ENDPOINT',
  s3ForcePathStyle: 'S3_FORCE_PATH_STYLE',
  s3AccessKeyId: 'S3_ACCESS_KEY_ID',
  s3SecretAccessKey: 'S3_SECRET_ACCESS_KEY',
  s3Prefix: 'S3_PREFIX',
  mediaBaseUrl: 'MEDIA_BASE_URL',
  logLevel: 'LOG_LEVEL',
  pageSize: 'PAGE_SIZE',
  cacheUrl: 'CACHE_URL',
  secretKey: 'SECRET_KEY',
  previousSecretKey: 'SECRET_KEY_PREVIOUS',
  smtpUrl: 'SMTP_URL',
  mailFrom: 'MAIL_FROM',
  requireAdmin2fa: 'REQUIRE_ADMIN_2FA',
  runJobs: 'RUN_JOBS',
  trustProxy: 'TRUST_PROXY',
  pageCacheTtl: 'PAGE_CACHE_TTL',
  pageCacheMb: 'PAGE_CACHE_MB',
  pageCacheStale: 'PAGE_CACHE_STALE',
  cdnMaxAge: 'CDN_MAX_AGE',
  logHitSample: 'LOG_HIT_SAMPLE',
  headersTimeoutMs: 'HEADERS_TIMEOUT_MS',
  requestTimeoutMs: 'REQUEST_TIMEOUT_MS',
  idleTimeoutMs: 'IDLE_TIMEOUT_MS',
  keepAliveTimeoutMs: 'KEEP_ALIVE_TIMEOUT_MS',
  jobLeaseMs: 'JOB_LEASE_MS',
  jobPollMs: 'JOB_POLL_MS',
  shutdownTimeoutMs: 'SHUTDOWN_TIMEOUT_MS',
  metricsToken: 'METRICS_TOKEN',
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads, validates and freezes the configuration. Throws ConfigError listing every problem. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<Config> = {},
): Config {
  const file = readConfigFile(env.WARTA_CONFIG);
  const pick = (key: keyof typeof ENV_NAMES) => env[ENV_NAMES[key]] ?? file[key];
  const port = pick('port') ?? '3000';
  const raw = {
    port,
    host: pick('host') ?? '0.0.0.0',
    databaseUrl: pick('databaseUrl') ?? 'sqlite:./data/warta.db',
    siteName: pick('siteName') ?? 'Warta',
    siteTagline: pick('siteTagline') ?? '',
    siteUrl: pick('siteUrl') ?? `http://localhost:${port}`,
    language: pick('language') ?? 'id',
    timeZone: pick('timeZone') ?? 'WITA',
    mediaDir: pick('mediaDir') ?? './data/media',
    mediaStorage: pick('mediaStorage') ?? 'local',
    s3Bucket: pick('s3Bucket') ?? '',
    s3Region: pick('s3Region') ?? 'us-east-1',
    s3Endpoint: pick('s3Endpoint') ?? '',
    // MinIO, Ceph and most S3 look-alikes behind an endpoint want path-style addresses.
    s3ForcePathStyle:
      pick('s3ForcePathStyle') ?? String(Boolean(overrides.s3Endpoint ?? pick('s3Endpoint'))),
    s3AccessKeyId: pick('s3AccessKeyId') ?? '',
    s3SecretAccessKey: pick('s3SecretAccessKey') ?? '',
    s3Prefix: pick('s3Prefix') ?? '',
    mediaBaseUrl: pick('mediaBaseUrl') ?? '/media',
    logLevel: pick('logLevel') ?? 'info',
    pageSize: pick('pageSize') ?? '12',
    cacheUrl: pick('cacheUrl') ?? 'memory',
    pageCacheTtl: pick('pageCacheTtl') ?? '60',
    pageCacheMb: pick('pageCacheMb') ?? '32',
    pageCacheStale: pick('pageCacheStale') ?? '600',
    cdnMaxAge: pick('cdnMaxAge') ?? '1',
    logHitSample: pick('logHitSample') ?? '0.01',
    headersTimeoutMs: pick('headersTimeoutMs') ?? '20000',
    requestTimeoutMs: pick('requestTimeoutMs') ?? '300000',
    idleTimeoutMs: pick('idleTimeoutMs') ?? '120000',
    keepAliveTimeoutMs: pick('keepAliveTimeoutMs') ?? '72000',
    jobLeaseMs: pick('jobLeaseMs') ?? '300000',
    jobPollMs: pick('jobPollMs') ?? '5000',
    shutdownTimeoutMs: pick('shutdownTimeoutMs') ?? '25000',
    metricsToken: pick('metricsToken') ?? '',
    secretKey:
      overrides.secretKey ??
      pick('secretKey') ??
      secretFromFile(env, overrides.databaseUrl ?? pick('databaseUrl')),
    previousSecretKey: pick('previousSecretKey') ?? '',
    smtpUrl: pick('smtpUrl') ?? '',
    mailFrom: pick('mailFrom') ?? 'Warta <noreply@localhost>',
    requireAdmin2fa: pick('requireAdmin2fa') ?? 'false',
    runJobs: pick('runJobs') ?? 'true',
    trustProxy: pick('trustProxy') ?? '',
    ...overrides,
  };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = issue.path[0] as keyof typeof ENV_NAMES;
        return `${ENV_NAMES[key] ?? String(key)}: ${issue.message} (got ${JSON.stringify(raw[key])})`;
      }),
    );
  }
  if (parsed.data.headersTimeoutMs > parsed.data.requestTimeoutMs) {
    throw new ConfigError([
      `REQUEST_TIMEOUT_MS: must be at least HEADERS_TIMEOUT_MS (${parsed.data.headersTimeoutMs}), the headers are part of the request (got ${parsed.data.requestTimeoutMs})`,
    ]);
  }
  if (parsed.data.mediaStorage === 's3' && !parsed.data.s3Bucket) {
    throw new ConfigError([
      'S3_BUCKET: required with MEDIA_STORAGE=s3 (the bucket the media goes to)',
    ]);
  }
  return Object.freeze({ ...parsed.data, mediaDir: resolve(parsed.data.mediaDir) });
}

/**
 * The keys that verify what the server signed, newest first: SECRET_KEY signs,
 * and during a rotation SECRET_KEY_PREVIOUS still verifies tokens, cookies and
 * challenges made before it, until they expire (a day for the longest-lived).
 */
export function verifyingKeys(config: Pick<Config, 'secretKey' | 'previousSecretKey'>): string[] {
  return config.previousSecretKey
    ? [config.secretKey, config.previousSecretKey]
    : [config.secretKey];
}

/**
 * Without SECRET_KEY: the key in SECRET_KEY_FILE (by default one created in the
 * data folder), so a newcomer on SQLite needs no setup. On PostgreSQL several
 * processes may share the database, each on its own machine: a key each would
 * make one process's CSRF tokens and challenges fail on the next, so there the
 * key must be given, as SECRET_KEY or a SECRET_KEY_FILE every process reads.
 */
function secretFromFile(env: Record<string, string | undefined>, databaseUrl: unknown): string {
  if (env.SECRET_KEY_FILE) return readOrCreateSecret(env.SECRET_KEY_FILE);
  if (typeof databaseUrl === 'string' && /^postgres(ql)?:/.test(databaseUrl)) {
    throw new ConfigError([
      'SECRET_KEY: required with PostgreSQL, and the same in every Warta process that shares the database (create one with `openssl rand -hex 32`, or point SECRET_KEY_FILE at a file every process reads)',
    ]);
  }
  return readOrCreateSecret('./data/secret.key');
}

/** The key in `path`, created there (readable by this user only) if missing. */
function readOrCreateSecret(path: string): string {
  const file = resolve(path);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function readConfigFile(path: string | undefined): Record<string, unknown> {
  const file = resolve(path ?? 'warta.config.json');
  if (!existsSync(file)) {
    if (path) throw new ConfigError([`WARTA_CONFIG: file not found: ${file}`]);
    return {};
  }
  try {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new Error('the file must hold one JSON object');
    }
    return data as Record<string, unknown>;
  } catch (err) {
    throw new ConfigError([`${file}: ${(err as Error).message}`]);
  }
}

/**
 * Fastify's trustProxy from TRUST_PROXY: off by default, because trusting
 * X-Forwarded-For from anyone lets a stranger pick their own address and walk
 * around every per-address limit and ban.
 */
export function trustProxySetting(config: Pick<Config, 'trustProxy'>): false | string[] {
  if (config.trustProxy === '') return false;
  return config.trustProxy.split(',').map((a) => a.trim());
}

/** The IANA zone for the configured WIB/WITA/WIT. */
export function ianaZone(config: Pick<Config, 'timeZone'>): string {
  return TIME_ZONES[config.timeZone];
}
