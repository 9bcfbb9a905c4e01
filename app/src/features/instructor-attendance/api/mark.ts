import { mergeMarks } from '../../../../../domain/attendance-marks';
import { addPending } from './pending-marks';
import type { MarkDoc } from './resolve-conflicts';
import { localAttendance } from './roster-db';

/** Writes a mark on the device: merged with the stored one (latest wins, the other to history). */
export async function saveMark(mark: MarkDoc): Promise<{ id: string; rev: string }> {
  const db = localAttendance();
  // Only a mark that is not there yet is written as is; any other failure to read it must surface, not overwrite it.
  const current = (await db.get(mark._id).catch((error: { status?: number }) => {
    if (error.status === 404) return null;
    throw error;
  })) as MarkDoc | null;
  const next = current ? { ...mergeMarks([current, mark]), _rev: current._rev } : mark;
  const result = await db.put(next);
  await addPending(result.id, result.rev);
  return { id: result.id, rev: result.rev };
}

/** Undo of "mark all present": removes those marks if nobody changed them since. */
export async function removeMarks(marks: readonly { id: string; rev: string }[]): Promise<void> {
  const db = localAttendance();
  for (const { id, rev } of marks) {
    const result = await db.remove(id, rev).catch(() => null);
    if (result) await addPending(result.id, result.rev);
  }
}
