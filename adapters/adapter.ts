// What every adapter is to main.ts: something that starts and stops. Each platform folder exports
// a factory taking the Bot and the config, and translates its events into dispatch calls.
import type { Deliverer } from '../src/jobs/scheduler.js';

export interface Adapter {
  readonly name: string;
  /** How this door sends due reminders and digests; main.ts runs a scheduler for it once it has started. */
  readonly deliverer?: Deliverer;
  start(): Promise<void>;
  stop(): Promise<void>;
}
