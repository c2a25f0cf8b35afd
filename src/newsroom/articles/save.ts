import type { FastifyRequest } from 'fastify';
import { saveArticle } from '../../content/revisions.ts';
import { publishedHeadlines } from '../../content/staff-reads.ts';
import { mayEdit } from '../../content/workflow.ts';
import { AppError } from '../../lib/errors.ts';
import { existingMedia, sectionExists } from './queries.ts';
import { type ArticleRouteDeps, actorOf, loadVisible, messagesFor } from './route-helpers.ts';
import type { ArticleEditBody } from './schemas.ts';
import { type FieldErrors, mediaIdsOf, parseArticleForm } from './validate.ts';
import type { FormValues } from './views/edit-view.tsx';

/**
 * Saving from the newsroom (form post, the editor's JSON save, autosave) and
 * the pre-publication alt-text check: validation beyond the field shapes
 * (section, photos, pins exist) and the mapping of refusals to field messages.
 */

/** Form values for re-showing a refused form exactly as it was sent. */
export function rawValues(b: ArticleEditBody): FormValues {
  const s = (k: keyof ArticleEditBody) => {
    const v = b[k];
    return typeof v === 'string' ? v : '';
  };
  const on = (k: keyof ArticleEditBody) => b[k] === '1' || b[k] === 'on' || b[k] === true;
  return {
    headline: s('headline'),
    deck: s('deck'),
    slug: s('slug'),
    sectionId: s('sectionId'),
    tags: s('tags'),
    bylines: s('bylines'),
    bylineInitials: s('bylineInitials'),
    dateline: s('dateline'),
    sourceCredit: s('sourceCredit'),
    featuredMediaId: s('featuredMediaId'),
    featuredCaption: s('featuredCaption'),
    featuredCredit: s('featuredCredit'),
    featuredAlt: s('featuredAlt'),
    featuredArchive: on('featuredArchive'),
    pins: s('pins'),
    commentsOpen: on('commentsOpen'),
    seoTitle: s('seoTitle'),
    seoDescription: s('seoDescription'),
    body: typeof b.body === 'string' ? b.body : JSON.stringify(b.body ?? []),
  };
}

export type SaveOutcome =
  | { ok: true; version: number; slug: string }
  | { ok: false; err: AppError; fields?: FieldErrors };

/** Validates and saves one article edit (form, JSON save or autosave). Changes nothing on any error. */
export async function trySave(
  req: FastifyRequest,
  deps: ArticleRouteDeps,
  id: number,
  kind: 'save' | 'autosave',
  body: ArticleEditBody,
): Promise<SaveOutcome> {
  const actor = actorOf(req);
  const m = messagesFor(req, deps.config);
  const a = await loadVisible(deps.db, id, actor);
  if (!mayEdit(actor, { status: a.status, authorId: a.authorId })) {
    return { ok: false, err: new AppError('WORKFLOW_FORBIDDEN') };
  }
  const parsed = parseArticleForm(body, m, { autosave: kind === 'autosave' });
  if (!parsed.ok) return { ok: false, err: new AppError('ARTICLE_INVALID'), fields: parsed.errors };
  const { edit } = parsed;
  const fields: FieldErrors = {};
  if (!(await sectionExists(deps.db, edit.sectionId))) fields.sectionId = m.invalid.section;
  const used = mediaIdsOf(edit);
  const found = await existingMedia(deps.db, used);
  if (edit.featured.mediaId != null && !found.has(edit.featured.mediaId))
    fields.featuredMediaId = m.invalid.media;
  if (used.some((mid) => mid !== edit.featured.mediaId && !found.has(mid)))
    fields.body = m.invalid.media;
  if (edit.pins.length) {
    const live = await publishedHeadlines(deps.db, edit.pins, Date.now());
    if (live.length !== new Set(edit.pins).size || edit.pins.includes(id))
      fields.pins = m.invalid.pins;
  }
  if (Object.keys(fields).length)
    return { ok: false, err: new AppError('ARTICLE_INVALID'), fields };
  try {
    const saved = await saveArticle(deps.db, deps.events, id, edit, {
      expectedVersion: parsed.version,
      userId: actor.userId,
      kind,
    });
    return { ok: true, ...saved };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === 'SLUG_TAKEN')
      return {
        ok: false,
        err,
        fields: { slug: err.messageIn(req.staff?.lang ?? deps.config.language) },
      };
    return { ok: false, err };
  }
}
