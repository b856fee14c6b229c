// The terminal chat: a prompt with history, numbered suggestions, help, and colour only on a TTY.
// A line that names no command is taken as a question, as people type in chat.
import { createInterface } from 'node:readline';
import type { Bot } from '../../src/bot.js';
import { suggestionsOf, type Suggestion } from '../../src/reply.js';
import type { Adapter } from '../adapter.js';
import { answer } from '../answer.js';
import { log } from '../../src/log.js';
import { terminalContext } from './context.js';
import { terminalDeliverer } from './deliver.js';
import { savePictures } from './pictures.js';
import { renderTerminal, wrapText } from './render.js';

export interface TerminalOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  color?: boolean;
  /** DATA_DIR: pictures (progress and group cards) are saved under it, in cards/, and their paths printed. */
  dataDir?: string;
}

/**
 * The greeting, with the command names from the Bot's command specs, wrapped like any reply to
 * the terminal's width (80 when the output is not a terminal), between names, never inside one.
 */
export const greeting = (bot: Bot, columns?: number) =>
  wrapText(
    `devpath: your guide to becoming a back-end developer.
Ask in plain words ("how much do junior backend devs earn?") or type a command:
${bot.commands.map((c) => c.name).join(', ')}.
Type a suggestion's number to run it, and "exit" to leave.`,
    columns,
  );

export function createTerminalAdapter(bot: Bot, options: TerminalOptions = {}): Adapter & { done: Promise<void> } {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const color = options.color ?? (Boolean(output.isTTY) && !process.env.NO_COLOR);
  const context = terminalContext();
  let rl: ReturnType<typeof createInterface> | undefined;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));

  return {
    name: 'terminal',
    done,
    async start() {
      rl = createInterface({ input, output, terminal: Boolean(output.isTTY), historySize: 200, prompt: color ? '\u001b[1mdevpath>\u001b[0m ' : 'devpath> ' });
      output.write(`${greeting(bot, output.columns)}\n\n`);
      let last: Suggestion[] = [];
      // After a numbered list (the roadmap), a number is one of its items: the bot reads it.
      let listed = false;
      let left = false;
      // Lines are answered one at a time, in order, even when pasted in a burst.
      let queue = Promise.resolve();
      rl.on('line', (line) => {
        queue = queue.then(async () => {
          const text = line.trim();
          // Lines pasted or piped after "exit" are not run: leaving means nothing more is saved.
          if (left) return;
          if (/^(exit|quit|bye)$/i.test(text)) {
            left = true;
            return rl?.close();
          }
          if (text) {
            const picked = /^\d{1,2}$/.test(text) && !listed ? last[Number(text) - 1] : undefined;
            // The one answer path (adapters/answer.ts): a failure is logged and apologised for, and
            // the chat goes on; the terminal is private to its user, so there is nothing to defer or hide.
            await answer(
              {
                async send(reply) {
                  last = suggestionsOf(reply);
                  listed = !!reply.numbered;
                  const saved = await savePictures(reply, options.dataDir);
                  output.write(`${renderTerminal(reply, color, output.columns, saved)}\n\n`);
                },
                logError: (stage, error) => log().error({ err: error, stage }, 'the terminal chat could not answer a line'),
              },
              () => bot.dispatchText(picked ? picked.command : text, context, { fallbackToAsk: true }),
            );
          }
          rl?.prompt();
        });
      });
      rl.on('close', () => {
        rl = undefined;
        void queue.then(() => {
          output.write('\nGood luck on the path!\n');
          finish();
        });
      });
      rl.prompt();
    },
    async stop() {
      rl?.close();
      await done;
    },
    // Reminders set here (in this chat or with the devpath command) are shown in the running chat,
    // between answers; ones that fell due while it was closed come at its next start, marked late.
    deliverer: terminalDeliverer(context, (message) => {
      if (!rl) return false;
      output.write(`\n${renderTerminal(message, color, output.columns)}\n\n`);
      rl.prompt(true);
      return true;
    }),
  };
}
