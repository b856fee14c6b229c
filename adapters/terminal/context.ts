import { userInfo } from 'node:os';
import type { Context } from '../../src/command.js';

/** The terminal user: one person on their own machine, so they moderate their own data. */
export function terminalContext(): Context {
  let name = 'you';
  try {
    name = userInfo().username || name;
  } catch {
    // No passwd entry (some containers): keep the default.
  }
  // This machine's zone (TZ, else the system's): the terminal user's own, unless they set another.
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return { platform: 'terminal', userId: `local:${name}`, userName: name, isModerator: true, communityId: 'local', operator: true, reminderDelivery: 'here in the chat, or with your next devpath command in a terminal', ...(timeZone ? { timeZone } : {}) };
}
