import { randomBytes } from 'node:crypto';
import PouchDB from 'pouchdb';
import { beforeAll, expect, it } from 'vitest';
import { couchAs } from '../../../couch/client';
import { DB } from '../../../domain/databases';
import { memoryPouch } from '../../helpers/node-pouch';
import { adminGet, json, useGatewayCallers } from './callers';

const gateway = useGatewayCallers();
const { couch } = gateway;
const courseId = `course:checkpoints-${process.pid}`;
beforeAll(async () => {
  await couchAs(couch.url, couch.sync).use(DB.catalog).insert({ _id: courseId, type: 'course', title: 'Checkpoints' } as never);
});

interface Seen {
  method: string;
  path: string;
  status: number;
}

/** A remote database through the gateway that records every request PouchDB sends and the answer's status. */
function recordingRemote(db: string, extra: Record<string, string>, seen: Seen[]) {
  return new PouchDB(`${gateway.baseUrl}/db/${db}`, {
    skip_setup: true,
    fetch: async (url, options) => {
      const merged: Record<string, string> = {};
      (options?.headers as Headers | undefined)?.forEach((value, name) => (merged[name] = value));
      const response = await PouchDB.fetch(url, { ...options, headers: { ...merged, ...extra } });
      seen.push({ method: options?.method ?? 'GET', path: new URL(String(url)).pathname, status: response.status });
      return response;
    },
  });
}

const checkpointWrites = (seen: Seen[]) => seen.filter((request) => request.method === 'PUT' && request.path.includes('/_local/'));

it('replicates the catalog anonymously into a node PouchDB: the gateway refuses its checkpoint and PouchDB copes', async () => {
  const seen: Seen[] = [];
  const local = memoryPouch();
  const first = await local.replicate.from(recordingRemote(DB.catalog, {}, seen));
  expect(first.ok).toBe(true);
  expect(await local.get(courseId)).toMatchObject({ title: 'Checkpoints' });
  const writes = checkpointWrites(seen);
  expect(writes.length).toBeGreaterThan(0);
  expect(writes.every((request) => request.status === 401)).toBe(true);
  for (const { path } of writes) expect((await adminGet(couch, path.slice('/db'.length))).status).toBe(404);
  // The checkpoint it kept on its own side lets the next run resume: it reads only what other test
  // files wrote to the shared catalog in between, not the whole catalog again.
  const again = await local.replicate.from(recordingRemote(DB.catalog, {}, seen));
  expect(again.ok).toBe(true);
  expect(again.docs_read).toBeLessThan(first.docs_read);
});

it("keeps a signed-in reader's checkpoint on the server, so a service resumes where it stopped", async () => {
  const seen: Seen[] = [];
  const local = memoryPouch();
  await local.replicate.from(recordingRemote(DB.bookings, gateway.headers.service, seen), { filter: 'bookings/feed' });
  const writes = checkpointWrites(seen);
  expect(writes.length).toBeGreaterThan(0);
  expect(writes.every((request) => request.status === 201)).toBe(true);
  const stored = await adminGet(couch, writes.at(-1)!.path.slice('/db'.length));
  expect(stored.body).toMatchObject({ replicator: 'pouchdb', last_seq: expect.anything() });
});

it('keeps a checkpoint whose id starts with "..", as PouchDB names about one device in 4,096', async () => {
  const id = `..${randomBytes(15).toString('base64').replaceAll('/', '.').replaceAll('+', '_')}==`;
  const url = `${gateway.baseUrl}/db/${DB.bookings}/_local/${id}`;
  const headers = gateway.headers.service;
  const before = await fetch(url, { headers });
  expect(before.status).toBe(404);
  expect(await before.json()).toMatchObject({ error: 'not_found' });
  const checkpoint = { session_id: 'dots', last_seq: 7, replicator: 'pouchdb', version: 1 };
  expect((await fetch(url, json('PUT', checkpoint, headers))).status).toBe(201);
  const after = await fetch(url, { headers });
  expect(after.status).toBe(200);
  expect(await after.json()).toMatchObject({ _id: `_local/${id}`, last_seq: 7 });
  expect((await adminGet(couch, `/${DB.bookings}/_local/${id}`)).body).toMatchObject({ last_seq: 7 });
});
