import type { FastifyServerOptions } from 'fastify';

/** Request logs never carry credentials: cookies, basic auth, or the session cookie CouchDB sets. */
export const serverLogger = (level: string): Exclude<FastifyServerOptions['logger'], boolean | undefined> => ({
  level,
  redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
});
