import { useLiveReplication, type StartReplication } from '../../../shared/use-live-replication';
import type { RosterSyncState } from '../api/replicate-roster';

/** PouchDB's code loads only for the instructor. */
const startRosterSync: StartReplication<RosterSyncState> = async (onState) => (await import('../api/replicate-roster')).startRosterReplication(onState);

/**
 * Keeps the instructor's roster syncing on every screen, so marks made offline reach CouchDB once the
 * device is back online wherever the app is open.
 */
export const useRosterReplication = (enabled: boolean, sessionEpoch: number): RosterSyncState =>
  useLiveReplication(startRosterSync, { kind: 'connecting' }, sessionEpoch, enabled).state;
