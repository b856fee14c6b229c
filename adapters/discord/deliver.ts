// How the Discord door sends due jobs: a reminder by direct message to its user, a weekly digest
// to the channel a moderator chose. Each message carries a nonce made from the job's key with
// enforce_nonce, so if an instance dies after Discord took a message but before the store heard,
// the next instance's resend of the same job is dropped by Discord (within its nonce window,
// minutes; the store's lease is one minute): the user sees it once. Pictures go as attachments,
// as in a reply to a command.
import { createHash } from 'node:crypto';
import { DiscordAPIError, type Client } from 'discord.js';
import type { Deliverer } from '../../src/jobs/scheduler.js';
import type { Reply } from '../../src/reply.js';
import type { DueJob, JobOutcome } from '../../src/store/store.js';
import { messageOf } from './message.js';

/** Discord's nonce is at most 25 characters: a hash of the job's key, the same on every attempt. */
export const nonceFor = (key: string): string => createHash('sha256').update(key).digest('base64url').slice(0, 25);

/**
 * Errors that mean the message can never be delivered, so retrying is pointless: the user closed
 * their DMs (50007), unknown user or channel (10013, 10003), no access or permission (50001, 50013).
 */
const UNDELIVERABLE = new Set([50007, 10013, 10003, 50001, 50013]);

/**
 * How long Discord recognises a resent nonce. Its documentation says "the past few minutes"; two
 * is what the scheduler counts on, so a job resumed later than that is not sent again.
 */
export const NONCE_WINDOW_MS = 2 * 60_000;

export function discordDeliverer(client: () => Client | undefined): Deliverer {
  return {
    door: 'discord',
    dedupeWindowMs: NONCE_WINDOW_MS,
    async deliver(job: DueJob, message: Reply): Promise<JobOutcome> {
      const c = client();
      // Not connected (stopping, or reconnecting): another instance, or this one later, sends it.
      if (!c) return { type: 'retry', at: new Date(Date.now() + 60_000).toISOString() };
      const { flags: _private, ...payload } = messageOf(message);
      const options = { ...payload, nonce: nonceFor(job.key), enforceNonce: true };
      try {
        if (job.kind === 'reminder') {
          const dm = await c.users.createDM(job.reminder.user);
          await dm.send(options);
        } else {
          const channel = await c.channels.fetch(job.digest.channel);
          if (!channel?.isSendable()) return { type: 'failed', reason: 'the digest channel is not one the bot can post in' };
          await channel.send(options);
        }
        return { type: 'sent' };
      } catch (error) {
        if (error instanceof DiscordAPIError && typeof error.code === 'number' && UNDELIVERABLE.has(error.code)) return { type: 'failed', reason: `Discord refused it (${error.code}: ${error.message})` };
        throw error;
      }
    },
  };
}
