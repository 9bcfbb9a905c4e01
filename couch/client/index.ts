import Nano, { type ServerScope } from 'nano';
import type { Account } from '../setup/credentials';

export const basicAuth = (account: Account): string =>
  `Basic ${Buffer.from(`${account.name}:${account.password}`).toString('base64')}`;

/** A nano client that authenticates every request as `account`. */
export const couchAs = (url: string, account: Account): ServerScope =>
  Nano({ url, headers: { Authorization: basicAuth(account) } });

export const userDocId = (name: string): string => `org.couchdb.user:${name}`;

/** An account in `_users`, as this project writes it (`password` is hashed by CouchDB on write). */
export interface UserDoc {
  _id: string;
  _rev?: string;
  type: 'user';
  name: string;
  roles: string[];
  password?: string;
  fullName?: string;
}

/** True when CouchDB accepts these credentials (POST /_session). */
export async function canLogIn(url: string, account: Account): Promise<boolean> {
  const response = await fetch(`${url}/_session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  return response.ok;
}

const LOGIN_SETTLE_MS = 15_000;

/**
 * Apache CouchDB verifies passwords through a cache of `_users` that catches up with a changed or
 * deleted account asynchronously; on a busy node the old answer holds for a moment. Waits until
 * these credentials are accepted (or refused), so nothing after it sees the old account.
 */
export async function untilLogIn(url: string, account: Account, accepted: boolean): Promise<void> {
  const deadline = Date.now() + LOGIN_SETTLE_MS;
  while ((await canLogIn(url, account)) !== accepted) {
    if (Date.now() > deadline) throw new Error(`The account ${account.name} is still ${accepted ? 'refused' : 'accepted'} after its change.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Splits `http://user:pass@host:port` into a plain URL and the account it names. */
export function splitCouchUrl(raw: string): { url: string; admin?: Account } {
  const parsed = new URL(raw);
  const admin = parsed.username
    ? { name: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) }
    : undefined;
  parsed.username = '';
  parsed.password = '';
  return { url: parsed.toString().replace(/\/$/, ''), admin };
}

export const isNotFound = (error: unknown): boolean => (error as { statusCode?: number }).statusCode === 404;
export const isConflict = (error: unknown): boolean => (error as { statusCode?: number }).statusCode === 409;
