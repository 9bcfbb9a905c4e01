import { useMemo, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { isLondonDate, utcToLondon } from '../../../../../domain/london-time';
import { DEFAULT_TRAVEL_BUFFER_MINUTES } from '../../../../../domain/schedule-overlap';
import type { SessionDoc } from '../../../../../domain/schemas/catalog';
import { updateSessionRequest, type UpdateSessionRequest } from '../../../../../domain/schemas/scheduling';
import { apiRequest } from '../../../shared/api-client';
import { useScheduleSubmit } from '../hooks/use-schedule-submit';
import { previewOccurrences } from '../preview/occurrence-preview';
import { fieldErrorsOf, parseForm } from './form-issues';

export interface DayValues {
  date: string;
  start: string;
  end: string;
}

export interface EditSessionValues {
  location: string;
  capacity: string;
  notes: string;
  days: DayValues[];
}

/** A stored session as the form shows it: London dates and times. */
export const editValuesOf = (session: SessionDoc): EditSessionValues => ({
  location: session.location,
  capacity: String(session.capacity),
  notes: session.notes,
  days: session.days.map((day) => {
    const [date = '', start = ''] = utcToLondon(day.start).split('T');
    return { date, start, end: utcToLondon(day.end).slice(11) };
  }),
});

const wallClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time like 09:30.');

export const editSessionSchema = z
  .object({
    location: z.string(),
    capacity: z.string().trim().regex(/^\d+$/, 'Capacity is a whole number from 1 to 12.').transform(Number),
    notes: z.string(),
    days: z.array(z.object({ date: z.string().refine(isLondonDate, 'Choose a date.'), start: wallClock, end: wallClock })),
  })
  .transform((form) => ({ ...form, days: form.days.map((day) => ({ start: `${day.date}T${day.start}`, end: `${day.date}T${day.end}` })) }));

export const parseEditForm = (values: EditSessionValues) => parseForm(editSessionSchema, updateSessionRequest, values);

/** `days.1.end` → the second day's end input. */
const fieldOf = (path: readonly PropertyKey[]): string =>
  path[0] === 'days' ? `day-${String(path[1] ?? 0)}-${path[2] === 'start' ? 'start' : 'end'}` : String(path[0] ?? 'days');

const updated = z.object({ session: z.object({ id: z.string() }) });

export const updateSession = async (id: string, request: UpdateSessionRequest): Promise<void> => {
  updated.parse(await apiRequest(`/api/courses/sessions/${encodeURIComponent(id)}`, { method: 'PUT', body: request }));
};

/** Move, re-time, relocate, resize or annotate one session; the device warns of clashes before the server decides. */
export const useUpdateSession = (session: SessionDoc, sessions: readonly SessionDoc[]) => {
  const [values, setValues] = useState(() => editValuesOf(session));
  const [saved, setSaved] = useState(false);
  const { submit, pending, error, conflicts } = useScheduleSubmit();
  const parsed = useMemo(() => parseEditForm(values), [values]);
  const clashes = useMemo(() => {
    if (!parsed.success || !parsed.data.days) return [];
    const slot = { location: parsed.data.location ?? session.location, days: parsed.data.days };
    return previewOccurrences(slot, sessions, { travelBufferMinutes: DEFAULT_TRAVEL_BUFFER_MINUTES, ignore: session._id })[0]!.clashes;
  }, [parsed, sessions, session]);

  const change = (patch: Partial<EditSessionValues>) => {
    setSaved(false);
    setValues((current) => ({ ...current, ...patch }));
  };
  const changeDay = (index: number, patch: Partial<DayValues>) =>
    change({ days: values.days.map((day, at) => (at === index ? { ...day, ...patch } : day)) });
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!parsed.success) return;
    const request = parsed.data;
    if ((await submit(() => updateSession(session._id, request).then(() => true))) === true) setSaved(true);
  };

  return { values, change, changeDay, clashes, saved, fieldErrors: parsed.success ? {} : fieldErrorsOf(parsed.error, fieldOf), onSubmit, pending, error, conflicts };
};
