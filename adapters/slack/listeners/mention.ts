// `@devpath how do I start?` in a channel: the mention is stripped, the rest is a command or a
// question, and the answer goes in the thread of the mention (an ephemeral answer only to the asker).
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderSlack } from '../render.js';
import { apology, contextFor, fromSlackText, logFailure, type SlackDeps } from './shared.js';

export async function appMention(deps: SlackDeps, { event, body, say, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> {
  const user = event.user;
  if (!user || event.bot_id) return;
  const threadTs = event.thread_ts ?? event.ts;
  try {
    const ctx = await contextFor(deps, client, { userId: user, teamId: body.team_id ?? event.team, channelId: event.channel });
    const reply = await deps.bot.dispatchText(fromSlackText(event.text ?? '', context.botUserId), ctx, { fallbackToAsk: true });
    const message = renderSlack(reply);
    if (reply.ephemeral) {
      await client.chat.postEphemeral({ channel: event.channel, user, thread_ts: threadTs, ...message });
    } else {
      await say({ ...message, thread_ts: threadTs });
    }
  } catch (error) {
    logFailure(deps, 'app_mention', error);
    await client.chat
      .postEphemeral({ channel: event.channel, user, thread_ts: threadTs, ...apology() })
      .catch((e: unknown) => logFailure(deps, 'app_mention apology', e));
  }
}
