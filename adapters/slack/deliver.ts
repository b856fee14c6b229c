// How the Slack door sends due jobs: a reminder by direct message to its user (conversations.open,
// then chat.postMessage), a weekly digest to the channel a moderator chose. Only this workspace's
// jobs are claimed, so instances for different workspaces can share one database. A digest's
// picture of the board is uploaded after the message, into the same channel.
import type { webApi } from '@slack/bolt';
import type { Deliverer } from '../../src/jobs/scheduler.js';
import { log } from '../../src/log.js';
import type { Reply } from '../../src/reply.js';
import type { DueJob, JobOutcome } from '../../src/store/store.js';
import type { DmChannels, UserDirectory } from './listeners/shared.js';
import { renderSlack, slackUploads } from './render.js';

/** Web API errors that mean the message can never be delivered: retrying is pointless. */
const UNDELIVERABLE = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'user_not_found', 'user_disabled', 'cannot_dm_bot', 'account_inactive', 'missing_scope', 'restricted_action']);

export interface SlackDelivery {
  client: () => webApi.WebClient | undefined;
  /** This workspace (auth.test's team id), once started. */
  teamId: () => string | undefined;
  dms: DmChannels;
  /** users.info, cached: the profile's time zone. */
  users: Pick<UserDirectory, 'lookup'>;
}

export function slackDeliverer(slack: SlackDelivery): Deliverer {
  return {
    door: 'slack',
    // This workspace's jobs only; every Slack job when the workspace is not known (ids given by a test).
    communities: () => {
      const team = slack.teamId();
      return team ? [team] : undefined;
    },
    async zoneOf(job) {
      const client = slack.client();
      if (!client || job.kind !== 'reminder') return undefined;
      return (await slack.users.lookup(client, job.reminder.user)).timeZone;
    },
    async deliver(job: DueJob, message: Reply): Promise<JobOutcome> {
      const client = slack.client();
      if (!client) return { type: 'retry', at: new Date(Date.now() + 60_000).toISOString() };
      try {
        const channel = job.kind === 'reminder' ? await slack.dms.open(client, job.reminder.user) : job.digest.channel;
        const { blocks, text } = renderSlack(message);
        await client.chat.postMessage({ channel, blocks, text, unfurl_links: false, unfurl_media: false });
        await uploadAfter(client, channel, message);
        return { type: 'sent' };
      } catch (error) {
        const code = (error as { data?: { error?: unknown } } | undefined)?.data?.error;
        if (typeof code === 'string' && UNDELIVERABLE.has(code)) return { type: 'failed', reason: `Slack refused it (${code})` };
        throw error;
      }
    },
  };
}

/**
 * The message's pictures, uploaded into the channel it went to. The message is out already, so a
 * refused upload is logged and the job still counts as sent: resending would show it twice.
 */
async function uploadAfter(client: webApi.WebClient, channel: string, message: Reply): Promise<void> {
  for (const upload of slackUploads(message)) {
    try {
      await client.files.uploadV2({ channel_id: channel, file: upload.data, filename: upload.filename, title: upload.title, ...(upload.altText ? { alt_text: upload.altText } : {}) });
    } catch (error) {
      log().warn({ err: error, file: upload.filename }, 'could not upload a picture after a scheduled message');
    }
  }
}
