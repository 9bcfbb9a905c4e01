import type { InputHTMLAttributes } from 'react';
import { Field, type FieldProps } from './field';

interface TextFieldProps extends FieldProps, InputHTMLAttributes<HTMLInputElement> {
  name: string;
}

/** A labelled input whose hint and error are read out with it. */
export function TextField({ label, hint, error, ...input }: TextFieldProps) {
  return <Field label={label} hint={hint} error={error} control={(control) => <input {...control} {...input} />} />;
}
