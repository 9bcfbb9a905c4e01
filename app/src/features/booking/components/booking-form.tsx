import { useState, type FormEvent } from 'react';
import { bookingRequest } from '../../../../../domain/schemas/booking';
import type { SessionDoc } from '../../../../../domain/schemas/catalog';
import { ErrorSummary } from '../../../shared/error-summary';
import { addRequest } from '../api/booking-requests';
import { flushOutbox } from '../api/outbox';
import { AttendeeFields } from './attendee-fields';

interface BookingFormProps {
  session: SessionDoc;
  seatsLeft: number;
}

const attendeesFrom = (form: HTMLFormElement, seats: number) => {
  const data = new FormData(form);
  return Array.from({ length: seats }, (_, index) => {
    const email = String(data.get(`email-${index}`) ?? '').trim();
    return { name: String(data.get(`name-${index}`) ?? ''), ...(email ? { email } : {}) };
  });
};

/** The summary links each error of `attendees.<n>.<field>` to its input, named `<field>-<n>`. */
const inputErrors = (errors: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(errors).map(([path, message]) => [path.replace(/^attendees\.(\d+)\.(\w+)$/, '$2-$1'), message]));

/** One named attendee per seat, 1..seats left. The request is kept on the device before it is sent. */
export function BookingForm({ session, seatsLeft }: BookingFormProps) {
  const [seats, setSeats] = useState(1);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const chosen = Math.min(seats, seatsLeft);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = bookingRequest.safeParse({ sessionId: session._id, attendees: attendeesFrom(form, chosen) });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message])));
      return;
    }
    setErrors({});
    try {
      const { courseTitle, location } = session;
      await addRequest({ sessionId: session._id, courseTitle, location, sessionStart: session.days[0]!.start, attendees: parsed.data.attendees }, navigator.onLine);
      form.reset();
      setSeats(1);
      void flushOutbox();
    } catch (error) {
      setFormError(`Could not save the booking on this device: ${(error as Error).message}`);
    }
  };

  return (
    <form noValidate className="booking-form" aria-label="Book this session" onSubmit={(event) => void onSubmit(event)}>
      <ErrorSummary message={formError} fields={inputErrors(errors)} />
      <div className="field">
        <label htmlFor="booking-seats">Seats</label>
        <select id="booking-seats" value={chosen} onChange={(event) => setSeats(Number(event.target.value))}>
          {Array.from({ length: seatsLeft }, (_, index) => (
            <option key={index + 1} value={index + 1}>
              {index + 1}
            </option>
          ))}
        </select>
      </div>
      {Array.from({ length: chosen }, (_, index) => (
        <AttendeeFields key={index} index={index} errors={errors} />
      ))}
      <button type="submit" className="button">
        Book {chosen === 1 ? '1 seat' : `${chosen} seats`}
      </button>
    </form>
  );
}
