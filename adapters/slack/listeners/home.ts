// Opening the bot's Home tab publishes what the bot can do, built from the command specs.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs, types } from '@slack/bolt';
import { logFailure, type SlackDeps } from './shared.js';

export async function appHomeOpened(
  deps: SlackDeps & { home: types.HomeView },
  { event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs,
): Promise<void> {
  if (event.tab !== 'home') return;
  try {
    await client.views.publish({ user_id: event.user, view: deps.home });
  } catch (error) {
    logFailure(deps, 'app_home_opened', error);
  }
}
