import { useState } from 'react';
import { z } from 'zod';
import { ApiError, apiRequest } from '../../../shared/api-client';

const impactSchema = z.object({ bookings: z.number(), attendees: z.number() });
export type CancellationImpact = z.infer<typeof impactSchema>;

const path = (id: string) => `/api/courses/sessions/${encodeURIComponent(id)}`;

/** What cancelling would cancel, read from the server's seat ledger. */
export const getCancellationImpact = async (id: string): Promise<CancellationImpact> =>
  impactSchema.parse(await apiRequest(`${path(id)}/cancellation`));

export const cancelSession = async (id: string): Promise<CancellationImpact> =>
  z.object({ cancelled: impactSchema }).parse(await apiRequest(path(id), { method: 'DELETE' })).cancelled;

type CancelState =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'confirming'; impact: CancellationImpact }
  | { step: 'cancelling'; impact: CancellationImpact };

const messageOf = (error: unknown): string => (error instanceof ApiError ? error.message : 'Something went wrong. Please try again.');

/** Ask the server what a cancel would cancel, say so, then cancel. */
export const useCancelSession = (id: string, onCancelled: (cancelled: CancellationImpact) => void) => {
  const [state, setState] = useState<CancelState>({ step: 'idle' });
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    setError(null);
    setState({ step: 'checking' });
    try {
      setState({ step: 'confirming', impact: await getCancellationImpact(id) });
    } catch (failure) {
      setError(messageOf(failure));
      setState({ step: 'idle' });
    }
  };
  const confirm = async (impact: CancellationImpact) => {
    setError(null);
    setState({ step: 'cancelling', impact });
    try {
      onCancelled(await cancelSession(id));
      setState({ step: 'idle' });
    } catch (failure) {
      setError(messageOf(failure));
      setState({ step: 'confirming', impact });
    }
  };
  const keep = () => setState({ step: 'idle' });

  return { state, error, start, confirm, keep };
};
