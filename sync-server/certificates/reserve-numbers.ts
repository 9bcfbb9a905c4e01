import { conditionalWrite } from '../../couch/client/conditional-write';
import { certificateNumber } from '../../domain/certificates';
import { DB } from '../../domain/databases';
import { certificateCounterDocId, DOC_TYPES } from '../../domain/doc-ids';
import type { Couch } from '../plugins/couch';

interface CounterDoc {
  _id: string;
  _rev?: string;
  type: typeof DOC_TYPES.certificateCounter;
  next: number;
}

/**
 * Takes `count` consecutive certificate numbers of `year` with one conditional write on the year's
 * counter: a 409 means another issuer took numbers first, so read and take again. A crash after
 * this write leaves a gap in the sequence, never a duplicate.
 */
export async function reserveNumbers(couch: Couch, year: number, count: number): Promise<string[]> {
  const db = couch.sync.use<CounterDoc>(DB.attendance);
  const { first } = await conditionalWrite(db, certificateCounterDocId(year), (current) => {
    const first = current?.next ?? 1;
    return { write: { _id: certificateCounterDocId(year), type: DOC_TYPES.certificateCounter, next: first + count }, result: { first } };
  });
  return Array.from({ length: count }, (_, offset) => certificateNumber(year, first + offset));
}
