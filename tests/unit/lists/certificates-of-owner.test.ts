import { describe, expect, it } from 'vitest';
import { DB } from '../../../domain/databases';
import { certificateDocId } from '../../../domain/doc-ids';
import { certificatesOfOwner } from '../../../sync-server/certificates/read-certificates';
import { readPage } from '../../../sync-server/lists/read-page';
import type { Couch } from '../../../sync-server/plugins/couch';

const OWNER = 'pat@example.com';

/** The owner's by_owner rows, newest first, and the certificates that exist; records every view read. */
function fakeCouch(bookings: { id: string; sessionId: string; start: string; seats: number }[], certified: Map<string, string>) {
  const viewReads: Record<string, unknown>[] = [];
  const rows = [...bookings]
    .sort((a, b) => b.start.localeCompare(a.start))
    .map((b) => ({ id: b.id, key: [OWNER, b.start, b.id], value: { sessionId: b.sessionId, seats: b.seats } }));
  const db = (name: string) => ({
    view: async (_ddoc: string, _view: string, params: { limit: number; startkey: unknown[] }) => {
      viewReads.push(params);
      const from = rows.findIndex((row) => JSON.stringify(row.key) === JSON.stringify(params.startkey));
      return { rows: rows.slice(Math.max(from, 0), Math.max(from, 0) + params.limit) };
    },
    fetch: async ({ keys }: { keys: string[] }) => {
      expect(name).toBe(DB.attendance);
      return { rows: keys.map((key) => (certified.has(key) ? { id: key, doc: { _id: key, type: 'certificate', expiresOn: certified.get(key) } } : { key, error: 'not_found' })) };
    },
  });
  return { couch: { sync: { use: db } } as unknown as Couch, viewReads };
}

describe('certificatesOfOwner', () => {
  it("names each booking's certificates from the view's value, without reading the booking documents", async () => {
    const bookings = [
      { id: 'booking:a', sessionId: 'session:1', start: '2030-01-01T09:00:00.000Z', seats: 2 },
      { id: 'booking:b', sessionId: 'session:2', start: '2030-02-01T09:00:00.000Z', seats: 1 },
      { id: 'booking:c', sessionId: 'session:3', start: '2030-03-01T09:00:00.000Z', seats: 3 },
    ];
    const certified = new Map([
      [certificateDocId('session:1', 'booking:a', 1), '2033-01-01'],
      [certificateDocId('session:3', 'booking:c', 0), '2033-03-01'],
      [certificateDocId('session:3', 'booking:c', 2), '2040-03-01'],
    ]);
    const { couch, viewReads } = fakeCouch(bookings, certified);
    const page = await readPage(certificatesOfOwner(couch, OWNER, { from: '2032-01-01', to: '2035-01-01' }), 10, null);
    expect(page.items.map((certificate) => certificate._id)).toEqual([certificateDocId('session:3', 'booking:c', 0), certificateDocId('session:1', 'booking:a', 1)]);
    expect(viewReads.length).toBeGreaterThan(0);
    expect(viewReads.every((params) => params.include_docs === false)).toBe(true);
  });
});
