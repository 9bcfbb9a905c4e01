import { loginRequest, type LoginRequest, type PublicUser } from '../../../../../domain/schemas/auth';
import { apiRequest } from '../../../shared/api-client';
import { useZodForm } from '../hooks/use-zod-form';
import { userResponseSchema } from './user';

export const login = async (input: LoginRequest): Promise<PublicUser> =>
  userResponseSchema.parse(await apiRequest('/api/auth/login', { method: 'POST', body: input })).user;

/** The log-in form: the shared request schema checks it on the device, `login` sends it. */
export const useLogin = (onSuccess: (user: PublicUser) => void) => useZodForm(loginRequest, login, onSuccess);
