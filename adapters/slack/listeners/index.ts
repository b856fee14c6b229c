// Every Slack listener, registered in one place (the bolt-ts-starter-template way): each is a
// plain named function of its dependencies and Bolt's arguments, in a file of its own.
import type { App } from '@slack/bolt';
import { renderHome, RUN_ACTION_PATTERN } from '../render.js';
import { runButton } from './action.js';
import { devpathCommand } from './command.js';
import { appHomeOpened } from './home.js';
import { appMention } from './mention.js';
import { directMessage } from './message.js';
import { deliveryId } from '../deliveries.js';
import { describeError, type SlackDeps } from './shared.js';

export const SLASH_COMMAND = '/devpath';

export function registerListeners(app: App, deps: SlackDeps): void {
  // A delivery Slack sends again (a retried event, a replayed request) is acknowledged and dropped.
  app.use(async (args) => {
    const id = deliveryId(args.body);
    // A store that cannot answer must not drop a request: handled twice beats not at all.
    const first = id
      ? await deps.firstDelivery(id).catch((error: unknown) => {
          deps.logger.warn(`devpath: could not check whether Slack delivered ${id} before (${describeError(error)}); handling it`);
          return true;
        })
      : true;
    if (!first) {
      const ack = (args as { ack?: () => Promise<void> }).ack;
      if (ack) await ack();
      deps.logger.debug(`devpath: Slack delivered ${id} again; it was handled the first time`);
      return;
    }
    await args.next();
  });
  // The Home view depends only on the command specs: built once, not per app_home_opened.
  const homeDeps = { ...deps, home: renderHome(deps.bot.commands) };
  app.command(SLASH_COMMAND, (args) => devpathCommand(deps, args));
  app.event('app_mention', (args) => appMention(deps, args));
  app.message((args) => directMessage(deps, args));
  app.action({ type: 'block_actions', action_id: RUN_ACTION_PATTERN }, (args) => runButton(deps, args as Parameters<typeof runButton>[1]));
  app.event('app_home_opened', (args) => appHomeOpened(homeDeps, args));
  // Anything that escapes a listener (or Bolt's own middleware): log it, keep running.
  app.error(async (error) => {
    deps.logger.error(`devpath: Slack request failed: ${describeError(error.original ?? error)}`);
  });
}
