import type { FastifyInstance } from 'fastify';

/**
 * Runs `pass` once the server is ready, then every `intervalMs`; a pass never overlaps the next,
 * a failure is logged and the next tick tries again, and closing the server waits for a running pass.
 */
export function runPeriodically(app: FastifyInstance, name: string, intervalMs: number, pass: () => Promise<void>): void {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= pass()
      .catch((error: unknown) => app.log.error({ err: error }, `${name} failed`))
      .finally(() => {
        running = null;
      });
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    tick();
    timer = setInterval(tick, intervalMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}
