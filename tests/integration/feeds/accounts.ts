import { basicAuth, couchAs } from '../../../couch/client';
import type { Account } from '../../../couch/setup/credentials';
import { createServiceAccount } from '../../../sync-server/accounts/service-accounts';
import type { TestCouch } from '../../helpers/test-couch';

let counter = 0;

/** A fresh service account with a name no other test file uses. */
export async function newServiceAccount(couch: TestCouch): Promise<Account & { headers: Record<string, string> }> {
  const name = `svc-${process.pid}-${Date.now().toString(36)}-${++counter}`;
  const account = await createServiceAccount(couchAs(couch.url, couch.admin), name);
  if (!account) throw new Error(`service account ${name} exists`);
  return { ...account, headers: { authorization: basicAuth(account) } };
}
