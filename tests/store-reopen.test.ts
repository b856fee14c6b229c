// Whatever people type into the study-group commands, the data file opens again afterwards:
// a value the store accepts but its own schema refuses on read would lock every user out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Bot } from '../src/bot.js';
import type { Context } from '../src/command.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { openLowdbStore } from '../src/store/lowdb.js';

const knowledge = loadKnowledge();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function runThenReopen(lines: string[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'devpath-reopen-'));
  dirs.push(dir);
  const store = await openLowdbStore(dir);
  const bot = new Bot({ knowledge, store, logError: (e) => { throw e; } });
  const ctx: Context = { platform: 'discord', userId: '42', userName: 'ana', isModerator: false, communityId: 'g1' };
  for (const line of lines) {
    const r = await bot.dispatchText(line, ctx);
    expect(r.error).not.toBe('internal');
  }
  await store.close();
  const again = await openLowdbStore(dir); // throws if the file no longer validates
  await again.close();
}

describe('the data file after any input', () => {
  it.each(['constructor', 'prototype', '__proto__', 'hasOwnProperty', 'toString'])('group create %s leaves a file that opens', async (name) => {
    await runThenReopen([`group create ${name}`, `group join ${name}`, `tip add 1 a tip called ${name}`, `ask ${name}`]);
  });

  it('opens after arbitrary text in every study-group command (property)', async () => {
    const commands = ['group create ', 'group join ', 'group leave ', 'tip add 1 ', 'tip vote ', 'tip remove ', 'done ', 'undo ', 'progress ', 'plan ', 'ask '];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...commands), fc.string({ unit: 'grapheme', maxLength: 40 })), { minLength: 1, maxLength: 6 }), async (pairs) => {
        await runThenReopen(pairs.map(([cmd, text]) => cmd + text));
      }),
      { numRuns: 40 },
    );
    // 40 runs of a real child process each: minutes, not seconds, on a loaded two-core machine.
  }, 120_000);
});
