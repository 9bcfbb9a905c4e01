import { useCallback, useEffect, useState } from 'react';
import type { PublicUser } from '../../../../../domain/schemas/auth';
import { logout } from '../api/logout';
import { asPublicUser } from '../api/public-user';

const STORAGE_KEY = 'rft.user';

/** The last known user, so the header still says who is signed in while the server is unreachable. */
const readCached = (): PublicUser | null => {
  try {
    return asPublicUser(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null'));
  } catch {
    return null;
  }
};

const writeCached = (user: PublicUser | null): void => {
  if (user) localStorage.setItem(STORAGE_KEY, JSON.stringify(user));
  else localStorage.removeItem(STORAGE_KEY);
};

/**
 * Who is signed in. `epoch` changes whenever the session changes (log in, log out, expiry
 * found by /me): replications that stopped on 401/403 restart when it does.
 */
export const useCurrentUser = () => {
  const [user, setUser] = useState<PublicUser | null>(readCached);
  const [epoch, setEpoch] = useState(0);

  const change = useCallback((next: PublicUser | null) => {
    writeCached(next);
    setUser(next);
    setEpoch((n) => n + 1);
  }, []);

  useEffect(() => {
    let current = true;
    import('../api/get-me')
      .then(({ getMe }) => getMe())
      .then(
        (me) => {
          if (!current) return;
          if (me?.email !== readCached()?.email) return change(me);
          writeCached(me);
          setUser(me);
        },
        () => undefined, // Unreachable server: keep the cached user until we can ask again.
      );
    return () => {
      current = false;
    };
  }, [change]);

  const signOut = useCallback(async () => {
    await logout();
    change(null);
  }, [change]);

  return { user, epoch, signIn: change, signOut };
};
