import type { FastifyInstance } from 'fastify';
import { projectDesignDocs } from '../../design-docs/compile';
import { RETRY_AFTER_SECONDS } from '../plugins/errors';

/** GET /api/health: CouchDB reachability and the design-doc versions it holds. */
export default async function healthRoutes(app: FastifyInstance) {
  const byDb = Object.fromEntries(Object.entries(projectDesignDocs()).map(([db, ddocs]) => [db, ddocs.map((ddoc) => ddoc._id)]));

  app.get('/health', async (_request, reply) => {
    try {
      // One read per database, all at once: a health probe must stay fast while the server is busy.
      const designDocs: Record<string, Record<string, string | null>> = {};
      await Promise.all(
        Object.entries(byDb).map(async ([db, ids]) => {
          const { rows } = await app.couch.sync.use(db).fetch({ keys: ids });
          designDocs[db] = Object.fromEntries(rows.map((row) => [row.key, 'doc' in row ? ((row.doc as { version?: string } | null)?.version ?? null) : null]));
        }),
      );
      return { status: 'ok', couch: { reachable: true }, designDocs };
    } catch {
      return reply.status(503).header('retry-after', String(RETRY_AFTER_SECONDS)).send({
        error: 'unavailable',
        message: 'The database is not reachable right now.',
        couch: { reachable: false },
      });
    }
  });
}
