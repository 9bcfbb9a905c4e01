import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { createCourseRequest, type CreateCourseRequest } from '../../../../../domain/schemas/scheduling';
import { apiRequest } from '../../../shared/api-client';
import { useScheduleSubmit } from '../hooks/use-schedule-submit';
import { fieldErrorsOf, parseForm, type FieldErrors } from './form-issues';

const whole = (message: string) => z.string().trim().regex(/^\d+$/, message).transform(Number);

/** The course form's strings (price in pounds, a checkbox) → the shared request schema. */
export const courseFormSchema = z
  .object({
    code: z.string(),
    title: z.string(),
    description: z.string().default(''),
    durationDays: whole('The course lasts 1 to 5 days.'),
    dailyStart: z.string(),
    dailyEnd: z.string(),
    price: z
      .string()
      .trim()
      .regex(/^\d+(\.\d{1,2})?$/, 'Enter the price in pounds, like 95 or 95.50.')
      .transform((pounds) => Math.round(Number(pounds) * 100)),
    certificateValidityMonths: whole('Give the certificate validity in whole months (0 for none).'),
    active: z.literal('on').optional().transform((checked) => checked === 'on'),
  })
  .transform(({ price, ...fields }) => ({ ...fields, pricePence: price }));

export const parseCourseForm = (values: unknown) => parseForm(courseFormSchema, createCourseRequest, values);

const fieldOf = (path: readonly PropertyKey[]): string => (path[0] === 'pricePence' ? 'price' : String(path[0] ?? 'title'));

const savedCourse = z.object({ course: z.object({ id: z.string(), title: z.string() }) });

/** A new course is a POST; an edit is a PUT of the whole form (the server keeps the code, which is the id). */
export const saveCourse = async (id: string | undefined, request: CreateCourseRequest): Promise<{ id: string; title: string }> =>
  savedCourse.parse(await apiRequest(id ? `/api/courses/${encodeURIComponent(id)}` : '/api/courses', { method: id ? 'PUT' : 'POST', body: request })).course;

export const useCourseForm = (id: string | undefined, onSaved: (course: { id: string; title: string }) => void) => {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const { submit, pending, error } = useScheduleSubmit();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = parseCourseForm(Object.fromEntries(new FormData(form)));
    if (!parsed.success) {
      setFieldErrors(fieldErrorsOf(parsed.error, fieldOf));
      return;
    }
    setFieldErrors({});
    const course = await submit(() => saveCourse(id, parsed.data));
    if (course) onSaved(course);
  };

  return { onSubmit, pending, error, fieldErrors };
};
