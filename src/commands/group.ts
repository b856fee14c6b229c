// Study groups: `group create|join|leave <name>`, and `group [name]` for a group's board (members'
// progress and last activity, and the tips its members shared). A user may be in several groups.
import { cutText } from '../cut.js';
import type { CommandContext, CommandSpec } from '../command.js';
import { reply, type Reply } from '../reply.js';
import { groupKey, newestFirst } from '../store/rules.js';
import { closestNames } from '../closest.js';
import { ago, displayName, refusal, stepLabel, tipLine, userWrite } from './community.js';

const nameOption = (required: boolean) => ({
  name: 'name',
  kind: 'string' as const,
  description: 'The group name, e.g. backend-club',
  required,
  rest: true,
  autocomplete: 'group' as const,
  maxLength: 64,
});

const BOARD_TIPS = 5;

async function unknownGroup(ctx: CommandContext, name: string, verb: string): Promise<Reply> {
  const shown = cutText(name, 40);
  const names = closestNames(
    (await ctx.store.groups(ctx.communityId)).map((g) => g.name),
    name,
  );
  const message = names.length
    ? `There is no group called "${shown}" here. Did you mean: ${names.join(', ')}?`
    : `There is no group called "${shown}" here. Create it with "group create ${shown}".`;
  return refusal('Group not found', message, names.length ? names.map((n) => ({ label: n, command: `group ${verb}${verb ? ' ' : ''}${n}` })) : [{ label: 'Create it', command: `group create ${shown}` }]);
}

const create: CommandSpec = {
  name: 'create',
  writes: true,
  description: 'Start a study group (you join it).',
  options: [nameOption(true)],
  examples: ['group create backend-club'],
  async run(ctx, { name }) {
    const result = await userWrite(ctx, (store, by, now) => store.createGroup(ctx.communityId, by, String(name), now));
    if (!result.ok) return result.reply;
    const r = result.value;
    if (!r.ok && r.reason === 'invalid') return refusal('Group not created', `${r.message} Nothing was changed.`);
    if (!r.ok) return refusal('Already exists', `There is already a group called "${r.group.name}". Join it with "group join ${r.group.name}".`, [{ label: 'Join it', command: `group join ${r.group.name}` }]);
    return reply({
      title: 'Group created',
      children: [{ type: 'text', text: `Created the group "${r.group.name}", and you are its first member. Others join with "group join ${r.group.name}".` }],
      suggestions: [{ label: 'Show the board', command: `group ${r.group.name}` }],
    });
  },
};

const join: CommandSpec = {
  name: 'join',
  writes: true,
  description: 'Join a study group.',
  options: [nameOption(true)],
  examples: ['group join backend-club'],
  async run(ctx, { name }) {
    const written = await userWrite(ctx, (store, by, now) => store.joinGroup(ctx.communityId, by, String(name), now));
    if (!written.ok) return written.reply;
    const r = written.value;
    if (!r.ok && r.reason === 'unknown') return unknownGroup(ctx, String(name), 'join');
    if (!r.ok) return refusal('Already a member', `You are already in "${r.group.name}".`, [{ label: 'Show the board', command: `group ${r.group.name}` }]);
    const count = r.group.members;
    return reply({
      title: 'Joined',
      children: [{ type: 'text', text: `You joined "${r.group.name}" (${count} member${count === 1 ? '' : 's'}).` }],
      suggestions: [{ label: 'Show the board', command: `group ${r.group.name}` }],
    });
  },
};

const leave: CommandSpec = {
  name: 'leave',
  writes: true,
  description: 'Leave a study group.',
  options: [nameOption(true)],
  examples: ['group leave backend-club'],
  async run(ctx, { name }) {
    const written = await userWrite(ctx, (store, by, now) => store.leaveGroup(ctx.communityId, by, String(name), now));
    if (!written.ok) return written.reply;
    const r = written.value;
    if (!r.ok && r.reason === 'unknown') return unknownGroup(ctx, String(name), 'leave');
    if (!r.ok) return refusal('Not a member', `You are not in "${r.group.name}", so there is nothing to leave.`);
    return reply({ title: 'Left the group', children: [{ type: 'text', text: `You left "${r.group.name}".` }], ephemeral: true });
  },
};

async function board(ctx: CommandContext, name: string): Promise<Reply> {
  const group = await ctx.store.group(ctx.communityId, name);
  if (!group) return unknownGroup(ctx, name, '');
  const total = ctx.knowledge.roadmap.length;
  const stepIds = new Set(ctx.knowledge.roadmap.map((s) => s.id));
  const rows = group.people
    .map((p) => ({ id: p.id, name: displayName(p.name) || p.id, done: p.done.filter((s) => stepIds.has(s)).length, last: p.lastActive }))
    .sort((a, b) => b.done - a.done || newestFirst(a.last, b.last));
  const members = group.people.map((p) => p.id);
  const tips = (await ctx.store.tips(ctx.communityId, { authors: members, limit: BOARD_TIPS })).items;
  const label = stepLabel(ctx.knowledge.roadmap);
  const mine = members.includes(ctx.userId);
  return reply({
    title: `Study group: ${group.name}`,
    children: [
      { type: 'section', title: `Members (${rows.length})` },
      { type: 'list', items: rows.map((r) => `${r.name}: ${r.done}/${total} steps, last active ${ago(r.last, ctx.now())}`) },
      { type: 'section', title: "Members' tips" },
      tips.length ? { type: 'list', items: tips.map((t) => tipLine(t, label)) } : { type: 'text', text: 'No tips from members yet.' },
    ],
    suggestions: mine ? [{ label: 'My progress', command: 'progress' }] : [{ label: 'Join', command: `group join ${group.name}` }],
  });
}

async function overview(ctx: CommandContext): Promise<Reply> {
  const all = await ctx.store.groups(ctx.communityId);
  const mine = await ctx.store.groupsOf(ctx.communityId, ctx.userId);
  if (!all.length) {
    return reply({
      title: 'Study groups',
      children: [{ type: 'text', text: 'There are no study groups here yet. Start one with "group create <name>", e.g. group create backend-club.' }],
      answered: false,
    });
  }
  const count = (n: number) => `${n} member${n === 1 ? '' : 's'}`;
  return reply({
    title: 'Study groups',
    children: [
      { type: 'text', text: mine.length ? `You are in: ${mine.map((g) => g.name).join(', ')}.` : 'You are not in a group yet.' },
      { type: 'list', items: all.slice(0, 25).map((g) => `${g.name} (${count(g.members)})`) },
      ...(all.length > 25 ? [{ type: 'note' as const, text: `and ${all.length - 25} more` }] : []),
    ],
    suggestions: all.slice(0, 3).map((g) => ({ label: g.name, command: `group ${g.name}` })),
  });
}

const show: CommandSpec = {
  name: 'show',
  description: "A group's board: members' progress and last activity, and their tips. Without a name: the groups here.",
  options: [nameOption(false)],
  examples: ['group backend-club', 'group'],
  async run(ctx, { name }) {
    return name === undefined || !groupKey(String(name)) ? overview(ctx) : board(ctx, String(name));
  },
};

export const group: CommandSpec = {
  name: 'group',
  aliases: ['groups'],
  description: 'Study groups: create, join or leave one, or see a group\'s board.',
  examples: ['group create backend-club', 'group join backend-club', 'group backend-club', 'group leave backend-club'],
  subcommands: [create, join, leave, show],
  defaultSubcommand: 'show',
};
