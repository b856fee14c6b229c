// `@devpath how do I start?` in a channel: the mention is stripped, the rest is a command or a
// question, and the answer goes in the thread of the mention (an ephemeral answer only to the asker;
// its pictures and files then go to the asker's DM with the bot).
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderSlack } from '../render.js';
import { answerFor, fromSlackText, type SlackDeps } from './shared.js';

export async function appMention(deps: SlackDeps, { event, body, say, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> {
  const user = event.user;
  if (!user || event.bot_id) return;
  const threadTs = event.thread_ts ?? event.ts;
  const who = { userId: user, teamId: body.team_id ?? event.team, channelId: event.channel };
  const privately = (text: string) => client.chat.postEphemeral({ channel: event.channel, user, thread_ts: threadTs, text });
  await answerFor(deps, client, 'app_mention', who, fromSlackText(event.text ?? '', context.botUserId), {
    // Private (an ephemeral answer, the apology): only the asker sees it, in the thread.
    send: (reply, uploads, visibility) => {
      const message = renderSlack(reply, { uploads });
      return visibility.private
        ? client.chat.postEphemeral({ channel: event.channel, user, thread_ts: threadTs, ...message })
        : say({ ...message, thread_ts: threadTs });
    },
    // A public answer's pictures go in its thread.
    files: { channel: event.channel, threadTs, notify: privately },
  });
}
