import { reconcilePending } from './pending-marks';
import { resolveLocalConflicts, type MarkDoc } from './resolve-conflicts';
import { localAttendance, localBookings, remoteAttendance, remoteBookings, rosterWindow } from './roster-db';

export type RosterSyncState = { kind: 'connecting' | 'syncing' | 'up-to-date' | 'offline' } | { kind: 'stopped'; message: string; refused: boolean };

const MAX_RETRY_MS = 15_000;
const backOff = (delay: number): number => (delay === 0 ? 1_000 : Math.min(delay * 2, MAX_RETRY_MS));

const refusedAccess = (error: unknown): boolean => {
  const status = (error as { status?: number } | null)?.status;
  return status === 401 || status === 403;
};

const describe = (error: unknown): string =>
  refusedAccess(error) ? 'the server refused access: log in as the instructor' : (error as { message?: string } | null)?.message || 'unknown error';

/**
 * Bookings of the roster window, pulled read-only, and attendance both ways, live, with the
 * design-doc filters (never a _selector: it crashes the embedded server). Marks pushed are checked
 * off the pending list; conflicts pulled from another device are merged here.
 */
export function startRosterReplication(onState: (state: RosterSyncState) => void): () => void {
  const query_params = rosterWindow();
  const options = { live: true, retry: true, back_off_function: backOff };
  onState({ kind: 'connecting' });
  const bookings = localBookings().replicate.from(remoteBookings(), { ...options, filter: 'bookings/roster', query_params, checkpoint: 'target' });
  const attendance = localAttendance().sync(remoteAttendance(), { ...options, pull: { filter: 'attendance/roster', query_params } });
  let cancelled = false;
  const stop = (error: unknown) => {
    if (!cancelled) onState({ kind: 'stopped', message: describe(error), refused: refusedAccess(error) });
  };
  bookings.on('error', stop);
  attendance
    .on('active', () => onState({ kind: 'syncing' }))
    .on('change', ({ direction, change }) => {
      if (direction === 'pull') void resolveLocalConflicts(localAttendance() as PouchDB.Database<MarkDoc>, change.docs.map((doc) => doc._id));
    })
    .on('paused', (error: unknown) => {
      if (error) return onState({ kind: 'offline' });
      onState({ kind: 'up-to-date' });
      reconcilePending().catch(() => undefined);
    })
    .on('error', stop);
  return () => {
    cancelled = true;
    bookings.cancel();
    attendance.cancel();
  };
}
