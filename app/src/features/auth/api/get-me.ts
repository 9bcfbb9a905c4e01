import type { PublicUser } from '../../../../../domain/schemas/auth';
import { ApiError, apiRequest } from '../../../shared/api-client';
import { userResponseSchema } from './user';

/** The signed-in user, or null when the session cookie is missing or expired. */
export const getMe = async (): Promise<PublicUser | null> => {
  try {
    return userResponseSchema.parse(await apiRequest('/api/auth/me')).user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
};
