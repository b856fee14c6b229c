// A suggestion button (or a Home tab button): its value is a full command line (the shared button
// codec, adapters/buttons.ts), run as if typed. From a message the answer goes to the click's
// response_url (ephemeral when the reply is private); the Home tab has no response_url, so there
// the answer (or the apology) goes to the user's DM with the bot.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { BUTTON_VALUE, renderSlack } from '../render.js';
import { answerFor, toResponse, type SlackDeps } from './shared.js';

export async function runButton(deps: SlackDeps, { ack, body, action, respond, client }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> {
  await ack();
  const userId = body.user.id;
  const who = { userId, userName: body.user.username || body.user.name, teamId: body.team?.id ?? body.user.team_id, channelId: body.channel?.id };
  // The action_id (RUN_ACTION_PATTERN) said the button is ours; one without a value runs an empty line (help), as before.
  const line = BUTTON_VALUE.decode(action.value ?? '') ?? '';
  if (body.response_url) {
    await answerFor(deps, client, 'button click', who, line, {
      send: (reply, uploads, visibility) => respond({ ...toResponse(reply, uploads, visibility), replace_original: false }),
      files: { channel: body.channel?.id, notify: (text) => respond({ response_type: 'ephemeral', replace_original: false, text }) },
    });
    return;
  }
  // The Home tab: no response_url and no channel, so the answer, its pictures and any apology go to
  // the DM, which only the asker sees: private or not, there is nowhere more private.
  await answerFor(deps, client, 'button click', who, line, {
    send: async (reply, uploads) => client.chat.postMessage({ channel: await deps.dms.open(client, userId), ...renderSlack(reply, { uploads }) }),
    files: { isDm: true },
  });
}
