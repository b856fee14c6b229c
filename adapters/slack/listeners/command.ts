// `/devpath [command] [args]` or `/devpath how do I start?`: the text goes straight to the core,
// where a line that names no command is a question (a typo of a command gets "did you mean"). The answer rides in the ack
// body when it is ready within the budget (one round trip, no response_url needed); otherwise
// the ack goes out empty, inside Slack's 3 seconds, and the answer follows via respond(). Its
// pictures and files are uploaded after it (files.uploadV2), into the channel or the asker's DM.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { settlesWithin } from '../../timing.js';
import type { Reply } from '../../../src/reply.js';
import { apologyResponse, contextFor, fromSlackText, logFailure, sendUploads, toResponse, uploadPlace, type FileTarget, type SlackDeps } from './shared.js';

export async function devpathCommand(deps: SlackDeps, { command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
  // A public answer's pictures go to the channel it was asked in; a private one's to the asker's DM.
  const files: FileTarget = { channel: command.channel_id, notify: (text) => respond({ response_type: 'ephemeral', replace_original: false, text }) };
  const uploads = (reply: Reply) => uploadPlace(reply, files);
  /** After the answer has gone out: its pictures and files, where it said they would be. */
  const upload = async (reply: Reply) => {
    const place = uploads(reply);
    if (place) await sendUploads(deps, client, command.user_id, reply, place, files);
  };
  const work = (async () => {
    const context = await contextFor(deps, client, {
      userId: command.user_id,
      userName: command.user_name,
      teamId: command.team_id,
      channelId: command.channel_id,
    });
    return deps.bot.dispatchText(fromSlackText(command.text ?? ''), context, { fallbackToAsk: 'unless-typo' });
  })();
  // Handled below in every branch; this keeps an early rejection from being reported as unhandled.
  work.catch(() => undefined);

  if (deps.ackBudgetMs > 0 && (await settlesWithin(work, deps.ackBudgetMs))) {
    let reply: Reply;
    let body: ReturnType<typeof toResponse>;
    try {
      reply = await work;
      body = toResponse(reply, uploads(reply));
    } catch (error) {
      logFailure(deps, 'slash command', error);
      return ack(apologyResponse());
    }
    await ack(body);
    return upload(reply);
  }
  await ack();
  try {
    const reply = await work;
    await respond({ ...toResponse(reply, uploads(reply)), replace_original: false });
    await upload(reply);
  } catch (error) {
    logFailure(deps, 'slash command', error);
    await respond(apologyResponse()).catch((e: unknown) => logFailure(deps, 'slash command apology', e));
  }
}
