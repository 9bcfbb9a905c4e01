import { expect, it } from 'vitest';
import { checkpointDoc } from '../../../sync-server/db-proxy/checkpoint';

const id = '52c79a2f5c8b07251d5c83084655af62';

it("takes CouchDB's replicator writing back the checkpoint it read with revs=true, and forwards no revision history", () => {
  const written = checkpointDoc(id).parse({
    _id: `_local/${id}`,
    _rev: '0-1',
    session_id: '488ace0ee9af36592da0883f9fa9f82e',
    source_last_seq: 11,
    replication_id_version: 4,
    history: [{ session_id: '488ace0ee9af36592da0883f9fa9f82e', start_last_seq: 7, end_last_seq: 11, recorded_seq: 11, docs_read: 5 }],
    _revisions: { start: 0, ids: ['1'] },
  });
  expect(written).not.toHaveProperty('_revisions');
  expect(written).toMatchObject({ _id: `_local/${id}`, _rev: '0-1', source_last_seq: 11 });
});

it('refuses a revision history that is anything but a _local one', () => {
  expect(checkpointDoc(id).safeParse({ _revisions: { start: 3, ids: ['a', 'b'] } }).success).toBe(false);
});
