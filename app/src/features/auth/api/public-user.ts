import type { PublicUser } from '../../../../../domain/schemas/auth';

/**
 * A shape check of a user this app's own server or this device wrote: /api/auth/me runs on every
 * visit, and checking it with zod would load zod onto the page's thread for visitors who never log in.
 */
export const asPublicUser = (value: unknown): PublicUser | null => {
  const user = value as Partial<Record<keyof PublicUser, unknown>> | null;
  const shaped = typeof user?.email === 'string' && typeof user.name === 'string' && Array.isArray(user.roles) && user.roles.every((role) => typeof role === 'string');
  return shaped ? { email: user.email as string, name: user.name as string, roles: user.roles as PublicUser['roles'] } : null;
};
