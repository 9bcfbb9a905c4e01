import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { DB } from '../../domain/databases';
import { SharedFeed } from '../feeds/shared-feed';

export interface SharedFeeds {
  catalog: SharedFeed;
  bookings: SharedFeed;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** One upstream changes feed per database for everything in this process that follows it. */
    feeds: SharedFeeds;
  }
}

export default fp(async function sharedFeeds(app: FastifyInstance) {
  const log = (db: string) => (error: unknown) => app.log.warn({ err: error, db }, 'shared changes feed failed; retrying');
  const feeds: SharedFeeds = {
    catalog: new SharedFeed(app.couch.sync, DB.catalog, log(DB.catalog)),
    bookings: new SharedFeed(app.couch.sync, DB.bookings, log(DB.bookings)),
  };
  app.decorate('feeds', feeds);
  app.addHook('onClose', async () => {
    await Promise.all([feeds.catalog.close(), feeds.bookings.close()]);
  });
});
