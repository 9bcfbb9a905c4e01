import type { RequestOptions, ServerScope } from 'nano';
import { currentSeq, type Change, type Seq } from './changes';

const PAGE_SIZE = 100;
/** The embedded server ignores a longpoll `timeout` (DESIGN.md); newlines every few seconds keep the request alive. */
const HEARTBEAT_MS = 10_000;
const RETRY_MS = [250, 500, 1_000, 2_000, 5_000];
/**
 * How long the feed runs on after its last follower leaves: longpoll callers leave with every answer
 * and ask again at once, and a feed kept running knows its position without asking the database.
 */
const LINGER_MS = 2_000;
/** Changes one follower may have waiting before it is cut off; it resumes from its cursor when it reconnects. */
export const FOLLOWER_QUEUE_LIMIT = 1_000;

/** The order of sequences: numbers on the embedded server, `N-opaque` strings on CouchDB 3. */
export const seqNumber = (seq: Seq): number => (typeof seq === 'number' ? seq : Number.parseInt(seq, 10) || 0);

export class FollowerTooSlow extends Error {
  constructor() {
    super(`More than ${FOLLOWER_QUEUE_LIMIT} changes waited for one follower`);
  }
}

export interface ChangesPage {
  results: Change[];
  last_seq: Seq;
}

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => (clearTimeout(timer), signal.removeEventListener('abort', done), resolve());
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * One upstream `_changes` longpoll for one database, shared by every follower in this process:
 * 400 open event streams cost the database one listener, not 400. It runs while someone follows,
 * survives the database going away (retrying with a growing pause, resuming from its last
 * sequence) and stops two seconds after the last follower leaves.
 */
export class SharedFeed {
  private readonly listeners = new Set<(change: Change) => void>();
  private head: Seq | null = null;
  private stop: AbortController | null = null;
  private loop: Promise<void> | null = null;
  private reading: Promise<Seq> | null = null;
  private idle: NodeJS.Timeout | null = null;

  constructor(
    private readonly server: ServerScope,
    readonly db: string,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /**
   * Where a follower that wants only new changes starts: the feed's own position when it runs. A
   * burst of new streams shares one read of the database's sequence.
   */
  async position(): Promise<Seq> {
    if (this.head !== null) return this.head;
    this.reading ??= currentSeq(this.server, this.db).finally(() => (this.reading = null));
    return this.reading;
  }

  get followers(): number {
    return this.listeners.size;
  }

  /**
   * Every change after `since`, in order, until `signal` aborts: first read from the database up to
   * where the shared feed stands (a follower resuming from an old cursor), then from the shared feed.
   * Throws FollowerTooSlow when the follower lets too many changes pile up.
   */
  async *follow(since: Seq, signal: AbortSignal): AsyncGenerator<Change> {
    const queue: Change[] = [];
    let overflow = false;
    let wake: (() => void) | null = null;
    const listener = (change: Change) => {
      if (queue.length >= FOLLOWER_QUEUE_LIMIT) overflow = true;
      else queue.push(change);
      wake?.();
    };
    const onAbort = () => wake?.();
    signal.addEventListener('abort', onAbort);
    this.listeners.add(listener);
    this.start();
    try {
      let last = seqNumber(since);
      // A follower starting at the feed's own position needs no catch-up read.
      if (last < seqNumber(await this.position())) {
        let cursor = since;
        for (;;) {
          const page = await this.read({ since: cursor, limit: PAGE_SIZE }, signal);
          for (const change of page.results) {
            last = Math.max(last, seqNumber(change.seq));
            yield change;
          }
          cursor = page.last_seq;
          if (page.results.length < PAGE_SIZE || signal.aborted) break;
        }
      }
      while (!signal.aborted) {
        if (overflow) throw new FollowerTooSlow();
        const change = queue.shift();
        if (!change) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
          continue;
        }
        // Already read while catching up: the shared feed and the catch-up read overlap by design.
        if (seqNumber(change.seq) <= last) continue;
        last = seqNumber(change.seq);
        yield change;
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      this.leave(listener);
    }
  }

  /**
   * A longpoll from where the feed stands, answered from the feed: the next page of changes it
   * reads (the first `limit`), or none after `waitMs`. Null when `since` is not where it stands: a
   * caller that is behind is answered by the database itself.
   */
  async nextChanges(since: Seq, limit: number, waitMs: number, signal: AbortSignal): Promise<ChangesPage | null> {
    const results: Change[] = [];
    let arrived: () => void = () => {};
    const listener = (change: Change) => {
      if (results.length < limit) results.push(change);
      // The rest of the page is handed out in the same turn; answer once it has been.
      if (results.length === 1) setImmediate(() => arrived());
    };
    this.listeners.add(listener);
    this.start();
    try {
      const head = await this.position();
      if (String(head) !== String(since)) return null;
      if (!results.length && !signal.aborted) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => arrived(), waitMs);
          arrived = () => (clearTimeout(timer), signal.removeEventListener('abort', arrived), resolve());
          signal.addEventListener('abort', arrived, { once: true });
        });
      }
      // The database's own form of the sequence (a number on the embedded server), not the query's text.
      return { results, last_seq: results.at(-1)?.seq ?? head };
    } finally {
      this.leave(listener);
    }
  }

  /** Stops the upstream request; followers still waiting simply see no more changes. */
  async close(): Promise<void> {
    this.halt();
    await this.loop;
  }

  /**
   * nano never settles a request aborted while it reads a non-JSON body (a longpoll's heartbeat
   * newlines), so the abort is raced here: closing must not wait for the database. The request gets
   * a signal of its own, and the listener on `signal` goes when the read settles: `signal` may be the
   * feed's, which lives as long as the feed and sees thousands of reads, and fetch leaves its
   * listener on the signal it is given until the request is garbage-collected.
   */
  private read(qs: Record<string, unknown>, signal: AbortSignal): Promise<ChangesPage> {
    if (signal.aborted) return Promise.reject(signal.reason);
    const request = new AbortController();
    let onAbort = () => {};
    const aborted = new Promise<never>((_, reject) => (onAbort = () => (request.abort(signal.reason), reject(signal.reason))));
    signal.addEventListener('abort', onAbort, { once: true });
    const options: RequestOptions & { signal: AbortSignal } = { db: this.db, path: '_changes', method: 'GET', qs: { include_docs: true, style: 'all_docs', ...qs }, signal: request.signal };
    return Promise.race([this.server.request(options) as Promise<ChangesPage>, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
  }

  private leave(listener: (change: Change) => void): void {
    this.listeners.delete(listener);
    if (this.listeners.size || this.idle) return;
    this.idle = setTimeout(() => {
      this.idle = null;
      if (!this.listeners.size) this.halt();
    }, LINGER_MS);
    this.idle.unref();
  }

  private start(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    if (this.stop) return;
    const stop = new AbortController();
    this.stop = stop;
    this.loop = this.run(stop.signal);
  }

  private halt(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    this.stop?.abort();
    this.stop = null;
    this.head = null;
  }

  private async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        const since = await this.position();
        if (signal.aborted) return;
        this.head ??= since;
        const page = await this.read({ feed: 'longpoll', since, heartbeat: HEARTBEAT_MS, limit: PAGE_SIZE }, signal);
        if (signal.aborted) return;
        failures = 0;
        for (const change of page.results) for (const listener of this.listeners) listener(change);
        this.head = page.last_seq;
      } catch (error) {
        if (signal.aborted) return;
        this.onError(error);
        await pause(RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]!, signal);
      }
    }
  }
}
