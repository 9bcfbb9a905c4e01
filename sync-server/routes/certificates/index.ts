import type { FastifyInstance } from 'fastify';
import { certificateExpiry } from '../../../domain/certificates';
import { ROLES } from '../../../domain/databases';
import { addDaysToDate, londonDate } from '../../../domain/london-time';
import { certificatesQuery, expiringQuery, toPublicCertificate } from '../../../domain/schemas/attendance';
import { MAX_CERTIFICATE_VALIDITY_MONTHS } from '../../../domain/schemas/catalog';
import { certificatesOfOwner, expiringCertificates } from '../../certificates/read-certificates';
import { parseInput } from '../../http-error';
import type { ListCursors } from '../../lists/cursor';
import { sendPage } from '../../lists/send-page';
import { requireRole, requireUser } from '../../plugins/session';

const today = () => londonDate(new Date().toISOString());

export default async function certificateRoutes(app: FastifyInstance, options: { cursors: ListCursors }) {
  /** The certificates of the caller's own bookings; by default those still valid, which all expire within the longest validity. */
  app.get('/', { preHandler: requireUser }, async (request, reply) => {
    const { limit, cursor, from, to } = parseInput(certificatesQuery, request.query);
    const owner = request.user!.name;
    const page = await options.cursors.page(
      { list: 'certificates', filters: { from, to }, caller: owner, cursor },
      limit,
      () => {
        const start = from ?? today();
        return { from: start, to: to ?? certificateExpiry(start, MAX_CERTIFICATE_VALIDITY_MONTHS) };
      },
      (range) => certificatesOfOwner(app.couch, owner, range),
    );
    return sendPage(request, reply, { certificates: page.items.map(toPublicCertificate), ...page.scope, next: page.next });
  });

  /** People to invite to a requalification course: certificates expiring soon, with contact details. */
  app.get('/expiring', { preHandler: requireRole(ROLES.instructor) }, async (request, reply) => {
    const { limit, cursor, days } = parseInput(expiringQuery, request.query);
    const page = await options.cursors.page(
      { list: 'expiring', filters: { days }, caller: request.user!.name, cursor },
      limit,
      () => {
        const start = today();
        return { from: start, to: addDaysToDate(start, days) };
      },
      (range) => expiringCertificates(app.couch, range),
    );
    return sendPage(request, reply, {
      days,
      ...page.scope,
      certificates: page.items.map(({ certificate, booking }) => ({
        ...toPublicCertificate(certificate),
        attendeeEmail: booking?.attendees[certificate.attendee]?.email ?? null,
        contact: booking?.contact ?? null,
      })),
      next: page.next,
    });
  });
}
