import type { z } from 'zod';

/** An API error: becomes `{error: code, message, ...details}` with this status code. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const describeIssue = (issue: z.core.$ZodIssue): string => {
  const field = issue.path.length ? issue.path.join('.') : 'body';
  return `${field}: ${issue.message}`;
};

/** Validates input with a zod schema; a failure is a 400 `invalid_request` naming the field at fault. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues;
  throw new HttpError(400, 'invalid_request', `The request is not valid. ${issues.map(describeIssue).join('; ')}`, {
    fields: issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
  });
}
