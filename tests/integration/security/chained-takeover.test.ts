import { expect, it } from 'vitest';
import { DB, ROLES } from '../../../domain/databases';
import { as, signUp } from '../../helpers/build-app';
import { attendees, insertSession, readSession } from '../../helpers/bookings';
import { adminGet, json, useGatewayCallers } from './callers';

const gateway = useGatewayCallers();
const { couch } = gateway;

const send = (path: string, init: RequestInit) => fetch(`${gateway.baseUrl}${path}`, init);
const customersAsAdmins = { admins: { names: [], roles: [ROLES.customer, ROLES.service] }, members: { names: [], roles: [] } };

// Issue 11, found 1: anonymous made customers database admins through _local/_security, a customer
// replaced the catalog's validate_doc_update and emptied a full session's holds, and 12 more
// bookings were confirmed on a 12-seat session. Each step is refused now, and nothing changed.
it('refuses every step of the chained take-over of a full session, and the 13th seat stays unbookable', async () => {
  const session = await insertSession(gateway.app.couch, { capacity: 12 });
  const customer = await signUp(gateway.app);
  const booked = await gateway.app.inject(as(customer.cookie, { method: 'POST', url: '/api/bookings', payload: { sessionId: session._id, attendees: attendees(12) } }));
  expect(booked.statusCode).toBe(201);
  const securityBefore = await adminGet(couch, `/${DB.catalog}/_security`);
  const designBefore = await adminGet(couch, `/${DB.catalog}/_design/catalog`);

  const anonymous = await send(`/db/${DB.catalog}/_local/_security`, json('PUT', customersAsAdmins));
  expect(anonymous.status).toBe(401);
  const asCustomer = await send(`/db/${DB.catalog}/_local/_security`, json('PUT', customersAsAdmins, gateway.headers.customer));
  expect(asCustomer.status).toBe(403);
  expect(await asCustomer.json()).toMatchObject({ error: 'local_doc_not_allowed' });
  for (const docs of [
    [{ _id: '_local/_security', ...customersAsAdmins }],
    [{ ...designBefore.body, validate_doc_update: 'function () {}' }],
    [{ ...(await readSession(gateway.app.couch, session._id)), holds: [] }],
  ]) {
    const response = await send(`/db/${DB.catalog}/_bulk_docs`, json('POST', { docs }, gateway.headers.customer));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'forbidden', message: expect.any(String) });
  }
  expect((await send(`/db/${DB.catalog}/_design/catalog`, json('PUT', { ...designBefore.body, validate_doc_update: 'function () {}' }, gateway.headers.customer))).status).toBe(403);

  expect(await adminGet(couch, `/${DB.catalog}/_security`)).toEqual(securityBefore);
  expect((await adminGet(couch, `/${DB.catalog}/_design/catalog`)).body._rev).toBe(designBefore.body._rev);
  expect((await readSession(gateway.app.couch, session._id)).holds.reduce((seats, hold) => seats + hold.seats, 0)).toBe(12);
  const thirteenth = await gateway.app.inject(as((await signUp(gateway.app)).cookie, { method: 'POST', url: '/api/bookings', payload: { sessionId: session._id, attendees: attendees(1) } }));
  expect(thirteenth.statusCode).toBe(409);
  expect(thirteenth.json()).toMatchObject({ error: 'session_full' });
});

// Found 1, second half: a service account gave itself admin on rft_bookings and forged a confirmed booking.
it('refuses a service account making itself admin of the bookings and forging a confirmed booking', async () => {
  const securityBefore = await adminGet(couch, `/${DB.bookings}/_security`);
  const selfAdmin = await send(`/db/${DB.bookings}/_local/_security`, json('PUT', customersAsAdmins, gateway.headers.service));
  expect(selfAdmin.status).toBe(403);
  const forged = {
    _id: `booking:forged-${process.pid}`,
    type: 'booking',
    status: 'confirmed',
    seats: 1,
    attendees: [{ name: 'Nobody' }],
    owner: 'svc',
    sessionId: 'session:any',
    courseId: 'course:any',
    sessionStart: '2030-01-01T09:00:00Z',
    createdAt: '2030-01-01T00:00:00Z',
  };
  for (const docs of [[{ _id: '_local/_security', ...customersAsAdmins }], [forged]]) {
    const response = await send(`/db/${DB.bookings}/_bulk_docs`, json('POST', { docs }, gateway.headers.service));
    expect(response.status).toBe(403);
  }
  expect((await send(`/db/${DB.bookings}/${encodeURIComponent(forged._id)}`, json('PUT', forged, gateway.headers.service))).status).toBe(403);
  expect(await adminGet(couch, `/${DB.bookings}/_security`)).toEqual(securityBefore);
  expect((await adminGet(couch, `/${DB.bookings}/${encodeURIComponent(forged._id)}`)).status).toBe(404);
});
