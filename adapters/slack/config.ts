// The Slack door's variables (documented in .env.example), and the rules between them: a bot token
// needs an app token (Socket Mode) or a signing secret (HTTP), and neither means anything without
// the bot token. PORT is the HTTP mode's port, so it is Slack's. The door declares them here, with
// the core's pieces (src/config.ts); adapters/start.ts reads them together with the core's and every
// other door's, so one ConfigError names every wrong variable, and never prints a value.
import { z } from 'zod';
import { optional, port, url } from '../../src/config.js';

export const SlackEnv = z
  .object({
    SLACK_BOT_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xoxb-'), 'SLACK_BOT_TOKEN must start with xoxb-'),
    SLACK_APP_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xapp-'), 'SLACK_APP_TOKEN must start with xapp-'),
    SLACK_SIGNING_SECRET: optional,
    SLACK_API_URL: url('SLACK_API_URL'),
    PORT: port('PORT').transform((v) => v ?? 3000),
  })
  .superRefine((env, ctx) => {
    if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'SLACK_BOT_TOKEN is set, so Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP)',
      });
    }
    if ((env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET) && !env.SLACK_BOT_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'SLACK_BOT_TOKEN is required when other SLACK_ variables are set' });
    }
  });

export type SlackConfig = z.infer<typeof SlackEnv>;
