import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { VNode } from 'preact';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { listSections } from '../../content/taxonomy-queries.ts';
import type { Db } from '../../db/connection.ts';
import { AppError, ERRORS, type ErrorCode, toAppError } from '../../lib/errors.ts';
import type { EventBus } from '../../lib/events.ts';
import { slugify } from '../../lib/slug.ts';
import { uploadImage } from '../../media/library.ts';
import { readUpload } from '../../media/routes.ts';
import { mediaStorage } from '../../media/storage.ts';
import { MAX_UPLOAD_BYTES } from '../../media/upload.ts';
import { ipHashOf, requireStaff } from '../auth-shared.ts';
import { sendPage } from '../login-routes.ts';
import { formBody, formField, formText, query } from '../schemas.ts';
import { newsroomContext } from '../views/layout.tsx';
import { currentSettings, siteIdentity } from './live-settings.ts';
import { siteAdminMessages } from './messages.ts';
import { addSection, editSection, type SectionFormInput, shiftSection } from './sections.ts';
import { SECTIONS_URL, type SectionFormState, SectionsPage } from './sections-page.tsx';
import {
  type Actor,
  checkSettingsForm,
  SOCIAL_NETWORKS,
  type SocialNetwork,
  saveSiteSettings,
} from './settings.ts';
import {
  SETTINGS_URL,
  type SettingsFormValues,
  SettingsPage,
  settingsFormValues,
} from './settings-page.tsx';

/**
 * The admins' screens for the site's sections and settings (issue 15). Login,
 * role and CSRF are checked by the auth layer before these handlers run
 * (the image upload checks its multipart `_csrf` field itself, like the media
 * library's); a refused form comes back with the admin's input and the
 * problem under its field, with the error's status.
 */

export interface SiteAdminDeps {
  config: Config;
  db: Db;
  events: EventBus;
}

const ID = /^[1-9]\d{0,9}$/;
const idParams = z.object({ id: z.string() });
const okQuery = query({ ok: formField, id: formField, dari: formField });
const sectionBody = formBody({
  name: formText(),
  slug: formText(),
  parent: formField,
  hidden: formField,
});
const moveBody = formBody({ arah: formField });
/** `social.facebook`, `social.instagram`, …: one text field per network. */
const socialFields = Object.fromEntries(
  SOCIAL_NETWORKS.map((n) => [`social.${n}`, formText()]),
) as Record<`social.${SocialNetwork}`, ReturnType<typeof formText>>;
const settingsBody = formBody({
  siteName: formText(),
  siteTagline: formText(),
  timeZone: formField,
  language: formField,
  legalTitle: formText(),
  legalUrl: formText(),
  ...socialFields,
});
const removeBody = formBody({ which: formField });

/** One text from a form field (a repeated field is refused as empty). */
function one(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
function list(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
}

/** The form field an error code belongs to. */
function sectionField(code: ErrorCode): 'name' | 'slug' | 'parent' | null {
  if (code.startsWith('SECTION_NAME')) return 'name';
  if (code.startsWith('SECTION_SLUG')) return 'slug';
  if (code === 'SECTION_PARENT_INVALID') return 'parent';
  return null;
}

export async function registerSiteAdminRoutes(
  app: FastifyInstance,
  deps: SiteAdminDeps,
): Promise<void> {
  const { config, db, events } = deps;
  const k = db.kysely;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const sectionsOnly = { preValidation: requireStaff('section.manage') };
  const settingsOnly = { preValidation: requireStaff('settings.manage') };
  const ctxOf = (req: FastifyRequest) => newsroomContext(req, { config });
  const actorOf = (req: FastifyRequest): Actor => {
    if (!req.staff) throw new AppError('NOT_LOGGED_IN');
    return { id: req.staff.id, role: req.staff.role, ipHash: ipHashOf(req, config) };
  };
  const send = (reply: FastifyReply, vnode: VNode | null, status = 200) =>
    vnode ? sendPage(reply, vnode, status) : reply.code(500).send();

  // --- Sections ---------------------------------------------------------------

  async function sectionsPage(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: { notice?: string; error?: string; state?: SectionFormState } = {},
  ) {
    const ctx = await ctxOf(req);
    const sections = await listSections(k);
    return send(reply, SectionsPage({ ctx, sections, ...extra }), status);
  }

  /** The section form as typed, and what to save (the slug made from the name when left empty). */
  function sectionInput(body: z.infer<typeof sectionBody>): {
    values: SectionFormState['values'];
    input: SectionFormInput | null;
  } {
    const name = one(body.name).trim();
    const typedSlug = one(body.slug).trim();
    const parent = one(body.parent);
    const values = { name, slug: typedSlug, parent, hidden: one(body.hidden) === '1' };
    if (parent !== '' && !ID.test(parent)) return { values, input: null };
    return {
      values,
      input: {
        name,
        slug: typedSlug || (name ? slugify(name, 60) : ''),
        parentId: parent ? Number(parent) : null,
        hidden: values.hidden,
      },
    };
  }

  /** Runs a section command; a refused form comes back with its input and the message under the field. */
  async function trySection(
    req: FastifyRequest,
    reply: FastifyReply,
    form: SectionFormState['form'],
    values: SectionFormState['values'],
    run: () => Promise<string>,
  ) {
    try {
      return reply.redirect(await run(), 303);
    } catch (err) {
      const appErr = toAppError(err);
      const field = sectionField(appErr.code);
      if (!field) throw appErr;
      const ctx = await ctxOf(req);
      const m = siteAdminMessages.t(ctx.lang).sections;
      return sectionsPage(req, reply, appErr.status, {
        error: m.fixBelow,
        state: { form, values, errors: { [field]: appErr.messageIn(ctx.lang) } },
      });
    }
  }

  r.get(SECTIONS_URL, { ...sectionsOnly, schema: { querystring: okQuery } }, async (req, reply) => {
    const ctx = await ctxOf(req);
    const m = siteAdminMessages.t(ctx.lang).sections;
    const id = one(req.query.id);
    const section = ID.test(id)
      ? (await listSections(k)).find((s) => s.id === Number(id))
      : undefined;
    const ok = one(req.query.ok);
    const from = one(req.query.dari);
    let notice: string | undefined;
    if (ok === 'moved') notice = m.moved;
    else if (section && ok === 'created') notice = m.created(section.name);
    else if (section && ok === 'saved') {
      notice = m.saved(section.name);
      if (from && from !== section.slug) notice += ` ${m.redirected(`/${from}`, section.url)}`;
    }
    return sectionsPage(req, reply, 200, { notice });
  });

  r.post(SECTIONS_URL, { ...sectionsOnly, schema: { body: sectionBody } }, async (req, reply) => {
    const { values, input } = sectionInput(req.body);
    return trySection(req, reply, 'new', values, async () => {
      if (!input) throw new AppError('SECTION_PARENT_INVALID');
      const id = await addSection(db, events, actorOf(req), input);
      return `${SECTIONS_URL}?ok=created&id=${id}#rubrik-${id}`;
    });
  });

  r.post(
    `${SECTIONS_URL}/:id`,
    { ...sectionsOnly, schema: { params: idParams, body: sectionBody } },
    async (req, reply) => {
      if (!ID.test(req.params.id)) throw new AppError('NOT_FOUND');
      const id = Number(req.params.id);
      const { values, input } = sectionInput(req.body);
      return trySection(req, reply, id, values, async () => {
        if (!input) throw new AppError('SECTION_PARENT_INVALID');
        const out = await editSection(db, events, actorOf(req), id, input);
        return `${SECTIONS_URL}?ok=saved&id=${id}&dari=${encodeURIComponent(out.oldSlug)}#rubrik-${id}`;
      });
    },
  );

  r.post(
    `${SECTIONS_URL}/:id/geser`,
    { ...sectionsOnly, schema: { params: idParams, body: moveBody } },
    async (req, reply) => {
      if (!ID.test(req.params.id)) throw new AppError('NOT_FOUND');
      const dir = one(req.body.arah);
      if (dir !== 'up' && dir !== 'down') throw new AppError('BAD_REQUEST');
      const id = Number(req.params.id);
      await shiftSection(db, events, actorOf(req), id, dir);
      return reply.redirect(`${SECTIONS_URL}?ok=moved#rubrik-${id}`, 303);
    },
  );

  // --- Site settings ----------------------------------------------------------

  async function settingsPage(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: {
      values?: SettingsFormValues;
      notice?: string;
      error?: string;
      errors?: Record<string, string>;
      imageError?: { which: 'logo' | 'icon'; message: string };
    } = {},
  ) {
    const ctx = await ctxOf(req);
    const identity = siteIdentity(config);
    return send(
      reply,
      SettingsPage({
        ctx,
        values: extra.values ?? settingsFormValues(currentSettings(config)),
        logo: identity.logo,
        icon: identity.icon,
        ...extra,
      }),
      status,
    );
  }

  r.get(SETTINGS_URL, { ...settingsOnly, schema: { querystring: okQuery } }, async (req, reply) => {
    const ctx = await ctxOf(req);
    const m = siteAdminMessages.t(ctx.lang).settings;
    const ok = one(req.query.ok);
    const notice =
      ok === 'saved'
        ? m.saved
        : ok === 'image'
          ? m.imageSaved
          : ok === 'removed'
            ? m.imageRemoved
            : undefined;
    return settingsPage(req, reply, 200, { notice });
  });

  r.post(SETTINGS_URL, { ...settingsOnly, schema: { body: settingsBody } }, async (req, reply) => {
    const body = req.body;
    const social = Object.fromEntries(
      SOCIAL_NETWORKS.map((n) => [n, one(body[`social.${n}`])]),
    ) as Record<SocialNetwork, string>;
    const form = {
      siteName: one(body.siteName),
      siteTagline: one(body.siteTagline),
      timeZone: one(body.timeZone),
      language: one(body.language),
      social,
      legalTitles: list(body.legalTitle),
      legalUrls: list(body.legalUrl),
    };
    const checked = checkSettingsForm(form);
    if (!checked.ok) {
      const ctx = await ctxOf(req);
      const errors = Object.fromEntries(
        Object.entries(checked.errors).map(([f, code]) => [f, code ? ERRORS[code][ctx.lang] : '']),
      );
      const legal = form.legalTitles.map((title, i) => ({
        title,
        url: form.legalUrls[i] ?? '',
      }));
      return settingsPage(req, reply, 400, {
        error: siteAdminMessages.t(ctx.lang).settings.fixBelow,
        errors,
        values: { ...form, legal },
      });
    }
    await saveSiteSettings(db, events, actorOf(req), checked.values);
    return reply.redirect(`${SETTINGS_URL}?ok=saved`, 303);
  });

  r.post(
    `${SETTINGS_URL}/gambar/hapus`,
    { ...settingsOnly, schema: { body: removeBody } },
    async (req, reply) => {
      const which = one(req.body.which);
      if (which !== 'logo' && which !== 'icon') throw new AppError('BAD_REQUEST');
      await saveSiteSettings(db, events, actorOf(req), {
        [which === 'logo' ? 'logoMediaId' : 'iconMediaId']: null,
      });
      return reply.redirect(`${SETTINGS_URL}?ok=removed`, 303);
    },
  );

  await app.register(async (plain) => {
    await plain.register(multipart, {
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 4, parts: 6 },
      throwFileSizeLimit: true,
    });
    plain.post(
      `${SETTINGS_URL}/gambar`,
      { preHandler: requireStaff('settings.manage'), config: { csrfInMultipartField: true } },
      async (req, reply) => {
        const actor = actorOf(req);
        let which: 'logo' | 'icon' = 'logo';
        try {
          // The media library's reader: the form's `_csrf` checked before any file is read.
          const form = await readUpload(req);
          const [file, ...more] = form.files;
          if (more.length > 0) throw new AppError('MEDIA_TOO_MANY_FIELDS');
          if (file?.error) throw file.error;
          const upload = { which: form.fields.which, file: file?.data, filename: file?.name };
          if (upload.which !== 'logo' && upload.which !== 'icon') {
            throw new AppError('BAD_REQUEST');
          }
          which = upload.which;
          if (!upload.file) throw new AppError('MEDIA_NO_FILE');
          // The media library's own checks (kind by content, size, dimensions) and variants.
          const { id } = await uploadImage(k, mediaStorage(config), upload.file, {
            originalName: upload.filename,
            uploadedBy: actor.id,
            alt: '',
          });
          await saveSiteSettings(db, events, actor, {
            [which === 'logo' ? 'logoMediaId' : 'iconMediaId']: id,
          });
          return reply.redirect(`${SETTINGS_URL}?ok=image#gambar-${which}`, 303);
        } catch (err) {
          const appErr = toAppError(err);
          if (appErr.status >= 500 || appErr.code === 'CSRF_INVALID') throw appErr;
          const ctx = await ctxOf(req);
          return settingsPage(req, reply, appErr.status, {
            error: appErr.messageIn(ctx.lang),
            imageError: { which, message: appErr.messageIn(ctx.lang) },
          });
        }
      },
    );
  });
}
