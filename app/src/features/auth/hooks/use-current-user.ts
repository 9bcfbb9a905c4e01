import { useCallback, useEffect, useState } from 'react';
import type { PublicUser } from '../../../../../domain/schemas/auth';
import { logout } from '../api/logout';

const STORAGE_KEY = 'rft.user';

/** This device wrote the cached user itself, so a shape check (no zod before the first paint) is enough. */
const isPublicUser = (value: unknown): value is PublicUser => {
  const user = value as Partial<Record<keyof PublicUser, unknown>> | null;
  return typeof user?.email === 'string' && typeof user.name === 'string' && Array.isArray(user.roles) && user.roles.every((role) => typeof role === 'string');
};

/** The last known user, so the header still says who is signed in while the server is unreachable. */
const readCached = (): PublicUser | null => {
  try {
    const cached: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    return isPublicUser(cached) ? { email: cached.email, name: cached.name, roles: cached.roles } : null;
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
