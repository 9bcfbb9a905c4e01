import { localAttendance, remoteAttendance } from './roster-db';

/**
 * Marks written on this device that the server does not have yet, as id → rev, kept in a _local
 * document (never replicated) so the count survives an offline reload. Writes are chained so two
 * updates never race on the document's _rev.
 */
const PENDING_ID = '_local/pending-marks';

interface PendingDoc {
  _id: string;
  _rev?: string;
  revs: Record<string, string>;
}

let queue: Promise<unknown> = Promise.resolve();
const listeners = new Set<(count: number) => void>();

const read = async (): Promise<PendingDoc> =>
  (await localAttendance().get(PENDING_ID).catch(() => null)) as PendingDoc | null ?? { _id: PENDING_ID, revs: {} };

const update = (change: (revs: Record<string, string>) => Promise<Record<string, string>> | Record<string, string>): Promise<number> => {
  const next = queue.then(async () => {
    const doc = await read();
    const revs = await change({ ...doc.revs });
    await localAttendance().put({ ...doc, revs } as never);
    const count = Object.keys(revs).length;
    listeners.forEach((listener) => listener(count));
    return count;
  });
  queue = next.catch(() => undefined);
  return next;
};

export const pendingCount = async (): Promise<number> => Object.keys((await read()).revs).length;

export const onPendingChange = (listener: (count: number) => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const addPending = (id: string, rev: string): Promise<number> => update((revs) => ({ ...revs, [id]: rev }));

/** Asks the server which pending revisions it now holds (_revs_diff) and forgets those. */
export const reconcilePending = (): Promise<number> =>
  update(async (revs) => {
    const ids = Object.keys(revs);
    if (!ids.length) return revs;
    const missing = await remoteAttendance().revsDiff(Object.fromEntries(ids.map((id) => [id, [revs[id]!]])));
    return Object.fromEntries(ids.filter((id) => missing[id]).map((id) => [id, revs[id]!]));
  });
