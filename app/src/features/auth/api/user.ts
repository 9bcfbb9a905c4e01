import { z } from 'zod';
import { publicUser } from '../../../../../domain/schemas/auth';

/** Every /api/auth answer that carries a user wraps it as `{ user }`. */
export const userResponseSchema = z.object({ user: publicUser });
