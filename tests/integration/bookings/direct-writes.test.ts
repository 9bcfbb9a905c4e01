import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB } from '../../../domain/databases';
import { bookingDocId, newHoldId } from '../../../domain/doc-ids';
import { logIn, signUp, type TestApp } from '../../helpers/build-app';
import { listenTestApp } from '../../helpers/listen';
import { INSTRUCTOR } from '../../helpers/test-couch';
import { attendees, insertSession } from '../../helpers/bookings';

let app: TestApp;
let baseUrl: string;
beforeAll(async () => {
  ({ app, baseUrl } = await listenTestApp());
});
afterAll(() => app.close());

describe('bookings are written only through the validator', () => {
  it('refuses a booking document pushed through /db by a customer or by the instructor', async () => {
    const session = await insertSession(app.couch);
    const customer = await signUp(app);
    const instructor = await logIn(app, INSTRUCTOR.email, INSTRUCTOR.password);
    const send = async (who: string, cookie: string) => {
      const doc = {
        _id: bookingDocId(),
        type: 'booking',
        owner: who,
        sessionId: session._id,
        courseId: session.courseId,
        sessionStart: session.days[0]!.start,
        seats: 1,
        holdId: newHoldId(),
        attendees: attendees(1),
        contact: { name: 'Sneaky', email: who },
        status: 'confirmed',
        createdAt: new Date().toISOString(),
      };
      const response = await fetch(`${baseUrl}/db/${DB.bookings}/_bulk_docs`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ docs: [doc] }),
      });
      await expect(app.couch.sync.use(DB.bookings).get(doc._id)).rejects.toMatchObject({ statusCode: 404 });
      return { status: response.status, body: await response.json() };
    };
    // Neither may write the bookings database through the /db gateway: it refuses before CouchDB
    // (whose validate_doc_update would refuse them too; tests/unit/design-docs covers that).
    expect(await send(customer.email, customer.cookie)).toEqual({ status: 403, body: expect.objectContaining({ error: 'forbidden' }) });
    expect(await send(INSTRUCTOR.email, instructor)).toEqual({ status: 403, body: expect.objectContaining({ error: 'forbidden' }) });
  });
});
