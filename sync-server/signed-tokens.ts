import { createHash, createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { Account } from '../couch/setup/credentials';

/**
 * A signing key for one purpose, derived from the sync-server's own account: every process on one
 * CouchDB shares that account and it survives restarts, so a token stays valid for whichever
 * process the client reaches next.
 */
export const derivedKey = (sync: Account, purpose: string): KeyObject =>
  createSecretKey(createHash('sha256').update(`rft ${purpose}\n${sync.name}\n${sync.password}`).digest('hex'), 'hex');

const mac = (payload: string, key: KeyObject): Uint8Array => new Uint8Array(createHmac('sha256', key).update(payload).digest().subarray(0, 16));

/** Compact and opaque: base64url of the JSON, then a MAC, so only tokens this server made are accepted. */
export function signJson(value: unknown, key: KeyObject): string {
  const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${payload}.${Buffer.from(mac(payload, key)).toString('base64url')}`;
}

/** The signed JSON value, or undefined when the token was not made by signJson with this key, however well-formed it looks. */
export function verifyJson(token: string, key: KeyObject): unknown {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length) return undefined;
  const given = new Uint8Array(Buffer.from(signature, 'base64url'));
  const expected = mac(payload, key);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
