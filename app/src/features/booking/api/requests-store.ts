import type { BookingRequestDoc } from './booking-request-doc';
import { listRequests, requestsDb } from './booking-requests';

/** The device's booking requests, live, for every component that shows them. */
class RequestsStore {
  private snapshot: readonly BookingRequestDoc[] = [];
  private readonly listeners = new Set<() => void>();
  private started = false;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.started) this.start();
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): readonly BookingRequestDoc[] => this.snapshot;

  private start(): void {
    this.started = true;
    const refresh = async () => {
      this.snapshot = await listRequests();
      for (const listener of this.listeners) listener();
    };
    requestsDb().changes({ since: 'now', live: true }).on('change', () => void refresh());
    void refresh();
  }
}

export const requestsStore = new RequestsStore();
