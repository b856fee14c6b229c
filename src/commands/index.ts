// The command registry: every command the bot has, in the order help lists them.
import type { CommandSpec } from '../command.js';
import { ask } from './ask.js';
import { compare } from './compare.js';
import { help } from './help.js';
import { interview } from './interview.js';
import { learn } from './learn.js';
import { role } from './role.js';
import { roadmap } from './roadmap.js';
import { salary } from './salary.js';
import { sources } from './sources.js';

export const commands: readonly CommandSpec[] = [ask, role, compare, salary, learn, roadmap, interview, sources, help];
