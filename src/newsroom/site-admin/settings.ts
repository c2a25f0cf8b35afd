import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Config, ZoneName } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../lib/errors.ts';
import type { EventBus } from '../../lib/events.ts';
import type { Lang } from '../../lib/i18n.ts';
import { cleanText } from '../../lib/plain-text.ts';
import { audit } from '../audit.ts';
import { can, type Role } from '../policy.ts';

/**
 * The site's identity and settings as admins edit them in the newsroom
 * (decision 006): the configuration (environment, config file) gives the
 * defaults, a row in `site_settings` overrides one key. Every reader goes
 * through the live configuration `LiveSettings.config` (live-settings.ts), whose overridable
 * fields read the latest saved values, and `siteIdentity(config)` for what the
 * configuration has no field for (logo, icon, social accounts, legal pages).
 */

type DB = Kysely<Database>;

export const NAME_MAX = 60;
export const TAGLINE_MAX = 120;
export const LINK_TITLE_MAX = 60;
export const URL_MAX = 500;
export const MAX_LINKS = 8;

export const SOCIAL_NETWORKS = [
  'facebook',
  'instagram',
  'x',
  'youtube',
  'tiktok',
  'whatsapp',
] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];
/** The networks' own names (not translated). */
export const SOCIAL_LABELS: Record<SocialNetwork, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  x: 'X',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  whatsapp: 'WhatsApp',
};

export interface SocialAccount {
  network: SocialNetwork;
  url: string;
}

/** A footer link to a legal page: its title and a site path (an article's address) or a web address. */
export interface LegalLink {
  title: string;
  url: string;
}

/** Every setting an admin can change, with its effective value. */
export interface SiteSettings {
  siteName: string;
  siteTagline: string;
  timeZone: ZoneName;
  language: Lang;
  logoMediaId: number | null;
  iconMediaId: number | null;
  social: SocialAccount[];
  legalPages: LegalLink[];
}
export type SettingKey = keyof SiteSettings;

/** A site path (`/halaman/…`, an article's address) or an http(s) address; nothing that runs script. */
const linkUrl = z
  .string()
  .max(URL_MAX)
  .refine((v) => /^\/(?!\/)[^\s]*$/.test(v) || /^https?:\/\/[^\s/]+[^\s]*$/i.test(v));

/** How each key's stored JSON must look; a row that does not fit is ignored (the default shows). */
const VALUE_SCHEMAS: { [K in SettingKey]: z.ZodType<SiteSettings[K]> } = {
  siteName: z.string().trim().min(1).max(NAME_MAX),
  siteTagline: z.string().max(TAGLINE_MAX),
  timeZone: z.enum(['WIB', 'WITA', 'WIT']),
  language: z.enum(['id', 'en']),
  logoMediaId: z.number().int().positive().nullable(),
  iconMediaId: z.number().int().positive().nullable(),
  social: z
    .array(z.object({ network: z.enum(SOCIAL_NETWORKS), url: linkUrl }))
    .max(SOCIAL_NETWORKS.length),
  legalPages: z
    .array(z.object({ title: z.string().min(1).max(LINK_TITLE_MAX), url: linkUrl }))
    .max(MAX_LINKS),
};
export const SETTING_KEYS = Object.keys(VALUE_SCHEMAS) as SettingKey[];

/** The defaults: what the configuration says (and nothing for what it has no field for). */
export function defaultSettings(config: Config): SiteSettings {
  return {
    siteName: config.siteName,
    siteTagline: config.siteTagline,
    timeZone: config.timeZone,
    language: config.language,
    logoMediaId: null,
    iconMediaId: null,
    social: [],
    legalPages: [],
  };
}

/** The saved overrides (only keys with a valid stored value). */
export async function loadOverrides(db: DB): Promise<Partial<SiteSettings>> {
  const rows = await db.selectFrom('site_settings').select(['key', 'value']).execute();
  const out: Partial<Record<SettingKey, unknown>> = {};
  for (const row of rows) {
    const schema = VALUE_SCHEMAS[row.key as SettingKey];
    if (!schema) continue;
    try {
      const parsed = schema.safeParse(JSON.parse(row.value));
      if (parsed.success) out[row.key as SettingKey] = parsed.data;
    } catch {
      // A value that is not JSON is ignored: the default shows.
    }
  }
  return out as Partial<SiteSettings>;
}

// --- Checking a form ---------------------------------------------------------

/** A field's problem, named by the error code whose message the form shows. */
export type SettingsErrors = Partial<Record<string, SettingsProblem>>;
export type SettingsProblem =
  | 'SITE_NAME_REQUIRED'
  | 'SITE_NAME_TOO_LONG'
  | 'SITE_TAGLINE_TOO_LONG'
  | 'SITE_TIME_ZONE_INVALID'
  | 'SITE_LANGUAGE_INVALID'
  | 'SITE_LINK_INVALID'
  | 'SITE_LINK_TITLE_INVALID';

/** The settings form as typed: one text per field; rows of links as parallel lists. */
export interface SettingsForm {
  siteName: string;
  siteTagline: string;
  timeZone: string;
  language: string;
  social: Record<SocialNetwork, string>;
  legalTitles: string[];
  legalUrls: string[];
}

/**
 * Checks a settings form; returns the values to save or the problems by field
 * (`social.x`, `legal.2.title`…). Empty link rows are dropped.
 */
export function checkSettingsForm(
  form: SettingsForm,
):
  | { ok: true; values: Omit<SiteSettings, 'logoMediaId' | 'iconMediaId'> }
  | { ok: false; errors: SettingsErrors } {
  const errors: SettingsErrors = {};
  const siteName = cleanText(form.siteName).trim();
  const siteTagline = cleanText(form.siteTagline).trim();
  if (!siteName) errors.siteName = 'SITE_NAME_REQUIRED';
  else if (siteName.length > NAME_MAX) errors.siteName = 'SITE_NAME_TOO_LONG';
  if (siteTagline.length > TAGLINE_MAX) errors.siteTagline = 'SITE_TAGLINE_TOO_LONG';
  const timeZone = form.timeZone;
  if (timeZone !== 'WIB' && timeZone !== 'WITA' && timeZone !== 'WIT') {
    errors.timeZone = 'SITE_TIME_ZONE_INVALID';
  }
  const language = form.language;
  if (language !== 'id' && language !== 'en') errors.language = 'SITE_LANGUAGE_INVALID';
  const social: SocialAccount[] = [];
  for (const network of SOCIAL_NETWORKS) {
    const url = (form.social[network] ?? '').trim();
    if (!url) continue;
    if (!linkUrl.safeParse(url).success || url.startsWith('/')) {
      errors[`social.${network}`] = 'SITE_LINK_INVALID';
    } else social.push({ network, url });
  }
  const legalPages: LegalLink[] = [];
  const rows = Math.max(form.legalTitles.length, form.legalUrls.length);
  for (let i = 0; i < rows; i++) {
    const title = cleanText(form.legalTitles[i] ?? '').trim();
    const url = (form.legalUrls[i] ?? '').trim();
    if (!title && !url) continue;
    if (!title || title.length > LINK_TITLE_MAX)
      errors[`legal.${i}.title`] = 'SITE_LINK_TITLE_INVALID';
    if (!linkUrl.safeParse(url).success) errors[`legal.${i}.url`] = 'SITE_LINK_INVALID';
    legalPages.push({ title, url });
  }
  if (legalPages.length > MAX_LINKS) errors.legal = 'SITE_LINK_INVALID';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    values: {
      siteName,
      siteTagline,
      timeZone: timeZone as ZoneName,
      language: language as Lang,
      social,
      legalPages,
    },
  };
}

// --- Writing -------------------------------------------------------------------

export interface Actor {
  id: number;
  role: Role;
  ipHash?: string;
}

/**
 * Saves settings (the keys given), audits and announces `settings.changed`
 * (scope `site`): the page caches and the in-memory reads listen, so every
 * page shows the new values on its next request.
 */
export async function saveSiteSettings(
  db: Db,
  events: EventBus,
  actor: Actor,
  values: Partial<SiteSettings>,
  now = Date.now(),
): Promise<void> {
  if (!can(actor.role, 'settings.manage')) throw new AppError('FORBIDDEN');
  const entries = Object.entries(values).filter(([, v]) => v !== undefined) as [
    SettingKey,
    unknown,
  ][];
  await inTransaction(db.kysely, async (tx) => {
    for (const [key, value] of entries) {
      const text = JSON.stringify(VALUE_SCHEMAS[key].parse(value));
      await tx
        .insertInto('site_settings')
        .values({ key, value: text, updated_by: actor.id, updated_at: now })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({ value: text, updated_by: actor.id, updated_at: now }),
        )
        .execute();
    }
    await audit(
      tx,
      {
        actorId: actor.id,
        action: 'settings.site',
        target: 'site',
        detail: entries.map(([k]) => k).join(', '),
        ipHash: actor.ipHash,
      },
      now,
    );
  });
  await events.emit('settings.changed', { scope: 'site' });
}

// --- Reading: the live configuration -------------------------------------------
