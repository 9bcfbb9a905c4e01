import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../../couch/setup/bootstrap';
import { canLogIn } from '../../../couch/client';
import { connectCouch } from '../../../couch/setup/connect';
import { buildApp } from '../../../sync-server/app';
import { appOptions, signUp } from '../../helpers/build-app';
import { insertSession } from '../../helpers/bookings';
import { canStartServers, INSTRUCTOR, startTestCouch, type RunningTestCouch } from '../../helpers/test-couch';

// Instances here reset the sync-server account's password, so they get a server of their own.
let couch: RunningTestCouch;
// What an operator gives every instance: the CouchDB URL with admin credentials in it.
let couchUrl: string;
const dataDirs: string[] = [];
beforeAll(async () => {
  if (!canStartServers()) return;
  couch = await startTestCouch();
  const url = new URL(couch.url);
  url.username = couch.admin.name;
  url.password = couch.admin.password;
  couchUrl = url.toString();
});
afterAll(async () => {
  await couch?.stop();
  dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

/** One sync-server start-up as server.ts does it, on a DATA_DIR of its own (as on its own machine). */
async function startInstance(syncPassword?: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'rft-instance-'));
  dataDirs.push(dataDir);
  const connection = await connectCouch({ couchUrl, syncPassword, dataDir });
  await bootstrap({ url: connection.url, admin: connection.admin, sync: connection.sync, instructor: INSTRUCTOR });
  const app = await buildApp({ ...appOptions(couch), admin: connection.admin, sync: connection.sync });
  await app.ready();
  return { app, sync: connection.sync };
}

async function book(app: Awaited<ReturnType<typeof startInstance>>['app']) {
  const { cookie } = await signUp(app);
  const session = await insertSession(app.couch);
  const response = await app.inject({
    method: 'POST',
    url: '/api/bookings',
    headers: { cookie },
    payload: { sessionId: session._id, attendees: [{ name: 'Scale Out' }] },
  });
  return response.statusCode;
}

describe.skipIf(!canStartServers())('several sync-servers on one CouchDB', () => {
  it('a second instance with its own DATA_DIR starts without invalidating the first', async () => {
    const first = await startInstance();
    expect(await book(first.app)).toBe(201);
    const second = await startInstance();
    expect(second.sync).toEqual(first.sync);
    expect(await book(first.app)).toBe(201);
    expect(await book(second.app)).toBe(201);
    await Promise.all([first.app.close(), second.app.close()]);
  });

  it('instances given RFT_SYNC_PASSWORD share that account password', async () => {
    const password = 'a-shared-sync-password-for-every-instance';
    const first = await startInstance(password);
    const second = await startInstance(password);
    expect(first.sync.password).toBe(password);
    expect(await canLogIn(couch.url, first.sync)).toBe(true);
    expect(await book(first.app)).toBe(201);
    expect(await book(second.app)).toBe(201);
    await Promise.all([first.app.close(), second.app.close()]);
  });
});
