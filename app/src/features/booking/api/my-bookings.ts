import { z } from 'zod';
import { bookingsPage, publicBooking, type PublicBooking } from '../../../../../domain/schemas/booking';
import { allPages } from '../../../shared/all-pages';
import { ApiError, apiRequest } from '../../../shared/api-client';
import { DEVICE_DB, localDb } from '../../../shared/pouch';

/** The server lists the next 90 days unless asked; My bookings shows every booking, past and upcoming. */
const EVERY_BOOKING = '/api/bookings?from=2000-01-01&to=2200-01-01&limit=500';
const oneResponse = z.object({ booking: publicBooking });
const cacheDoc = z.object({ _id: z.string(), _rev: z.string().optional(), bookings: z.array(publicBooking), fetchedAt: z.string() });
type CacheDoc = z.infer<typeof cacheDoc>;

const cacheDb = () => localDb<CacheDoc>(DEVICE_DB.bookings);
/** One cache per account, so a shared device never shows one customer another's bookings. */
const cacheId = (owner: string) => `cache:bookings:${owner}`;

export interface MyBookings {
  bookings: PublicBooking[];
  fetchedAt: string;
  /** True when the server could not be reached and this is the copy saved on the device. */
  saved: boolean;
}

const readCache = async (owner: string): Promise<CacheDoc | null> =>
  cacheDb()
    .get(cacheId(owner))
    .then((doc) => cacheDoc.parse(doc))
    .catch(() => null);

/** Read-modify-write; a 409 means another load of the list saved first, so take its revision and save again. */
const writeCache = async (owner: string, bookings: PublicBooking[], fetchedAt: string): Promise<void> => {
  for (;;) {
    const rev = await cacheDb()
      .get(cacheId(owner))
      .then((doc) => doc._rev, () => undefined);
    try {
      await cacheDb().put({ _id: cacheId(owner), ...(rev ? { _rev: rev } : {}), bookings, fetchedAt });
      return;
    } catch (error) {
      if ((error as { status?: number }).status !== 409) throw error;
    }
  }
};

/** The server's list when it answers (saved for offline use), else the last saved list. */
export const loadMyBookings = async (owner: string): Promise<MyBookings> => {
  try {
    const bookings = await allPages(EVERY_BOOKING, (body) => {
      const page = bookingsPage.parse(body);
      return { items: page.bookings, next: page.next };
    });
    const fetchedAt = new Date().toISOString();
    await writeCache(owner, bookings, fetchedAt);
    return { bookings, fetchedAt, saved: false };
  } catch (error) {
    const cached = error instanceof ApiError && error.status === 0 ? await readCache(owner) : null;
    if (!cached) throw error;
    return { bookings: cached.bookings, fetchedAt: cached.fetchedAt, saved: true };
  }
};

export const cancelMyBooking = async (owner: string, id: string): Promise<PublicBooking> => {
  const { booking } = oneResponse.parse(await apiRequest(`/api/bookings/${encodeURIComponent(id)}`, { method: 'DELETE' }));
  const cached = await readCache(owner);
  if (cached) await writeCache(owner, cached.bookings.map((b) => (b.id === id ? booking : b)), cached.fetchedAt);
  return booking;
};
