import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { searchPublishedHeadlines, suggestPeople, suggestTags } from '../../content/staff-reads.ts';
import { AppError } from '../../lib/errors.ts';
import { sendAsset } from '../../lib/static-assets.ts';
import { requireStaff } from '../auth.ts';
import { editorBundle } from './bundle.ts';
import type { ArticleRouteDeps } from './route-helpers.ts';
import { editorFileParams, suggestParams, suggestQuery, suggestResponse } from './schemas.ts';

/** The small JSON lookups behind the editor's autocomplete, and the editor script itself. */
export function registerApiRoutes(app: FastifyInstance, deps: ArticleRouteDeps): void {
  const { db } = deps;
  // Start bundling now so the first editor page rarely waits.
  editorBundle().catch(() => {});

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/newsroom/artikel/saran/:kind',
    {
      preValidation: requireStaff('article.create'),
      schema: {
        params: suggestParams,
        querystring: suggestQuery,
        response: { 200: suggestResponse },
      },
    },
    async (req, reply) => {
      const { kind } = req.params;
      const q = (req.query.q ?? '').trim().slice(0, 100);
      reply.header('cache-control', 'no-store');
      if (kind === 'tag') return q ? suggestTags(db, q) : [];
      if (kind === 'orang') return q ? suggestPeople(db, q) : [];
      if (kind === 'artikel') return q ? searchPublishedHeadlines(db, q, Date.now()) : [];
      throw new AppError('NOT_FOUND');
    },
  );

  r.get(
    '/static/newsroom-editor/:file',
    { schema: { params: editorFileParams } },
    async (req, reply) => {
      const bundle = await editorBundle();
      const { file } = req.params;
      if (`/static/newsroom-editor/${file}` !== bundle.url) throw new AppError('NOT_FOUND');
      return sendAsset(req, reply, bundle);
    },
  );
}
