// Which request deliveries were already handled, in memory, for the memory and file stores: one
// bot process sees every delivery of its workspace. Several instances behind a balancer share the
// record in PostgreSQL instead (the store's firstDelivery).

/** Slack retries within minutes; an hour of ids is plenty. */
export const DELIVERY_TTL_MS = 60 * 60 * 1000;
export const MAX_DELIVERIES = 100_000;

export class Deliveries {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = DELIVERY_TTL_MS,
    private readonly max = MAX_DELIVERIES,
  ) {}

  /** True the first time an id is seen (within the TTL); false for a repeat. */
  first(id: string, at: number): boolean {
    const when = this.seen.get(id);
    if (when !== undefined && at - when < this.ttlMs) return false;
    this.seen.delete(id);
    this.seen.set(id, at);
    // Oldest first: drop expired and overflowing entries from the front.
    for (const [key, t] of this.seen) {
      if (this.seen.size <= this.max && at - t < this.ttlMs) break;
      this.seen.delete(key);
    }
    return true;
  }
}
