import { hostname } from 'node:os';
import { isNotFound } from '../../couch/client';
import { DB } from '../../domain/databases';
import type { Couch } from '../plugins/couch';

/**
 * Who is alive: every sync-server process stamps the pending bookings it writes with its instance
 * id and keeps a lease on that id, renewed by a heartbeat. A pending booking whose instance holds
 * no live lease has no process that will finish it, so recovery decides it at once.
 * Leases are `_local` documents: they never replicate and no feed or device ever sees them.
 */
export interface Lease {
  host: string;
  pid: number;
  startedAt: string;
  expiresAt: string;
}

export const LEASE_SECONDS = 15;
export const HEARTBEAT_SECONDS = 5;

const leasePath = (instance: string) => `_local/instance:${instance}`;
const leases = (couch: Couch) => couch.sync.use<Lease & { _id: string; _rev?: string }>(DB.bookings);

export async function readLease(couch: Couch, instance: string): Promise<Lease | null> {
  return leases(couch)
    .get(leasePath(instance))
    .catch((error: unknown) => {
      if (isNotFound(error)) return null;
      throw error;
    });
}

/** Writes or renews this process's lease; a lease is only ever written by its own process. */
export async function renewLease(couch: Couch, instance: string, startedAt: string, now = new Date()): Promise<void> {
  const current = await readLease(couch, instance).catch(() => null);
  const lease: Lease = { host: hostname(), pid: process.pid, startedAt, expiresAt: new Date(now.getTime() + LEASE_SECONDS * 1000).toISOString() };
  const rev = (current as { _rev?: string } | null)?._rev;
  await leases(couch).insert({ ...lease, _id: leasePath(instance), ...(rev ? { _rev: rev } : {}) });
}

/** Ends this process's lease on a clean shutdown, so its successor need not wait for it to expire. */
export async function dropLease(couch: Couch, instance: string): Promise<void> {
  const current = (await readLease(couch, instance)) as { _rev?: string } | null;
  if (current?._rev) await leases(couch).destroy(leasePath(instance), current._rev);
}

const processRuns = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * A lease is alive until it expires; on this host, a lease whose process is gone is dead at once,
 * which is what lets a restarted server decide its predecessor's bookings in seconds.
 */
export function leaseAlive(lease: Lease | null, now = new Date()): boolean {
  if (!lease || Date.parse(lease.expiresAt) <= now.getTime()) return false;
  return lease.host !== hostname() || processRuns(lease.pid);
}
