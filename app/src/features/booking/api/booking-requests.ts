import { DEVICE_DB, localDb } from '../../../shared/pouch';
import { bookingRequestDoc, type BookingRequestDoc } from './booking-request-doc';
import { requestsStore } from './requests-store';

export const requestsDb = () => localDb<BookingRequestDoc>(DEVICE_DB.bookings);

const REQUEST_PREFIX = 'request:';

export const listRequests = async (): Promise<BookingRequestDoc[]> => {
  const result = await requestsDb().allDocs({ include_docs: true, startkey: REQUEST_PREFIX, endkey: `${REQUEST_PREFIX}\ufff0` });
  return result.rows
    .flatMap((row) => {
      const parsed = bookingRequestDoc.safeParse('doc' in row ? row.doc : undefined);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
};

export type NewRequest = Pick<BookingRequestDoc, 'sessionId' | 'courseTitle' | 'location' | 'sessionStart' | 'attendees'>;

export const addRequest = async (request: NewRequest, online: boolean): Promise<BookingRequestDoc> => {
  const key = crypto.randomUUID();
  const doc = bookingRequestDoc.parse({ ...request, _id: `${REQUEST_PREFIX}${key}`, key, state: online ? 'sending' : 'queued', createdAt: new Date().toISOString() });
  await requestsDb().put(doc);
  await requestsStore.wake();
  return doc;
};

/** Read-modify-write; a 409 means another tab changed it first, so read again. */
export const updateRequest = async (id: string, patch: Partial<BookingRequestDoc>): Promise<void> => {
  for (;;) {
    const current = await requestsDb().get(id);
    try {
      await requestsDb().put({ ...current, ...patch, _id: id, _rev: current._rev });
      return;
    } catch (error) {
      if ((error as { status?: number }).status !== 409) throw error;
    }
  }
};
