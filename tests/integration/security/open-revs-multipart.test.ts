import { beforeAll, expect, it } from 'vitest';
import { couchAs } from '../../../couch/client';
import { DB } from '../../../domain/databases';
import { useGatewayCallers } from './callers';

const gateway = useGatewayCallers();
const { couch } = gateway;
const id = `course:multipart-${process.pid}`;
const revs: string[] = [];
beforeAll(async () => {
  const catalog = couchAs(couch.url, couch.sync).use<{ title: string }>(DB.catalog);
  const first = await catalog.insert({ _id: id, type: 'course', title: 'First' } as never);
  const second = await catalog.insert({ _id: id, _rev: first.rev, type: 'course', title: 'Second' } as never);
  revs.push(first.rev, second.rev);
});

interface Part {
  headers: Record<string, string>;
  body: string;
}

/** Splits a multipart/mixed body as a strict reader would: boundary from the header, CRLF line ends, a closing delimiter. */
function parseMultipart(contentType: string, text: string): Part[] {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (!boundary) throw new Error(`no boundary in ${contentType}`);
  expect(text.startsWith(`--${boundary}`)).toBe(true);
  expect(text.endsWith(`--${boundary}--`)).toBe(true);
  const chunks = text.slice(`--${boundary}`.length, -`--${boundary}--`.length).split(`\r\n--${boundary}`);
  return chunks
    .filter((chunk) => chunk !== '')
    .map((chunk) => {
      expect(chunk.startsWith('\r\n')).toBe(true);
      const [head = '', ...rest] = chunk.slice(2).split('\r\n\r\n');
      const parsedHeaders = Object.fromEntries(head.split('\r\n').map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      return { headers: parsedHeaders, body: rest.join('\r\n\r\n') };
    });
}

// CouchDB's replicator asks for each revision with Accept: multipart/mixed and reads nothing else;
// the embedded server answers JSON labelled text/plain, so the gateway answers as CouchDB 3 does.
it("answers CouchDB's replicator's open_revs request with one application/json part per revision", async () => {
  const missing = `9-${'f'.repeat(32)}`;
  const query = `revs=true&open_revs=${encodeURIComponent(JSON.stringify([revs[0], missing]))}&latest=true`;
  const response = await fetch(`${gateway.baseUrl}/db/${DB.catalog}/${encodeURIComponent(id)}?${query}`, {
    headers: { ...gateway.headers.service, accept: 'multipart/mixed' },
  });
  expect(response.status).toBe(200);
  const contentType = response.headers.get('content-type') ?? '';
  expect(contentType).toMatch(/^multipart\/mixed; boundary="[^"]+"$/);
  const parts = parseMultipart(contentType, await response.text());
  const found = parts.filter((part) => part.headers['content-type'] === 'application/json').map((part) => JSON.parse(part.body) as Record<string, unknown>);
  const errors = parts.filter((part) => part.headers['content-type'] === 'application/json; error="true"').map((part) => JSON.parse(part.body) as unknown);
  // latest=true: the first revision is answered with the leaf it led to.
  expect(found).toEqual([expect.objectContaining({ _id: id, _rev: revs[1], title: 'Second', _revisions: expect.objectContaining({ start: 2 }) })]);
  expect(errors).toEqual([{ missing }]);
});

it('still answers JSON to clients that ask for JSON, such as PouchDB', async () => {
  const response = await fetch(`${gateway.baseUrl}/db/${DB.catalog}/${encodeURIComponent(id)}?open_revs=all`, { headers: { accept: 'application/json' } });
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(await response.json()).toEqual([{ ok: expect.objectContaining({ _id: id, _rev: revs[1] }) }]);
});
