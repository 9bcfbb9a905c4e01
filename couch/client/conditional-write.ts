import type { DocumentScope } from 'nano';
import { isConflict, isNotFound } from './index';

/** What a decision function answers after reading the current document. */
export type Decision<T, R> =
  | { write: T; result: R }
  | { done: R };

export class BusyError extends Error {
  constructor(readonly attempts: number) {
    super(`Gave up after ${attempts} write conflicts`);
  }
}

export interface RetryOptions {
  attempts?: number;
  /** Upper bound of the random pause between attempts, doubled after every conflict. */
  jitterMs?: number;
}

export interface WriteOptions<T> extends RetryOptions {
  /** A revision the caller has just read or written: it stands in for the first read. */
  known?: T;
  /** How the document is written (a 409 means conflict, as from a PUT); one insert by default. */
  write?: (doc: T) => Promise<{ rev: string }>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Read, decide, write with the `_rev` that was read. A 409 means another writer won the race: read
 * again and decide again. Correctness rests on CouchDB's revision check, never on a lock in this
 * process, so several sync-server processes can run side by side.
 * `decide` receives `null` when the document does not exist. A `known` revision that is no longer
 * current simply gets a 409 and is read again; one it decides to leave alone is read first.
 */
export async function conditionalWrite<T extends { _id: string; _rev?: string }, R>(
  db: DocumentScope<T>,
  id: string,
  decide: (current: T | null) => Decision<T, R> | Promise<Decision<T, R>>,
  options: WriteOptions<T> = {},
): Promise<R & { retries: number; rev?: string }> {
  const attempts = options.attempts ?? 40;
  let jitter = options.jitterMs ?? 5;
  const write = options.write ?? ((doc: T) => db.insert(doc));
  const read = () =>
    db.get(id).catch((error: unknown) => {
      if (isNotFound(error)) return null;
      throw error;
    });
  for (let attempt = 0; attempt < attempts; attempt++) {
    const fromKnown = attempt === 0 && !!options.known?._rev;
    let current = fromKnown ? options.known! : await read();
    let decision = await decide(current);
    // A known revision only saves the read before a write: a decision to write nothing is made on the current one.
    if ('done' in decision && fromKnown) {
      current = await read();
      decision = await decide(current);
    }
    if ('done' in decision) return { ...decision.done, retries: attempt };
    try {
      const { rev } = await write({ ...decision.write, _id: id, ...(current?._rev ? { _rev: current._rev } : {}) });
      return { ...decision.result, retries: attempt, rev };
    } catch (error) {
      if (!isConflict(error)) throw error;
      await pause(Math.random() * jitter);
      jitter = Math.min(jitter * 2, 200);
    }
  }
  throw new BusyError(attempts);
}
