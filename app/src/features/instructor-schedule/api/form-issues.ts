import type { z } from 'zod';

export type FieldErrors = Partial<Record<string, string>>;

export type FormResult<T> = { success: true; data: T } | { success: false; error: z.ZodError };

/** Form strings through the form's own schema, then through the shared request schema the server uses too. */
export const parseForm = <T>(form: z.ZodType, request: z.ZodType<T>, values: unknown): FormResult<T> => {
  const fields = form.safeParse(values);
  return fields.success ? request.safeParse(fields.data) : { success: false, error: fields.error };
};

/** The first message per form field; `fieldOf` maps a request path back to the input that caused it. */
export const fieldErrorsOf = (error: z.ZodError, fieldOf: (path: readonly PropertyKey[]) => string): FieldErrors => {
  const errors: FieldErrors = {};
  for (const issue of error.issues) errors[fieldOf(issue.path)] ??= issue.message;
  return errors;
};
