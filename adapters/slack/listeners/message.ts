// A direct message to the bot (the Messages tab): every line is a command or a question. Only
// plain messages from people count; edits, joins, bot posts (our own included) are ignored.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderSlack } from '../render.js';
import { apology, contextFor, fromSlackText, logFailure, type SlackDeps } from './shared.js';

export async function directMessage(deps: SlackDeps, { message, body, say, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> {
  if (message.channel_type !== 'im' || message.subtype !== undefined) return;
  if (message.bot_id || !message.user || message.user === context.botUserId) return;
  const user = message.user;
  const thread = message.thread_ts ? { thread_ts: message.thread_ts } : {};
  try {
    const ctx = await contextFor(deps, client, { userId: user, teamId: body.team_id ?? message.team, channelId: message.channel });
    const reply = await deps.bot.dispatchText(fromSlackText(message.text ?? '', context.botUserId), ctx, { fallbackToAsk: true });
    await say({ ...renderSlack(reply), ...thread });
  } catch (error) {
    logFailure(deps, 'direct message', error);
    await say({ ...apology(), ...thread }).catch((e: unknown) => logFailure(deps, 'direct message apology', e));
  }
}
