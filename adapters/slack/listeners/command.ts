// `/devpath [command] [args]` or `/devpath how do I start?`: the text goes straight to the core,
// where a line that names no command is a question (a typo of a command gets "did you mean"). The answer rides in the ack
// body when it is ready within the budget (one round trip, no response_url needed); otherwise
// the ack goes out empty, inside Slack's 3 seconds, and the answer follows via respond().
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { settlesWithin } from '../../timing.js';
import { apologyResponse, contextFor, fromSlackText, logFailure, toResponse, type SlackDeps } from './shared.js';

export async function devpathCommand(deps: SlackDeps, { command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
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
    try {
      return ack(toResponse(await work));
    } catch (error) {
      logFailure(deps, 'slash command', error);
      return ack(apologyResponse());
    }
  }
  await ack();
  try {
    await respond({ ...toResponse(await work), replace_original: false });
  } catch (error) {
    logFailure(deps, 'slash command', error);
    await respond(apologyResponse()).catch((e: unknown) => logFailure(deps, 'slash command apology', e));
  }
}
