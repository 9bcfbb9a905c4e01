import { useState } from 'react';
import type { CourseDoc } from '../../../../../domain/schemas/catalog';
import { formatPence, plural } from '../../../shared/format';
import { CourseForm } from './course-form';

interface CourseListProps {
  courses: ReadonlyMap<string, CourseDoc>;
  online: boolean;
}

const summary = (course: CourseDoc): string =>
  [
    plural(course.durationDays, 'day'),
    `${course.dailyStart}–${course.dailyEnd}`,
    formatPence(course.pricePence),
    course.certificateValidityMonths ? `certificate ${course.certificateValidityMonths} months` : 'no certificate',
    course.active ? 'active' : 'inactive',
  ].join(' · ');

/** Every course on this device (inactive ones too), each editable; `editing` is a course id or 'new'. */
export function CourseList({ courses, online }: CourseListProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const sorted = [...courses.values()].sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
  const done = (title: string) => {
    setEditing(null);
    setSaved(`Saved ${title}.`);
  };
  const edit = (id: string) => {
    setSaved(null);
    setEditing(id);
  };
  return (
    <>
      <p role="status">{saved}</p>
      {editing === 'new' ? (
        <CourseForm online={online} onSaved={done} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" className="button" onClick={() => edit('new')}>
          New course
        </button>
      )}
      <ul className="course-list">
        {sorted.map((course) => (
          <li key={course._id}>
            <strong>{course.title}</strong> ({course.code})<br />
            {summary(course)}{' '}
            {editing === course._id ? (
              <CourseForm key={course._rev} course={course} online={online} onSaved={done} onCancel={() => setEditing(null)} />
            ) : (
              <button type="button" className="button button--quiet" aria-label={`Edit ${course.title}`} onClick={() => edit(course._id)}>
                Edit
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
