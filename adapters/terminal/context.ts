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
  return { platform: 'terminal', userId: `local:${name}`, userName: name, isModerator: true, communityId: 'local', operator: true };
}
