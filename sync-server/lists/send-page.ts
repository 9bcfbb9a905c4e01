import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * If-None-Match matches when it is `*` or names this tag. RFC 9110 compares If-None-Match weakly:
 * `W/"x"` and `"x"` are the same tag there.
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.replace(/^W\//, '');
  return (header.match(/(?:W\/)?"[^"]*"/g) ?? []).some((tag) => opaque(tag) === opaque(etag));
}

/**
 * Sends one page of a list as JSON with a strong ETag: the hash of these exact bytes (the API sends
 * JSON unencoded, so the bytes are the representation). A request whose If-None-Match names it gets
 * 304 and no body. Clients may keep a page but must ask again before using it (`no-cache`); a page
 * that depends on who asks is for that client's cache only (`private`).
 */
export function sendPage(request: FastifyRequest, reply: FastifyReply, body: Record<string, unknown>) {
  const json = JSON.stringify(body);
  const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag).header('cache-control', request.user ? 'private, no-cache' : 'no-cache');
  if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) return reply.status(304).send();
  return reply.type('application/json; charset=utf-8').send(json);
}
