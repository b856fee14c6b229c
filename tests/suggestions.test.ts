// Every suggestion does what it says: from every command's examples and typical questions, each
// suggestion offered, run as a door runs it, gives a real result (no error, no placeholder), and
// none saves text the user did not write (a help example, "<your tip>").
import { beforeAll, describe, expect, it } from 'vitest';
import { Bot } from '../src/bot.js';
import type { Context } from '../src/command.js';
import { suggestionsOf } from '../src/reply.js';

let bot: Bot;
const ctx: Context = { platform: 'discord', userId: 'u-sugg', userName: 'Sam', isModerator: true, communityId: 'g-sugg', channelId: 'c' };
beforeAll(async () => {
  bot = new Bot({ logError: (e) => { throw e; } });
  // A community with a tip by someone else, a group and progress, so suggestions have something to show.
  const other: Context = { ...ctx, userId: 'u-other', userName: 'Olu' };
  await bot.dispatchText('tip add 5 Learn what an index is before you need one', other);
  await bot.dispatchText('group create sugg-club', other);
  await bot.dispatchText('done 2', ctx);
});

const STARTS = ['help', 'salary', 'salary frontend', 'salary database-administrator', 'roadmap', 'roadmap 6', 'roadmap 5', 'role dba', 'learn', 'progress', 'tips', 'group', 'group sugg-club', 'how much do juniors make', 'do i need a degree', 'hi', 'what can you do', 'I finished step 3', 'how do i become a registered pharmacist'];

describe('suggestions', () => {
  it('each one runs as shown and gives a real result, and none is a placeholder or a saved example', async () => {
    const commands = bot.commands.flatMap((c) => [c, ...(c.subcommands ?? [])]);
    const writingExamples = new Set(commands.filter((c) => c.writes).flatMap((c) => c.examples));
    const starts = [...STARTS, ...bot.commands.map((c) => `help ${c.name}`)];
    const seen = new Set<string>();
    for (const line of starts) {
      const r = await bot.dispatchText(line, ctx, { fallbackToAsk: true });
      for (const s of suggestionsOf(r)) {
        expect(s.command, `offered after "${line}"`).not.toMatch(/[<>]/);
        expect(writingExamples.has(s.command), `"${s.command}" after "${line}" would save an example as the user's`).toBe(false);
        if (seen.has(s.command)) continue;
        seen.add(s.command);
        const ran = await bot.dispatchText(s.command, ctx, { fallbackToAsk: true });
        expect(ran.error, `"${s.command}" (offered after "${line}") -> ${ran.card.title}`).toBeUndefined();
        expect(ran.card.title, `"${s.command}" after "${line}"`).not.toMatch(/^Not found$|^Unknown command$/);
      }
    }
    expect(seen.size).toBeGreaterThan(20);
  }, 60_000);

  it('the salary card offers no level the articles give no figure for', async () => {
    const r = await bot.dispatchText('salary database-administrator', ctx);
    expect(suggestionsOf(r).map((s) => s.command)).not.toContain('salary database-administrator entry');
  });

  it('"Already shared" for your own tip offers no vote for it', async () => {
    await bot.dispatchText('tip add 7 Automate your deploys with one script', ctx);
    const again = await bot.dispatchText('tip add 7 Automate your deploys with one script', ctx);
    expect(again.card.title).toBe('Already shared');
    expect(suggestionsOf(again)).toEqual([]);
    expect(again.text).not.toMatch(/vote for it/);
  });
});
