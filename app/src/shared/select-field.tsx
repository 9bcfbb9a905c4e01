import type { SelectHTMLAttributes } from 'react';
import { Field, type FieldProps } from './field';

interface SelectFieldProps extends FieldProps, SelectHTMLAttributes<HTMLSelectElement> {
  name: string;
  options: readonly { value: string; label: string }[];
}

/** A labelled select whose hint and error are read out with it. */
export function SelectField({ label, hint, error, options, ...select }: SelectFieldProps) {
  return (
    <Field
      label={label}
      hint={hint}
      error={error}
      control={(control) => (
        <select {...control} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}
