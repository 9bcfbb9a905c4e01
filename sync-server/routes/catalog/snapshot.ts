import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { catalogSeq, readCatalogSnapshot } from '../../catalog/snapshot';

const compressBrotli = promisify(brotliCompress);
const compressGzip = promisify(gzip);

interface Encoded {
  seq: number | string;
  etag: string;
  br: Buffer;
  gzip: Buffer;
  identity: Buffer;
}

/** Brotli at a middle quality: most of the size win of 11 at a fraction of the time. */
const BROTLI_QUALITY = 5;
/** A cached copy a minute old is still a valid start: replication brings the changes since its `seq`. */
const MAX_AGE_SECONDS = 60;

async function encode(app: FastifyInstance): Promise<Encoded> {
  const snapshot = await readCatalogSnapshot(app.couch);
  const json = JSON.stringify(snapshot);
  const identity = Buffer.from(json);
  const [br, gz] = await Promise.all([
    compressBrotli(json, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
    compressGzip(json),
  ]);
  const etag = `"${createHash('sha256').update(String(snapshot.seq)).digest('base64url').slice(0, 22)}"`;
  return { seq: snapshot.seq, etag, br, gzip: gz, identity };
}

const pickEncoding = (request: FastifyRequest): 'br' | 'gzip' | 'identity' => {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return 'identity';
};

/**
 * GET /api/catalog/snapshot (public): the whole public catalog at one sequence, compressed, so a new
 * device loads it in one response instead of thousands of replication round trips. Built once per
 * catalog sequence and shared by every device. A snapshot behind the catalog is still a correct
 * start (replication brings the changes since its `seq`), so once one exists devices get it at once
 * while a newer one is built in the background. With `warm`, the first is built when the server starts.
 */
export default async function catalogSnapshotRoutes(app: FastifyInstance, options: { warm?: boolean }) {
  let ready: Encoded | undefined;
  let building: Promise<Encoded> | undefined;

  const rebuild = (): Promise<Encoded> => {
    building ??= encode(app)
      .then((encoded) => (ready = encoded))
      .finally(() => (building = undefined));
    return building;
  };

  const latest = async (): Promise<Encoded> => {
    if (!ready) return rebuild();
    if (String(await catalogSeq(app.couch)) !== String(ready.seq)) rebuild().catch((error: unknown) => app.log.warn({ err: error }, 'catalog snapshot rebuild failed'));
    return ready;
  };

  if (options.warm) {
    app.addHook('onReady', async () => {
      rebuild().catch((error: unknown) => app.log.warn({ err: error }, 'catalog snapshot warm-up failed'));
    });
  }

  app.get('/catalog/snapshot', async (request: FastifyRequest, reply: FastifyReply) => {
    const encoded = await latest();
    reply.header('Cache-Control', `public, max-age=${MAX_AGE_SECONDS}`).header('ETag', encoded.etag).header('Vary', 'Accept-Encoding');
    if (request.headers['if-none-match'] === encoded.etag) return reply.status(304).send();
    const encoding = pickEncoding(request);
    if (encoding !== 'identity') reply.header('Content-Encoding', encoding);
    return reply.type('application/json; charset=utf-8').send(encoded[encoding]);
  });
}
