import type { DayValues } from '../api/update-session';
import type { FieldErrors } from '../api/form-issues';
import { TextField } from '../../../shared/text-field';

interface DayFieldsProps {
  index: number;
  count: number;
  day: DayValues;
  errors: FieldErrors;
  onChange: (index: number, patch: Partial<DayValues>) => void;
}

/** One course day's London date and hours. */
export function DayFields({ index, count, day, errors, onChange }: DayFieldsProps) {
  const label = (what: string) => (count > 1 ? `Day ${index + 1} ${what.toLowerCase()}` : what);
  return (
    <fieldset className="field-row">
      <legend>{count > 1 ? `Day ${index + 1}` : 'Day'}</legend>
      <TextField label={label('Date')} name={`day-${index}-date`} type="date" value={day.date} error={errors[`day-${index}-date`]} onChange={(event) => onChange(index, { date: event.target.value })} />
      <TextField label={label('Starts')} name={`day-${index}-start`} type="time" value={day.start} error={errors[`day-${index}-start`]} onChange={(event) => onChange(index, { start: event.target.value })} />
      <TextField label={label('Ends')} name={`day-${index}-end`} type="time" value={day.end} error={errors[`day-${index}-end`]} onChange={(event) => onChange(index, { end: event.target.value })} />
    </fieldset>
  );
}
