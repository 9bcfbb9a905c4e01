import { backOffUpTo, errorMessage, refusedAccess } from '../../../shared/replication';
import { reconcilePending } from './pending-marks';
import { resolveLocalConflicts, type MarkDoc } from './resolve-conflicts';
import { localAttendance, localBookings, remoteAttendance, remoteBookings, rosterWindow } from './roster-db';

export type RosterSyncState = { kind: 'connecting' | 'syncing' | 'up-to-date' | 'offline' } | { kind: 'stopped'; message: string; refused: boolean };

const backOff = backOffUpTo(15_000);

const describe = (error: unknown): string =>
  refusedAccess(error) ? 'the server refused access: log in as the instructor' : errorMessage(error);

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
