// One path for every answer, whatever the door. A door hands over a request (a function that
// returns the Bot's Reply) and a few primitives of its platform (send a reply, publicly or only to
// the asker; acknowledge that an answer is on its way), and this runs the rest the same way
// everywhere: the answer is timed, the door acknowledges it when it is not ready within the door's
// deadline, anything that throws (the Bot, the platform refusing the send) is logged and answered
// with the core's internalErrorReply (the same words on every platform), and a reply is sent
// privately exactly when the core marked it ephemeral. A door keeps only the platform's mechanics:
// what its deferral is, and how "only the asker" is done there (an ephemeral flag, a DM, an
// ephemeral post).
import { internalErrorReply, type Reply } from '../src/reply.js';
import { settlesWithin } from './timing.js';

/** Who may see a reply: only the person who asked (`private`), or everyone where they asked. */
export interface Visibility {
  private: boolean;
}

/** The one rule for privacy: a reply the core marked ephemeral is private, on every door. */
export const visibilityOf = (reply: Reply): Visibility => ({ private: reply.ephemeral });

/** Which step failed: the answer (the Bot or its send), or the apology sent after it. */
export type Stage = 'answer' | 'apology';

/** A door's primitives for one request. */
export interface AnswerDoor {
  /** Sends a reply where the request came from, seen only by the asker when `visibility.private`. */
  send(reply: Reply, visibility: Visibility): Promise<unknown>;
  /**
   * Tells the platform the answer is coming (Discord's deferred "thinking…", a typing indicator,
   * Slack's empty ack). Called at most once, and only when the answer is not ready within
   * `deferAfterMs`; send() comes after it. None: the door never needs to.
   */
  defer?: () => Promise<unknown>;
  /** How long an answer may take before defer(); 0 (the default) defers at once. */
  deferAfterMs?: number;
  /** Where a failure goes: never shown to the user (they get the apology). */
  logError(stage: Stage, error: unknown): void;
}

/**
 * Answers one request through `door`: starts `ask`, defers when it is not settled within the
 * door's deadline, then sends its Reply with the visibility the core gave it. If anything throws
 * (ask, defer or send) the asker gets internalErrorReply(), privately; a failure of that too is
 * logged. Never rejects.
 */
export async function answer(door: AnswerDoor, ask: () => Promise<Reply>): Promise<void> {
  // An async wrapper, so a synchronous throw in ask is a rejection like any other.
  const work = (async () => ask())();
  // Handled below in every branch; this keeps a rejection during the wait from being unhandled.
  work.catch(() => undefined);
  try {
    if (door.defer) {
      const wait = door.deferAfterMs ?? 0;
      if (wait <= 0 || !(await settlesWithin(work, wait))) await door.defer();
    }
    const reply = await work;
    await door.send(reply, visibilityOf(reply));
  } catch (error) {
    door.logError('answer', error);
    await apologise(door);
  }
}

/** The core's apology, sent through the door with the visibility the core gives it (private). */
async function apologise(door: AnswerDoor): Promise<void> {
  try {
    const sorry = internalErrorReply();
    await door.send(sorry, visibilityOf(sorry));
  } catch (error) {
    door.logError('apology', error);
  }
}
