// Structured logs: one JSON object per line on stderr (pino), for a process manager or a log
// collector to keep, at LOG_LEVEL (default `info`). Replies and prompts go to stdout; logs never
// do, so the terminal chat and `devpath --json` stay clean. Nothing secret is ever logged: callers
// pass messages and error texts, never tokens, and database URLs are logged without passwords.
import { createRequire } from 'node:module';
import type { DestinationStream, Logger, LevelWithSilent } from 'pino';

// pino is loaded the first time something is logged, not at every start: a one-shot `devpath`
// command that logs nothing saves the ~25 ms its import costs.
let loaded: typeof import('pino') | undefined;
const pinoModule = (): typeof import('pino') => (loaded ??= createRequire(import.meta.url)('pino') as typeof import('pino'));

export type Log = Logger;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const satisfies readonly LevelWithSilent[];
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A logger at `level`, writing to `to` (stderr, synchronously, so a line is not lost at exit). */
export function createLog(level: LogLevel = 'info', to?: DestinationStream): Log {
  const { pino } = pinoModule();
  return pino({ level, base: { app: 'devpath', pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime }, to ?? pino.destination({ fd: 2, sync: true }));
}

let current: Log | undefined;

/** The process's logger (LOG_LEVEL from the environment until `useLog` sets another). */
export function log(): Log {
  if (!current) {
    const level = process.env.LOG_LEVEL as LogLevel | undefined;
    current = createLog(level && (LOG_LEVELS as readonly string[]).includes(level) ? level : 'info');
  }
  return current;
}

/** Makes `logger` the process's logger (start-up, with the configured level; tests, to read what is logged). */
export function useLog(logger: Log): void {
  current = logger;
}
