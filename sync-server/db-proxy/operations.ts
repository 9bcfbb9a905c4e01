import { z } from 'zod';
import type { DbName } from '../../domain/databases';
import { HttpError, parseInput } from '../http-error';
import type { Access } from './access';
import { changesQuerySchema, docIdList, docIdsBody } from './changes-query';
import { CHECKPOINT_ID, CHECKPOINT_MAX_BYTES, checkpointDoc } from './checkpoint';
import { bool, docId, int, json, rev, revList } from './wire';

/** A request as the gateway forwards it: built from parsed values only, never from the caller's raw text. */
export interface ParsedRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT';
  /** From the database name on, URL-encoded. */
  path: string;
  query: Record<string, unknown>;
  body?: unknown;
  /**
   * `proxy`: the database's answer is streamed back. `open-revs` and `bulk-get`: the gateway asks
   * for JSON and builds the answer, so that revisions the database does not know never reach it
   * with `latest=true` (that kills the embedded server) and `Accept: multipart/mixed` gets multipart.
   */
  handler: 'proxy' | 'open-revs' | 'bulk-get';
}

export interface RequestParts {
  db: DbName;
  method: string;
  /** Path segments after the database name, decoded. */
  segments: string[];
  query: unknown;
  /** The body parsed as JSON; undefined when none was sent. */
  body: unknown;
  filters: Record<DbName, readonly string[]>;
}

export interface Operation {
  /** Names the operation in refusals, the README's table and the matrix test. */
  name: string;
  access: Access;
  methods: readonly ParsedRequest['method'][];
  takesBody: boolean;
  matches(segments: string[]): boolean;
  parse(parts: RequestParts): ParsedRequest;
}

const noQuery = z.strictObject({});
const READ = ['GET', 'HEAD'] as const;

const method = (parts: RequestParts) => parts.method as ParsedRequest['method'];
const only = (name: string) => (segments: string[]) => segments.length === 1 && segments[0] === name;
const encodeDocId = (id: string): string =>
  id.startsWith('_design/') ? `_design/${encodeURIComponent(id.slice('_design/'.length))}` : encodeURIComponent(id);

/** A plain document id: what replication may write (never `_design/`, `_local/` or another special id). */
const plainDocId = docId.refine((id) => !id.startsWith('_'), 'must not be a design or special document');

/** A document pushed by replication. Its content is validate_doc_update's to judge; its special fields are ours. */
const ALLOWED_SPECIAL = new Set(['_id', '_rev', '_revisions', '_deleted', '_conflicts']);
const replicatedDoc = z
  .looseObject({
    _id: plainDocId,
    _rev: rev.optional(),
    _revisions: z.strictObject({ start: z.number().int().min(1), ids: z.array(z.string().regex(/^[0-9a-f]{32}$/)).min(1).max(1_000) }).optional(),
    _deleted: z.boolean().optional(),
  })
  .refine((doc) => Object.keys(doc).every((key) => !key.startsWith('_') || ALLOWED_SPECIAL.has(key)), {
    message: 'must not carry attachments or special fields other than _id, _rev, _revisions and _deleted',
  })
  .transform(({ _conflicts: _dropped, ...doc }) => doc);

const docQuery = z
  .strictObject({
    rev: rev.optional(),
    revs: bool.optional(),
    revs_info: bool.optional(),
    open_revs: z.union([z.literal('all'), json(revList)]).optional(),
    latest: bool.optional(),
    conflicts: bool.optional(),
    attachments: bool.optional(),
    atts_since: json(revList).optional(),
  })
  .refine((query) => !(query.rev && query.open_revs), { message: 'rev and open_revs cannot be combined', path: ['open_revs'] })
  .refine((query) => !query.latest || query.open_revs, { message: 'latest is accepted only with open_revs', path: ['latest'] });

const allDocsQuery = z.strictObject({
  include_docs: bool.optional(),
  conflicts: bool.optional(),
  descending: bool.optional(),
  update_seq: bool.optional(),
  inclusive_end: bool.optional(),
  limit: int(0, 10_000).optional(),
  skip: int(0, 10_000).optional(),
  key: json(z.string().max(512)).optional(),
  startkey: json(z.string().max(512)).optional(),
  endkey: json(z.string().max(512)).optional(),
});

const bulkGetQuery = z.strictObject({ revs: bool.optional(), latest: bool.optional(), attachments: bool.optional() });

/** CouchDB 3.4's replicator repeats the query's options in the body, and may ask for no documents at all. */
const bulkGetBody = z.strictObject({
  docs: z.array(z.strictObject({ id: docId, rev: rev.optional(), atts_since: z.array(rev).max(1_000).optional() })).max(1_000),
  revs: z.boolean().optional(),
  latest: z.boolean().optional(),
  attachments: z.boolean().optional(),
});

const revsDiffBody = z
  .record(docId, revList)
  .refine((value) => Object.keys(value).length >= 1 && Object.keys(value).length <= 1_000, 'must name 1 to 1000 documents');

const bulkDocsBody = z.strictObject({ docs: z.array(replicatedDoc).min(1).max(1_000), new_edits: z.boolean().optional() });

function parseChanges(parts: RequestParts): ParsedRequest {
  const filter = (parts.query as Record<string, unknown>).filter;
  const schema = changesQuerySchema(filter, parts.db, parts.filters);
  if (!schema) throw new HttpError(403, 'filter_not_allowed', 'That changes filter is not offered; use one of the documented design-doc filters.');
  const { doc_ids: queryIds, ...query } = parseInput(schema, parts.query);
  if (parts.method === 'GET' && parts.body !== undefined) throw new HttpError(400, 'invalid_request', 'GET _changes takes no body.');
  if (filter !== '_doc_ids') {
    if (parts.method === 'POST') throw new HttpError(400, 'invalid_request', 'POST _changes is only for filter=_doc_ids with a doc_ids list.');
    return { method: 'GET', path: `/${parts.db}/_changes`, query, handler: 'proxy' };
  }
  const bodyIds = parts.method === 'POST' ? parseInput(docIdsBody, parts.body).doc_ids : undefined;
  if (!queryIds === !bodyIds) {
    throw new HttpError(400, 'invalid_request', 'filter=_doc_ids needs one non-empty doc_ids list, in the query or in the body.');
  }
  return { method: 'POST', path: `/${parts.db}/_changes`, query, body: { doc_ids: queryIds ?? bodyIds }, handler: 'proxy' };
}

function parseCheckpointId(parts: RequestParts): string {
  const id = parts.segments[1]!;
  if (!CHECKPOINT_ID.test(id)) {
    throw new HttpError(403, 'local_doc_not_allowed', 'Only replication checkpoints are kept under _local here; that document id is not one.');
  }
  return id;
}

/**
 * Exactly what PouchDB replication (both directions) and CouchDB's replicator (as a pull source)
 * send, per database; the gateway forwards nothing else.
 */
export const OPERATIONS: readonly Operation[] = [
  {
    name: 'database info',
    access: 'read',
    methods: READ,
    takesBody: false,
    matches: (segments) => segments.length === 0 || (segments.length === 1 && segments[0] === ''),
    parse: (parts) => ({ method: method(parts), path: `/${parts.db}/`, query: parseInput(noQuery, parts.query), handler: 'proxy' }),
  },
  {
    name: '_changes',
    access: 'read',
    methods: ['GET', 'POST'],
    takesBody: true,
    matches: only('_changes'),
    parse: parseChanges,
  },
  {
    name: '_revs_diff',
    access: 'read',
    methods: ['POST'],
    takesBody: true,
    matches: only('_revs_diff'),
    parse: (parts) => ({
      method: 'POST',
      path: `/${parts.db}/_revs_diff`,
      query: parseInput(noQuery, parts.query),
      body: parseInput(revsDiffBody, parts.body),
      handler: 'proxy',
    }),
  },
  {
    name: '_bulk_get',
    access: 'read',
    methods: ['POST'],
    takesBody: true,
    matches: only('_bulk_get'),
    parse: (parts) => {
      const { docs, ...options } = parseInput(bulkGetBody, parts.body);
      // The options go where both engines read them: the query.
      const query = { ...options, ...parseInput(bulkGetQuery, parts.query) };
      return { method: 'POST', path: `/${parts.db}/_bulk_get`, query, body: { docs }, handler: query.latest ? 'bulk-get' : 'proxy' };
    },
  },
  {
    name: '_all_docs',
    access: 'read',
    methods: ['GET', 'POST'],
    takesBody: true,
    matches: only('_all_docs'),
    parse: (parts) => {
      const query = parseInput(allDocsQuery, parts.query);
      if (parts.method === 'GET') {
        if (parts.body !== undefined) throw new HttpError(400, 'invalid_request', 'GET _all_docs takes no body.');
        return { method: 'GET', path: `/${parts.db}/_all_docs`, query, handler: 'proxy' };
      }
      const body = parseInput(z.strictObject({ keys: docIdList }), parts.body);
      return { method: 'POST', path: `/${parts.db}/_all_docs`, query, body, handler: 'proxy' };
    },
  },
  {
    name: 'document',
    access: 'read',
    methods: READ,
    takesBody: false,
    matches: (segments) =>
      (segments.length === 1 && !segments[0]!.startsWith('_')) || (segments.length === 2 && segments[0] === '_design'),
    parse: (parts) => {
      const id = parseInput(z.object({ id: docId }), { id: parts.segments.join('/') }).id;
      const query = parseInput(docQuery, parts.query);
      return { method: method(parts), path: `/${parts.db}/${encodeDocId(id)}`, query, handler: query.open_revs ? 'open-revs' : 'proxy' };
    },
  },
  {
    name: 'read checkpoint',
    access: 'read',
    methods: READ,
    takesBody: false,
    matches: (segments) => segments.length === 2 && segments[0] === '_local',
    parse: (parts) => {
      const id = parseCheckpointId(parts);
      return { method: method(parts), path: `/${parts.db}/_local/${id}`, query: parseInput(noQuery, parts.query), handler: 'proxy' };
    },
  },
  {
    name: 'write checkpoint',
    access: 'checkpoint',
    methods: ['PUT'],
    takesBody: true,
    matches: (segments) => segments.length === 2 && segments[0] === '_local',
    parse: (parts) => {
      const id = parseCheckpointId(parts);
      const query = parseInput(noQuery, parts.query);
      const body = parseInput(checkpointDoc(id), parts.body);
      if (Buffer.byteLength(JSON.stringify(body)) > CHECKPOINT_MAX_BYTES) {
        throw new HttpError(413, 'payload_too_large', `A replication checkpoint is at most ${CHECKPOINT_MAX_BYTES / 1024} KiB.`);
      }
      return { method: 'PUT', path: `/${parts.db}/_local/${id}`, query, body, handler: 'proxy' };
    },
  },
  {
    // CouchDB's replicator asks its source for this before every checkpoint, and compares the
    // answer's instance_start_time with the database info's; without it no checkpoint is kept.
    name: '_ensure_full_commit',
    access: 'checkpoint',
    methods: ['POST'],
    takesBody: true,
    matches: only('_ensure_full_commit'),
    parse: (parts) => {
      parseInput(z.strictObject({}).optional(), parts.body);
      // Apache CouchDB answers 415 to this POST without a JSON body.
      return { method: 'POST', path: `/${parts.db}/_ensure_full_commit`, query: parseInput(noQuery, parts.query), body: {}, handler: 'proxy' };
    },
  },
  {
    name: '_bulk_docs',
    access: 'write',
    methods: ['POST'],
    takesBody: true,
    matches: only('_bulk_docs'),
    parse: (parts) => ({
      method: 'POST',
      path: `/${parts.db}/_bulk_docs`,
      query: parseInput(noQuery, parts.query),
      body: parseInput(bulkDocsBody, parts.body),
      handler: 'proxy',
    }),
  },
];
