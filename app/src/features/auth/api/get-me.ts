import type { PublicUser } from '../../../../../domain/schemas/auth';
import { ApiError, apiRequest } from '../../../shared/api-client';
import { asPublicUser } from './public-user';

/** The signed-in user, or null when the session cookie is missing or expired. */
export const getMe = async (): Promise<PublicUser | null> => {
  try {
    const user = asPublicUser(((await apiRequest('/api/auth/me')) as { user?: unknown } | null)?.user);
    if (!user) throw new Error('The server answered /api/auth/me without a user.');
    return user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
};
