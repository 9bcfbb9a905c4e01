import type { SessionDoc } from '../../../../../domain/schemas/catalog';
import { seatState, seatsLeft } from '../../../../../domain/seats';
import { plural } from '../../../shared/format';
import { formatLondonDateTime } from '../../../shared/london-time';
import { firstStart } from '../api/load-catalog';

const STATUS_TEXT: Record<SessionDoc['status'], string> = {
  scheduled: 'Scheduled',
  cancelled: 'Cancelled',
  completed: 'Completed',
};

export function SessionItem({ session }: { session: SessionDoc }) {
  const start = firstStart(session);
  const left = seatsLeft(session);
  return (
    <li className="session" data-status={session.status}>
      <p className="session__title">{session.courseTitle}</p>
      <p>
        <time dateTime={start}>{formatLondonDateTime(start)}</time>
        {session.days.length > 1 && ` · ${plural(session.days.length, 'day')}`}
      </p>
      <p>Location {session.location}</p>
      <p className="session__seats" data-seats={seatState(left)}>
        {plural(left, 'seat')} left
      </p>
      <p className="session__status">{STATUS_TEXT[session.status]}</p>
    </li>
  );
}
