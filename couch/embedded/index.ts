import { spawn, type ChildProcess } from 'node:child_process';
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Account } from '../setup/credentials';
import { freePort } from './free-port';

export interface EmbeddedCouch {
  /** Base URL without credentials, e.g. http://127.0.0.1:5985 */
  url: string;
  /** How many times the supervisor restarted the server after it died. */
  restarts(): number;
  /** Kills the server without stopping supervision: tests use it to prove recovery. */
  crash(): void;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  admin: Account;
  port?: number;
  log?: (message: string) => void;
}

const childScript = fileURLToPath(new URL('./embedded-child.cjs', import.meta.url));

/** Holds the running server's URL, so command-line tools reach the server the sync-server started. */
export const embeddedUrlFile = (dataDir: string): string => join(dataDir, 'couch', 'url');

/** CouchDB's own admin hash format, so the admin exists before the first request (no admin party). */
function adminHash(password: string): string {
  const salt = randomBytes(16).toString('hex');
  const key = pbkdf2Sync(password, salt, 10, 20, 'sha1').toString('hex');
  return `-pbkdf2-${key},${salt},10`;
}

interface EmbeddedConfig {
  admins?: Record<string, string>;
  couch_httpd_auth?: { timeout?: number; secret?: string };
  [section: string]: unknown;
}

/**
 * Writes the server's config once, with our admin and a cookie secret of its own: without a stored
 * secret pouchdb-server draws a new one at every start and every session cookie dies with it.
 * A config from before the secret was stored gets one added.
 */
function writeConfig(dir: string, admin: Account): string {
  const file = join(dir, 'config.json');
  const config: EmbeddedConfig = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as EmbeddedConfig)
    : {
        admins: { [admin.name]: adminHash(admin.password) },
        log: { file: join(dir, 'couch.log'), level: 'warning' },
        couch_httpd_auth: { timeout: 60 * 60 * 24 * 14 },
      };
  if (existsSync(file) && config.couch_httpd_auth?.secret) return file;
  config.couch_httpd_auth = { ...config.couch_httpd_auth, secret: randomBytes(32).toString('hex') };
  writeFileSync(file, JSON.stringify(config, null, 2), { mode: 0o600 });
  return file;
}

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The embedded CouchDB server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The embedded CouchDB server did not answer at ${url} within ${timeoutMs} ms`);
}

/**
 * Runs pouchdb-server as a supervised child process on loopback. Some single requests kill it
 * (see DESIGN.md), so when it dies it is started again on the same port and data directory.
 */
export async function startEmbeddedCouch(options: EmbeddedOptions): Promise<EmbeddedCouch> {
  const dir = resolve(options.dataDir, 'couch');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const config = writeConfig(dir, options.admin);
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const log = options.log ?? (() => {});
  let child: ChildProcess;
  let stopping = false;
  let restarts = 0;

  const launch = (): ChildProcess => {
    // A young generation of at most 2 x 2 MiB: V8's default grows it to 32 MiB under load and gives
    // it back only when a later collection happens to shrink it, a swing of a quarter of this process.
    const proc = spawn(process.execPath, ['--max-semi-space-size=2', childScript, '--port', String(port), '--host', '127.0.0.1', '--dir', dir, '--config', config, '--no-stdout-logs'], {
      // No `env`: the child inherits this process's, so the allocator settings of `npm start` apply to it too.
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    proc.stderr?.on('data', (chunk: Buffer) => log(`embedded couch: ${chunk.toString().trim()}`));
    proc.on('exit', (code, signal) => {
      if (stopping) return;
      restarts += 1;
      log(`embedded couch exited (${signal ?? code}); restarting`);
      setTimeout(() => {
        if (!stopping) child = launch();
      }, 100);
    });
    return proc;
  };

  child = launch();
  await waitUntilUp(url, child);
  // pouchdb-server rewrites its config at start with the default file mode; it holds the cookie secret.
  chmodSync(config, 0o600);
  writeFileSync(embeddedUrlFile(options.dataDir), url);

  return {
    url,
    restarts: () => restarts,
    crash: () => child.kill('SIGKILL'),
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        rmSync(embeddedUrlFile(options.dataDir), { force: true });
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
