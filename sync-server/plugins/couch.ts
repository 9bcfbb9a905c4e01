import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ServerScope } from 'nano';
import { couchAs } from '../../couch/client';
import type { Account } from '../../couch/setup/credentials';

export interface CouchOptions {
  url: string;
  admin: Account;
  sync: Account;
}

export interface Couch {
  /** CouchDB base URL without credentials. */
  url: string;
  /** The sync-server's own account: the only writer of the catalog and bookings. */
  sync: ServerScope;
  /** The CouchDB admin: used only to manage accounts in `_users`. */
  admin: ServerScope;
}

declare module 'fastify' {
  interface FastifyInstance {
    couch: Couch;
  }
}

export const couchClients = (options: CouchOptions): Couch => ({
  url: options.url,
  sync: couchAs(options.url, options.sync),
  admin: couchAs(options.url, options.admin),
});

export default fp(async function couch(app: FastifyInstance, options: CouchOptions) {
  app.decorate('couch', couchClients(options));
});
