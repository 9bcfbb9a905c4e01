import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ROLES, type Role } from '../../domain/databases';
import { CouchUnavailable } from '../../couch/client/unavailable';
import { HttpError } from '../http-error';

export const SESSION_COOKIE = 'AuthSession';

export interface SessionUser {
  /** The CouchDB user name: an email address for people, a plain name for service accounts. */
  name: string;
  roles: string[];
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Resolved from the CouchDB session cookie or basic auth; null when anonymous. */
    user: SessionUser | null;
  }
}

interface CachedSession {
  user: SessionUser | null;
  until: number;
}

const CACHE_MS = 5_000;
const CACHE_MAX = 10_000;

/** The credentials CouchDB should see for this request: the session cookie, else basic auth. */
export function couchCredentials(request: FastifyRequest): Record<string, string> {
  const cookie = request.cookies[SESSION_COOKIE];
  if (cookie) return { cookie: `${SESSION_COOKIE}=${cookie}` };
  const authorization = request.headers.authorization;
  return authorization?.startsWith('Basic ') ? { authorization } : {};
}

/** CouchDB's answer, uncached: the account these credentials name, or null when they name none. */
export async function whoIs(couchUrl: string, credentials: Record<string, string>): Promise<SessionUser | null> {
  const response = await fetch(`${couchUrl}/_session`, { headers: credentials });
  if (response.status >= 500) throw new CouchUnavailable();
  const body = response.ok ? ((await response.json()) as { userCtx: { name: string | null; roles: string[] } }) : null;
  return body?.userCtx.name ? { name: body.userCtx.name, roles: body.userCtx.roles } : null;
}

/**
 * Asks CouchDB who the caller is (GET /_session), so CouchDB stays the authority on accounts.
 * Cookie answers are cached for a few seconds to keep replication traffic cheap; basic-auth answers
 * are not, so that a revoked service account is refused at once.
 */
export default fp(async function session(app: FastifyInstance) {
  const cache = new Map<string, CachedSession>();

  async function lookUp(credentials: Record<string, string>): Promise<SessionUser | null> {
    const key = credentials.cookie;
    if (!key) return whoIs(app.couch.url, credentials);
    const hit = cache.get(key);
    if (hit && hit.until > Date.now()) return hit.user;
    const user = await whoIs(app.couch.url, credentials);
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(key, { user, until: Date.now() + CACHE_MS });
    return user;
  }

  app.decorateRequest('user', null);
  app.decorate('forgetSession', (cookie: string) => cache.delete(`${SESSION_COOKIE}=${cookie}`));
  app.addHook('onRequest', async (request) => {
    const credentials = couchCredentials(request);
    if (Object.keys(credentials).length) request.user = await lookUp(credentials);
  });
});

declare module 'fastify' {
  interface FastifyInstance {
    forgetSession(cookie: string): void;
  }
}

export const hasRole = (user: SessionUser | null, role: Role): boolean => !!user && user.roles.includes(role);

/** preHandler: 401 unless logged in. */
export async function requireUser(request: FastifyRequest): Promise<void> {
  if (!request.user) throw new HttpError(401, 'unauthorized', 'Please log in first.');
}

/** preHandler factory: 401 when anonymous, 403 without the role. */
export const requireRole = (role: Role) =>
  async function (request: FastifyRequest): Promise<void> {
    await requireUser(request);
    if (!hasRole(request.user, role)) {
      throw new HttpError(403, 'forbidden', role === ROLES.instructor ? 'Only the instructor can do this.' : `This needs the ${role} role.`);
    }
  };
