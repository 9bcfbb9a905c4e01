import type { PublicUser } from '../../../../../domain/schemas/auth';
import { hrefTo } from '../../../shared/router';
import { useOnlineStatus } from '../../../shared/use-online-status';
import { useRoster, usePendingCount } from '../hooks/use-roster';
import type { RosterSyncState } from '../api/replicate-roster';
import { ExpiringCertificates } from './expiring-certificates';
import { SessionRoster } from './session-roster';
import './roster.css';

const RE_LOGIN = hrefTo('/login', new URLSearchParams({ next: '/roster' }));

const SYNC_LABELS = { connecting: 'Connecting…', syncing: 'Syncing…', 'up-to-date': 'Synced', offline: 'Offline' } as const;

/**
 * "Synced · 0 marks waiting to sync", "Offline · 2 marks saved on this device". With no network the
 * replication may still report its last state (a live feed that has not noticed yet), so the
 * device's own network state wins: it must never say "Synced" while the marks cannot leave.
 */
const syncState = (sync: RosterSyncState, online: boolean): { label: string; where: string } => {
  if (sync.kind === 'stopped') return { label: `Sync stopped: ${sync.message}`, where: 'saved on this device' };
  if (!online || sync.kind === 'offline') return { label: SYNC_LABELS.offline, where: 'saved on this device' };
  return { label: SYNC_LABELS[sync.kind], where: 'waiting to sync' };
};

/** The instructor at the venue: works offline from the device's copy, syncs by itself. */
export function RosterPage({ user, sync }: { user: PublicUser | null; sync: RosterSyncState }) {
  const roster = useRoster();
  const pending = usePendingCount();
  const { label, where } = syncState(sync, useOnlineStatus());
  if (!user?.roles.includes('instructor')) return <p>Log in as the instructor to see the roster.</p>;

  return (
    <div className="roster-page">
      <h1>Roster</h1>
      <p role="status" aria-label="Sync">
        {label} · <span data-testid="pending-count">{pending}</span> {pending === 1 ? 'mark' : 'marks'} {where}
      </p>
      {/* An expired cookie still reads the public catalog anonymously: only this sync is refused, so only it asks for a login. */}
      {sync.kind === 'stopped' && sync.refused && (
        <p role="alert">
          The server no longer accepts your login, so marks stay on this device until you log in again. <a href={RE_LOGIN}>Log in again</a>
        </p>
      )}
      {roster.status === 'loading' && <p>Loading the roster…</p>}
      {roster.status === 'error' && <p role="alert">{roster.message}</p>}
      {roster.status === 'ready' && roster.sessions.length === 0 && <p>No bookings from 7 days ago to 30 days ahead.</p>}
      {roster.status === 'ready' && roster.sessions.map((entry) => <SessionRoster key={entry.session._id} roster={entry} markedBy={user.email} />)}
      <ExpiringCertificates />
    </div>
  );
}
