import type { PublicUser } from '../../../domain/schemas/auth';
import type { SessionDoc } from '../../../domain/schemas/catalog';
import { BookingPanel } from '../features/booking/components/booking-panel';
import { SessionDetail } from '../features/sessions/components/session-detail';
import { useCatalog } from '../shared/catalog/use-catalog';
import { hrefTo } from '../shared/router';

interface SessionRouteProps {
  id: string;
  user: PublicUser | null;
  seatsLeftOf: (session: SessionDoc) => number;
}

/** The session page: the sessions feature shows it, the booking feature books it. */
export function SessionRoute({ id, user, seatsLeftOf }: SessionRouteProps) {
  const catalog = useCatalog();
  const session = catalog.sessionsById.get(id);
  if (!session) {
    return (
      <section className="panel" aria-busy={catalog.status === 'loading'}>
        <h1>Session</h1>
        <p>{catalog.status === 'loading' ? 'Loading…' : 'This session is not in the catalog on this device.'}</p>
        <a href={hrefTo('/')}>All courses</a>
      </section>
    );
  }
  const seatsLeft = seatsLeftOf(session);
  return (
    <SessionDetail session={session} course={catalog.courses.get(session.courseId)} seatsLeft={seatsLeft}>
      <BookingPanel session={session} seatsLeft={seatsLeft} user={user} />
    </SessionDetail>
  );
}
