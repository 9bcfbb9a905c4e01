import type { DocumentScope } from 'nano';
import { describe, expect, inject, it } from 'vitest';
import { couchAs } from '../../../couch/client';
import { conditionalWrite, type Decision } from '../../../couch/client/conditional-write';
import { DB } from '../../../domain/databases';

const couch = inject('couch');
const server = couchAs(couch.url, couch.sync);
type Course = { _id: string; _rev?: string; title: string; [field: string]: unknown };

async function insertCourse(title: string): Promise<Course> {
  const doc: Course = {
    _id: `course:conditional-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    type: 'course',
    code: 'EFAW',
    title,
    description: '',
    durationDays: 1,
    dailyStart: '09:00',
    dailyEnd: '16:00',
    pricePence: 9500,
    certificateValidityMonths: 36,
    active: true,
  };
  const { rev } = await server.use<Course>(DB.catalog).insert(doc);
  return { ...doc, _rev: rev };
}

/** The catalog as the sync-server sees it, counting the reads of documents. */
function countingReads(): { db: DocumentScope<Course>; reads: () => number } {
  const db = server.use<Course>(DB.catalog);
  let reads = 0;
  const counted = new Proxy(db, {
    get: (target, property, receiver) =>
      property === 'get'
        ? (...args: Parameters<typeof db.get>) => {
            reads++;
            return target.get(...args);
          }
        : Reflect.get(target, property, receiver),
  });
  return { db: counted, reads: () => reads };
}

const renameTo = (title: string) => (current: Course | null): Decision<Course, { title: string }> => ({ write: { ...current!, title }, result: { title } });

describe('conditionalWrite with a known revision', () => {
  it('writes on a known current revision without reading it', async () => {
    const course = await insertCourse('First Aid at Work');
    const { db, reads } = countingReads();
    const written = await conditionalWrite(db, course._id, renameTo('First Aid at Work (3 days)'), { known: course });
    expect(written).toMatchObject({ retries: 0, rev: expect.stringMatching(/^2-/) });
    expect(reads()).toBe(0);
    expect(await server.use<Course>(DB.catalog).get(course._id)).toMatchObject({ title: 'First Aid at Work (3 days)' });
  });

  it('takes the 409 of a stale known revision, reads the current one and writes on it', async () => {
    const course = await insertCourse('Paediatric First Aid');
    await server.use<Course>(DB.catalog).insert({ ...course, title: 'Paediatric First Aid (12 hours)' });
    const { db, reads } = countingReads();
    const written = await conditionalWrite(db, course._id, (current) => renameTo(`${current!.title}, Location A`)(current), { known: course });
    expect(written).toMatchObject({ retries: 1, rev: expect.stringMatching(/^3-/) });
    expect(reads()).toBe(1);
    expect(await server.use<Course>(DB.catalog).get(course._id)).toMatchObject({ title: 'Paediatric First Aid (12 hours), Location A' });
  });

  it('decides to leave a document alone only on its current revision, never on a known one alone', async () => {
    const course = await insertCourse('Full');
    await server.use<Course>(DB.catalog).insert({ ...course, title: 'Seats free again' });
    const { db, reads } = countingReads();
    const decide = (current: Course | null): Decision<Course, { title: string }> =>
      current!.title === 'Full' ? { done: { title: current!.title } } : renameTo('Booked')(current);
    const written = await conditionalWrite(db, course._id, decide, { known: course });
    expect(written).toMatchObject({ title: 'Booked', retries: 0, rev: expect.stringMatching(/^3-/) });
    expect(reads()).toBe(1);
  });
});
