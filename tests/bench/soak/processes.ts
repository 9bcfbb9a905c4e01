import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const tsx = import.meta.resolve('tsx');

export interface ProcessSample {
  rssMiB: number;
  /** The part of RSS that is pages of files under the data directory mapped into the process (LevelDB's tables). */
  dataFilesMiB: number;
  fds: number;
}

const toMiB = (kib: number) => Math.round((kib / 1024) * 10) / 10;

/** Resident KiB of the mappings of files under `directory`, from /proc/<pid>/smaps. */
function residentFilesUnder(pid: number, directory: string): number {
  let kib = 0;
  let inDirectory = false;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (mapping) inDirectory = mapping[1]!.startsWith(`${directory}/`);
    else if (inDirectory && line.startsWith('Rss:')) kib += Number(/\d+/.exec(line)![0]);
  }
  return kib;
}

/** VmRSS, its part mapped from `dataDir`, and the count of open file descriptors of one process, from /proc; null once it is gone. */
export function sampleProcess(pid: number, dataDir: string): ProcessSample | null {
  try {
    const kib = Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return { rssMiB: toMiB(kib), dataFilesMiB: toMiB(residentFilesUnder(pid, dataDir)), fds: readdirSync(`/proc/${pid}/fd`).length };
  } catch {
    return null;
  }
}

/** The process ids whose parent is `pid` and whose command line contains `marker`. */
export function childrenOf(pid: number, marker: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        // The command name in field 2 may hold spaces and parentheses: the parent id follows the last ')'.
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
        return ppid === pid && cmdline.includes(marker) ? [Number(entry)] : [];
      } catch {
        return [];
      }
    });
}

/** This shell's environment, but always the embedded engine on `dataDir`. */
function embeddedEnv(dataDir: string, env: Record<string, string>): NodeJS.ProcessEnv {
  const { COUCH_URL: _couchUrl, ...inherited } = process.env;
  return { ...inherited, ...env, DATA_DIR: dataDir };
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** The embedded database the server supervises; its id changes only if it died and was restarted. */
  databasePid(): number | null;
  /** SIGTERM, as Ctrl-C or a service manager sends; false when it had to be killed after 15 s. */
  stop(): Promise<boolean>;
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the sync-server exited with ${child.exitCode}`);
    const health = await fetch(`${url}/api/health`).catch(() => null);
    if (health?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the sync-server did not answer /api/health within ${timeoutMs} ms`);
}

/** `npm start`'s command, `[NAME=value ...] tsx <script>`, as the environment it sets and the script it runs. */
function startScript(): { env: Record<string, string>; script: string } {
  const command = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const words = command.trim().split(/\s+/);
  const assignments = words.filter((word) => /^[A-Z_]+=/.test(word));
  const [runner, script, ...rest] = words.slice(assignments.length);
  if (runner !== 'tsx' || !script || rest.length) throw new Error(`npm start runs "${command}", not "[NAME=value ...] tsx <script>"`);
  return { env: Object.fromEntries(assignments.map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)])), script: join(repo, script) };
}

/**
 * What `npm start` runs (its environment and `sync-server/server.ts`) as a process of its own in
 * `dataDir` (its working directory, so no `.env` of the repository applies), logging to
 * `dataDir/server.log`.
 */
export async function startServerProcess(dataDir: string, port: number, env: Record<string, string>): Promise<ServerProcess> {
  const log = createWriteStream(join(dataDir, 'server.log'));
  const start = startScript();
  const child = spawn(process.execPath, ['--import', tsx, start.script], {
    cwd: dataDir,
    env: { ...embeddedEnv(dataDir, env), ...start.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, 60_000);
  return {
    url,
    pid: child.pid!,
    databasePid: () => childrenOf(child.pid!, 'embedded-child.cjs')[0] ?? null,
    stop: async () => {
      let graceful = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => ((graceful = false), child.kill('SIGKILL')), 15_000);
        await exited;
        clearTimeout(timer);
      }
      log.end();
      return graceful;
    },
  };
}

/** `npm run seed -- --sessions N` against the running server's data directory, with the server's environment. */
export async function seedSessions(dataDir: string, env: Record<string, string>, count: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', tsx, join(repo, 'sync-server/cli/seed.ts'), '--sessions', String(count)], {
    cwd: dataDir,
    env: embeddedEnv(dataDir, env),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`the seed command exited with ${code}`);
}
