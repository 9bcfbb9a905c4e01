import type { BookingRequestDoc } from './booking-request-doc';

/** The device's booking requests, live, for every component that shows them. */
class RequestsStore {
  private snapshot: readonly BookingRequestDoc[] = [];
  private readonly listeners = new Set<() => void>();
  private started = false;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.started) void this.start();
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): readonly BookingRequestDoc[] => this.snapshot;

  private async start(): Promise<void> {
    this.started = true;
    // Loaded after the first paint: it brings PouchDB and zod, and nothing is queued on most visits.
    const { listRequests, requestsDb } = await import('./booking-requests');
    const refresh = async () => {
      this.snapshot = await listRequests();
      for (const listener of this.listeners) listener();
    };
    requestsDb().changes({ since: 'now', live: true }).on('change', () => void refresh());
    void refresh();
  }
}

export const requestsStore = new RequestsStore();
