import { apiRequest } from '../../../shared/api-client';

export const logout = async (): Promise<void> => {
  await apiRequest('/api/auth/logout', { method: 'POST' });
};
