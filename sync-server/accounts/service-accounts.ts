import { randomBytes } from 'node:crypto';
import type { ServerScope } from 'nano';
import { z } from 'zod';
import { isNotFound, untilLogIn, userDocId } from '../../couch/client';
import type { Account } from '../../couch/setup/credentials';
import { ROLES } from '../../domain/databases';
import { createUser } from './users';

/** Plain names, never email addresses, so a service account cannot be mistaken for a person. */
export const serviceAccountName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, 'A service account name is 2 to 40 lower-case letters, digits or dashes, starting with a letter.');

export type RevokeOutcome = 'revoked' | 'not_found' | 'not_a_service_account';

/** Creates an account with only the service role and a generated password; null when the name is taken. */
export async function createServiceAccount(admin: ServerScope, name: string): Promise<Account | null> {
  const password = randomBytes(24).toString('base64url');
  const created = await createUser(admin, { name, password, roles: [ROLES.service], fullName: name });
  return created ? { name, password } : null;
}

/**
 * Deletes the account: CouchDB refuses its password and its session cookies from then on. CouchDB's
 * password cache forgets a deleted account only asynchronously, so the password is first replaced
 * by one known here; once that one works the old one no longer does, and once it fails after the
 * deletion, nothing does.
 */
export async function revokeServiceAccount(admin: ServerScope, name: string): Promise<RevokeOutcome> {
  const users = admin.use<{ roles: string[]; password?: string }>('_users');
  const doc = await users.get(userDocId(name)).catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });
  if (!doc) return 'not_found';
  if (!doc.roles.includes(ROLES.service)) return 'not_a_service_account';
  const retired: Account = { name, password: randomBytes(24).toString('base64url') };
  const { rev } = await users.insert({ ...doc, password: retired.password });
  await untilLogIn(admin.config.url, retired, true);
  await users.destroy(doc._id, rev);
  await untilLogIn(admin.config.url, retired, false);
  return 'revoked';
}
