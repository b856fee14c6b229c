// Slack delivers some requests more than once: an event is resent (X-Slack-Retry-Num) when its
// first delivery was not acknowledged in time, and a signed request can simply arrive twice. Each
// one is handled once, by its id: the event's event_id, a slash command's trigger_id. A retry whose
// first delivery never arrived is the first this process sees, and is handled.
//
// Kept in memory, per process: one bot process per workspace sees every delivery. Several
// instances behind a balancer need a shared record (the PostgreSQL store's work, issue 13).

/** Slack retries within minutes; an hour of ids is plenty. */
export const DELIVERY_TTL_MS = 60 * 60 * 1000;
export const MAX_DELIVERIES = 100_000;

export class Deliveries {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = DELIVERY_TTL_MS,
    private readonly max = MAX_DELIVERIES,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time an id is seen (within the TTL); false for a repeat. */
  first(id: string): boolean {
    const at = this.now();
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

/** The id Slack gives one delivery of a request, where it gives one. */
export function deliveryId(body: unknown): string | undefined {
  const b = body as { type?: unknown; event_id?: unknown; command?: unknown; trigger_id?: unknown; team_id?: unknown } | undefined;
  if (!b || typeof b !== 'object') return undefined;
  if (b.type === 'event_callback' && typeof b.event_id === 'string') return `event:${b.event_id}`;
  if (typeof b.command === 'string' && typeof b.trigger_id === 'string') return `command:${String(b.team_id)}:${b.trigger_id}`;
  return undefined;
}
