import { READERS, type DbName } from '../../domain/databases';
import { HttpError } from '../http-error';
import type { SessionUser } from '../plugins/session';
import { judgeAccess, type AccessVerdict } from './access';
import { OPERATIONS, type Operation, type ParsedRequest } from './operations';

export interface DbRequest {
  method: string;
  db: string;
  /** Path segments after the database name, still URL-encoded. */
  rest: string[];
  /** The query as Fastify parsed it (values are strings, or arrays when repeated). */
  query: unknown;
  /** The raw body; undefined or empty when none was sent. */
  body: Buffer | undefined;
  user: SessionUser | null;
}

const accessRefusals: Record<Exclude<AccessVerdict, 'ok'>, HttpError> = {
  login_required: new HttpError(401, 'unauthorized', 'Please log in to use this database.'),
  not_a_reader: new HttpError(403, 'forbidden', 'Your account may not read this database.'),
  not_a_writer: new HttpError(403, 'forbidden', 'Your account may not write to this database; changes go through the API.'),
};

const endpointNotAllowed = new HttpError(403, 'endpoint_not_allowed', 'Only the replication endpoints of this database are available here.');

function decodeSegments(rest: string[]): string[] {
  try {
    return rest.map((segment) => decodeURIComponent(segment));
  } catch {
    throw new HttpError(400, 'invalid_request', 'The path is not valid URL encoding.');
  }
}

function parseBody(body: Buffer | undefined, operation: Operation): unknown {
  if (!body || body.length === 0) return undefined;
  if (!operation.takesBody) throw new HttpError(400, 'invalid_request', `${operation.name} takes no request body.`);
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}

export const findOperation = (method: string, segments: string[]): Operation | undefined =>
  OPERATIONS.find((operation) => operation.methods.includes(method as ParsedRequest['method']) && operation.matches(segments));

export interface Admitted {
  db: DbName;
  segments: string[];
  operation: Operation;
}

/** The database, the operation (method and path) and the caller's right to it: all known before the body is read. */
export function admitDbRequest(request: Pick<DbRequest, 'method' | 'db' | 'rest' | 'user'>): Admitted {
  if (!(request.db in READERS)) throw new HttpError(404, 'not_found', 'There is no such database.');
  const db = request.db as DbName;
  const segments = decodeSegments(request.rest);
  const operation = findOperation(request.method, segments);
  if (!operation) throw endpointNotAllowed;
  const verdict = judgeAccess(request.user, db, operation.access);
  if (verdict !== 'ok') throw accessRefusals[verdict];
  return { db, segments, operation };
}

/**
 * Decides a /db request the way cht-core's api does: the database, the operation (method and
 * path), the caller's right to it, then every query parameter and the body, each parsed with zod.
 * Returns the request to forward, rebuilt from the parsed values; throws the refusal otherwise.
 */
export function judgeDbRequest(request: DbRequest, filters: Record<DbName, readonly string[]>): ParsedRequest {
  const { db, segments, operation } = admitDbRequest(request);
  const body = parseBody(request.body, operation);
  return operation.parse({ db, method: request.method, segments, query: request.query ?? {}, body, filters });
}
