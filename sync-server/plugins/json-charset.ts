import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../http-error';

const UTF8 = new Set(['utf-8', 'utf8']);

/** The charset parameter of a Content-Type header, lower-cased and unquoted; null when there is none. */
export function charsetOf(contentType: string | undefined): string | null {
  const match = /;\s*charset\s*=\s*("?)([^";\s]*)\1/i.exec(contentType ?? '');
  return match ? match[2]!.toLowerCase() : null;
}

/**
 * JSON is UTF-8 (RFC 8259), and the body parser decodes every body as UTF-8: a body declared in any
 * other charset is refused before it is read, rather than stored with its letters garbled.
 */
export default fp(async function jsonCharset(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    const charset = charsetOf(request.headers['content-type']);
    if (charset !== null && !UTF8.has(charset)) {
      throw new HttpError(415, 'unsupported_charset', `Send the request body as UTF-8 JSON; "${charset.slice(0, 40)}" is not accepted.`);
    }
  });
});
