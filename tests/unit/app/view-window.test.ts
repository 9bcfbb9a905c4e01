import { describe, expect, it } from 'vitest';
import type { SessionDoc } from '../../../domain/schemas/catalog';
import { viewWindow } from '../../../app/src/features/sessions/calendar/view-window';
import { sessionsInWindow } from '../../../app/src/shared/catalog/time-window';

const session = (id: string, days: [string, string][]): SessionDoc => ({
  _id: `session:${id}`,
  type: 'session',
  courseId: 'course:efaw',
  courseTitle: 'Emergency First Aid at Work',
  location: 'A',
  days: days.map(([start, end]) => ({ start, end })),
  capacity: 12,
  status: 'scheduled',
  notes: '',
  holds: [],
  updatedAt: '2031-01-01T00:00:00.000Z',
});

const ids = (sessions: SessionDoc[]) => sessions.map((one) => one._id.slice('session:'.length));

describe('the sessions a calendar view can show', () => {
  const sessions = [
    session('late-feb', [['2031-02-26T09:00:00.000Z', '2031-02-26T16:30:00.000Z']]),
    session('march-1', [['2031-03-01T00:30:00.000Z', '2031-03-01T06:00:00.000Z']]),
    session('mid-march', [['2031-03-14T09:00:00.000Z', '2031-03-14T16:30:00.000Z']]),
    session('spans-into-april', [
      ['2031-03-10T09:00:00.000Z', '2031-03-10T16:30:00.000Z'],
      ['2031-04-02T08:00:00.000Z', '2031-04-02T15:30:00.000Z'],
    ]),
    session('june', [['2031-06-02T08:00:00.000Z', '2031-06-02T15:30:00.000Z']]),
  ];

  it('keeps the weeks a month view shows either side of the month', () => {
    expect(ids(sessionsInWindow(sessions, viewWindow('month', new Date(2031, 2, 15), 30)))).toEqual(['late-feb', 'march-1', 'mid-march', 'spans-into-april']);
  });

  it('keeps a session whose later day falls in a day view, and the day around midnight UTC', () => {
    expect(ids(sessionsInWindow(sessions, viewWindow('day', new Date(2031, 3, 2), 30)))).toEqual(['spans-into-april']);
    expect(ids(sessionsInWindow(sessions, viewWindow('day', new Date(2031, 2, 1), 30)))).toEqual(['march-1']);
  });

  it('covers the agenda length from its date', () => {
    expect(ids(sessionsInWindow(sessions, viewWindow('agenda', new Date(2031, 4, 20), 30)))).toEqual(['june']);
    expect(ids(sessionsInWindow(sessions, viewWindow('agenda', new Date(2031, 4, 20), 5)))).toEqual([]);
  });
});
