import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { couchAs, userDocId } from '../../../couch/client';
import { startTestCouch } from '../../helpers/test-couch';

// The supervisor runs the embedded server only; Apache CouchDB is kept up by the operator's service manager.
describe.runIf(inject('couch').engine === 'embedded')('the embedded server supervisor', () => {
  let couch: Awaited<ReturnType<typeof startTestCouch>>;
  beforeAll(async () => {
    couch = await startTestCouch();
  });
  afterAll(() => couch.stop());

  async function waitForUp(url: string): Promise<void> {
    for (let i = 0; i < 100; i++) {
      if (await fetch(url).then((r) => r.ok, () => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('server did not come back');
  }

  it('restarts the embedded server after it dies and keeps every acknowledged write', async () => {
    const users = couchAs(couch.url, couch.admin).use('_users');
    const ids = Array.from({ length: 20 }, (_, n) => userDocId(`probe-${n}@test.example`));
    for (const id of ids) {
      const name = id.split(':')[1]!;
      const result = await users.insert({ _id: id, type: 'user', name, roles: [], password: 'probe-password' } as never);
      expect(result.ok).toBe(true);
    }

    couch.embedded!.crash();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await waitForUp(couch.url);
    expect(couch.embedded!.restarts()).toBe(1);

    const stored = await users.fetch({ keys: ids });
    expect(stored.rows.filter((row) => 'doc' in row && row.doc).map((row) => row.key)).toEqual(ids);
  });

  it('takes the embedded server down with it when the sync-server process is killed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rft-orphan-'));
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'tests/fixtures/start-embedded-then-die.ts', dataDir], { encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
    const url = child.stdout.trim();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    let reachable = true;
    for (let i = 0; i < 50 && reachable; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      reachable = await fetch(url).then(() => true, () => false);
    }
    expect(reachable).toBe(false);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps its cookie secret across a restart, so logged-in users stay logged in', async () => {
    const name = `restart-${process.pid}@test.example`;
    await couchAs(couch.url, couch.admin).use('_users').insert({ _id: userDocId(name), type: 'user', name, roles: [], password: 'probe-password' } as never);
    const login = await fetch(`${couch.url}/_session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password: 'probe-password' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const restartsBefore = couch.embedded!.restarts();

    couch.embedded!.crash();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await waitForUp(couch.url);
    expect(couch.embedded!.restarts()).toBe(restartsBefore + 1);

    const session = await (await fetch(`${couch.url}/_session`, { headers: { cookie } })).json();
    expect(session.userCtx.name).toBe(name);
    expect(statSync(join(couch.dataDir, 'couch')).mode & 0o777).toBe(0o700);
  });
});
