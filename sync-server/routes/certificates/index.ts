import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ROLES } from '../../../domain/databases';
import { toPublicCertificate } from '../../../domain/schemas/attendance';
import { certificatesOfOwner, expiringCertificates } from '../../certificates/read-certificates';
import { parseInput } from '../../http-error';
import { requireRole, requireUser } from '../../plugins/session';

const expiringQuery = z.object({ days: z.coerce.number().int().min(1).max(366).default(90) });

export default async function certificateRoutes(app: FastifyInstance) {
  /** The certificates of the caller's own bookings. */
  app.get('/', { preHandler: requireUser }, async (request) => ({
    certificates: (await certificatesOfOwner(app.couch, request.user!.name)).map(toPublicCertificate),
  }));

  /** People to invite to a requalification course: certificates expiring soon, with contact details. */
  app.get('/expiring', { preHandler: requireRole(ROLES.instructor) }, async (request) => {
    const { days } = parseInput(expiringQuery, request.query);
    const expiring = await expiringCertificates(app.couch, days);
    return {
      days,
      certificates: expiring.map(({ certificate, booking }) => ({
        ...toPublicCertificate(certificate),
        attendeeEmail: booking?.attendees[certificate.attendee]?.email ?? null,
        contact: booking?.contact ?? null,
      })),
    };
  });
}
