import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The app, the API and /db are one origin and load nothing from anywhere else, so the policy is
 * 'self' throughout with no inline code and no eval (index.html's one early script is a file). React
 * and the calendar set styles through the DOM, which style-src does not restrict.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Security headers on every response, pages, API answers, proxied /db replies and errors alike. */
export default fp(async function securityHeaders(app: FastifyInstance) {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    // The secret calendar-feed URLs and session ids in paths must not leak to other sites.
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  // Proxied /db answers would otherwise name the database server's framework.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.removeHeader('x-powered-by');
    return payload;
  });
});
