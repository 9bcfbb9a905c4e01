import type { PageMessage, WorkerMessage } from './catalog-messages';

let worker: Worker | undefined;
const listeners = new Set<(message: WorkerMessage) => void>();

/** The one catalog worker of the page, started by whoever needs the catalog first. */
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
  catalogWorker();
  listeners.add(listener);
  return () => listeners.delete(listener);
};
