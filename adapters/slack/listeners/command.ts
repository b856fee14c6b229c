// `/devpath [command] [args]` or `/devpath how do I start?`: the text goes straight to the core,
// where a line that names no command is a question (a typo of a command gets "did you mean"). The answer rides in the ack
// body when it is ready within the budget (one round trip, no response_url needed); otherwise
// the ack goes out empty, inside Slack's 3 seconds, and the answer follows via respond(): the
// empty ack is this door's deferral in the shared answer path (adapters/answer.ts), which also
// sends the apology. Its pictures and files are uploaded after it (files.uploadV2), into the
// channel or the asker's DM.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerFor, fromSlackText, toResponse, type FileTarget, type SlackDeps } from './shared.js';

export async function devpathCommand(deps: SlackDeps, { command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
  // A public answer's pictures go to the channel it was asked in; a private one's to the asker's DM.
  const files: FileTarget = { channel: command.channel_id, notify: (text) => respond({ response_type: 'ephemeral', replace_original: false, text }) };
  /** Slack takes one ack per request: the answer rides in it until it has gone out (empty, or with a body). */
  let acked = false;
  const who = { userId: command.user_id, userName: command.user_name, teamId: command.team_id, channelId: command.channel_id };
  await answerFor(
    deps,
    client,
    'slash command',
    who,
    fromSlackText(command.text ?? ''),
    {
      // ackBudgetMs 0: always the empty ack and respond().
      deferAfterMs: deps.ackBudgetMs,
      defer: () => {
        acked = true;
        return ack();
      },
      send: (reply, uploads, visibility) => {
        const body = toResponse(reply, uploads, visibility);
        if (acked) return respond({ ...body, replace_original: false });
        acked = true;
        return ack(body);
      },
      files,
    },
    { fallbackToAsk: 'unless-typo' },
  );
}
