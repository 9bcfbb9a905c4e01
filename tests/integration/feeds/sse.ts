/** A minimal server-sent-events reader over fetch, so tests can see ids, names and disconnects exactly. */
export interface SseEvent {
  id: string;
  event: string;
  data: unknown;
}

export interface SseStream {
  status: number;
  /** The id of the last block received, even one that carried no data (as EventSource keeps it). */
  lastId(): string;
  /** True once the server has ended the stream. */
  ended(): boolean;
  /** Waits until `predicate` holds for the events received so far (all of them, in order). */
  until(predicate: (events: SseEvent[]) => boolean, timeoutMs?: number): Promise<SseEvent[]>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  const stop = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: stop.signal });
  const events: SseEvent[] = [];
  let lastId = '';
  let ended = false;
  const waiters = new Set<() => void>();
  const wake = () => waiters.forEach((waiter) => waiter());

  const parseBlock = (block: string) => {
    const fields: Record<string, string> = {};
    for (const line of block.split('\n')) {
      if (!line || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      fields[line.slice(0, colon)] = line.slice(colon + 1).replace(/^ /, '');
    }
    if (fields.id !== undefined) lastId = fields.id;
    if (fields.data !== undefined) events.push({ id: lastId, event: fields.event ?? 'message', data: JSON.parse(fields.data) });
  };

  const body = response.ok ? response.body : null;
  if (body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        const reader = body.getReader();
        for (let read = await reader.read(); !read.done; read = await reader.read()) {
          const chunk = read.value;
          buffer += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            parseBlock(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
          wake();
        }
        ended = true;
        wake();
      } catch {
        // aborted by close()
      }
    })();
  }

  return {
    status: response.status,
    lastId: () => lastId,
    ended: () => ended,
    until: (predicate, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(events)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve([...events]);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Timed out; received ${JSON.stringify(events.map((e) => e.event))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => stop.abort(),
  };
}
