import type { PublicUser } from '../../../../../domain/schemas/auth';
import { hrefTo } from '../../../shared/router';
import { useRoster, usePendingCount } from '../hooks/use-roster';
import type { RosterSyncState } from '../api/replicate-roster';
import { ExpiringCertificates } from './expiring-certificates';
import { SessionRoster } from './session-roster';
import './roster.css';

const RE_LOGIN = hrefTo('/login', new URLSearchParams({ next: '/roster' }));

const SYNC_LABELS = { connecting: 'Connecting…', syncing: 'Syncing…', 'up-to-date': 'Synced', offline: 'Offline: marks are saved on this device' } as const;

/** The instructor at the venue: works offline from the device's copy, syncs by itself. */
export function RosterPage({ user, sync }: { user: PublicUser | null; sync: RosterSyncState }) {
  const roster = useRoster();
  const pending = usePendingCount();
  if (!user?.roles.includes('instructor')) return <p>Log in as the instructor to see the roster.</p>;

  return (
    <div className="roster-page">
      <h1>Roster</h1>
      <p role="status" aria-label="Sync">
        {sync.kind === 'stopped' ? `Sync stopped: ${sync.message}` : SYNC_LABELS[sync.kind]} · <span data-testid="pending-count">{pending}</span> marks waiting to sync
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
