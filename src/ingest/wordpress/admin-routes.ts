import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import { NEWSROOM, requireStaff } from '../../newsroom/auth-shared.ts';
import { sendPage } from '../../newsroom/login-routes.ts';
import { newsroomContext } from '../../newsroom/views/layout.tsx';
import { type ImportRunView, ImportsPage } from './admin-page.tsx';
import { type Counts, emptyCounts, type ReportEntry } from './report.ts';

/** The newest imports first; a site moves in once or a few times, so one page is enough. */
const SHOWN = 50;

/** Past imports with their counts and reports, newest first (dry runs are not recorded). */
export async function listImportRuns(db: Db): Promise<ImportRunView[]> {
  const rows = await db.kysely
    .selectFrom('wp_import_runs')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(SHOWN)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    site: r.site,
    fileName: r.file_name,
    status: r.status,
    dryRun: r.dry_run === 1,
    counts: { ...emptyCounts(), ...(JSON.parse(r.counts) as Partial<Counts>) },
    entries: JSON.parse(r.report) as ReportEntry[],
    error: r.error,
    startedAt: Number(r.started_at),
    finishedAt: r.finished_at == null ? null : Number(r.finished_at),
  }));
}

/**
 * `GET /newsroom/impor`: the admin page of WordPress imports. Imports run
 * from the command line (they read server files); the page only reads, so it
 * needs no form and no CSRF token. Admins only (the audit permission).
 */
export function registerWordpressImportRoutes(
  app: FastifyInstance,
  deps: { config: Config; db: Db },
): void {
  app.get(
    `${NEWSROOM}/impor`,
    { preValidation: requireStaff('audit.view') },
    async (req, reply) => {
      const ctx = await newsroomContext(req, { config: deps.config });
      return sendPage(reply, ImportsPage({ ctx, runs: await listImportRuns(deps.db) }));
    },
  );
}
