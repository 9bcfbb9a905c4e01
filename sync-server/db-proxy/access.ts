import { READERS, ROLES, type DbName } from '../../domain/databases';
import type { SessionUser } from '../plugins/session';

/**
 * What an operation needs: reading the database, storing a replication checkpoint in it, or
 * writing documents into it by replication.
 */
export type Access = 'read' | 'checkpoint' | 'write';

/**
 * Who may push documents into each database through the gateway: the instructor's device sends
 * attendance marks. validate_doc_update still decides each document; the gateway only keeps
 * everyone else's writes from reaching the database at all. The sync-server writes directly.
 */
export const REPLICATION_WRITERS: Record<DbName, readonly string[]> = {
  rft_catalog: [],
  rft_bookings: [],
  rft_attendance: [ROLES.instructor],
};

/** The callers the gateway tells apart: anonymous, then one per role. */
export const CALLERS = ['anonymous', ROLES.customer, ROLES.instructor, ROLES.service, ROLES.sync] as const;
export type Caller = (typeof CALLERS)[number];

export type AccessVerdict = 'ok' | 'login_required' | 'not_a_reader' | 'not_a_writer';

const hasAny = (user: SessionUser, roles: readonly string[]): boolean => user.roles.some((role) => roles.includes(role));

/**
 * Reading follows the database's readers (the catalog is public). Checkpoints are for signed-in
 * readers only: an anonymous reader has nothing to resume that it cannot keep on its own side.
 */
export function judgeAccess(user: SessionUser | null, db: DbName, access: Access): AccessVerdict {
  const readers = READERS[db];
  if (access === 'read' && readers === 'public') return 'ok';
  if (!user) return 'login_required';
  if (readers !== 'public' && !hasAny(user, readers)) return 'not_a_reader';
  if (access === 'write' && !hasAny(user, REPLICATION_WRITERS[db])) return 'not_a_writer';
  return 'ok';
}

/** The user a caller stands for, as the session plugin would resolve it. */
export const callerUser = (caller: Caller): SessionUser | null =>
  caller === 'anonymous' ? null : { name: `${caller}-example`, roles: [caller] };
