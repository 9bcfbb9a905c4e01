import type { PageMessage, WorkerMessage } from './catalog-messages';

let worker: Worker | undefined;
const listeners = new Set<(message: WorkerMessage) => void>();

/**
 * The one catalog worker of the page, started by the first message to it: the catalog's 'sync'
 * once the first screen has been committed. Started any earlier, its start-up and its catalog
 * messages took the page's thread and the machine's cores from that first screen.
 */
const catalogWorker = (): Worker => {
  if (!worker) {
    worker = new Worker(new URL('./catalog.worker.ts', import.meta.url), { type: 'module', name: 'catalog' });
    worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
      for (const listener of listeners) listener(event.data);
    });
  }
  return worker;
};

export const postToCatalog = (message: PageMessage): void => catalogWorker().postMessage(message);

export const onCatalogMessage = (listener: (message: WorkerMessage) => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
