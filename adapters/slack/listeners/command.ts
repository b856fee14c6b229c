// `/devpath [command] [args]`: the text goes straight to the core. The answer rides in the ack
// body when it is ready within the budget (one round trip, no response_url needed); otherwise
// the ack goes out empty, inside Slack's 3 seconds, and the answer follows via respond().
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Reply } from '../../../src/reply.js';
import { apologyResponse, contextFor, fromSlackText, logFailure, toResponse, type SlackDeps } from './shared.js';

type Outcome = { state: 'done'; reply: Reply } | { state: 'failed'; error: unknown } | { state: 'late' };

/** Settles with the work's outcome, or 'late' once `ms` have passed (the timer never outlives it). */
async function within(work: Promise<Reply>, ms: number): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ state: 'late' }), ms);
  });
  try {
    return await Promise.race([work.then((reply): Outcome => ({ state: 'done', reply }), (error: unknown): Outcome => ({ state: 'failed', error })), late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function devpathCommand(deps: SlackDeps, { command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
  const work = (async () => {
    const context = await contextFor(deps, client, {
      userId: command.user_id,
      userName: command.user_name,
      teamId: command.team_id,
      channelId: command.channel_id,
    });
    return deps.bot.dispatchText(fromSlackText(command.text ?? ''), context);
  })();
  // Handled below in every branch; this keeps an early rejection from being reported as unhandled.
  work.catch(() => undefined);

  const outcome = deps.ackBudgetMs > 0 ? await within(work, deps.ackBudgetMs) : ({ state: 'late' } as const);
  if (outcome.state === 'done') return ack(toResponse(outcome.reply));
  if (outcome.state === 'failed') {
    logFailure(deps, 'slash command', outcome.error);
    return ack(apologyResponse());
  }
  await ack();
  try {
    await respond({ ...toResponse(await work), replace_original: false });
  } catch (error) {
    logFailure(deps, 'slash command', error);
    await respond(apologyResponse()).catch((e: unknown) => logFailure(deps, 'slash command apology', e));
  }
}
