import type { BookingRequestDoc } from './booking-request-doc';
import { hasDeviceBookings } from './device-bookings';

/** The device's booking requests, live, for every component that shows them. */
class RequestsStore {
  private snapshot: readonly BookingRequestDoc[] = [];
  private readonly listeners = new Set<() => void>();
  private started = false;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    void this.start();
    return () => this.listeners.delete(listener);
  };

  /** The device has just queued its first booking: follow the requests from now on. */
  readonly wake = (): Promise<void> => this.start();

  readonly getSnapshot = (): readonly BookingRequestDoc[] => this.snapshot;

  private async start(): Promise<void> {
    if (this.started || !(await hasDeviceBookings())) return;
    // Another call may have started it while this one waited.
    if (this.started) return;
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
