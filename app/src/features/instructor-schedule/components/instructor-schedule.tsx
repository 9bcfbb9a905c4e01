import { londonDate } from '../../../../../domain/london-time';
import { useCatalog } from '../../../shared/catalog/use-catalog';
import { navigate, useHashLocation } from '../../../shared/router';
import { loadOnFirstUse } from '../../../shared/load-on-first-use';
import { useOnlineStatus } from '../../../shared/use-online-status';
import { dayKey, floatingDay } from '../../../shared/calendar/floating-dates';
import { CourseList } from './course-list';
import { SessionForm } from './session-form';
import { SessionPanel } from './session-panel';

const ScheduleCalendar = loadOnFirstUse(async () => (await import('./schedule-calendar')).default, {
  loading: <p>Loading the calendar…</p>,
  failed: <p role="alert">Could not load the calendar. Check your connection, then reload the page.</p>,
});

/** Week, the picked session, a new session and the courses, all read from the device's live catalog. */
export function InstructorSchedule() {
  const catalog = useCatalog();
  const online = useOnlineStatus();
  const { path, query } = useHashLocation();
  const week = floatingDay(query.get('date')) ?? floatingDay(londonDate(new Date().toISOString()))!;
  const selected = catalog.sessionsById.get(query.get('session') ?? '');
  const setQuery = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(query);
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    navigate(path, next, { replace: true });
  };

  return (
    <div className="schedule" aria-busy={catalog.status === 'loading'}>
      <h1>Schedule</h1>
      {catalog.status === 'error' && <p role="alert">Could not read the saved schedule: {catalog.message}</p>}
      <section aria-labelledby="schedule-week-heading">
        <h2 id="schedule-week-heading">Week</h2>
        <ScheduleCalendar
          sessions={catalog.sessions}
          date={week}
          onNavigate={(date) => setQuery({ date: dayKey(date) })}
          onSelect={(id) => setQuery({ session: id })}
        />
      </section>
      {selected && <SessionPanel key={selected._id} session={selected} sessions={catalog.sessions} online={online} onClose={() => setQuery({ session: null })} />}
      <section aria-labelledby="schedule-new-heading" className="panel">
        <h2 id="schedule-new-heading">New session</h2>
        <SessionForm catalog={catalog} online={online} onCreated={(sessions) => setQuery({ date: londonDate(sessions[0]!.start) })} />
      </section>
      <section aria-labelledby="schedule-courses-heading" className="panel">
        <h2 id="schedule-courses-heading">Courses</h2>
        <CourseList courses={catalog.courses} online={online} />
      </section>
    </div>
  );
}
