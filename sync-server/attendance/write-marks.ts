import type { DocumentScope } from 'nano';
import { conditionalWrite } from '../../couch/client/conditional-write';
import { mergeMarks, type MarkedDoc } from '../../domain/attendance-marks';

/**
 * Writes each new mark merged with the stored document: the later mark wins and the other goes to
 * history, exactly as a device does it. Conditional writes, so a concurrent writer is never lost.
 */
export async function writeMarks<T extends MarkedDoc>(db: DocumentScope<T>, marks: readonly T[]): Promise<T[]> {
  const written: T[] = [];
  for (const mark of marks) {
    const { doc } = await conditionalWrite(db, mark._id, (current) => {
      const doc = current ? mergeMarks([current, mark]) : mark;
      return { write: doc, result: { doc } };
    });
    written.push(doc);
  }
  return written;
}
