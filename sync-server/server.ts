import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bootstrap } from '../couch/setup/bootstrap';
import { connectCouch } from '../couch/setup/connect';
import { buildApp } from './app';
import { seedDemoCatalog } from './catalog/seed';
import { loadEnv } from './config';
import { instructorAccount, shouldSeedDemo, type ResolvedInstructor } from './instructor-account';
import { serverLogger } from './logger';

const staticDir = fileURLToPath(new URL('../dist/app', import.meta.url));

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const env = loadEnv();
  const instructor = instructorAccount(env);
  const couch = await connectCouch({ couchUrl: env.COUCH_URL, syncPassword: env.RFT_SYNC_PASSWORD, dataDir: env.DATA_DIR, log: (line) => console.error(line) });
  await bootstrap({
    url: couch.url,
    admin: couch.admin,
    sync: couch.sync,
    instructor,
  });
  const app = await buildApp({
    couchUrl: couch.url,
    admin: couch.admin,
    sync: couch.sync,
    staticDir: existsSync(staticDir) ? staticDir : undefined,
    travelBufferMinutes: env.TRAVEL_BUFFER_MINUTES,
    loginRateLimitPerMinute: env.LOGIN_RATE_LIMIT_PER_MINUTE,
    loginFailuresPerAccount: env.LOGIN_FAILURES_PER_ACCOUNT,
    recoveryIntervalSeconds: env.RECOVERY_INTERVAL_SECONDS,
    eventStreamsPerAddress: env.EVENT_STREAMS_PER_ADDRESS,
    logger: serverLogger(env.LOG_LEVEL),
  });

  if (shouldSeedDemo(env)) {
    const seeded = await seedDemoCatalog(app.couch, { weeks: 8, travelBufferMinutes: env.TRAVEL_BUFFER_MINUTES });
    if (seeded.courses) app.log.info(`seeded a demo catalog: ${seeded.courses} courses, ${seeded.sessions} sessions`);
  }

  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: closing`);
    await app.close();
    await couch.embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const address = await app.listen({ port: env.PORT, host: env.HOST });
  if (instructor.generatedFile) printFirstLogin(address, instructor);
}

function printFirstLogin(address: string, instructor: ResolvedInstructor): void {
  console.log(
    [
      '',
      `First start: open ${address.replace('127.0.0.1', 'localhost')} and log in as the instructor with`,
      `  email:    ${instructor.email}`,
      `  password: ${instructor.password}`,
      `The password is kept in ${instructor.generatedFile} (readable by you only) and is not printed again;`,
      'set RFT_INSTRUCTOR_PASSWORD to choose your own.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
