import { describeReason } from '../../domain/certificates';
import { londonDate } from '../../domain/london-time';
import type { SessionRoster } from './session-roster';
import { toCsv } from './csv';

/** The attendance register of one session: one line per attendee, one status and notes column per day. */
export function registerCsv({ session, rows }: Pick<SessionRoster, 'session' | 'rows'>): string {
  const dayColumns = session.days.flatMap((day, index) => [`Day ${index + 1} (${londonDate(day.start)})`, `Day ${index + 1} notes`]);
  const header = ['Attendee', 'Attendee email', 'Booking', 'Contact name', 'Contact email', ...dayColumns, 'Assessment', 'Marks', 'Assessment notes', 'Eligible', 'Certificate number', 'Certificate expires'];
  const lines = rows.map((row) => [
    row.name,
    row.email ?? '',
    row.bookingId,
    row.contact.name,
    row.contact.email,
    ...row.days.flatMap((mark) => [mark?.status ?? '', mark?.notes ?? '']),
    row.assessment?.result ?? '',
    row.assessment?.marks === undefined ? '' : String(row.assessment.marks),
    row.assessment?.notes ?? '',
    row.eligibility.eligible ? 'yes' : `no: ${row.eligibility.reasons.map(describeReason).join('; ')}`,
    row.certificate?.number ?? '',
    row.certificate?.expiresOn ?? '',
  ]);
  return toCsv([header, ...lines]);
}
