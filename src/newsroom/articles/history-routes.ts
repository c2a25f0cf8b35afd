import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { revisionRestorer } from '../../content/commands/restore-revision.ts';
import type { ArticleEdit } from '../../content/editable.ts';
import { type DiffNames, diffSnapshots, referencedIds } from '../../content/revision-diff.ts';
import { getRevision, listRevisions } from '../../content/revision-history.ts';
import { articleHeadlines } from '../../content/staff-reads.ts';
import { AppError } from '../../lib/errors.ts';
import { getMediaMany } from '../../media/library.ts';
import { loadAssets } from '../../site/assets.ts';
import { renderDocument } from '../../site/render.tsx';
import { ipHashOf } from '../auth.ts';
import { getStaffUser } from '../users.ts';
import { newsroomContext } from '../views/layout.tsx';
import type { ArticleMessages } from './messages.ts';
import { renderPreview } from './preview.ts';
import { sectionChoices, workflowSteps } from './queries.ts';
import {
  type ArticleRouteDeps,
  articleForActor,
  idParam,
  jsonOrRedirect,
  mayEditArticle,
  messagesFor,
  writerRoute,
} from './route-helpers.ts';
import { articleParams, historyQuery, restoreBody, revisionParams } from './schemas.ts';
import { HistoryPage } from './views/history-view.tsx';

/** Revision history (list, readable diff, restore) and the server-rendered preview. */
export function registerHistoryRoutes(app: FastifyInstance, deps: ArticleRouteDeps): void {
  const { db, config } = deps;
  const siteAssets = loadAssets();
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** Headlines, captions and section names for the ids two snapshots mention. */
  const diffNames = async (m: ArticleMessages, ...edits: ArticleEdit[]): Promise<DiffNames> => {
    const ids = referencedIds(...edits);
    const [headlines, media, sections] = await Promise.all([
      articleHeadlines(db, ids.articles),
      getMediaMany(db.kysely, ids.media),
      sectionChoices(db),
    ]);
    const captions = new Map(media.map((x) => [x.id, x.caption]));
    return {
      headline: (id) => headlines.get(id),
      caption: (id) => captions.get(id),
      section: (id) => sections.find((x) => x.id === id)?.name,
      labels: {
        readAlso: m.fieldNames.pins ?? 'Baca juga',
        featured: m.fieldNames.featuredImage ?? 'Foto utama',
        photo: m.history.photo,
      },
    };
  };

  r.get(
    '/newsroom/artikel/:id/riwayat',
    writerRoute({ params: articleParams, querystring: historyQuery }),
    async (req, reply) => {
      const { actor, id, article: a } = await articleForActor(db, req, req.params.id);
      const m = messagesFor(req, config);
      const revs = await listRevisions(db.kysely, id);
      const names = new Map<number, string>();
      for (const r of revs) {
        if (r.authorId != null && !names.has(r.authorId)) {
          names.set(r.authorId, (await getStaffUser(db, r.authorId))?.name ?? `#${r.authorId}`);
        }
      }
      const q = req.query;
      const wanted =
        typeof q.rev === 'string' && /^[1-9]\d{0,9}$/.test(q.rev) ? Number(q.rev) : revs[0]?.id;
      const index = revs.findIndex((r) => r.id === wanted);
      if (q.rev !== undefined && index < 0) throw new AppError('NOT_FOUND');
      let selected = null;
      const current = revs[index];
      if (current) {
        const older = revs[index + 1];
        const [cur, prev] = await Promise.all([
          getRevision(db.kysely, id, current.id),
          older ? getRevision(db.kysely, id, older.id) : undefined,
        ]);
        selected = {
          revision: current,
          previousVersion: older?.version ?? null,
          diff:
            cur && prev
              ? diffSnapshots(
                  prev.snapshot,
                  cur.snapshot,
                  await diffNames(m, cur.snapshot, prev.snapshot),
                )
              : [],
        };
      }
      const steps = await workflowSteps(db, id);
      const ctx = await newsroomContext(req, { config });
      return reply.type('text/html; charset=utf-8').send(
        renderDocument(
          HistoryPage({
            ctx,
            m,
            p: {
              articleId: id,
              headline: a.edit.headline,
              version: a.version,
              canRestore: mayEditArticle(actor, a),
              revisions: revs.map((r) => ({
                ...r,
                authorName: r.authorId == null ? '' : (names.get(r.authorId) ?? ''),
              })),
              selected,
              steps,
              notice: q.restored === '1' ? m.history.restored : null,
            },
          }),
        ),
      );
    },
  );

  r.post(
    '/newsroom/artikel/:id/riwayat/:rev/pulihkan',
    writerRoute({ params: revisionParams, body: restoreBody }),
    async (req, reply) => {
      const revisionId = idParam(req.params.rev);
      const { actor, id } = await articleForActor(db, req, req.params.id);
      const raw = req.body.version;
      const version = typeof raw === 'string' && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
      if (version === null) throw new AppError('BAD_REQUEST');
      const saved = await revisionRestorer({
        db,
        events: deps.events,
        actor,
        articleId: id,
        revisionId,
        expectedVersion: version,
        ipHash: ipHashOf(req, config),
      });
      return jsonOrRedirect(req, reply, saved, `/newsroom/artikel/${id}/riwayat?restored=1`);
    },
  );

  r.get(
    '/newsroom/artikel/:id/pratinjau',
    writerRoute({ params: articleParams }),
    async (req, reply) => {
      const { article: a } = await articleForActor(db, req, req.params.id);
      const html = await renderPreview(config, db, siteAssets, a);
      return reply.header('x-robots-tag', 'noindex').type('text/html; charset=utf-8').send(html);
    },
  );
}
