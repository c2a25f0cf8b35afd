import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import type { EventBus } from '../lib/events.ts';

/**
 * Comment rules are site settings (stored in the database, edited by admins in
 * the newsroom), not deployment settings: an editor changes moderation mode
 * without a restart. Missing keys fall back to the defaults below.
 */
export const settingsSchema = z.object({
  /** Site-wide mode: 'post' shows comments at once, 'pre' holds every comment for an editor. */
  mode: z.enum(['post', 'pre']),
  /** Per-section override of the mode, keyed by section id. */
  sectionModes: z.record(z.string().regex(/^\d+$/), z.enum(['post', 'pre'])),
  /** Comments close this many days after publication; 0 keeps them open. */
  closeAfterDays: z.number().int().min(0).max(3650),
  /** Deepest reply level (0 = no replies); deeper replies attach at this level. */
  maxDepth: z.number().int().min(0).max(10),
  /** A commenter is trusted once this many of their comments were approved; 0 trusts everyone. */
  trustAfter: z.number().int().min(0).max(100),
  /** A form sent sooner than this after the page was rendered is a bot. */
  minFillSeconds: z.number().int().min(0).max(120),
  /** At most one comment per email and per browser in this many seconds. */
  rateWindowSeconds: z.number().int().min(0).max(3600),
  /** At most this many comments per email and per browser in an hour. */
  ratePerHour: z.number().int().min(1).max(1000),
  /**
   * Comments per client address in a minute and in an hour. Loose on purpose:
   * readers on one mobile carrier share a public address (carrier NAT), so the
   * tight limits are per email and per browser, with a proof of work per comment.
   */
  addressPerMinute: z.number().int().min(1).max(10_000),
  addressPerHour: z.number().int().min(1).max(100_000),
  /** Proof-of-work challenges (and fresh form tokens) one address may fetch in a minute. */
  challengesPerMinute: z.number().int().min(1).max(10_000),
  /** Reports that send an approved comment back to the queue. */
  reportThreshold: z.number().int().min(1).max(100),
  /** Days after which address hashes are dropped. */
  retentionDays: z.number().int().min(1).max(3650),
  /** Proof-of-work difficulty: PBKDF2 iterations per attempt and the range of the secret counter. */
  captchaCost: z.number().int().min(1).max(100_000),
  captchaCounterMin: z.number().int().min(0).max(1_000_000),
  captchaCounterMax: z.number().int().min(1).max(1_000_000),
  /** Readers may ask to be emailed when someone replies. */
  replyNotifications: z.boolean(),
});

export type CommentSettings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: CommentSettings = {
  mode: 'post',
  sectionModes: {},
  closeAfterDays: 0,
  maxDepth: 2,
  trustAfter: 1,
  minFillSeconds: 3,
  rateWindowSeconds: 15,
  ratePerHour: 20,
  addressPerMinute: 30,
  addressPerHour: 300,
  challengesPerMinute: 120,
  reportThreshold: 3,
  retentionDays: 90,
  captchaCost: 1000,
  captchaCounterMin: 1000,
  captchaCounterMax: 5000,
  replyNotifications: true,
};

/** The number settings, in the order the settings page shows them. */
export const NUMBER_SETTINGS = [
  'closeAfterDays',
  'maxDepth',
  'trustAfter',
  'minFillSeconds',
  'rateWindowSeconds',
  'ratePerHour',
  'addressPerMinute',
  'addressPerHour',
  'challengesPerMinute',
  'reportThreshold',
  'retentionDays',
  'captchaCost',
  'captchaCounterMin',
  'captchaCounterMax',
] as const satisfies readonly (keyof CommentSettings)[];

export type NumberSetting = (typeof NUMBER_SETTINGS)[number];

/** Pairs [low, high] where high must not be below low; an issue marks the high one. */
export const ORDERED_SETTINGS = [
  ['captchaCounterMin', 'captchaCounterMax'],
  ['addressPerMinute', 'addressPerHour'],
] as const satisfies readonly (readonly [NumberSetting, NumberSetting])[];

/** The smallest and largest value a number setting takes. */
export function numberRange(key: NumberSetting): { min: number; max: number } {
  const shape = settingsSchema.shape[key];
  return { min: shape.minValue ?? 0, max: shape.maxValue ?? Number.MAX_SAFE_INTEGER };
}

/** The current settings: stored values over the defaults (a bad stored value falls back). */
export async function loadSettings(db: Kysely<Database>): Promise<CommentSettings> {
  const rows = await db.selectFrom('comment_settings').select(['key', 'value']).execute();
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const r of rows) {
    if (!(r.key in DEFAULT_SETTINGS)) continue;
    try {
      const v = JSON.parse(r.value);
      const shape = settingsSchema.shape[r.key as keyof CommentSettings];
      if (shape.safeParse(v).success) out[r.key] = v;
    } catch {
      // keep the default
    }
  }
  return out as CommentSettings;
}

/**
 * Stores some settings (validated); returns the result or the zod issues.
 * Announces `settings.changed` on `events` when given (caches listen).
 */
export async function saveSettings(
  db: Kysely<Database>,
  patch: Partial<CommentSettings>,
  now = Date.now(),
  events?: EventBus,
): Promise<{ ok: true; settings: CommentSettings } | { ok: false; issues: z.core.$ZodIssue[] }> {
  const merged = { ...(await loadSettings(db)), ...patch };
  const parsed = settingsSchema.safeParse(merged);
  // Every problem at once: the ordering of two numbers is checked even when a third is wrong.
  const issues: z.core.$ZodIssue[] = parsed.success ? [] : [...parsed.error.issues];
  issues.push(
    ...ORDERED_SETTINGS.filter(([low, high]) => merged[high] < merged[low]).map(([low, high]) => ({
      code: 'custom' as const,
      path: [high],
      message: `${high} < ${low}`,
      input: undefined,
    })),
  );
  if (!parsed.success || issues.length > 0) return { ok: false, issues };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    await db
      .insertInto('comment_settings')
      .values({ key, value: JSON.stringify(value), updated_at: now })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: now }),
      )
      .execute();
  }
  await events?.emit('settings.changed', { scope: 'comments' });
  return { ok: true, settings: parsed.data };
}

/** The mode for one section: its own if set, else the site's. */
export function modeFor(settings: CommentSettings, sectionIds: number[]): 'post' | 'pre' {
  for (const id of sectionIds) {
    const m = settings.sectionModes[String(id)];
    if (m) return m;
  }
  return settings.mode;
}

/** Whether comments are still open: the article's switch and the age limit. */
export function commentsOpen(
  settings: CommentSettings,
  article: { commentsOpen: boolean; publishedAt: number },
  now = Date.now(),
): boolean {
  if (!article.commentsOpen) return false;
  if (settings.closeAfterDays === 0) return true;
  return now - article.publishedAt <= settings.closeAfterDays * 86_400_000;
}
