import { afterAll, beforeAll, expect, it } from 'vitest';
import { couchAs } from '../../../couch/client';
import { DB } from '../../../domain/databases';
import { listenTestApp } from '../../helpers/listen';
import { memoryPouch, remotePouch } from '../../helpers/node-pouch';
import { startTestCouch } from '../../helpers/test-couch';
import { json } from './callers';

let couch: Awaited<ReturnType<typeof startTestCouch>>;
let stack: Awaited<ReturnType<typeof listenTestApp>>;
let rev: string;
const id = 'course:crash-probe';
const unknownRev = `1-${'a'.repeat(32)}`;
beforeAll(async () => {
  couch = await startTestCouch();
  stack = await listenTestApp({}, couch);
  ({ rev } = await couchAs(couch.url, couch.sync).use(DB.catalog).insert({ _id: id, type: 'course', title: 'Crash probe' } as never));
});
afterAll(async () => {
  await stack.app.close();
  await couch.stop();
});

// Apache CouchDB does not die of these requests, but the gateway must refuse them there too.
const restarts = () => couch.embedded?.restarts() ?? 0;

const send = (path: string, init: RequestInit = {}) => fetch(`${stack.baseUrl}/db/${DB.catalog}${path}`, init);
const openRevs = (revs: string[] | string, extra = '') =>
  `/${encodeURIComponent(id)}?revs=true&open_revs=${encodeURIComponent(typeof revs === 'string' ? revs : JSON.stringify(revs))}${extra}`;

// Issue 11, found 3: single anonymous requests killed the embedded server. These are the ones
// found, and more of the same class: any parameter or body not parsed is refused at the door.
const refused: [string, string, RequestInit?][] = [
  ['_doc_ids filter without doc_ids', '/_changes?filter=_doc_ids'],
  ['_doc_ids filter with an empty list', `/_changes?filter=_doc_ids&doc_ids=${encodeURIComponent('[]')}`],
  ['_doc_ids filter with a body that is not a list', '/_changes?filter=_doc_ids', json('POST', { doc_ids: 'course:x' })],
  ['_revs_diff with a value that is not a list', '/_revs_diff', json('POST', { [id]: '1-x' })],
  ['_revs_diff with malformed revisions', '/_revs_diff', json('POST', { [id]: ['1-x'] })],
  ['open_revs with a malformed revision and latest', openRevs(['1-x'], '&latest=true')],
  ['open_revs that is not JSON', openRevs('1-x', '&latest=true')],
  ['rev with latest', `/${encodeURIComponent(id)}?rev=${unknownRev}&latest=true`],
  ['_bulk_get with a malformed revision', '/_bulk_get?latest=true', json('POST', { docs: [{ id, rev: '1-x' }] })],
  ['_changes with a parameter it does not know', '/_changes?filter=_view&view=catalog/sessions_by_start'],
  ['_changes with a _selector filter', '/_changes?filter=_selector', json('POST', { selector: { type: 'session' } })],
  ['_changes with a limit that is not a number', '/_changes?limit=lots'],
];

it('refuses each request of the crashing class with JSON 400/403, and the embedded server never restarts', async () => {
  for (const [what, path, init] of refused) {
    const response = await send(path, init);
    expect([400, 403], what).toContain(response.status);
    expect(await response.json(), what).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    expect(restarts(), what).toBe(0);
  }
});

it('answers latest=true for revisions the server never saw as missing, without passing them to it', async () => {
  const single = await send(openRevs([unknownRev, rev], '&latest=true'));
  expect(single.status).toBe(200);
  expect(await single.json()).toEqual(expect.arrayContaining([{ missing: unknownRev }, { ok: expect.objectContaining({ _id: id, _rev: rev }) }]));
  const bulk = await send('/_bulk_get?revs=true&latest=true', json('POST', { docs: [{ id, rev: unknownRev }, { id, rev }, { id: 'course:nowhere', rev: unknownRev }] }));
  expect(bulk.status).toBe(200);
  const { results } = (await bulk.json()) as { results: { id: string; docs: Record<string, unknown>[] }[] };
  expect(results.map((result) => result.id)).toEqual([id, id, 'course:nowhere']);
  expect(results[0]!.docs[0]).toMatchObject({ error: { id, rev: unknownRev, error: 'not_found' } });
  expect(results[1]!.docs[0]).toMatchObject({ ok: { _id: id, _rev: rev } });
  expect(results[2]!.docs[0]).toMatchObject({ error: { error: 'not_found' } });
  expect(restarts()).toBe(0);
});

it('still replicates the catalog afterwards, with no restart', async () => {
  const local = memoryPouch();
  const result = await local.replicate.from(remotePouch(stack.baseUrl, DB.catalog));
  expect(result.ok).toBe(true);
  expect(await local.get(id)).toMatchObject({ title: 'Crash probe' });
  expect(restarts()).toBe(0);
});
