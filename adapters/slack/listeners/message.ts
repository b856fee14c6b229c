// A direct message to the bot (the Messages tab): every line is a command or a question. Only
// plain messages from people count; edits, joins, bot posts (our own included) are ignored.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderSlack } from '../render.js';
import { answerFor, fromSlackText, type SlackDeps } from './shared.js';

export async function directMessage(deps: SlackDeps, { message, body, say, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> {
  if (message.channel_type !== 'im' || message.subtype !== undefined) return;
  // Our own messages never get here: Bolt's ignoreSelf drops them.
  if (message.bot_id || !message.user) return;
  const thread = message.thread_ts ? { thread_ts: message.thread_ts } : {};
  const who = { userId: message.user, teamId: body.team_id ?? message.team, channelId: message.channel };
  await answerFor(deps, client, 'direct message', who, fromSlackText(message.text ?? '', context.botUserId), {
    // The DM is the asker's own: a private reply (the apology too) goes there like any other.
    send: (reply, uploads) => say({ ...renderSlack(reply, { uploads }), ...thread }),
    // The DM itself: pictures and files follow the answer here.
    files: { channel: message.channel, threadTs: message.thread_ts, isDm: true },
  });
}
