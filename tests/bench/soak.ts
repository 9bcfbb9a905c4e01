/**
 * npm run bench:soak [-- --minutes 3 --users 16 --warm-up 90 --settle 120]
 * Starts the real thing, `sync-server/server.ts` (what `npm start` runs) with its supervised embedded
 * database, as processes of their own on a private data directory and port, then runs mixed traffic
 * (browse, sign up and log in, book with an Idempotency-Key, cancel, open and close event streams,
 * replicate and longpoll through /db) and samples both processes' RSS (and the part of it that is
 * mapped pages of the data directory's files) and open file descriptors:
 *   before:  just started;
 *   warmed:  after `--warm-up` seconds of the same traffic, then `--settle` quiet seconds;
 *   peak:    the highest while `--minutes` of traffic run;
 *   after:   after the same `--settle` quiet seconds once the traffic stops.
 * Quiet is one visitor browsing once a second. V8 sizes its heap to the traffic (four times the
 * live objects and more) and gives it back only at a collection 30 to more than 60 seconds after
 * the traffic ends: so the warm-up runs at full load, and a settled level is the lowest sample of a
 * settle period after its first 10 seconds (a leak never comes down). It fails (exit 1) when either
 * process's RSS less its data files, or its open files, end more than 10% above the warmed level,
 * on any 5xx or unexpected answer or error, or when the embedded database had to be restarted.
 */
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '../../couch/embedded/free-port';
import { round } from './app/stats';
import { sampleProcess, seedSessions, startServerProcess, type ProcessSample, type ServerProcess } from './soak/processes';
import { Tally } from './soak/tally';
import { bookableSessions, logIn, runTraffic, signUp, type Traffic, type World } from './soak/traffic';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '3' },
    users: { type: 'string', default: '16' },
    'warm-up': { type: 'string', default: '90' },
    settle: { type: 'string', default: '120' },
    sessions: { type: 'string', default: '100' },
  },
});
const LOAD_MS = Number(values.minutes) * 60_000;
const USERS = Number(values.users);
const WARM_UP_MS = Number(values['warm-up']) * 1000;
const SETTLE_MS = Number(values.settle) * 1000;
const SAMPLE_MS = 2_000;
/** The first seconds of a settle period still carry the traffic's connections and requests. */
const SETTLING_MS = 10_000;
const ALLOWED_GROWTH = 0.1;
const CUSTOMERS = 20;
const INSTRUCTOR = { email: 'instructor@soak.test', password: 'soak-instructor-password' };

type Phase = 'before' | 'warm-up' | 'warmed' | 'load' | 'after';
type Role = 'server' | 'database';
interface Sample {
  at: number;
  phase: Phase;
  server: ProcessSample;
  database: ProcessSample;
}

/** Samples both processes every SAMPLE_MS; a database process that changed id was restarted after it died. */
function startSampler(server: ServerProcess, dataDir: string, phase: () => Phase, problems: string[]) {
  const samples: Sample[] = [];
  const databasePid = server.databasePid();
  if (!databasePid) throw new Error('the embedded database process was not found');
  const take = () => {
    const serverSample = sampleProcess(server.pid, dataDir);
    const databaseSample = sampleProcess(databasePid, dataDir);
    if (!serverSample || !databaseSample) {
      if (!problems.some((p) => p.includes('process ended'))) problems.push(`a process ended mid-run: the sync-server ${serverSample ? 'lives' : 'died'}, the database ${databaseSample ? 'lives' : 'died'}`);
      return;
    }
    samples.push({ at: Date.now(), phase: phase(), server: serverSample, database: databaseSample });
  };
  take();
  const timer = setInterval(take, SAMPLE_MS);
  return { samples, databasePid, take, stop: () => clearInterval(timer) };
}

/**
 * What is sampled of each process. LevelDB maps its table files into the database process, so its
 * RSS also grows with the data it stores; those pages belong to the files, and the kernel drops
 * them when memory is short. The promise is about what the processes hold, so it is judged on RSS
 * without them (and on open files); RSS and the data files' part are printed beside it.
 */
const MEASURES = {
  rss: { label: 'RSS MiB', of: (p: ProcessSample) => p.rssMiB, judged: false },
  dataFiles: { label: 'of it, data files MiB', of: (p: ProcessSample) => p.dataFilesMiB, judged: false },
  held: { label: 'RSS less data files MiB', of: (p: ProcessSample) => round(p.rssMiB - p.dataFilesMiB), judged: true },
  fds: { label: 'open fds', of: (p: ProcessSample) => p.fds, judged: true },
};
type Measure = keyof typeof MEASURES;
interface Level {
  before: number;
  warmed: number;
  peak: number;
  after: number;
  growthPct: number;
}

function settledLevel(samples: Sample[], phase: Phase, role: Role, measure: Measure): number {
  const inPhase = samples.filter((s) => s.phase === phase);
  const start = inPhase[0]?.at ?? 0;
  return Math.min(...inPhase.filter((s) => s.at >= start + SETTLING_MS).map((s) => MEASURES[measure].of(s[role])));
}

function summarise(samples: Sample[]): { role: Role; measure: Measure; level: Level }[] {
  const roles: Role[] = ['server', 'database'];
  return roles.flatMap((role) =>
    (Object.keys(MEASURES) as Measure[]).map((measure) => {
      const of = (s: Sample) => MEASURES[measure].of(s[role]);
      const before = of(samples.find((s) => s.phase === 'before')!);
      const warmed = settledLevel(samples, 'warmed', role, measure);
      const peak = Math.max(...samples.filter((s) => s.phase === 'load').map(of));
      const after = settledLevel(samples, 'after', role, measure);
      return { role, measure, level: { before, warmed, peak, after, growthPct: warmed ? round(((after - warmed) / warmed) * 100) : 0 } };
    }),
  );
}

async function main() {
  const deadline = setTimeout(
    () => {
      console.error('bench:soak ran past its deadline');
      process.exit(1);
    },
    WARM_UP_MS + LOAD_MS + 2 * SETTLE_MS + 5 * 60_000,
  );
  deadline.unref();
  const loadAverage = { before: loadavg()[0]!, after: 0 };
  const dataDir = mkdtempSync(join(tmpdir(), 'rft-soak-'));
  const env = {
    RFT_INSTRUCTOR_EMAIL: INSTRUCTOR.email,
    RFT_INSTRUCTOR_PASSWORD: INSTRUCTOR.password,
    // Every virtual user comes from 127.0.0.1: per-address limits would refuse the crowd.
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
    LOGIN_FAILURES_PER_ACCOUNT: '1000',
    EVENT_STREAMS_PER_ADDRESS: '1000',
    SEED_DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
  };
  const server = await startServerProcess(dataDir, await freePort(), env);
  const problems: string[] = [];
  let phase: Phase = 'before';
  let ok = false;
  const sampler = startSampler(server, realpathSync(dataDir), () => phase, problems);
  console.log(`sync-server pid ${server.pid}, embedded database pid ${sampler.databasePid}`);
  try {
    await seedSessions(dataDir, env, Number(values.sessions));
    const tally = new Tally();
    const world: World = { baseUrl: server.url, tally, sessions: [], customers: [], instructorCookie: '' };
    world.instructorCookie = await logIn(world, INSTRUCTOR.email, INSTRUCTOR.password);
    for (let i = 0; i < CUSTOMERS; i++) await signUp(world);
    world.sessions = await bookableSessions(world);
    if (!world.instructorCookie || world.customers.length < CUSTOMERS || world.sessions.length === 0) throw new Error(`could not set up the crowd: ${tally.failures.join('; ')}`);
    const load: Traffic = { users: USERS, pauseMs: [0, 200] };
    const quiet: Traffic = { users: 1, pauseMs: [1_000, 1_000], mix: 'quiet' };
    console.log(`${world.sessions.length} bookable sessions; warm-up ${WARM_UP_MS / 1000} s, then ${LOAD_MS / 60_000} min, with ${USERS} users`);

    phase = 'warm-up';
    await runTraffic(world, load, WARM_UP_MS);
    phase = 'warmed';
    await runTraffic(world, quiet, SETTLE_MS);
    const warmAnswers = tally.total();

    phase = 'load';
    const started = Date.now();
    await runTraffic(world, load, LOAD_MS);
    const loadSeconds = (Date.now() - started) / 1000;
    const loadAnswers = tally.total() - warmAnswers;
    phase = 'after';
    await runTraffic(world, quiet, SETTLE_MS);
    sampler.take();
    sampler.stop();
    loadAverage.after = loadavg()[0]!;

    const processes = summarise(sampler.samples);
    const grown = processes
      .filter(({ measure, level }) => MEASURES[measure].judged && level.after > level.warmed * (1 + ALLOWED_GROWTH))
      .map(({ role, measure, level }) => `${role} ${MEASURES[measure].label} grew ${level.growthPct}% over its warmed level (${level.warmed} → ${level.after})`);
    if (server.databasePid() !== sampler.databasePid) problems.push('the embedded database was restarted during the run');
    const report = {
      conditions: { minutes: LOAD_MS / 60_000, users: USERS, warmUpSeconds: WARM_UP_MS / 1000, settleSeconds: SETTLE_MS / 1000, cpus: cpus().length, loadAverage: { before: round(loadAverage.before, 2), after: round(loadAverage.after, 2) } },
      processes: processes.map(({ role, measure, level }) => ({ role, measure: MEASURES[measure].label, judged: MEASURES[measure].judged, ...level })),
      load: { answers: loadAnswers, perSecond: round(loadAnswers / loadSeconds) },
      answers: tally.toJSON(),
      failures: tally.failures,
      problems: [...problems, ...grown],
      samples: sampler.samples.map((s) => ({ phase: s.phase, seconds: round((s.at - sampler.samples[0]!.at) / 1000, 0), server: s.server, database: s.database })),
    };
    console.log(JSON.stringify(report, null, 2));
    console.table(tally.toJSON());
    console.table(Object.fromEntries(processes.map(({ role, measure, level }) => [`${role} ${MEASURES[measure].label}`, level])));
    console.log(`${loadAnswers} answers in ${round(loadSeconds, 0)} s of load (${report.load.perSecond}/s); load average ${report.conditions.loadAverage.before} before, ${report.conditions.loadAverage.after} after`);
    ok = report.problems.length === 0 && tally.failures.length === 0;
    for (const line of [...report.problems, ...tally.failures]) console.error(`FAILED: ${line}`);
    console.log(ok ? `within the promise: no process more than ${ALLOWED_GROWTH * 100}% above its warmed level, no unexpected answer` : 'OUTSIDE the promise');
  } finally {
    sampler.stop();
    if (!(await server.stop())) {
      console.error('FAILED: the sync-server did not stop within 15 s of SIGTERM');
      ok = false;
    }
    if (ok) rmSync(dataDir, { recursive: true, force: true });
    else console.error(`kept the data directory and server.log in ${dataDir}`);
  }
  if (!ok) process.exitCode = 1;
}

await main();
