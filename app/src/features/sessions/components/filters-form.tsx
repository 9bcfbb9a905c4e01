import type { ChangeEvent } from 'react';
import { LOCATIONS } from '../../../../../domain/catalog-values';
import type { Location } from '../../../../../domain/schemas/catalog';
import { DateInput } from '../../../shared/date-input';
import type { SessionFilters } from '../filters/session-filters';

interface FiltersFormProps {
  filters: SessionFilters;
  courses: readonly { id: string; title: string }[];
  onChange: (filters: SessionFilters) => void;
}

/** Every control is labelled; changes apply at once (the data is local, so there is nothing to wait for). */
export function FiltersForm({ filters, courses, onChange }: FiltersFormProps) {
  const set = (patch: Partial<SessionFilters>) => onChange({ ...filters, ...patch });
  const value = (event: ChangeEvent<HTMLSelectElement>) => event.target.value || undefined;
  return (
    <form className="filters" aria-label="Filter sessions" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor="filter-course">Course</label>
        <select id="filter-course" value={filters.course ?? ''} onChange={(event) => set({ course: value(event) })}>
          <option value="">All courses</option>
          {courses.map((course) => (
            <option key={course.id} value={course.id}>
              {course.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-location">Location</label>
        <select id="filter-location" value={filters.location ?? ''} onChange={(event) => set({ location: value(event) as Location | undefined })}>
          <option value="">Both locations</option>
          {LOCATIONS.map((location) => (
            <option key={location} value={location}>
              Location {location}
            </option>
          ))}
        </select>
      </div>
      <DateInput id="filter-from" legend="From" value={filters.from} onChange={(from) => set({ from })} />
      <DateInput id="filter-to" legend="To" value={filters.to} onChange={(to) => set({ to })} />
      <div className="field field--check">
        <input id="filter-seats" type="checkbox" checked={filters.withSeats} onChange={(event) => set({ withSeats: event.target.checked })} />
        <label htmlFor="filter-seats">Only sessions with seats</label>
      </div>
      <button type="button" className="button button--quiet" onClick={() => onChange({ withSeats: false })}>
        Clear filters
      </button>
    </form>
  );
}
