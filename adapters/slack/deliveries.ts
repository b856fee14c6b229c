// Slack delivers some requests more than once: an event is resent (X-Slack-Retry-Num) when its
// first delivery was not acknowledged in time, and a signed request can simply arrive twice. Each
// one is handled once, by its id: the event's event_id, a slash command's trigger_id, recorded in
// the store (store.firstDelivery) so that every instance sharing a database agrees. A retry whose
// first delivery never arrived is the first anyone sees, and is handled.

/** The id Slack gives one delivery of a request, where it gives one. */
export function deliveryId(body: unknown): string | undefined {
  const b = body as { type?: unknown; event_id?: unknown; command?: unknown; trigger_id?: unknown; team_id?: unknown } | undefined;
  if (!b || typeof b !== 'object') return undefined;
  if (b.type === 'event_callback' && typeof b.event_id === 'string') return `event:${b.event_id}`;
  if (typeof b.command === 'string' && typeof b.trigger_id === 'string') return `command:${String(b.team_id)}:${b.trigger_id}`;
  return undefined;
}
