import { useCallback } from 'react';
import type { PublicUser } from '../../domain/schemas/auth';
import { AccountMenu } from './features/auth/components/account-menu';
import { useCurrentUser } from './features/auth/hooks/use-current-user';
import { OutboxBanner } from './features/booking/components/outbox-banner';
import { useBookingOutbox } from './features/booking/hooks/use-booking-outbox';
import { useSeatsLeft } from './features/booking/hooks/use-booking-requests';
import { SyncStatus } from './features/catalog/components/sync-status';
import { useCatalogReplication } from './features/catalog/hooks/use-catalog-replication';
import { useRosterReplication } from './features/instructor-attendance/hooks/use-roster-replication';
import { InstallButton } from './features/pwa-install/components/install-button';
import { UpdateBanner } from './features/pwa-update/components/update-banner';
import { matchPath, navigate, useHashLocation } from './shared/router';
import { AppHeader } from './shell/app-header';
import { NotFound } from './shell/not-found';
import { ROUTES } from './shell/routes';

/** Composes the features; they never import each other, the shell passes what they share. */
export function App() {
  const { path, query } = useHashLocation();
  const { user, epoch, signIn, signOut } = useCurrentUser();
  // Lives above the routes so the catalog keeps syncing, and queued bookings keep sending, on every screen.
  const replication = useCatalogReplication(epoch);
  useBookingOutbox(epoch);
  const rosterSync = useRosterReplication(user?.roles.includes('instructor') ?? false, epoch);
  const seatsLeftOf = useSeatsLeft();

  const signedIn = useCallback(
    (next: PublicUser, to: string | null) => {
      signIn(next);
      navigate(to?.startsWith('/') ? to : '/');
    },
    [signIn],
  );

  const found = ROUTES.flatMap((route) => {
    const params = matchPath(route.path, path);
    return params ? [{ route, params }] : [];
  })[0];

  return (
    <>
      <UpdateBanner />
      <AppHeader install={<InstallButton />}>
        {user?.roles.includes('instructor') && (
          <>
            <a href="#/schedule">Schedule</a>
            <a href="#/roster">Roster</a>
          </>
        )}
        <AccountMenu user={user} onSignOut={signOut} />
      </AppHeader>
      <main className="app-main">
        {!path.startsWith('/sessions/') && path !== '/bookings' && <OutboxBanner />}
        {found
          ? found.route.render({
              params: found.params,
              query,
              user,
              signedIn,
              seatsLeftOf,
              syncStatus: <SyncStatus state={replication.state} onRetry={replication.restart} />,
              rosterSync,
            })
          : <NotFound />}
      </main>
    </>
  );
}
