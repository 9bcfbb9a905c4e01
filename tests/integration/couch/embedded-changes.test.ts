import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { basicAuth } from '../../../couch/client';
import { startEmbeddedCouch, type EmbeddedCouch } from '../../../couch/embedded';
import { loadOrCreateCredentials } from '../../../couch/setup/credentials';

const FEEDS = 12;

const feedOf = (url: string, headers: Record<string, string>, signal?: AbortSignal) =>
  fetch(`${url}/scratch/_changes?feed=continuous&heartbeat=100&since=now`, { headers, signal });

/** Opens a continuous feed, waits for its first heartbeat, and hangs up. */
async function openAndDrop(url: string, headers: Record<string, string>): Promise<void> {
  const hangUp = new AbortController();
  const response = await feedOf(url, headers, hangUp.signal);
  expect(response.status).toBe(200);
  await response.body!.getReader().read();
  hangUp.abort();
}

// A fix of the embedded server's own; Apache CouchDB ends a feed whose client has gone.
describe.runIf(inject('couch').engine === 'embedded')('the embedded server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rft-changes-'));
  const { admin } = loadOrCreateCredentials(dataDir);
  // Uncompressed, so each heartbeat reaches the client as it is written.
  const headers = { authorization: basicAuth(admin), 'accept-encoding': 'identity' };
  const logged: string[] = [];
  let couch: EmbeddedCouch;
  beforeAll(async () => {
    couch = await startEmbeddedCouch({ dataDir, admin, log: (line) => logged.push(line) });
    expect((await fetch(`${couch.url}/scratch`, { method: 'PUT', headers })).status).toBe(201);
  });
  afterAll(async () => {
    await couch.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('ends a continuous _changes feed once its client hangs up, so dropped feeds do not pile up', async () => {
    for (let feed = 0; feed < FEEDS; feed++) await openAndDrop(couch.url, headers);
    // A feed kept open past a few heartbeats: by then the server has seen every earlier hang-up.
    const open = await feedOf(couch.url, headers);
    const reader = open.body!.getReader();
    for (let beat = 0; beat < 3; beat++) await reader.read();
    await reader.cancel();
    // Node warns when more than 10 live feeds listen on one database at once.
    expect(logged.filter((line) => line.includes('MaxListenersExceededWarning'))).toEqual([]);
  });

  it('survives longpolls whose clients hang up while their first answer is read', async () => {
    await fetch(`${couch.url}/scratch/_bulk_docs`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ docs: Array.from({ length: 200 }, (_, i) => ({ _id: `doc-${i}` })) }),
    });
    for (let poll = 0; poll < 40; poll++) {
      const hangUp = new AbortController();
      const answer = fetch(`${couch.url}/scratch/_changes?feed=longpoll&since=0&include_docs=true`, { headers, signal: hangUp.signal }).catch(() => null);
      setTimeout(() => hangUp.abort(), poll % 8);
      await answer;
    }
    const after = await fetch(`${couch.url}/scratch/_changes?feed=longpoll&since=0&limit=1`, { headers });
    expect(after.status).toBe(200);
    expect(logged.filter((line) => line.includes('exited'))).toEqual([]);
  });
});
