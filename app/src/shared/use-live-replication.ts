import { useCallback, useEffect, useState } from 'react';

/** Starts a replication that reports its state; answers how to stop it (possibly once its code has loaded). */
export type StartReplication<S> = (onState: (state: S) => void) => (() => void) | Promise<() => void>;

/**
 * Keeps one live replication running for the whole page while `enabled`. It restarts when `epoch`
 * changes (a login can lift the 401/403 that ended it), when the network comes back (skipping the
 * rest of the back-off), and on `restart()`. `start` must be a stable function.
 */
export function useLiveReplication<S>(start: StartReplication<S>, initial: S, epoch: number, enabled = true) {
  const [state, setState] = useState<S>(initial);
  const [attempt, setAttempt] = useState(0);
  const restart = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    window.addEventListener('online', restart);
    return () => window.removeEventListener('online', restart);
  }, [restart]);

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let stop: (() => void) | undefined;
    void Promise.resolve(start(setState)).then((stopIt) => {
      if (stopped) stopIt();
      else stop = stopIt;
    });
    return () => {
      stopped = true;
      stop?.();
    };
  }, [start, enabled, epoch, attempt]);

  return { state, restart };
}
