import { useCallback, useDeferredValue, useMemo, type ReactNode } from 'react';
import type { View } from 'react-big-calendar';
import type { SessionDoc } from '../../../../../domain/schemas/catalog';
import { useCatalog } from '../../../shared/catalog/use-catalog';
import { plural } from '../../../shared/format';
import { londonDate } from '../../../../../domain/london-time';
import { navigate, useHashLocation } from '../../../shared/router';
import { loadOnFirstUse } from '../../../shared/load-on-first-use';
import { useMediaQuery } from '../../../shared/use-media-query';
import { dayKey } from '../../../shared/calendar/floating-dates';
import { agendaLength, calendarDate, parseView } from '../calendar/calendar-query';
import { viewWindow } from '../calendar/view-window';
import { activeFilters, filterSessions, parseFilters, writeFilters, type SessionFilters } from '../filters/session-filters';
import { FiltersForm } from './filters-form';

const SessionCalendar = loadOnFirstUse(async () => (await import('./session-calendar')).default, {
  loading: <p className="sessions__loading">Loading the calendar…</p>,
  failed: <p role="alert">Could not load the calendar. Check your connection, then reload the page.</p>,
});

interface SessionsPageProps {
  seatsLeftOf: (session: SessionDoc) => number;
  /** The sync status line, composed in by the shell. */
  status: ReactNode;
}

/** The calendar of sessions, filtered on the device's copy of the catalog. */
export function SessionsPage({ seatsLeftOf, status }: SessionsPageProps) {
  const { path, query } = useHashLocation();
  const narrow = useMediaQuery('(max-width: 600px)');
  const filters = parseFilters(query);
  const view = parseView(query.get('view'), narrow);
  // The calendar redraws only when what it shows changes, not when the sync status line does.
  const dayStart = calendarDate(query, filters, londonDate(new Date().toISOString())).getTime();
  const date = useMemo(() => new Date(dayStart), [dayStart]);
  const live = useCatalog(viewWindow(view, date, agendaLength(filters)));
  const deferred = useDeferredValue(live);
  // The saved dates on screen, a few dozen sessions, are drawn at once; a whole catalog is drawn
  // in a deferred pass, so a tap during a first sync is not kept waiting for it.
  const catalog = live.status === 'loading' && deferred.sessions.length === 0 ? live : deferred;
  const filterKey = query.toString();
  const shown = useMemo(
    () => filterSessions(catalog.sessions, parseFilters(new URLSearchParams(filterKey)), seatsLeftOf, new Date()),
    [catalog.sessions, filterKey, seatsLeftOf],
  );
  const courses = useMemo(
    () => [...catalog.courses.values()].map((course) => ({ id: course._id, title: course.title })).sort((a, b) => a.title.localeCompare(b.title, 'en-GB')),
    [catalog.courses],
  );
  const setQuery = useCallback(
    (key: string, value: string) => {
      const next = new URLSearchParams(query);
      next.set(key, value);
      navigate(path, next, { replace: true });
    },
    [path, query],
  );
  const onView = useCallback((view: View) => setQuery('view', view), [setQuery]);
  const onNavigate = useCallback((date: Date) => setQuery('date', dayKey(date)), [setQuery]);
  const setFilters = (next: SessionFilters) => {
    const written = writeFilters(next, query);
    written.delete('date');
    navigate(path, written, { replace: true });
  };

  const filtersForm = <FiltersForm filters={filters} courses={courses} onChange={setFilters} />;

  return (
    <section className="sessions" aria-labelledby="sessions-heading" aria-busy={catalog.status === 'loading'}>
      <h1 id="sessions-heading">Courses</h1>
      <p className="sessions__intro">
        Book a place on a first-aid course at location A or B. The dates and seats left are kept on this device, so the calendar opens even with a weak
        connection.
      </p>
      {status}
      {narrow ? (
        // On a phone the sessions come first: the filters are one tap away, not a screen of fields above them.
        <details className="filters-disclosure">
          <summary>Filter sessions{activeFilters(filters) > 0 && ` (${activeFilters(filters)} on)`}</summary>
          {filtersForm}
        </details>
      ) : (
        filtersForm
      )}
      {catalog.status === 'error' && <p role="alert">Could not read the saved courses: {catalog.message}</p>}
      <p role="status" className="sessions__count">
        {catalog.status === 'ready' ? `${plural(shown.length, 'session')} ${shown.length === 1 ? 'matches' : 'match'}.` : 'Loading course dates…'}
      </p>
      <SessionCalendar
        sessions={shown}
        seatsLeftOf={seatsLeftOf}
        view={view}
        date={date}
        agendaLength={agendaLength(filters)}
        onView={onView}
        onNavigate={onNavigate}
      />
    </section>
  );
}
