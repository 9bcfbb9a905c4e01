import { z } from 'zod';
import { londonDateInput } from './instants';

/** A series is created whole or not at all, and never has more occurrences than this. */
export const MAX_OCCURRENCES = 52;

export const recurrenceSchema = z
  .object({
    frequency: z.enum(['daily', 'weekly'], { error: 'Repeat daily or weekly.' }),
    interval: z.number().int().min(1).max(MAX_OCCURRENCES).default(1),
    count: z.number().int().min(1).max(MAX_OCCURRENCES, `A series has at most ${MAX_OCCURRENCES} sessions.`).optional(),
    until: londonDateInput.optional(),
  })
  .refine((r) => (r.count === undefined) !== (r.until === undefined), { message: 'Give either count or until.', path: ['count'] });
export type Recurrence = z.infer<typeof recurrenceSchema>;
