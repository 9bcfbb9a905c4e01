import { useMemo, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { isLondonDate } from '../../../../../domain/london-time';
import { courseDays } from '../../../../../domain/recurrence';
import { DEFAULT_TRAVEL_BUFFER_MINUTES } from '../../../../../domain/schedule-overlap';
import { wallClock } from '../../../../../domain/schemas/catalog';
import { createSessionRequest, type CreateSessionRequest } from '../../../../../domain/schemas/scheduling';
import { apiRequest } from '../../../shared/api-client';
import type { CatalogSnapshot } from '../../../shared/catalog/catalog-store';
import { useScheduleSubmit } from '../hooks/use-schedule-submit';
import { previewOccurrences } from '../preview/occurrence-preview';
import { fieldErrorsOf, parseForm } from './form-issues';

export interface SessionFormValues {
  courseId: string;
  location: string;
  /** The London date of the first day. */
  date: string;
  startTime: string;
  endTime: string;
  capacity: string;
  notes: string;
  repeat: 'none' | 'daily' | 'weekly';
  interval: string;
  ends: 'count' | 'until';
  count: string;
  until: string;
}

export const EMPTY_SESSION_FORM: SessionFormValues = {
  courseId: '',
  location: 'A',
  date: '',
  startTime: '09:00',
  endTime: '16:30',
  capacity: '12',
  notes: '',
  repeat: 'none',
  interval: '1',
  ends: 'count',
  count: '4',
  until: '',
};

const whole = (message: string) => z.string().trim().regex(/^\d+$/, message).transform(Number);

/**
 * The form's strings → the shared request schema. One day per course day, consecutive, at the
 * chosen hours in London time; `durationOf` reads the course's length from the local catalog.
 */
export const sessionFormSchema = (durationOf: (courseId: string) => number | undefined) =>
  z
    .object({
      courseId: z.string().refine((id) => durationOf(id) !== undefined, 'Choose a course.'),
      location: z.string(),
      date: z.string().refine(isLondonDate, 'Choose the date of the first day.'),
      startTime: wallClock,
      endTime: wallClock,
      capacity: whole('Capacity is a whole number from 1 to 12.'),
      notes: z.string(),
      repeat: z.enum(['none', 'daily', 'weekly']),
      interval: whole('Repeat every 1 or more.'),
      ends: z.enum(['count', 'until']),
      count: z.string(),
      until: z.string(),
    })
    .transform((form) => ({
      courseId: form.courseId,
      location: form.location,
      capacity: form.capacity,
      notes: form.notes,
      days: courseDays({ durationDays: durationOf(form.courseId)!, dailyStart: form.startTime, dailyEnd: form.endTime }, form.date),
      recurrence:
        form.repeat === 'none'
          ? undefined
          : { frequency: form.repeat, interval: form.interval, ...(form.ends === 'count' ? { count: Number(form.count) || 0 } : { until: form.until }) },
    }));

export const parseSessionForm = (values: SessionFormValues, durationOf: (courseId: string) => number | undefined) =>
  parseForm(sessionFormSchema(durationOf), createSessionRequest, values);

/** Request paths back to the inputs: a bad day is the hours, a recurrence issue is its own field. */
const fieldOf = (path: readonly PropertyKey[]): string => {
  if (path[0] === 'days') return 'endTime';
  if (path[0] === 'recurrence') return String(path[1] ?? 'count');
  return String(path[0] ?? 'date');
};

const createdSessions = z.object({ sessions: z.array(z.object({ id: z.string(), start: z.string() })).min(1) });
export type CreatedSessions = z.infer<typeof createdSessions>['sessions'];

export const createSessions = async (request: CreateSessionRequest): Promise<CreatedSessions> =>
  createdSessions.parse(await apiRequest('/api/courses/sessions', { method: 'POST', body: request })).sessions;

/** The session form: live values, the device's preview of what a save creates, and the save itself. */
export const useCreateSessions = (catalog: CatalogSnapshot, onCreated: (sessions: CreatedSessions) => void) => {
  const [values, setValues] = useState(EMPTY_SESSION_FORM);
  const [touched, setTouched] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const { submit, pending, error, conflicts } = useScheduleSubmit();
  const parsed = useMemo(() => parseSessionForm(values, (id) => catalog.courses.get(id)?.durationDays), [values, catalog.courses]);
  const preview = useMemo(
    // The device assumes the default buffer; a server configured otherwise still has the last word.
    () => (parsed.success ? previewOccurrences(parsed.data, catalog.sessions, { travelBufferMinutes: DEFAULT_TRAVEL_BUFFER_MINUTES }) : []),
    [parsed, catalog.sessions],
  );
  const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error, fieldOf);

  const change = (patch: Partial<SessionFormValues>) => {
    setSaved(null);
    setValues((current) => ({ ...current, ...patch }));
  };
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (!parsed.success) return;
    const sessions = await submit(() => createSessions(parsed.data));
    if (!sessions) return;
    // Clear the date so the preview does not report the new sessions as clashing with themselves.
    setValues((current) => ({ ...current, date: '' }));
    setSaved(sessions.length);
    onCreated(sessions);
  };

  return { values, change, preview, saved, fieldErrors: touched ? fieldErrors : {}, problem: parsed.success ? null : parsed.error.issues[0]!.message, onSubmit, pending, error, conflicts };
};
