import { useCallback } from 'react';
import type { PublicUser } from '../../domain/schemas/auth';
import { AccountMenu } from './features/auth/components/account-menu';
import { LoginForm } from './features/auth/components/login-form';
import { SignupForm } from './features/auth/components/signup-form';
import { useCurrentUser } from './features/auth/hooks/use-current-user';
import { CatalogView } from './features/catalog/components/catalog-view';
import { useCatalogReplication } from './features/catalog/hooks/use-catalog-replication';
import { UpdateBanner } from './features/pwa-update/components/update-banner';
import { AppHeader } from './shell/app-header';
import { goTo, useHashRoute } from './shell/use-hash-route';

/** Composes the features; they never import each other, the session epoch is passed down here. */
export function App() {
  const route = useHashRoute();
  const { user, epoch, signIn, signOut } = useCurrentUser();
  // Lives above the routes so the catalog keeps syncing while a form is open.
  const replication = useCatalogReplication(epoch);

  const onSignedIn = useCallback(
    (next: PublicUser) => {
      signIn(next);
      goTo('courses');
    },
    [signIn],
  );

  return (
    <>
      <UpdateBanner />
      <AppHeader>
        <AccountMenu user={user} onSignOut={signOut} />
      </AppHeader>
      <main className="app-main">
        {route === 'login' && <LoginForm onSuccess={onSignedIn} />}
        {route === 'signup' && <SignupForm onSuccess={onSignedIn} />}
        {route === 'courses' && <CatalogView replication={replication.state} onRetry={replication.restart} />}
      </main>
    </>
  );
}
