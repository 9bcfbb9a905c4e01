import { revGeneration } from '../../couch/client/revisions';
import type { SessionDoc } from '../../domain/schemas/catalog';

const MAX_SESSIONS = 5_000;

/**
 * The newest revision of each session's seat ledger this process has read or written, so that a
 * booking on a session the latest ledger shows as full is refused before anything is written, and
 * concurrent reads of one session share one request. Only ever an early "no": every seat is still
 * taken by a conditional write on the session's `_rev`, and a fresher read always wins.
 */
export class LatestLedgers {
  private readonly known = new Map<string, SessionDoc>();
  private readonly reading = new Map<string, Promise<SessionDoc | null>>();

  /** Keeps `doc` if it is newer than the revision known. */
  see(doc: SessionDoc): void {
    const known = this.known.get(doc._id);
    if (known && revGeneration(known._rev) >= revGeneration(doc._rev)) return;
    if (!known && this.known.size >= MAX_SESSIONS) this.known.delete(this.known.keys().next().value!);
    this.known.set(doc._id, doc);
  }

  /** The newest revision known of session `id`, if any. */
  get(id: string): SessionDoc | undefined {
    return this.known.get(id);
  }

  /** The newer of `doc` and the revision known. */
  latest(doc: SessionDoc): SessionDoc {
    const known = this.known.get(doc._id);
    return known && revGeneration(known._rev) > revGeneration(doc._rev) ? known : doc;
  }

  /** Reads a session; callers that ask while a read of it is in flight share that read. */
  read(id: string, fetch: () => Promise<SessionDoc | null>): Promise<SessionDoc | null> {
    let pending = this.reading.get(id);
    if (!pending) {
      pending = fetch()
        .then((doc) => {
          if (doc) this.see(doc);
          return doc;
        })
        .finally(() => this.reading.delete(id));
      this.reading.set(id, pending);
    }
    return pending.then((doc) => (doc ? this.latest(doc) : null));
  }
}
