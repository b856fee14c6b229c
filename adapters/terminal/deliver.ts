// How the terminal sends due reminders: printed where the user is looking. The running chat
// shows them between answers; a one-shot `devpath ...` on a terminal shows the ones due after its
// answer. Both are the one local user's, so only their community's jobs are claimed.
import type { Context } from '../../src/command.js';
import type { Deliverer } from '../../src/jobs/scheduler.js';
import type { Reply } from '../../src/reply.js';

/** `show` prints the message and says whether anyone could see it (false: kept for later). */
export function terminalDeliverer(context: Context, show: (message: Reply) => boolean): Deliverer {
  return {
    door: 'terminal',
    communities: () => [context.communityId],
    zoneOf: async () => context.timeZone,
    async deliver(_job, message) {
      if (!show(message)) return { type: 'retry', at: new Date(Date.now() + 60_000).toISOString() };
      return { type: 'sent' };
    },
  };
}
