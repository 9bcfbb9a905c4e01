import { existsSync } from 'node:fs';
import { attachCouch } from '../../couch/setup/attach';
import { couchAs } from '../../couch/client';
import { createServiceAccount, revokeServiceAccount, serviceAccountName } from '../accounts/service-accounts';
import { loadEnv } from '../config';

const USAGE = 'Usage: npm run service-account -- create <name> | revoke <name>';

const revokeMessages = {
  revoked: (name: string) => `Revoked service account "${name}": its password and sessions no longer work.`,
  not_found: (name: string) => `There is no account named "${name}".`,
  not_a_service_account: (name: string) => `"${name}" is not a service account; only service accounts are revoked here.`,
} as const;

async function run(command: string, name: string): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const env = loadEnv();
  const couch = await attachCouch({ couchUrl: env.COUCH_URL, syncPassword: env.RFT_SYNC_PASSWORD, dataDir: env.DATA_DIR });
  try {
    const admin = couchAs(couch.url, couch.admin);
    if (command === 'create') {
      const account = await createServiceAccount(admin, name);
      if (!account) {
        console.error(`An account named "${name}" already exists.`);
        return 1;
      }
      console.log(`Created service account "${account.name}". The password is shown only now; store it in the consuming service.`);
      console.log(`  name:     ${account.name}`);
      console.log(`  password: ${account.password}`);
      console.log('Use them as HTTP basic auth for /db/rft_catalog, /db/rft_bookings and /api/events (see the README).');
      return 0;
    }
    const outcome = await revokeServiceAccount(admin, name);
    (outcome === 'revoked' ? console.log : console.error)(revokeMessages[outcome](name));
    return outcome === 'revoked' ? 0 : 1;
  } finally {
    await couch.embedded?.stop();
  }
}

async function main(): Promise<number> {
  const [command, name, ...extra] = process.argv.slice(2);
  if ((command !== 'create' && command !== 'revoke') || !name || extra.length) {
    console.error(USAGE);
    return 2;
  }
  const parsed = serviceAccountName.safeParse(name);
  if (!parsed.success) {
    console.error(parsed.error.issues[0]!.message);
    return 2;
  }
  return run(command, parsed.data);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
