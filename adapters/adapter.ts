// What every adapter is to main.ts: something that starts and stops. Each platform folder exports
// a factory taking the Bot and the config, and translates its events into dispatch calls.
export interface Adapter {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}
