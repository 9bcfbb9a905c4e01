import { LOCATIONS } from '../../../../../domain/catalog-values';
import type { CatalogSnapshot } from '../../../shared/catalog/catalog-store';
import { ErrorSummary } from '../../../shared/error-summary';
import { plural } from '../../../shared/format';
import { SelectField } from '../../../shared/select-field';
import { TextField } from '../../../shared/text-field';
import { useCreateSessions, type CreatedSessions } from '../api/create-sessions';
import { ConflictList } from './conflict-list';
import { OccurrencePreview } from './occurrence-preview';
import { OfflineNotice } from './offline-notice';
import { RecurrenceFields } from './recurrence-fields';

interface SessionFormProps {
  catalog: CatalogSnapshot;
  online: boolean;
  onCreated: (sessions: CreatedSessions) => void;
}

const LOCATION_OPTIONS = LOCATIONS.map((location) => ({ value: location, label: `Location ${location}` }));

/** One session or a series; the preview shows every occurrence and its clashes before anything is sent. */
export function SessionForm({ catalog, online, onCreated }: SessionFormProps) {
  const form = useCreateSessions(catalog, onCreated);
  const { values, change, fieldErrors: errors } = form;
  const courses = [...catalog.courses.values()].filter((course) => course.active).sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
  const chooseCourse = (courseId: string) => {
    const course = catalog.courses.get(courseId);
    change(course ? { courseId, startTime: course.dailyStart, endTime: course.dailyEnd } : { courseId });
  };

  return (
    <form noValidate aria-label="New session" className="schedule-form" onSubmit={(event) => void form.onSubmit(event)}>
      <ErrorSummary message={form.error} />
      <ConflictList conflicts={form.conflicts} />
      <SelectField
        label="Course"
        name="courseId"
        value={values.courseId}
        error={errors.courseId}
        options={[{ value: '', label: 'Choose a course' }, ...courses.map((course) => ({ value: course._id, label: `${course.title} (${plural(course.durationDays, 'day')})` }))]}
        onChange={(event) => chooseCourse(event.target.value)}
      />
      <SelectField label="Location" name="location" value={values.location} error={errors.location} options={LOCATION_OPTIONS} onChange={(event) => change({ location: event.target.value })} />
      <TextField label="First day" name="date" type="date" hint="London date." value={values.date} error={errors.date} onChange={(event) => change({ date: event.target.value })} />
      <div className="field-row">
        <TextField label="Starts" name="startTime" type="time" value={values.startTime} error={errors.startTime} onChange={(event) => change({ startTime: event.target.value })} />
        <TextField label="Ends" name="endTime" type="time" value={values.endTime} error={errors.endTime} onChange={(event) => change({ endTime: event.target.value })} />
      </div>
      <TextField label="Capacity" name="capacity" inputMode="numeric" hint="1 to 12 seats." value={values.capacity} error={errors.capacity} onChange={(event) => change({ capacity: event.target.value })} />
      <TextField label="Notes" name="notes" value={values.notes} error={errors.notes} onChange={(event) => change({ notes: event.target.value })} />
      <RecurrenceFields values={values} errors={errors} onChange={change} />
      <OccurrencePreview occurrences={form.preview} problem={form.problem} />
      {!online && <OfflineNotice />}
      <button type="submit" className="button" disabled={!online || form.pending}>
        {form.preview.length > 1 ? `Save ${form.preview.length} sessions` : 'Save session'}
      </button>
      <p role="status">{form.saved !== null && `Saved ${plural(form.saved, 'session')}.`}</p>
    </form>
  );
}
