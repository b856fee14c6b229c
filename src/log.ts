// Structured logs: one JSON object per line on stderr (pino), for a process manager or a log
// collector to keep, at LOG_LEVEL (default `info`). Replies and prompts go to stdout; logs never
// do, so the terminal chat and `devpath --json` stay clean. Nothing secret is ever logged: callers
// pass messages and error texts, never tokens, and database URLs are logged without passwords.
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export type Log = Logger;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const satisfies readonly LevelWithSilent[];
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A logger at `level`, writing to `to` (stderr, synchronously, so a line is not lost at exit). */
export function createLog(level: LogLevel = 'info', to: DestinationStream = pino.destination({ fd: 2, sync: true })): Log {
  return pino({ level, base: { app: 'devpath', pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime }, to);
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
