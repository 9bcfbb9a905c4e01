import { describe, expect, inject, it } from 'vitest';
import { couchAs } from '../../../couch/client';
import { BulkWrites } from '../../../couch/client/bulk-writes';
import { DB } from '../../../domain/databases';

const couch = inject('couch');
const server = couchAs(couch.url, couch.sync);
const unique = (label: string) => `course:bulk-${label}-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
const course = (id: string, title = 'First Aid at Work') => ({ _id: id, type: 'course', code: 'FAW', title, description: '', durationDays: 3, dailyStart: '09:00', dailyEnd: '16:30', pricePence: 22500, certificateValidityMonths: 36, active: true });

describe('BulkWrites', () => {
  it('answers each of many concurrent writes as its own PUT would: a revision, or a 409 for the one that lost', async () => {
    const writes = new BulkWrites(server);
    const ids = Array.from({ length: 30 }, (_, i) => unique(String(i)));
    const revs = await Promise.all(ids.map((id) => writes.write(DB.catalog, course(id))));
    expect(revs.every(({ rev }) => rev.startsWith('1-'))).toBe(true);
    const [first, stale] = await Promise.allSettled([
      writes.write(DB.catalog, { ...course(ids[0]!, 'Renamed once'), _rev: revs[0]!.rev }),
      writes.write(DB.catalog, { ...course(ids[0]!, 'Renamed twice'), _rev: revs[0]!.rev }),
    ]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { rev: expect.stringMatching(/^2-/) } });
    expect(stale).toMatchObject({ status: 'rejected', reason: { statusCode: 409 } });
    expect(await server.use(DB.catalog).get(ids[0]!)).toMatchObject({ title: 'Renamed once' });
  });

  it("refuses a document the database's validate_doc_update forbids with a 403, and writes the others of its batch", async () => {
    const writes = new BulkWrites(server);
    const good = unique('good');
    const [bad, kept] = await Promise.allSettled([
      writes.write(DB.catalog, { _id: unique('bad').replace('course:', 'session:'), type: 'session', days: [] }),
      writes.write(DB.catalog, course(good)),
    ]);
    expect(bad).toMatchObject({ status: 'rejected', reason: { statusCode: 403 } });
    expect(kept.status).toBe('fulfilled');
    expect(await server.use(DB.catalog).get(good)).toMatchObject({ _id: good });
  });
});
