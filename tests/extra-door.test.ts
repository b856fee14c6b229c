// The test of the design (issue 12): a new door is a thin translation over the core, with no
// change under src/. This one is a line-based chat over a local TCP socket: each connection is one
// person in one place, each line a message, each answer the reply's plain text and a blank line.
import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bot } from '../src/bot.js';
import type { Context } from '../src/command.js';

/** The whole door: events in, replies out. */
function lineChatDoor(bot: Bot): Server {
  let connections = 0;
  return createServer((socket) => {
    const context: Context = { platform: 'terminal', userId: `line:${++connections}`, userName: `guest${connections}`, isModerator: false, communityId: 'line-chat', channelId: `conn-${connections}` };
    let queue = Promise.resolve();
    createInterface({ input: socket }).on('line', (line) => {
      queue = queue.then(async () => {
        const reply = await bot.dispatchText(line, context, { fallbackToAsk: true });
        socket.write(`${reply.text}\n\n`);
      });
    });
  });
}

let server: Server;
beforeAll(async () => {
  server = lineChatDoor(new Bot());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A client: sends lines, reads one answer (up to a blank line) per line. */
async function talk(lines: string[]): Promise<string[]> {
  const socket: Socket = createConnection((server.address() as AddressInfo).port, '127.0.0.1');
  const answers: string[] = [];
  let current: string[] = [];
  const done = new Promise<void>((resolve) => {
    createInterface({ input: socket }).on('line', (l) => {
      if (l === '' && current.length) {
        answers.push(current.join('\n'));
        current = [];
        if (answers.length === lines.length) resolve();
      } else if (l !== '') current.push(l);
    });
  });
  for (const l of lines) socket.write(`${l}\n`);
  await done;
  socket.end();
  return answers;
}

describe('a door written in the tests, on the core alone', () => {
  it('answers questions and commands, and reads a follow-up with the line before', async () => {
    const [pay, seniors, steps] = await talk(['how much do junior backend devs make', 'and for seniors?', 'roadmap']);
    expect(pay).toContain('$61,042');
    expect(seniors).toContain('$167K');
    expect(seniors).not.toContain('$61,042');
    expect(steps).toMatch(/roadmap/i);
  });

  it('keeps each connection its own conversation', async () => {
    await talk(['roadmap 3']);
    const [other] = await talk(['what next?']);
    expect(other).toMatch(/^Step 1 of 12/); // not step 4: the first connection's turn is not this one's
  });
});
