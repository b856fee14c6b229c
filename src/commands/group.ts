// Study groups: `group create|join|leave <name>`, and `group [name]` for a group's board (members'
// progress and last activity, and the tips its members shared). A user may be in several groups.
import type { CommandContext, CommandSpec } from '../command.js';
import { cleanText, entryOption } from '../options.js';
import { errorReply, reply, type Reply } from '../reply.js';
import { DIGEST_EVERY_MS } from '../store/schema.js';
import { formatIn } from '../when.js';
import { groupExport } from './group-export.js';
import { userZone } from './timezone.js';
import { groupKey, newestFirst } from '../store/rules.js';
import { ago, displayName, refusal, stepLabel, tipLine, userWrite } from './community.js';
import { groupCard } from '../cards/group.js';
import type { GroupBoard } from '../store/store.js';
import { unknownGroup } from './resolve.js';

/** An existing group, resolved before the command runs (`group join`, `group leave`, the board). */
const groupOption = (required: boolean) => entryOption('group', 'name', 'The group name, e.g. backend-club', { required, rest: true });

/** A new group's name (`group create`): completed from the groups here, never looked up. */
const newNameOption = {
  name: 'name',
  kind: 'string' as const,
  description: 'The group name, e.g. backend-club',
  required: true,
  rest: true,
  autocomplete: 'group' as const,
  maxLength: 64,
};

const BOARD_TIPS = 5;

const create: CommandSpec = {
  name: 'create',
  writes: true,
  description: 'Start a study group (you join it).',
  options: [newNameOption],
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
  options: [groupOption(true)],
  examples: ['group join backend-club'],
  async run(ctx, _options, { groups }) {
    const found = groups.name!; // required: resolved before run
    const written = await userWrite(ctx, (store, by, now) => store.joinGroup(ctx.communityId, by, found.entry.name, now));
    if (!written.ok) return written.reply;
    const r = written.value;
    if (!r.ok && r.reason === 'unknown') return unknownGroup(ctx, found.text, 'group join');
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
  options: [groupOption(true)],
  examples: ['group leave backend-club'],
  async run(ctx, _options, { groups }) {
    const found = groups.name!; // required: resolved before run
    const written = await userWrite(ctx, (store, by, now) => store.leaveGroup(ctx.communityId, by, found.entry.name, now));
    if (!written.ok) return written.reply;
    const r = written.value;
    if (!r.ok && r.reason === 'unknown') return unknownGroup(ctx, found.text, 'group leave');
    if (!r.ok) return refusal('Not a member', `You are not in "${r.group.name}", so there is nothing to leave.`);
    return reply({ title: 'Left the group', children: [{ type: 'text', text: `You left "${r.group.name}".` }], ephemeral: true });
  },
};

async function board(ctx: CommandContext, group: GroupBoard): Promise<Reply> {
  const total = ctx.knowledge.roadmap.length;
  const stepIds = new Set(ctx.knowledge.roadmap.map((s) => s.id));
  const rows = group.people
    .map((p) => ({ id: p.id, name: displayName(p.name) || p.id, done: p.done.filter((s) => stepIds.has(s)).length, last: p.lastActive }))
    .sort((a, b) => b.done - a.done || newestFirst(a.last, b.last));
  const members = group.people.map((p) => p.id);
  const tips = (await ctx.store.tips(ctx.communityId, { authors: members, limit: BOARD_TIPS })).items;
  const label = stepLabel(ctx.knowledge.roadmap);
  const mine = members.includes(ctx.userId);
  // The board as a picture: each member's steps done.
  const picture = await groupCard({ name: group.name, total, members: rows.map((r) => ({ name: r.name, done: r.done })) });
  return reply({
    title: `Study group: ${group.name}`,
    children: [
      { type: 'section', title: `Members (${rows.length})` },
      { type: 'list', items: rows.map((r) => `${r.name}: ${r.done}/${total} steps, last active ${ago(r.last, ctx.now())}`) },
      { type: 'section', title: "Members' tips" },
      tips.length ? { type: 'list', items: tips.map((t) => tipLine(t, label)) } : { type: 'text', text: 'No tips from members yet.' },
      ...(picture ? [picture] : []),
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

/** What `group digest <name> <here|off>` takes as its last word. */
const DIGEST_ON = new Set(['here', 'on']);
const DIGEST_OFF = new Set(['off', 'stop', 'none']);

/** `group digest <name> here|off`: a moderator posts a group's weekly digest in this channel, or stops it. */
async function digestCommand(ctx: CommandContext, text: string): Promise<Reply> {
  const words = text.split(' ');
  const last = words.at(-1)?.toLowerCase() ?? '';
  const action = DIGEST_ON.has(last) ? 'on' : DIGEST_OFF.has(last) ? 'off' : 'show';
  const name = action === 'show' ? text : words.slice(0, -1).join(' ');
  if (!groupKey(name)) return errorReply('Which group?', 'Name the group, then "here" or "off": group digest backend-club here.', 'invalid-option');
  if (action === 'show') {
    const [found, digest] = await Promise.all([ctx.store.group(ctx.communityId, name), ctx.store.digest(ctx.communityId, name)]);
    if (!found) return unknownGroup(ctx, name, 'group digest');
    const z = await userZone(ctx);
    const state = digest ? `The weekly digest of "${found.name}" is on: the next one is due ${formatIn(z.zone, digest.nextAt)} (${z.zone}).` : `The weekly digest of "${found.name}" is off.`;
    return reply({ title: 'Weekly digest', children: [{ type: 'text', text: state }, { type: 'note', text: 'A moderator turns it on in a channel with "group digest <name> here", and off with "group digest <name> off".' }], ephemeral: true });
  }
  if (!ctx.isModerator) return refusal('Moderators only', 'Only a moderator can turn a group\'s weekly digest on or off. Nothing was changed.');
  const now = ctx.now();
  const where = action === 'on' ? { door: ctx.platform, channel: ctx.channelId ?? 'local', nextAt: new Date(now.getTime() + DIGEST_EVERY_MS).toISOString() } : undefined;
  const written = await userWrite(ctx, (store, by, at) => store.setDigest(ctx.communityId, by, name, where, at));
  if (!written.ok) return written.reply;
  const r = written.value;
  if (!r.ok && r.reason === 'unknown') return unknownGroup(ctx, name, 'group digest');
  if (!r.ok) return refusal('Not changed', 'The digest could not be turned on. Nothing was changed.');
  if (!r.digest) {
    if (!r.previous) return refusal('Already off', `The weekly digest of "${r.group.name}" was not on, so nothing changed.`);
    return reply({ title: 'Weekly digest off', children: [{ type: 'text', text: `The weekly digest of "${r.group.name}" is off. Turn it on again with "group digest ${r.group.name} here".` }] });
  }
  const z = await userZone(ctx);
  return reply({
    title: 'Weekly digest on',
    children: [
      { type: 'text', text: `Every week, the digest of "${r.group.name}" will be posted ${ctx.channelId ? 'in this channel' : 'in this chat'}: the steps its members finished, the week's best new tips, and who is ahead or behind their plan. The first is due ${formatIn(z.zone, r.digest.nextAt)} (${z.zone}).` },
      ...(r.previous ? [{ type: 'note' as const, text: 'It replaces where the digest was posted before.' }] : []),
    ],
    suggestions: [{ label: 'Show the board', command: `group ${r.group.name}` }],
  });
}

const digest: CommandSpec = {
  name: 'digest',
  writes: true,
  description: "Moderators: post a group's weekly digest in this channel (here), or stop it (off).",
  options: [{ name: 'text', kind: 'string', description: 'The group name, then "here" or "off"', required: true, rest: true, autocomplete: 'group', maxLength: 80 }],
  examples: ['group digest backend-club here', 'group digest backend-club off'],
  run(ctx, { text }) {
    return digestCommand(ctx, cleanText(String(text ?? '')));
  },
};

const show: CommandSpec = {
  name: 'show',
  description: "A group's board: members' progress and last activity, and their tips. Without a name: the groups here.",
  options: [groupOption(false)],
  examples: ['group backend-club', 'group'],
  async run(ctx, _options, { groups }) {
    return groups.name ? board(ctx, groups.name.entry) : overview(ctx);
  },
};

export const group: CommandSpec = {
  name: 'group',
  aliases: ['groups'],
  description: 'Study groups: create, join or leave one, or see a group\'s board.',
  examples: ['group create backend-club', 'group join backend-club', 'group backend-club', 'group leave backend-club', 'group digest backend-club here'],
  subcommands: [create, join, leave, digest, groupExport, show],
  defaultSubcommand: 'show',
};
