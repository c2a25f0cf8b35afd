import type { FastifyReply, FastifyRequest } from 'fastify';
import { markReviewStarted } from '../../content/commands/review-article.ts';
import type { EditableArticle } from '../../content/editable.ts';
import { homeLeadId } from '../../content/home-lead.ts';
import { acquireLock, HEARTBEAT_MS } from '../../content/locks.ts';
import { articleHeadlines, publishedHeadlines } from '../../content/staff-reads.ts';
import { articleUrl } from '../../content/urls.ts';
import { availableActions, mayEdit } from '../../content/workflow.ts';
import { wireUpdateFor } from '../../ingest/wire/take.ts';
import { WireUpdateBanner } from '../../ingest/wire/views/desk-page.tsx';
import { getMediaMany } from '../../media/library.ts';
import { pickerItem } from '../../media/library-queries.ts';
import { renderDocument } from '../../site/render.tsx';
import { can } from '../policy.ts';
import { getStaffUser } from '../users.ts';
import { newsroomContext } from '../views/layout.tsx';
import { blocksToDoc } from './blocks-convert.ts';
import { editorBundle } from './bundle.ts';
import { editorStrings } from './messages.ts';
import { sectionChoices } from './queries.ts';
import { type ArticleRouteDeps, actorOf, messagesFor, toLocalInput } from './route-helpers.ts';
import type { FieldErrors } from './validate.ts';
import { EditPage, type FormValues, jsonForScript, valuesOf } from './views/edit-view.tsx';

/**
 * Builds and sends the editor page: takes (or reports) the lock, works out
 * which actions this person has, and hands the editor script its data.
 */
export async function sendEditPage(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: ArticleRouteDeps,
  a: EditableArticle,
  opts: {
    values?: FormValues;
    errors?: FieldErrors;
    notice?: { kind: 'ok' | 'error'; text: string } | null;
    status?: number;
  } = {},
): Promise<FastifyReply> {
  const { db, config } = deps;
  const actor = actorOf(req);
  const m = messagesFor(req, config);
  const ctx = await newsroomContext(req, { config });
  let canEdit = mayEdit(actor, { status: a.status, authorId: a.authorId });
  let heldBy: { name: string; since: number } | null = null;
  let reviewStartedBy = a.reviewStartedBy;
  if (canEdit) {
    const lock = await acquireLock(db.kysely, a.id, actor.userId);
    if (!lock.held) {
      canEdit = false;
      const user = await getStaffUser(db, lock.holder.userId);
      heldBy = { name: user?.name ?? `#${lock.holder.userId}`, since: lock.holder.acquiredAt };
    } else if (a.status === 'submitted' && a.authorId !== actor.userId) {
      // An editor opened the submission: the review has started.
      await markReviewStarted(db.kysely, a.id, actor.userId);
      reviewStartedBy ??= actor.userId;
    }
  }
  const state = { status: a.status, authorId: a.authorId, reviewStartedBy };
  const e = a.edit;
  const imageIds = e.body.flatMap((b) => (b.type === 'image' ? [b.mediaId] : []));
  const mediaIds = e.featured.mediaId == null ? imageIds : [...imageIds, e.featured.mediaId];
  const media = new Map(
    (await getMediaMany(db.kysely, mediaIds)).map((item) => [item.id, pickerItem(item)]),
  );
  const featuredItem = e.featured.mediaId == null ? undefined : media.get(e.featured.mediaId);
  const [sections, pins, bundle, placed] = await Promise.all([
    sectionChoices(db),
    publishedHeadlines(db, e.pins, Date.now()),
    editorBundle(),
    articleHeadlines(
      db,
      e.body.flatMap((b) => (b.type === 'related' ? [b.articleId] : [])),
    ),
  ]);
  const section = sections.find((x) => x.id === e.sectionId);
  const values = opts.values ?? valuesOf(a);
  const wireNotice = await wireUpdateFor(db, a.id);
  const loginNext = `/newsroom/artikel/${a.id}`;
  const editorData = jsonForScript({
    id: a.id,
    version: a.version,
    canEdit,
    heldByOther: heldBy !== null,
    doc: blocksToDoc(
      e.body,
      (id) => media.get(id)?.previewUrl ?? '',
      (id) => placed.get(id) ?? `#${id}`,
    ),
    strings: editorStrings(m),
    csrf: ctx.csrf,
    heartbeatMs: HEARTBEAT_MS,
    autosaveMs: 4000,
    serverUpdatedAt: a.updatedAt,
    featured: featuredItem ? { id: featuredItem.id, previewUrl: featuredItem.previewUrl } : null,
    pins,
    urls: {
      save: `/newsroom/artikel/${a.id}`,
      autosave: `/newsroom/artikel/${a.id}/autosave`,
      lock: `/newsroom/artikel/${a.id}/kunci`,
      media: '/newsroom/media?format=json',
      tags: '/newsroom/artikel/saran/tag',
      people: '/newsroom/artikel/saran/orang',
      articles: '/newsroom/artikel/saran/artikel',
      login: `/newsroom/masuk?next=${encodeURIComponent(loginNext)}`,
    },
  });
  const html = renderDocument(
    EditPage({
      ctx,
      m,
      p: {
        article: a,
        values,
        errors: opts.errors ?? {},
        sections,
        canEdit,
        actions: availableActions(state, actor),
        heldBy,
        pins,
        featured: featuredItem ?? null,
        liveUrl:
          a.status === 'published' && section ? articleUrl(section.slug, a.id, e.slug) : null,
        notice: opts.notice ?? null,
        lead: {
          may: can(actor.role, 'home.lead'),
          is: (await homeLeadId(db.kysely)) === a.id,
        },
        scheduleValue: toLocalInput(a.scheduledAt ?? Date.now() + 3_600_000, config.timeZone),
        editorData,
        editorScript: bundle.url,
        wireBanner: wireNotice ? WireUpdateBanner({ ctx, notice: wireNotice }) : null,
      },
    }),
  );
  return reply
    .code(opts.status ?? 200)
    .type('text/html; charset=utf-8')
    .send(html);
}
