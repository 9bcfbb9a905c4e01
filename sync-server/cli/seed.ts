import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { attachCouch } from '../../couch/setup/attach';
import { bootstrap } from '../../couch/setup/bootstrap';
import { seedDemoCatalog, seedSessions } from '../catalog/seed';
import { loadEnv } from '../config';
import { instructorAccount } from '../instructor-account';
import { couchClients } from '../plugins/couch';

const USAGE = 'Usage: npm run seed -- [--weeks 8] [--sessions N]';

/** Seeds the demo catalog into an empty database, then optionally N more sessions for benchmarks. */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { weeks: { type: 'string', default: '8' }, sessions: { type: 'string', default: '0' } } });
  const weeks = Number(values.weeks);
  const sessions = Number(values.sessions);
  if (!Number.isInteger(weeks) || weeks < 1 || !Number.isInteger(sessions) || sessions < 0) {
    console.error(USAGE);
    return 2;
  }
  if (existsSync('.env')) process.loadEnvFile('.env');
  const env = loadEnv();
  const connection = await attachCouch({ couchUrl: env.COUCH_URL, syncPassword: env.RFT_SYNC_PASSWORD, dataDir: env.DATA_DIR });
  try {
    await bootstrap({
      ...connection,
      instructor: instructorAccount(env),
    });
    const couch = couchClients(connection);
    const demo = await seedDemoCatalog(couch, { weeks, travelBufferMinutes: env.TRAVEL_BUFFER_MINUTES });
    console.log(`Demo catalog: ${demo.courses} courses and ${demo.sessions} sessions added.`);
    if (sessions > 0) {
      const added = await seedSessions(couch, sessions);
      console.log(`Added ${added.sessions} more one-day sessions.`);
    }
    return 0;
  } finally {
    await connection.embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
