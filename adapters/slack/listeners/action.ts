// A suggestion button (or a Home tab button): its value is a full command line, run as if typed.
// From a message the answer goes to the click's response_url (ephemeral when the reply is); the
// Home tab has no response_url, so there the answer goes to the user's DM with the bot.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderSlack } from '../render.js';
import { apology, apologyResponse, contextFor, logFailure, toResponse, type SlackDeps } from './shared.js';

export async function runButton(deps: SlackDeps, { ack, body, action, respond, client }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> {
  await ack();
  const line = action.value ?? '';
  const userId = body.user.id;
  const fromMessage = Boolean(body.response_url);
  try {
    const ctx = await contextFor(deps, client, {
      userId,
      userName: body.user.username || body.user.name,
      teamId: body.team?.id ?? body.user.team_id,
      channelId: body.channel?.id,
    });
    const reply = await deps.bot.dispatchText(line, ctx, { fallbackToAsk: true });
    if (fromMessage) {
      await respond({ ...toResponse(reply), replace_original: false });
    } else {
      const opened = await client.conversations.open({ users: userId });
      const channel = opened.channel?.id;
      if (!channel) throw new Error('conversations.open returned no channel');
      await client.chat.postMessage({ channel, ...renderSlack(reply) });
    }
  } catch (error) {
    logFailure(deps, 'button click', error);
    if (fromMessage) await respond(apologyResponse()).catch((e: unknown) => logFailure(deps, 'button apology', e));
    else if (body.channel?.id) {
      await client.chat.postEphemeral({ channel: body.channel.id, user: userId, ...apology() }).catch((e: unknown) => logFailure(deps, 'button apology', e));
    }
  }
}
