// Sends due jobs (reminders, weekly digests) for one door. It claims what is due from the store
// (each job goes to exactly one instance: a lease in the store), builds the message, hands it to
// the door's `deliver`, and reports the outcome. Everything is in the store, so a restart loses
// nothing: jobs due while devpath was down are claimed at the next start and sent as late.
//
// Time comes from `now`, so tests drive it with a fake clock and call runDue() themselves.
import { randomUUID } from 'node:crypto';
import { log } from '../log.js';
import type { Knowledge } from '../knowledge/schema.js';
import type { Reply } from '../reply.js';
import type { Door, DueJob, JobOutcome, Store } from '../store/store.js';
import { digestMessage, reminderMessage } from './messages.js';

/** What a door does with a due job's message. */
export interface Deliverer {
  readonly door: Door;
  /** Only jobs of these communities (a Slack instance's workspace); all when undefined. */
  communities?(): readonly string[] | undefined;
  /** The user's zone the door knows (a Slack profile's), when they set none. */
  zoneOf?(job: DueJob): Promise<string | undefined>;
  /**
   * How long after a send the platform drops a resend of the same job's key as a duplicate (a
   * Discord nonce). Undefined: it cannot tell, so the scheduler claims one job at a time and never
   * sends again a job whose earlier claim may have sent it: at most once, as the user sees it.
   */
  readonly dedupeWindowMs?: number;
  /** Sends it. `key` is stable across attempts (a Discord nonce is made from it). */
  deliver(job: DueJob, message: Reply): Promise<JobOutcome>;
}

export interface SchedulerOptions {
  store: Store;
  knowledge: Knowledge;
  deliverer: Deliverer;
  now?: () => Date;
  /** How often to look for jobs that other instances added (default 10 s). */
  pollMs?: number;
  /** How long a claim holds before another instance may take the job (default 60 s). */
  leaseMs?: number;
  /** Jobs claimed at a time (default 20). */
  batch?: number;
}

/** A failed delivery is tried again after 1, 2, 4, ... minutes, up to an hour apart. */
export const retryDelayMs = (attempt: number): number => Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempt - 1));
/** A job is sent only while this much of its lease is left; later it is handed back unsent. */
export const LEASE_SPARE_MS = 15_000;
/** After this many attempts a job is given up (a reminder dropped, a digest moved to next week). */
export const MAX_ATTEMPTS = 8;

export class Scheduler {
  readonly owner = `devpath-${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly now: () => Date;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly batch: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;

  constructor(private readonly options: SchedulerOptions) {
    this.now = options.now ?? (() => new Date());
    this.pollMs = options.pollMs ?? 10_000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.batch = options.batch ?? 20;
  }

  /** Sends everything due now; resolves with how many jobs were handled. One run at a time. */
  runDue(): Promise<number> {
    this.running ??= this.claimAndSend().finally(() => (this.running = undefined));
    return this.running;
  }

  private async claimAndSend(): Promise<number> {
    const { store, deliverer } = this.options;
    let handled = 0;
    for (;;) {
      if (this.stopped) return handled;
      const communities = deliverer.communities?.();
      // Without a platform that drops duplicates, every job claimed but not yet sent when this
      // instance dies is one the next instance must drop: claiming one at a time keeps that to one.
      const batch = deliverer.dedupeWindowMs ? this.batch : 1;
      const claimedAt = this.now().getTime();
      const jobs = await store.claimDue({ door: deliverer.door, owner: this.owner, now: new Date(claimedAt).toISOString(), leaseMs: this.leaseMs, limit: batch, ...(communities ? { communities } : {}) });
      for (const job of jobs) {
        // A slow batch (rate limits, timeouts) must not send a job whose lease is running out:
        // another instance may take it over and send it too, later than a nonce can catch.
        // It is handed back, claimable at once, for a fresh claim.
        if (this.now().getTime() - claimedAt >= this.leaseMs - LEASE_SPARE_MS) await this.handBack(job);
        else await this.send(job);
      }
      handled += jobs.length;
      if (jobs.length < batch) return handled;
    }
  }

  private async send(job: DueJob): Promise<void> {
    const { store } = this.options;
    const unsure = this.mayHaveBeenSent(job);
    let outcome: JobOutcome = unsure ? { type: 'failed', reason: unsure } : await this.deliver(job);
    if (outcome.type === 'retry' && job.attempt >= MAX_ATTEMPTS) outcome = { type: 'failed', reason: `gave up after ${job.attempt} attempts` };
    if (outcome.type === 'failed') log().warn({ job: job.key, reason: outcome.reason }, 'a job could not be delivered');
    const finished = await store.finishJob(job, this.owner, outcome, this.now().toISOString());
    if (!finished) log().warn({ job: job.key }, 'a job was taken over or cancelled while it was being sent');
  }

  private async handBack(job: DueJob): Promise<void> {
    await this.options.store.finishJob(job, this.owner, { type: 'retry', at: this.now().toISOString() }, this.now().toISOString());
  }

  private async deliver(job: DueJob): Promise<JobOutcome> {
    try {
      const message = await this.message(job);
      return message ? await this.options.deliverer.deliver(job, message) : { type: 'failed', reason: 'the group no longer exists' };
    } catch (error) {
      log().warn({ err: error, job: job.key, attempt: job.attempt }, 'could not deliver a job');
      return { type: 'retry', at: new Date(this.now().getTime() + retryDelayMs(job.attempt)).toISOString() };
    }
  }

  /**
   * Why a resumed job must not be sent again: its earlier claim ended without a report, so that
   * instance may have sent it just before it died. A platform that drops a resend with the same key
   * (Discord's nonce) is trusted within its window, counted from when that claim began.
   */
  private mayHaveBeenSent(job: DueJob): string | undefined {
    if (!job.resumed) return undefined;
    const claimedAt = Date.parse(job.resumed.leaseUntil) - this.leaseMs;
    const window = this.options.deliverer.dedupeWindowMs ?? 0;
    if (window > 0 && this.now().getTime() - claimedAt <= window) return undefined;
    return 'an earlier attempt ended without a report and may have sent it; not sent again, so it is never sent twice';
  }

  private async message(job: DueJob): Promise<Reply | undefined> {
    const { store, knowledge, deliverer } = this.options;
    const now = this.now();
    if (job.kind === 'digest') return digestMessage(store, knowledge, job, now);
    const zone = (await store.timeZone(job.community, job.reminder.user)) ?? (await deliverer.zoneOf?.(job)) ?? 'UTC';
    return reminderMessage(job, now, zone);
  }

  /** Runs due jobs now, then again whenever the next one falls due or every pollMs, until stop(). */
  start(): void {
    if (this.stopped || this.timer) return;
    const loop = async () => {
      this.timer = undefined;
      try {
        await this.runDue();
      } catch (error) {
        log().error({ err: error, door: this.options.deliverer.door }, 'could not look for due reminders and digests');
      }
      if (this.stopped) return;
      this.timer = setTimeout(() => void loop(), await this.sleepMs());
      this.timer.unref();
    };
    this.timer = setTimeout(() => void loop(), 0);
    this.timer.unref();
  }

  /** Until the next job falls due, within [250 ms, pollMs]. */
  private async sleepMs(): Promise<number> {
    try {
      const communities = this.options.deliverer.communities?.();
      const next = await this.options.store.nextDue(this.options.deliverer.door, communities);
      if (next === undefined) return this.pollMs;
      return Math.min(this.pollMs, Math.max(250, Date.parse(next) - this.now().getTime()));
    } catch {
      return this.pollMs;
    }
  }

  /** Stops looking for jobs and waits for the sends in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }
}
