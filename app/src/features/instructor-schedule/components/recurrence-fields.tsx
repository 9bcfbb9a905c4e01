import type { SessionFormValues } from '../api/create-sessions';
import type { FieldErrors } from '../api/form-issues';
import { SelectField } from '../../../shared/select-field';
import { TextField } from '../../../shared/text-field';

interface RecurrenceFieldsProps {
  values: SessionFormValues;
  errors: FieldErrors;
  onChange: (patch: Partial<SessionFormValues>) => void;
}

const REPEATS = [
  { value: 'none', label: 'Does not repeat' },
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly' },
];
const ENDS = [
  { value: 'count', label: 'After a number of sessions' },
  { value: 'until', label: 'On a date' },
];

/** Daily or weekly, every N days or weeks, ending after a count or on a London date (at most 52 sessions). */
export function RecurrenceFields({ values, errors, onChange }: RecurrenceFieldsProps) {
  return (
    <fieldset className="recurrence">
      <legend>Repeat</legend>
      <SelectField label="Repeats" name="repeat" options={REPEATS} value={values.repeat} onChange={(event) => onChange({ repeat: event.target.value as SessionFormValues['repeat'] })} />
      {values.repeat !== 'none' && (
        <>
          <TextField
            label={values.repeat === 'weekly' ? 'Every how many weeks' : 'Every how many days'}
            name="interval"
            inputMode="numeric"
            value={values.interval}
            error={errors.interval}
            onChange={(event) => onChange({ interval: event.target.value })}
          />
          <SelectField label="Ends" name="ends" options={ENDS} value={values.ends} onChange={(event) => onChange({ ends: event.target.value as SessionFormValues['ends'] })} />
          {values.ends === 'count' ? (
            <TextField label="Number of sessions" name="count" inputMode="numeric" hint="At most 52." value={values.count} error={errors.count} onChange={(event) => onChange({ count: event.target.value })} />
          ) : (
            <TextField label="Last date" name="until" type="date" value={values.until} error={errors.until} onChange={(event) => onChange({ until: event.target.value })} />
          )}
        </>
      )}
    </fieldset>
  );
}
