import { useState } from 'react';
import { ApiError } from '../../../shared/api-client';
import { conflictsOf, type ScheduleConflict } from '../api/schedule-conflicts';

/** Sends one schedule change and keeps what the form shows: pending, the server's message, its clash list. */
export const useScheduleSubmit = () => {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<ScheduleConflict[]>([]);

  const submit = async <R>(send: () => Promise<R>): Promise<R | undefined> => {
    setPending(true);
    setError(null);
    setConflicts([]);
    try {
      return await send();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'Something went wrong. Please try again.');
      setConflicts(conflictsOf(failure));
      return undefined;
    } finally {
      setPending(false);
    }
  };

  return { submit, pending, error, conflicts };
};
