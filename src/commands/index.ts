// The command registry: every command the bot has, in the order help lists them.
import type { CommandSpec } from '../command.js';
import { ask } from './ask.js';
import { compare } from './compare.js';
import { done } from './done.js';
import { exportCommand } from './export.js';
import { group } from './group.js';
import { help } from './help.js';
import { importCommand } from './import.js';
import { interview } from './interview.js';
import { learn } from './learn.js';
import { more } from './more.js';
import { plan } from './plan.js';
import { progress } from './progress.js';
import { remind, reminders } from './remind.js';
import { role } from './role.js';
import { roadmap } from './roadmap.js';
import { salary } from './salary.js';
import { sources } from './sources.js';
import { timezone } from './timezone.js';
import { tip } from './tip.js';
import { tips } from './tips.js';
import { unanswered } from './unanswered.js';
import { undo } from './undo.js';

export const commands: readonly CommandSpec[] = [
  ask, more, role, compare, salary, learn, roadmap, interview, sources,
  // Community features, stored per community (src/store).
  done, undo, progress, plan, remind, reminders, timezone, tip, tips, group, exportCommand, importCommand, unanswered,
  help,
];
