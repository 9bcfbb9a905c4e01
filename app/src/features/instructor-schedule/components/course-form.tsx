import type { CourseDoc } from '../../../../../domain/schemas/catalog';
import { ErrorSummary } from '../../../shared/error-summary';
import { TextField } from '../../../shared/text-field';
import { useCourseForm } from '../api/save-course';
import { OfflineNotice } from './offline-notice';

interface CourseFormProps {
  /** The course to edit; a new course when absent. */
  course?: CourseDoc;
  online: boolean;
  onSaved: (title: string) => void;
  onCancel: () => void;
}

const pounds = (pence: number): string => (pence / 100).toFixed(2);

export function CourseForm({ course, online, onSaved, onCancel }: CourseFormProps) {
  const { onSubmit, pending, error, fieldErrors: errors } = useCourseForm(course?._id, (saved) => onSaved(saved.title));
  return (
    <form noValidate aria-label={course ? `Edit ${course.title}` : 'New course'} className="schedule-form" onSubmit={(event) => void onSubmit(event)}>
      <ErrorSummary message={error} fields={errors} />
      <TextField label="Code" name="code" defaultValue={course?.code} readOnly={Boolean(course)} hint={course ? 'The code cannot change.' : 'Letters, digits or dashes, e.g. EFAW.'} error={errors.code} />
      <TextField label="Title" name="title" defaultValue={course?.title} error={errors.title} />
      <div className="field">
        <label htmlFor="course-description">Description</label>
        <textarea id="course-description" name="description" rows={3} defaultValue={course?.description} />
      </div>
      <TextField label="Days" name="durationDays" inputMode="numeric" hint="1 to 5." defaultValue={course?.durationDays ?? 1} error={errors.durationDays} />
      <div className="field-row">
        <TextField label="Daily start" name="dailyStart" type="time" defaultValue={course?.dailyStart ?? '09:00'} error={errors.dailyStart} />
        <TextField label="Daily end" name="dailyEnd" type="time" defaultValue={course?.dailyEnd ?? '16:30'} error={errors.dailyEnd} />
      </div>
      <TextField label="Price per seat (£)" name="price" inputMode="decimal" defaultValue={course ? pounds(course.pricePence) : ''} error={errors.price} />
      <TextField label="Certificate valid for (months)" name="certificateValidityMonths" inputMode="numeric" hint="0 when the course gives no certificate." defaultValue={course?.certificateValidityMonths ?? 36} error={errors.certificateValidityMonths} />
      <div className="field field--check">
        <input id="course-active" name="active" type="checkbox" defaultChecked={course?.active ?? true} />
        <label htmlFor="course-active">Active (can be scheduled and booked)</label>
      </div>
      {!online && <OfflineNotice />}
      <div className="button-row">
        <button type="submit" className="button" disabled={!online || pending}>
          {course ? 'Save course' : 'Create course'}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Close
        </button>
      </div>
    </form>
  );
}
