// The terminal chat's greeting: wrapped like any reply to the terminal's width (80 when the output
// is not a terminal), between command names, never inside one.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTerminalAdapter } from '../adapters/terminal/index.js';
import { Bot } from '../src/bot.js';
import { displayWidth } from '../src/width.js';

/** What the chat prints when it opens and is closed at once, on an output `columns` wide (undefined: not a terminal). */
async function opening(bot: Bot, columns?: number): Promise<string> {
  const input = new PassThrough();
  const output = Object.assign(new PassThrough(), columns ? { columns } : {});
  let out = '';
  output.on('data', (d: Buffer) => (out += d.toString()));
  const chat = createTerminalAdapter(bot, { input, output, color: false });
  await chat.start();
  input.end();
  await chat.done;
  return out.slice(0, out.indexOf('\n\n'));
}

describe('the terminal chat greeting', () => {
  const bot = new Bot();
  const names = bot.commands.map((c) => c.name);

  it.each([
    ['not a terminal: 80 columns', undefined, 80],
    ['a 60-column terminal', 60, 60],
    ['a 120-column terminal', 120, 120],
  ])('%s: no line wider, every command name whole', async (_name, columns, width) => {
    const greeting = await opening(bot, columns);
    expect(greeting).toMatch(/^devpath: your guide to becoming a back-end developer\./);
    for (const line of greeting.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
    // Every name whole, in order, on one line or another: the list was cut only between names.
    const words = greeting.split(/[\s,.:]+/);
    for (const name of names) expect(words).toContain(name);
    expect(greeting.replace(/\s+/g, ' ')).toContain(`${names.join(', ')}.`);
    expect(greeting).toMatch(/"exit" to leave\.$/);
  });

  it('the list of names is long enough to need wrapping at 80 columns', () => {
    expect(`${names.join(', ')}.`.length).toBeGreaterThan(80);
  });
});
