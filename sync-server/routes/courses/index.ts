import type { FastifyInstance } from 'fastify';
import { ROLES } from '../../../domain/databases';
import { coursesQuery, createCourseRequest, updateCourseRequest } from '../../../domain/schemas/scheduling';
import { coursesByTitle, createCourse, courseView, updateCourse } from '../../catalog/courses';
import { parseInput } from '../../http-error';
import type { ListCursors } from '../../lists/cursor';
import { sendPage } from '../../lists/send-page';
import { hasRole, requireRole } from '../../plugins/session';
import sessionRoutes from './sessions';

export interface CourseRouteOptions {
  travelBufferMinutes: number;
  horizonYears?: number;
  cursors: ListCursors;
}

/** /api/courses: the course list is public (the instructor also sees inactive courses); changes are the instructor's. */
export default async function courseRoutes(app: FastifyInstance, options: CourseRouteOptions) {
  const instructorOnly = { preHandler: requireRole(ROLES.instructor) };

  app.get('/', async (request, reply) => {
    const { limit, cursor } = parseInput(coursesQuery, request.query);
    const instructor = hasRole(request.user, ROLES.instructor);
    const page = await options.cursors.page({ list: 'courses', filters: { instructor }, caller: null, cursor }, limit, () => undefined, () =>
      coursesByTitle(app.couch, instructor),
    );
    return sendPage(request, reply, { courses: page.items, next: page.next });
  });

  app.post('/', instructorOnly, async (request, reply) => {
    const course = await createCourse(app.couch, parseInput(createCourseRequest, request.body));
    return reply.status(201).send({ course: courseView(course) });
  });

  app.put<{ Params: { id: string } }>('/:id', instructorOnly, async (request) => {
    const course = await updateCourse(app.couch, request.params.id, parseInput(updateCourseRequest, request.body), new Date());
    return { course: courseView(course) };
  });

  const { travelBufferMinutes, horizonYears, cursors } = options;
  await app.register(sessionRoutes, { prefix: '/sessions', travelBufferMinutes, horizonYears, cursors });
}
