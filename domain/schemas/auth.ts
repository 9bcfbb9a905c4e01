import { z } from 'zod';
import { humanText } from './human-text';

export const MIN_PASSWORD_LENGTH = 10;

export const emailSchema = z
  .email({ error: 'Enter a valid email address.' })
  .trim()
  .toLowerCase();

export const loginRequest = z.object({
  email: emailSchema,
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(200),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const signupRequest = z.object({
  email: emailSchema,
  password: z
    .string({ error: 'Choose a password.' })
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters for the password.`)
    .max(200),
  name: humanText({ label: 'Your name', min: 1, max: 120, required: 'Enter your name.' }),
});
export type SignupRequest = z.infer<typeof signupRequest>;

export const publicUser = z.object({
  email: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
});
export type PublicUser = z.infer<typeof publicUser>;
