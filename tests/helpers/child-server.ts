import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { TestCouch } from './test-couch';

export interface ChildServer {
  url: string;
  process: ChildProcess;
  /** SIGKILL: no close hooks, no lease dropped, requests cut mid-write. */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

/** The sync-server as a child process on a free loopback port, against `couch`. */
export async function startChildServer(couch: Pick<TestCouch, 'url' | 'admin' | 'sync'>, timeoutMs = 30_000): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/sync-server-child.ts'], {
    env: { ...process.env, RFT_CHILD_COUCH: JSON.stringify({ url: couch.url, admin: couch.admin, sync: couch.sync }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the child sync-server did not start in time')), timeoutMs);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('http://'));
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the child sync-server exited with ${code}`));
    });
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await exited;
  };
  return { url, process: child, crash: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}
