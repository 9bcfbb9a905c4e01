import { LOCATIONS } from '../../../../../domain/catalog-values';
import type { SessionDoc } from '../../../../../domain/schemas/catalog';
import { ErrorSummary } from '../../../shared/error-summary';
import { SelectField } from '../../../shared/select-field';
import { TextField } from '../../../shared/text-field';
import { useUpdateSession } from '../api/update-session';
import { slotText } from '../preview/slot-text';
import { ConflictList } from './conflict-list';
import { DayFields } from './day-fields';
import { OfflineNotice } from './offline-notice';

interface EditSessionFormProps {
  session: SessionDoc;
  sessions: readonly SessionDoc[];
  online: boolean;
}

const LOCATION_OPTIONS = LOCATIONS.map((location) => ({ value: location, label: `Location ${location}` }));

/** Move a session, change its days' hours, venue, capacity or notes. */
export function EditSessionForm({ session, sessions, online }: EditSessionFormProps) {
  const form = useUpdateSession(session, sessions);
  const { values, fieldErrors: errors } = form;
  return (
    <form noValidate aria-label="Edit session" className="schedule-form" onSubmit={(event) => void form.onSubmit(event)}>
      <ErrorSummary message={form.error} />
      <ConflictList conflicts={form.conflicts} />
      {values.days.map((day, index) => (
        <DayFields key={index} index={index} count={values.days.length} day={day} errors={errors} onChange={form.changeDay} />
      ))}
      {errors.days && <p className="field__error">{errors.days}</p>}
      <SelectField label="Location" name="location" value={values.location} options={LOCATION_OPTIONS} onChange={(event) => form.change({ location: event.target.value })} />
      <TextField label="Capacity" name="capacity" inputMode="numeric" hint="1 to 12, and not below the seats booked." value={values.capacity} error={errors.capacity} onChange={(event) => form.change({ capacity: event.target.value })} />
      <TextField label="Notes" name="notes" value={values.notes} error={errors.notes} onChange={(event) => form.change({ notes: event.target.value })} />
      {form.clashes.map((clash) => (
        <p key={clash.sessionId} className="occurrence-preview__clash">
          Clashes with {clash.courseTitle} at location {clash.location}, {slotText(clash.start, clash.end)}
        </p>
      ))}
      {!online && <OfflineNotice />}
      <button type="submit" className="button" disabled={!online || form.pending}>
        Save changes
      </button>
      <p role="status">{form.saved && 'Changes saved.'}</p>
    </form>
  );
}
