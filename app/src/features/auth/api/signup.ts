import { signupRequest, type PublicUser, type SignupRequest } from '../../../../../domain/schemas/auth';
import { apiRequest } from '../../../shared/api-client';
import { useZodForm } from '../hooks/use-zod-form';
import { getMe } from './get-me';
import { login } from './login';
import { userResponseSchema } from './user';

/** Creates the account and makes sure the browser holds a session for it afterwards. */
export const signup = async (input: SignupRequest): Promise<PublicUser> => {
  userResponseSchema.parse(await apiRequest('/api/auth/signup', { method: 'POST', body: input }));
  return (await getMe()) ?? (await login({ email: input.email, password: input.password }));
};

/** The sign-up form: the shared request schema checks it on the device, `signup` sends it. */
export const useSignup = (onSuccess: (user: PublicUser) => void) => useZodForm(signupRequest, signup, onSuccess);
