import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileDesignDocs } from '../../../design-docs/compile';
import { buildTestApp, type TestApp } from '../../helpers/build-app';
import { startEmbeddedCouch } from '../../../couch/embedded';
import { canStartServers, startTestCouch } from '../../helpers/test-couch';

describe('GET /api/health', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  it('reports CouchDB reachable and every deployed design-doc version', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    const expected = Object.fromEntries(
      Object.entries(compileDesignDocs()).map(([db, ddocs]) => [db, Object.fromEntries(ddocs.map((d) => [d._id, d.version]))]),
    );
    expect(response.json()).toEqual({ status: 'ok', couch: { reachable: true }, designDocs: expected });
  });
});

// With one given COUCH_URL there is no server of our own to stop.
describe.skipIf(!canStartServers())('GET /api/health while CouchDB is down', () => {
  it('answers 503, then 200 again once the server is back', async () => {
    const couch = await startTestCouch();
    const app = await buildTestApp({}, couch);
    const { node, embedded } = couch;
    if (node) await node.stop();
    else await embedded!.stop();
    const down = await app.inject({ method: 'GET', url: '/api/health' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ error: 'unavailable', couch: { reachable: false } });
    expect(down.headers['retry-after']).toBe('2');
    const port = Number(new URL(couch.url).port);
    const again = node ? await node.start() : await startEmbeddedCouch({ dataDir: couch.dataDir, admin: couch.admin, port });
    const up = await app.inject({ method: 'GET', url: '/api/health' });
    expect(up.statusCode).toBe(200);
    await app.close();
    await again?.stop();
    await couch.stop();
  });
});
