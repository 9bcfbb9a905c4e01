import type { FastifyInstance } from 'fastify';
import { compileDesignDocs } from '../../design-docs/compile';
import { RETRY_AFTER_SECONDS } from '../plugins/errors';

/** GET /api/health: CouchDB reachability and the design-doc versions it holds. */
export default async function healthRoutes(app: FastifyInstance) {
  const expected = Object.entries(compileDesignDocs()).flatMap(([db, ddocs]) => ddocs.map((ddoc) => ({ db, id: ddoc._id })));

  app.get('/health', async (_request, reply) => {
    try {
      const designDocs: Record<string, Record<string, string | null>> = {};
      for (const { db, id } of expected) {
        const doc = (await app.couch.sync.use(db).get(id).catch((error: { statusCode?: number }) => {
          if (error.statusCode === 404) return null;
          throw error;
        })) as { version?: string } | null;
        (designDocs[db] ??= {})[id] = doc?.version ?? null;
      }
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
