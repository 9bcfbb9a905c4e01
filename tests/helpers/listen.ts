import type { AppOptions } from '../../sync-server/app';
import { buildTestApp, type TestApp } from './build-app';
import type { TestCouch } from './test-couch';

/** The real app on a free loopback port, for clients that speak HTTP (PouchDB, browsers). */
export async function listenTestApp(overrides: Partial<AppOptions> = {}, couch?: TestCouch): Promise<{ app: TestApp; baseUrl: string }> {
  const app = await buildTestApp(overrides, couch);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, baseUrl: address };
}
