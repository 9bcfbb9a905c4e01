import type { FastifyInstance } from 'fastify';
import { ROLES } from '../../../domain/databases';
import { createCourseRequest, updateCourseRequest } from '../../../domain/schemas/scheduling';
import { courseView, createCourse, listCourses, updateCourse } from '../../catalog/courses';
import { parseInput } from '../../http-error';
import { hasRole, requireRole } from '../../plugins/session';
import sessionRoutes from './sessions';

export interface CourseRouteOptions {
  travelBufferMinutes: number;
  horizonYears?: number;
}

/** /api/courses: the course list is public (the instructor also sees inactive courses); changes are the instructor's. */
export default async function courseRoutes(app: FastifyInstance, options: CourseRouteOptions) {
  const instructorOnly = { preHandler: requireRole(ROLES.instructor) };

  app.get('/', async (request) => {
    const courses = await listCourses(app.couch, hasRole(request.user, ROLES.instructor));
    return { courses: courses.map(courseView) };
  });

  app.post('/', instructorOnly, async (request, reply) => {
    const course = await createCourse(app.couch, parseInput(createCourseRequest, request.body));
    return reply.status(201).send({ course: courseView(course) });
  });

  app.put<{ Params: { id: string } }>('/:id', instructorOnly, async (request) => {
    const course = await updateCourse(app.couch, request.params.id, parseInput(updateCourseRequest, request.body), new Date());
    return { course: courseView(course) };
  });

  await app.register(sessionRoutes, { prefix: '/sessions', travelBufferMinutes: options.travelBufferMinutes, horizonYears: options.horizonYears });
}
