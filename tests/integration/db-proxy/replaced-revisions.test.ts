import { expect, inject, it } from 'vitest';
import { basicAuth, couchAs } from '../../../couch/client';
import { DB } from '../../../domain/databases';
import { json, useGatewayCallers } from '../security/callers';

const gateway = useGatewayCallers();
const couch = inject('couch');
const catalog = () => couchAs(couch.url, couch.sync).use<{ title: string }>(DB.catalog);

/** A course written, then replaced: what a session's seat ledger goes through at every booking. */
async function replacedCourse(): Promise<{ id: string; first: string; second: string }> {
  const id = `course:replaced-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const first = await catalog().insert({ _id: id, type: 'course', title: 'Before' } as never);
  const second = await catalog().insert({ _id: id, _rev: first.rev, type: 'course', title: 'After' } as never);
  return { id, first: first.rev, second: second.rev };
}

// A replicator reads a change, then asks for that revision with latest=true; a booking may have
// replaced it in between (and the embedded server drops a replaced revision's body at once).
it('answers a replaced revision asked for with latest=true with the document as it is now', async () => {
  const { id, first, second } = await replacedCourse();
  const response = await fetch(`${gateway.baseUrl}/db/${DB.catalog}/_bulk_get?revs=true&latest=true`, json('POST', { docs: [{ id, rev: first }] }, gateway.headers.service));
  expect(response.status).toBe(200);
  const { results } = (await response.json()) as { results: { docs: { ok?: { _rev: string; title: string } }[] }[] };
  expect(results.map((result) => result.docs.map((doc) => doc.ok && { _rev: doc.ok._rev, title: doc.ok.title }))).toEqual([[{ _rev: second, title: 'After' }]]);
});

it('knows a replaced revision: _revs_diff lists only revisions the document never had', async () => {
  const { id, first, second } = await replacedCourse();
  const never = `2-${'e'.repeat(32)}`;
  const response = await fetch(`${couch.url}/${DB.catalog}/_revs_diff`, json('POST', { [id]: [first, second, never] }, { authorization: basicAuth(couch.admin) }));
  const diff = (await response.json()) as Record<string, { missing: string[] }>;
  expect(diff[id]?.missing).toEqual([never]);
});

// Apache CouchDB drops them when it compacts, in the background.
it.runIf(couch.engine === 'embedded')('the embedded server drops the body of a replaced revision as it writes the next', async () => {
  const { id, first, second } = await replacedCourse();
  const read = (rev: string) => fetch(`${couch.url}/${DB.catalog}/${encodeURIComponent(id)}?rev=${rev}`, { headers: { authorization: basicAuth(couch.admin) } });
  expect((await read(first)).status).toBe(404);
  expect(await (await read(second)).json()).toMatchObject({ _rev: second, title: 'After' });
});
