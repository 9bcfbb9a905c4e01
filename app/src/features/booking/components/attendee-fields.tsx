import { TextField } from '../../../shared/text-field';

/** Name (required) and email (optional) for one seat. */
export function AttendeeFields({ index, errors }: { index: number; errors: Record<string, string> }) {
  return (
    <fieldset className="attendee">
      <legend>Attendee {index + 1}</legend>
      <TextField label="Name" name={`name-${index}`} autoComplete={index === 0 ? 'name' : 'off'} error={errors[`attendees.${index}.name`]} />
      <TextField
        label="Email (optional)"
        name={`email-${index}`}
        type="email"
        inputMode="email"
        autoComplete={index === 0 ? 'email' : 'off'}
        error={errors[`attendees.${index}.email`]}
      />
    </fieldset>
  );
}
