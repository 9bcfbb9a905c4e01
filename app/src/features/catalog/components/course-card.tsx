import { formatPence, plural } from '../../../shared/format';
import type { CourseListing } from '../api/load-catalog';
import { SessionItem } from './session-item';

export function CourseCard({ listing }: { listing: CourseListing }) {
  const { courseId, title, course, sessions } = listing;
  const headingId = `course-${courseId}`;
  return (
    <article className="course" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {course && (
        <p className="course__facts">
          {plural(course.durationDays, 'day')} · {course.dailyStart}–{course.dailyEnd} · {formatPence(course.pricePence)}
        </p>
      )}
      {sessions.length === 0 ? (
        <p>No dates scheduled yet.</p>
      ) : (
        <ul className="course__sessions" aria-label={`${title} dates`}>
          {sessions.map((session) => (
            <SessionItem key={session._id} session={session} />
          ))}
        </ul>
      )}
    </article>
  );
}
