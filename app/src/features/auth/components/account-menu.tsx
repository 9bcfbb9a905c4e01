import { useState } from 'react';
import type { PublicUser } from '../../../../../domain/schemas/auth';
import { ApiError } from '../../../shared/api-client';

interface AccountMenuProps {
  user: PublicUser | null;
  onSignOut: () => Promise<void>;
}

export function AccountMenu({ user, onSignOut }: AccountMenuProps) {
  const [error, setError] = useState<string | null>(null);
  if (!user) {
    return (
      <p className="account">
        <a href="#/login">Log in</a> <a href="#/signup">Sign up</a>
      </p>
    );
  }
  const signOut = () => {
    setError(null);
    onSignOut().catch((e: unknown) => setError(e instanceof ApiError ? e.message : 'Could not log out.'));
  };
  return (
    <div className="account">
      <p>Signed in as {user.name}</p>
      <button type="button" className="button button--quiet" onClick={signOut}>
        Log out
      </button>
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
