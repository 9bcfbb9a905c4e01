import type { FastifyReply } from 'fastify';
import { HttpError } from '../http-error';

/**
 * Streams one client address may hold open at once: each `/api/events` stream, and each gateway
 * longpoll waiting on a shared changes feed, holds a slot until it ends.
 */
export class AddressSlots {
  private readonly taken = new Map<string, number>();

  constructor(readonly perAddress: number) {}

  /** A slot for `address`, freed by calling the answer (once); a 429 when the address holds all it may. */
  take(address: string, reply: FastifyReply): () => void {
    const held = this.taken.get(address) ?? 0;
    if (held >= this.perAddress) {
      reply.header('retry-after', '10');
      throw new HttpError(429, 'too_many_streams', `At most ${this.perAddress} streams may be open from one address (event streams and waiting replication requests). Close one and try again.`);
    }
    this.taken.set(address, held + 1);
    let freed = false;
    return () => {
      if (freed) return;
      freed = true;
      const left = (this.taken.get(address) ?? 1) - 1;
      if (left > 0) this.taken.set(address, left);
      else this.taken.delete(address);
    };
  }
}
