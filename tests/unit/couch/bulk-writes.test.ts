import { describe, expect, it } from 'vitest';
import { DocWriteError, outcomesById } from '../../../couch/client/bulk-writes';

const doc = (id: string) => ({ _id: id, _rev: '1-a' });

describe('outcomesById: each write of a group commit gets its own answer', () => {
  it('matches answers to documents by id when the server answers in another order, refusals first', () => {
    // pouchdb-server's answer order: validation refusals first, then the rest as validation finished.
    const outcomes = outcomesById(
      [doc('booking:1'), doc('booking:2'), doc('booking:3')],
      [
        { id: 'booking:2', error: 'conflict', reason: 'Document update conflict' },
        { id: 'booking:3', rev: '2-c' },
        { id: 'booking:1', rev: '2-a' },
      ],
    );
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: { rev: '2-a' } });
    expect(outcomes[1]!.status).toBe('rejected');
    expect((outcomes[1] as { reason: DocWriteError }).reason.statusCode).toBe(409);
    expect(outcomes[2]).toEqual({ status: 'fulfilled', value: { rev: '2-c' } });
  });

  it('gives a document written twice in one request its answers in order', () => {
    const outcomes = outcomesById([doc('session:1'), doc('session:1')], [
      { id: 'session:1', rev: '2-x' },
      { id: 'session:1', error: 'conflict', reason: 'Document update conflict' },
    ]);
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: { rev: '2-x' } });
    expect((outcomes[1] as { reason: DocWriteError }).reason.statusCode).toBe(409);
  });

  it('refuses a document the answer does not mention', () => {
    const [outcome] = outcomesById([doc('booking:9')], [{ id: 'booking:8', rev: '1-b' }]);
    expect(outcome!.status).toBe('rejected');
    expect((outcome as { reason: DocWriteError }).reason.message).toBe('No answer for this document.');
  });
});
