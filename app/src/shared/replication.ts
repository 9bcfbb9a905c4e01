/** PouchDB's default backs off to 10 minutes; a booking app should notice the server sooner. */
export const backOffUpTo =
  (maxMs: number) =>
  (delay: number): number =>
    delay === 0 ? 1_000 : Math.min(delay * 2, maxMs);

/** Live replication stops for good on these (even with retry): only a new login restarts it. */
export const refusedAccess = (error: unknown): boolean => {
  const status = (error as { status?: number } | null)?.status;
  return status === 401 || status === 403;
};

export const errorMessage = (error: unknown): string => (error as { message?: string } | null)?.message || 'unknown error';
