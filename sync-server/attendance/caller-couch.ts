import type { FastifyRequest } from 'fastify';
import Nano, { type ServerScope } from 'nano';
import { couchCredentials } from '../plugins/session';

/**
 * CouchDB as the caller: marks written through the API pass the same validate_doc_update as marks
 * replicated from a device, so markedBy is always the writer's own name.
 */
export const couchAsCaller = (couchUrl: string, request: FastifyRequest): ServerScope =>
  Nano({ url: couchUrl, headers: couchCredentials(request) });
