import { useEffect, useState } from 'react';

interface Parts {
  day: string;
  month: string;
  year: string;
}

const EMPTY: Parts = { day: '', month: '', year: '' };

const split = (iso: string | undefined): Parts => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return match ? { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! } : EMPTY;
};

/** "2032-09-01" when the three boxes make a real date, else undefined. */
export const joinDate = ({ day, month, year }: Parts): string | undefined => {
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return undefined;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const iso = date.toISOString().slice(0, 10);
  return date.getUTCDate() === Number(day) && date.getUTCMonth() === Number(month) - 1 ? iso : undefined;
};

interface DateInputProps {
  id: string;
  legend: string;
  /** An ISO date, "2032-09-01", or undefined. */
  value: string | undefined;
  /** Called with a real date, or undefined once every box is empty; never with a half-typed date. */
  onChange: (value: string | undefined) => void;
}

const FIELDS = [
  { key: 'day', label: 'Day', maxLength: 2 },
  { key: 'month', label: 'Month', maxLength: 2 },
  { key: 'year', label: 'Year', maxLength: 4 },
] as const;

/**
 * The GOV.UK Design System's date input: day, month and year boxes, so a date always reads the UK
 * way. A native date picker shows the browser's locale instead (mm/dd/yyyy on a US-English phone).
 */
export function DateInput({ id, legend, value, onChange }: DateInputProps) {
  const [parts, setParts] = useState(() => split(value));
  // A change from outside (a link, "Clear filters") replaces what is typed; a half-typed date stays.
  useEffect(() => {
    setParts((current) => (joinDate(current) === value ? current : split(value)));
  }, [value]);

  const update = (key: keyof Parts, text: string) => {
    const next = { ...parts, [key]: text.trim() };
    setParts(next);
    const date = joinDate(next);
    if (date || (!next.day && !next.month && !next.year)) onChange(date);
  };

  return (
    <fieldset className="date-input" id={id}>
      <legend>{legend}</legend>
      <div className="date-input__items">
        {FIELDS.map(({ key, label, maxLength }) => (
          <div key={key} className={`date-input__item date-input__item--${key}`}>
            <label htmlFor={`${id}-${key}`}>{label}</label>
            <input id={`${id}-${key}`} inputMode="numeric" pattern="[0-9]*" maxLength={maxLength} autoComplete="off" value={parts[key]} onChange={(event) => update(key, event.target.value)} />
          </div>
        ))}
      </div>
    </fieldset>
  );
}
