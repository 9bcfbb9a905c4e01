import { afterAll, beforeAll, expect, it } from 'vitest';
import { DB } from '../../../domain/databases';
import { listenTestApp } from '../../helpers/listen';
import { memoryPouch, remotePouch } from '../../helpers/node-pouch';
import { startTestCouch } from '../../helpers/test-couch';

let couch: Awaited<ReturnType<typeof startTestCouch>>;
let stack: Awaited<ReturnType<typeof listenTestApp>>;
beforeAll(async () => {
  couch = await startTestCouch();
  stack = await listenTestApp({}, couch);
});
afterAll(async () => {
  await stack.app.close();
  await couch.stop();
});

/** Each of these kills pouchdb-server 4.2.0 outright when it reaches it (DESIGN.md). */
const killers: [string, string][] = [
  ['PUT', '/db/newdb'],
  ['PUT', `/db/${DB.catalog}`],
  ['GET', `/db/${DB.catalog}/_changes?filter=nothing/here`],
  ['GET', `/db/${DB.catalog}/_changes?filter=_view&view=catalog/sessions_by_start`],
  ['POST', `/db/${DB.catalog}/_changes?filter=_selector`],
  ['GET', `/db/${DB.catalog}/_changes?filter=_design`],
];

it('never forwards the requests that crash the embedded server, and everything still works afterwards', async () => {
  for (const [method, path] of killers) {
    const response = await fetch(`${stack.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: method === 'GET' ? undefined : JSON.stringify({ selector: { type: 'session' } }),
    });
    expect([403, 404], `${method} ${path}`).toContain(response.status);
    expect(await response.json()).toHaveProperty('message');
  }
  if (couch.embedded) expect(couch.embedded.restarts()).toBe(0);
  expect((await fetch(`${stack.baseUrl}/api/health`)).status).toBe(200);
  const local = memoryPouch();
  const result = await local.replicate.from(remotePouch(stack.baseUrl, DB.catalog));
  expect(result.ok).toBe(true);
});
