import { z } from 'zod';
import { locationSchema } from '../../../../../domain/schemas/catalog';
import { ApiError } from '../../../shared/api-client';

const scheduleConflict = z.object({
  sessionId: z.string(),
  courseTitle: z.string(),
  location: locationSchema,
  start: z.string(),
  end: z.string(),
  occurrence: z.number(),
  occurrenceStart: z.string(),
  occurrenceEnd: z.string(),
});
export type ScheduleConflict = z.infer<typeof scheduleConflict>;

const conflictBody = z.object({ conflicts: z.array(scheduleConflict) });

/** The clashes a 409 `schedule_conflict` lists; empty for any other failure. */
export const conflictsOf = (error: unknown): ScheduleConflict[] => {
  if (!(error instanceof ApiError) || error.code !== 'schedule_conflict') return [];
  const parsed = conflictBody.safeParse(error.body);
  return parsed.success ? parsed.data.conflicts : [];
};
