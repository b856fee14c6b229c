// `tip add <step> <text>`, `tip vote <id>`, `tip remove <id>`: the community's tips, one step each.
import { cutText } from '../cut.js';
import type { CommandContext, CommandSpec } from '../command.js';
import { entryOption } from '../options.js';
import { reply, type Reply } from '../reply.js';
import { TIP_MAX } from '../store/schema.js';
import { authorOf, guessNote, refusal, stepName, userWrite } from './community.js';
import { stepOption, tipNotFound } from './resolve.js';

const idOption = entryOption('tip', 'id', 'The tip number, e.g. 12', { required: true });

/** A tip that was there when the command began but is gone by the time of the write. */
const goneTip = async (ctx: CommandContext, id: number, command: string): Promise<Reply> => tipNotFound(id, await ctx.store.tipsNear(ctx.communityId, id, 3), command);

const quote = (text: string) => `"${cutText(text, 83, '...')}"`;

const add: CommandSpec = {
  name: 'add',
  writes: true,
  description: 'Share a tip for a roadmap step (1 to 500 characters).',
  options: [
    stepOption(true),
    { name: 'text', kind: 'string', description: 'Your tip', required: true, rest: true, asTyped: true, maxLength: TIP_MAX },
  ],
  examples: ['tip add 4 Build one small REST API end to end before learning a second framework', 'tip add "learn framework" Read the official tutorial first'],
  async run(ctx, { text }, { steps }) {
    const found = steps.step!; // required: resolved before run
    const s = found.entry;
    const written = await userWrite(ctx, (store, by, now) => store.addTip(ctx.communityId, by, s.id, String(text), now));
    if (!written.ok) return written.reply;
    const r = written.value;
    if (!r.ok) {
      if (r.reason === 'length') return refusal('Tip not saved', `A tip is 1 to ${TIP_MAX} characters of text. Nothing was saved.`);
      if (r.reason !== 'duplicate') return refusal('Tip not saved', 'This community has used every tip number its data file can hold. Nothing was saved.');
      const e = r.existing;
      const votes = `${e.votes} vote${e.votes === 1 ? '' : 's'}`;
      // Your own tip cannot take your vote: then no vote is offered.
      if (e.author === ctx.userId) return refusal('Already shared', `You already shared a tip like this for ${stepName(s)}: #${e.id} ${quote(e.text)} (${votes}). Nothing was saved.`);
      return refusal(
        'Already shared',
        `A tip like this is already there for ${stepName(s)}: #${e.id} ${quote(e.text)} by ${authorOf(e)} (${votes}). Nothing was saved; vote for it instead with "tip vote ${e.id}".`,
        [{ label: `Vote for #${e.id}`, command: `tip vote ${e.id}` }],
      );
    }
    return reply({
      title: 'Tip saved',
      children: [{ type: 'text', text: `Saved tip #${r.tip.id} for ${stepName(s)}: ${quote(r.tip.text)}` }, ...guessNote(found.text, s, found.guessed)],
      suggestions: [{ label: `Tips for step ${s.order}`, command: `tips ${s.order}` }],
    });
  },
};

const vote: CommandSpec = {
  name: 'vote',
  writes: true,
  description: 'Vote for a helpful tip (one vote each; not your own).',
  options: [idOption],
  examples: ['tip vote 12'],
  async run(ctx, _options, { tips }) {
    const n = tips.id!.entry.id; // required: resolved before run
    const written = await userWrite(ctx, (store, by, now) => store.voteTip(ctx.communityId, by, n, now));
    if (!written.ok) return written.reply;
    const r = written.value;
    if (!r.ok && r.reason === 'unknown') return goneTip(ctx, n, 'tip vote');
    if (r.ok) {
      const votes = r.tip.votes;
      return reply({ title: 'Vote counted', children: [{ type: 'text', text: `Voted for tip #${n} ${quote(r.tip.text)}. It has ${votes} vote${votes === 1 ? '' : 's'} now.` }], ephemeral: true });
    }
    if (r.reason === 'own') return refusal('Not counted', `Tip #${n} is your own; you can vote only for other people's tips.`);
    return refusal('Already voted', `You have already voted for tip #${n}; one vote each.`);
  },
};

const remove: CommandSpec = {
  name: 'remove',
  writes: true,
  description: 'Remove a tip: your own, or any tip if you are a moderator.',
  options: [idOption],
  examples: ['tip remove 12'],
  async run(ctx, _options, { tips }) {
    const n = tips.id!.entry.id; // required: resolved before run
    const written = await userWrite(ctx, (store, by, now) => store.removeTip(ctx.communityId, by, n, ctx.isModerator, now));
    if (!written.ok) return written.reply;
    const r = written.value;
    if (!r.ok && r.reason === 'unknown') return goneTip(ctx, n, 'tip remove');
    if (r.ok) return reply({ title: 'Tip removed', children: [{ type: 'text', text: `Removed tip #${n} ${quote(r.tip.text)}.` }], ephemeral: true });
    return refusal('Not removed', `Only the author of tip #${n} or a moderator can remove it. Nothing was changed.`);
  },
};

export const tip: CommandSpec = {
  name: 'tip',
  description: 'Share, vote for or remove a community tip on a roadmap step.',
  examples: ['tip add 4 Build one small REST API end to end', 'tip vote 12', 'tip remove 12'],
  subcommands: [add, vote, remove],
};
