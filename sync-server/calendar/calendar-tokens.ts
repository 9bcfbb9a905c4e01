import { createHash, randomBytes } from 'node:crypto';
import type { DocumentScope, ServerScope } from 'nano';
import { isNotFound } from '../../couch/client';
import { conditionalWrite } from '../../couch/client/conditional-write';
import { SERVER_DBS } from '../../domain/databases';

/**
 * Secret calendar-feed tokens, stored as SHA-256 hashes in a database only the sync-server's
 * account can read. Two documents per customer: `owner:<name>` names the one valid hash and is the
 * authority (revoking is one write to it); `token:<hash>` finds the owner from a token without a view.
 * A `token:` document the owner document no longer names is refused, so a crash between the writes
 * can only leave a harmless leftover.
 */
interface OwnerDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  type: 'calendar-owner';
  owner: string;
  tokenHash: string;
  issuedAt: string;
}

interface TokenDoc {
  _id: string;
  _rev?: string;
  type: 'calendar-token';
  owner: string;
}

const ownerDocId = (owner: string): string => `owner:${owner}`;
const tokenDocId = (hash: string): string => `token:${hash}`;
const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

const scopes = (sync: ServerScope) => ({
  owners: sync.use<OwnerDoc>(SERVER_DBS.calendarTokens),
  tokens: sync.use<TokenDoc>(SERVER_DBS.calendarTokens),
});

async function getOrNull<T>(db: DocumentScope<T>, id: string): Promise<(T & { _rev: string }) | null> {
  return (await db.get(id).catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  })) as (T & { _rev: string }) | null;
}

async function forget(tokens: DocumentScope<TokenDoc>, hash: string | undefined): Promise<void> {
  if (!hash) return;
  const doc = await getOrNull(tokens, tokenDocId(hash));
  if (doc) await tokens.destroy(doc._id, doc._rev).catch(() => {});
}

type Previous = { previous: string | undefined };

/** A new token for the owner's private feed; any earlier one stops working. */
export async function issueCalendarToken(sync: ServerScope, owner: string, now = new Date()): Promise<string> {
  const { owners, tokens } = scopes(sync);
  const token = randomBytes(32).toString('base64url');
  const tokenHash = hashOf(token);
  await tokens.insert({ _id: tokenDocId(tokenHash), type: 'calendar-token', owner });
  const { previous } = await conditionalWrite<OwnerDoc, Previous>(owners, ownerDocId(owner), (current) => ({
    write: { _id: ownerDocId(owner), type: 'calendar-owner', owner, tokenHash, issuedAt: now.toISOString() },
    result: { previous: current?.tokenHash },
  }));
  await forget(tokens, previous);
  return token;
}

/** Revokes the owner's token; false when there was none. */
export async function revokeCalendarToken(sync: ServerScope, owner: string): Promise<boolean> {
  const { owners, tokens } = scopes(sync);
  const { previous } = await conditionalWrite<OwnerDoc, Previous>(owners, ownerDocId(owner), (current) =>
    current ? { write: { ...current, _deleted: true }, result: { previous: current.tokenHash } } : { done: { previous: undefined } },
  );
  await forget(tokens, previous);
  return previous !== undefined;
}

/** The owner a token belongs to, or null for an unknown or revoked token. */
export async function calendarTokenOwner(sync: ServerScope, token: string): Promise<string | null> {
  const { owners, tokens } = scopes(sync);
  const tokenHash = hashOf(token);
  const tokenDoc = await getOrNull(tokens, tokenDocId(tokenHash));
  if (!tokenDoc) return null;
  const ownerDoc = await getOrNull(owners, ownerDocId(tokenDoc.owner));
  return ownerDoc?.tokenHash === tokenHash ? tokenDoc.owner : null;
}
