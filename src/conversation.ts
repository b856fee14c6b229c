// The short per-user, per-place context that follow-ups are read against: "and for seniors?" after
// a salary question, "what next?" after a roadmap step. One turn is kept for each user in each
// place (a terminal chat, a Discord channel or DM, a Slack channel, one --stdin run); it expires
// after a few minutes and never crosses users or places. Kept in memory on purpose: a follow-up
// minutes later in another process is a new conversation.
import type { Turn } from './search/index.js';

/** How long a turn is remembered: a follow-up comes within minutes, not hours. */
export const TURN_TTL_MS = 10 * 60 * 1000;
/** At most this many people's turns are kept; the oldest go first. */
export const MAX_CONVERSATIONS = 10_000;

interface Kept {
  turn: Turn;
  at: number;
}

/** Where a conversation happens and with whom: the same fields as the caller's context. */
export interface Place {
  platform: string;
  communityId: string;
  channelId?: string;
  userId: string;
}

export class Conversations {
  private readonly turns = new Map<string, Kept>();
  /** Each place's last short answer, as `more` needs it to show it in full (src/brief.ts). */
  private readonly shortened = new Map<string, { more: string; at: number }>();

  constructor(
    private readonly ttlMs = TURN_TTL_MS,
    private readonly max = MAX_CONVERSATIONS,
  ) {}

  /** The turn before, if it is recent enough to follow up on. */
  previous(place: Place, now: Date): Turn | undefined {
    const key = keyOf(place);
    const kept = this.turns.get(key);
    if (!kept) return undefined;
    if (now.getTime() - kept.at > this.ttlMs) {
      this.turns.delete(key);
      return undefined;
    }
    return kept.turn;
  }

  remember(place: Place, turn: Turn, now: Date): void {
    const key = keyOf(place);
    this.turns.delete(key); // re-inserted last: the map's order is the eviction order
    this.turns.set(key, { turn, at: now.getTime() });
    if (this.turns.size > this.max) this.turns.delete(this.turns.keys().next().value!);
  }

  /** The last answer shown short in this place, if recent: what "more" alone expands. */
  lastShortened(place: Place, now: Date): string | undefined {
    const key = keyOf(place);
    const kept = this.shortened.get(key);
    if (kept && now.getTime() - kept.at <= this.ttlMs) return kept.more;
    this.shortened.delete(key);
    return undefined;
  }

  /** Remembers an answer shown short (`more` is what shows it in full); a full answer forgets it. */
  rememberShortened(place: Place, more: string | undefined, now: Date): void {
    const key = keyOf(place);
    this.shortened.delete(key);
    if (more === undefined) return;
    this.shortened.set(key, { more, at: now.getTime() });
    if (this.shortened.size > this.max) this.shortened.delete(this.shortened.keys().next().value!);
  }
}

/** NUL cannot be typed into any id, so no two places share a key. */
function keyOf(p: Place): string {
  return [p.platform, p.communityId, p.channelId ?? '', p.userId].join('\u0000');
}

