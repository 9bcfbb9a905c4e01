import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { ApiError } from '../../../shared/api-client';

export type FieldErrors = Partial<Record<string, string>>;

const firstErrorPerField = (error: z.ZodError): FieldErrors => {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    errors[field] ??= issue.message;
  }
  return errors;
};

/**
 * Validates a form's fields with its zod schema, sends the parsed input, and keeps the
 * state a form needs: pending, one message per invalid field, and the server's message.
 */
export const useZodForm = <S extends z.ZodType<object>, R>(
  schema: S,
  send: (input: z.output<S>) => Promise<R>,
  onSuccess: (result: R) => void,
) => {
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const parsed = schema.safeParse(Object.fromEntries(new FormData(form)));
    setFormError(null);
    if (!parsed.success) {
      setFieldErrors(firstErrorPerField(parsed.error));
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      onSuccess(await send(parsed.data));
    } catch (error) {
      setFormError(error instanceof ApiError ? error.message : 'Something went wrong. Please try again.');
    } finally {
      setPending(false);
    }
  };

  return { onSubmit, pending, fieldErrors, formError };
};
