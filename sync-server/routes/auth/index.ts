import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CouchUnavailable } from '../../../couch/client/unavailable';
import { ROLES } from '../../../domain/databases';
import { loginRequest, signupRequest, type PublicUser } from '../../../domain/schemas/auth';
import { LoginThrottle } from '../../accounts/login-throttle';
import type { ContactNames } from '../../accounts/contact-names';
import { createUser, findUser } from '../../accounts/users';
import { HttpError, parseInput } from '../../http-error';
import { SESSION_COOKIE, requireUser } from '../../plugins/session';

export interface AuthRouteOptions {
  names: ContactNames;
  loginRateLimitPerMinute: number;
  loginFailuresPerAccount: number;
}

const SESSION_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;

const invalidCredentials = () =>
  new HttpError(401, 'invalid_credentials', 'That email and password do not match an account.');

/** Opens a CouchDB session; returns the AuthSession cookie value, or null for bad credentials. */
async function openCouchSession(couchUrl: string, name: string, password: string): Promise<string | null> {
  const response = await fetch(`${couchUrl}/_session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  if (response.status === 401) return null;
  if (!response.ok) throw new CouchUnavailable();
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith(`${SESSION_COOKIE}=`));
  return cookie?.split(';')[0]?.slice(SESSION_COOKIE.length + 1) ?? null;
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, value: string): void {
  reply.setCookie(SESSION_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

export default async function authRoutes(app: FastifyInstance, options: AuthRouteOptions) {
  const throttle = new LoginThrottle(options.loginFailuresPerAccount);
  await app.register(rateLimit, { global: false });

  async function startSession(request: FastifyRequest, reply: FastifyReply, email: string, password: string): Promise<PublicUser> {
    const cookie = await openCouchSession(app.couch.url, email, password);
    if (!cookie) throw invalidCredentials();
    const user = await findUser(app.couch.admin, email);
    if (!user) throw invalidCredentials();
    options.names.remember(user.email, user.name);
    setSessionCookie(request, reply, cookie);
    return user;
  }

  app.post('/signup', async (request, reply) => {
    const { email, password, name } = parseInput(signupRequest, request.body);
    const created = await createUser(app.couch.admin, { name: email, password, roles: [ROLES.customer], fullName: name });
    if (!created) throw new HttpError(409, 'email_taken', 'An account with this email already exists. Log in instead.');
    const user = await startSession(request, reply, email, password);
    return reply.status(201).send({ user });
  });

  app.post(
    '/login',
    {
      config: {
        rateLimit: {
          max: options.loginRateLimitPerMinute,
          timeWindow: '1 minute',
          errorResponseBuilder: (_request, context) =>
            new HttpError(429, 'too_many_attempts', `Too many log-in attempts from this address. Try again in ${context.after}.`),
        },
      },
    },
    async (request, reply) => {
      const { email, password } = parseInput(loginRequest, request.body);
      if (throttle.isLocked(request.ip, email)) {
        throw new HttpError(429, 'too_many_attempts', 'Too many failed log-ins for this account from this address. Try again in 15 minutes.');
      }
      try {
        const user = await startSession(request, reply, email, password);
        throttle.succeed(request.ip, email);
        return { user };
      } catch (error) {
        if (error instanceof HttpError && error.code === 'invalid_credentials') throttle.fail(request.ip, email);
        throw error;
      }
    },
  );

  app.post('/logout', async (request, reply) => {
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) app.forgetSession(cookie);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/me', { preHandler: requireUser }, async (request) => {
    const user = await findUser(app.couch.admin, request.user!.name);
    if (!user) throw new HttpError(401, 'unauthorized', 'Please log in first.');
    options.names.remember(user.email, user.name);
    return { user };
  });
}
