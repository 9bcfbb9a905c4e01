import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { basename } from 'node:path';
import { sendNotFound } from '../plugins/errors';

const NEVER_CACHED = new Set(['index.html', 'shell-route.js', 'sw.js', 'registerSW.js', 'manifest.webmanifest']);

/** Serves the built PWA: hashed assets are immutable, the shell and the service worker are never cached. */
export default fp(async function pwaRoutes(app: FastifyInstance, options: { root: string }) {
  await app.register(fastifyStatic, {
    root: options.root,
    wildcard: false,
    cacheControl: false,
    // The build writes .br and .gz beside each text file (app/build/precompress.ts).
    preCompressed: true,
    setHeaders: (res, path) => {
      const file = basename(path);
      if (NEVER_CACHED.has(file)) res.setHeader('Cache-Control', 'no-cache');
      else if (path.includes('/assets/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      else res.setHeader('Cache-Control', 'public, max-age=3600');
    },
  });

  app.setNotFoundHandler((request, reply) => {
    const isAppPath = !/^\/(api|db)(\/|$)/.test(request.url);
    const wantsPage = request.method === 'GET' && isAppPath && (request.headers.accept ?? '').includes('text/html');
    if (wantsPage) return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    return sendNotFound(request, reply);
  });
});
