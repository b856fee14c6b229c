// The option kinds resolved with the caller's context, before a command runs: a role or a roadmap
// step against the knowledge, a tip or a study group against the store (in the caller's
// community), and a user (a name, or a mention in the door's own syntax, read by the Context's
// readMention). Every option is resolved and every problem collected, so one reply names them all.
import type { CommandContext } from './command.js';
import { resolveRole, resolveStep, tipNotFound, unknownGroup } from './commands/resolve.js';
import { notATipNumber, parseTipId } from './commands/community.js';
import type { Role, Step } from './knowledge/schema.js';
import { cleanText, resolveUser, type Found, type OptionSpec, type OptionValues, type ResolvedValues } from './options.js';
import { errorReply, reply, suggestionsOf, withoutActions, type Reply, type Suggestion } from './reply.js';
import type { GroupBoard, Tip } from './store/store.js';
import { groupKey } from './store/rules.js';

/** At most this many suggestions when several options' problems make one reply. */
export const MAX_MERGED_SUGGESTIONS = 5;

/** What the kinds made of the options: the values and entries for run, or what went wrong. */
export interface KindsResolved {
  values: OptionValues;
  found: ResolvedValues;
  /** Usage errors, in the words of a parse error ("user must be a user mention or a user name."). */
  errors: string[];
  /** Replies for names not found, in option order (each as the command would have answered it alone). */
  problems: Reply[];
}

/** One option's outcome: an entry, a problem, or nothing to resolve (left as it was read). */
type Outcome =
  | { type: 'role'; found: Found<Role> }
  | { type: 'step'; found: Found<Step> }
  | { type: 'tip'; found: Found<Tip> }
  | { type: 'group'; found: Found<GroupBoard> }
  | { type: 'value'; value: string }
  | { type: 'absent' }
  | { type: 'error'; error: string }
  | { type: 'problem'; reply: Reply };

/**
 * Resolves the user and entry options among `values` (as read by parseText or resolveOptions).
 * `command` is the command as typed without its options (`tip vote`, `group` for a default
 * subcommand): suggestions in a "not found" reply run it again with another name.
 */
export async function resolveKinds(ctx: CommandContext, specs: readonly OptionSpec[], values: OptionValues, command: string): Promise<KindsResolved> {
  const out: KindsResolved = { values: { ...values }, found: { roles: {}, steps: {}, tips: {}, groups: {} }, errors: [], problems: [] };
  const outcomes = await Promise.all(specs.map(async (spec) => {
    const raw = values[spec.name];
    return [spec, raw === undefined ? undefined : await resolveOne(ctx, spec, String(raw), command)] as const;
  }));
  for (const [spec, outcome] of outcomes) {
    if (!outcome) continue;
    switch (outcome.type) {
      case 'role':
        out.found.roles[spec.name] = outcome.found;
        break;
      case 'step':
        out.found.steps[spec.name] = outcome.found;
        break;
      case 'tip':
        out.found.tips[spec.name] = outcome.found;
        break;
      case 'group':
        out.found.groups[spec.name] = outcome.found;
        break;
      case 'value':
        out.values[spec.name] = outcome.value;
        break;
      case 'absent':
        delete out.values[spec.name];
        break;
      case 'error':
        delete out.values[spec.name];
        out.errors.push(outcome.error);
        break;
      case 'problem':
        delete out.values[spec.name];
        out.problems.push(outcome.reply);
        break;
    }
  }
  return out;
}

async function resolveOne(ctx: CommandContext, spec: OptionSpec, text: string, command: string): Promise<Outcome | undefined> {
  if (spec.kind === 'user') {
    const user = resolveUser(spec, text, ctx.readMention);
    return user.ok ? { type: 'value', value: user.value } : { type: 'error', error: user.error };
  }
  if (spec.kind !== 'string' || !spec.entry) return undefined;
  switch (spec.entry) {
    case 'role': {
      // "compare that with backend": a word pointing back names the role just talked about.
      if (POINTER.test(text)) return roleOfTurn(ctx, text);
      const r = resolveRole(ctx, text);
      return r.ok ? { type: 'role', found: { entry: r.entry, text, guessed: r.guessed } } : { type: 'problem', reply: r.reply };
    }
    case 'step': {
      const r = resolveStep(ctx, text);
      return r.ok ? { type: 'step', found: { entry: r.entry, text, guessed: r.guessed } } : { type: 'problem', reply: r.reply };
    }
    case 'tip': {
      const id = parseTipId(text);
      if (id === undefined) return { type: 'problem', reply: notATipNumber(text) };
      // The tip itself comes first when it is there, then the ones to suggest.
      const near = await ctx.store.tipsNear(ctx.communityId, id, 3);
      const tip = near[0]?.id === id ? near[0] : undefined;
      // "Did you mean" never offers a vote for your own tip: it would only be refused.
      const offered = command === 'tip vote' ? near.filter((t) => t.author !== ctx.userId) : near;
      return tip ? { type: 'tip', found: { entry: tip, text, guessed: false } } : { type: 'problem', reply: tipNotFound(id, offered, command) };
    }
    case 'group': {
      // A name of nothing but spaces and dashes names no group: an optional one is left out.
      if (!groupKey(text) && !spec.required) return { type: 'absent' };
      const group = await ctx.store.group(ctx.communityId, text);
      return group ? { type: 'group', found: { entry: group, text, guessed: false } } : { type: 'problem', reply: await unknownGroup(ctx, text, command) };
    }
  }
}

/** The title of the reply asking which role a word pointing back meant (never read as a question instead). */
const WHICH_ROLE = 'Which role?';

/** A role named by pointing back: "that", "it", "this one", "them". */
const POINTER = /^\s*(?:that|this|it|them|they|those|these|that one|this one|the same(?: one)?|same)\s*$/i;

/**
 * The role the caller's last turn here was about (a role card, its pay), for a word pointing back;
 * with none, a reply asking which role is meant rather than "I don't know a role called that".
 */
function roleOfTurn(ctx: CommandContext, text: string): Outcome {
  const topic = ctx.conversations.previous(ctx, ctx.now())?.topic;
  const id = topic && /^(?:role|salary):(.+)$/.exec(topic)?.[1];
  const role = id ? ctx.knowledge.roles.find((r) => r.id === id) : undefined;
  if (role) return { type: 'role', found: { entry: role, text, guessed: false } };
  const shown = cleanText(text).slice(0, 20);
  return {
    type: 'problem',
    reply: { ...errorReply(WHICH_ROLE, `Which role do you mean by "${shown}"? Nothing just before it here named one: name the role, for example "backend" or "frontend".`, 'invalid-option', [{ label: 'Roles', command: 'role' }]), outcome: 'which-role' },
  };
}

/**
 * The replies for several problems as one: each problem's words in turn, their suggestions merged
 * (each command once, at most MAX_MERGED_SUGGESTIONS). It keeps the problems' title when they
 * share one, else `title`; a usage error among them makes it one. A single problem is returned as it is.
 */
export function oneReply(problems: readonly Reply[], title: string): Reply | undefined {
  if (problems.length <= 1) return problems[0];
  const titles = new Set(problems.map((p) => p.card.title));
  const same = titles.size === 1;
  const error = problems.find((p) => p.error)?.error ?? (same ? undefined : 'invalid-option');
  const seen = new Set<string>();
  const suggestions: Suggestion[] = [];
  for (const s of problems.flatMap((p) => suggestionsOf(p))) {
    if (seen.has(s.command) || suggestions.length >= MAX_MERGED_SUGGESTIONS) continue;
    seen.add(s.command);
    suggestions.push(s);
  }
  return reply({
    title: same ? problems[0]!.card.title : title,
    children: problems.flatMap((p) => withoutActions(p.card.children)),
    answered: false,
    ephemeral: true,
    suggestions,
    ...(error ? { error } : {}),
    // Several names not found are still "not found" (so a sentence is read as a question).
    ...(problems.every((p) => p.outcome === problems[0]!.outcome) && problems[0]!.outcome ? { outcome: problems[0]!.outcome } : {}),
  });
}
