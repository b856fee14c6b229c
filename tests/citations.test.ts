// "Every fact the bot states carries its source": every article named after a fact in a reply is
// listed in that reply's sources, for every entry of every kind and every help example.
import { beforeAll, describe, expect, it } from 'vitest';
import { Bot } from '../src/bot.js';
import type { Context } from '../src/command.js';
import type { Reply } from '../src/reply.js';

const ctx: Context = { platform: 'terminal', userId: 'u1', userName: 'ana', isModerator: true, communityId: 'local' };
let bot: Bot;
beforeAll(() => {
  bot = new Bot();
});

/** The short source names cited in the reply's text: "(Indeed)", "(PayScale, cited by Career Karma)". */
function citedShorts(reply: Reply, shorts: string[]): string[] {
  return shorts.filter((s) => reply.text.includes(`(${s})`) || reply.text.includes(`cited by ${s})`) || reply.text.includes(`; ${s})`));
}

function lines(): string[] {
  const kb = bot.services.knowledge;
  return [
    ...kb.roles.map((r) => `role ${r.id}`),
    ...kb.roles.map((r) => `salary ${r.id}`),
    ...kb.learning.map((l) => `learn ${l.id}`),
    ...kb.roadmap.map((s) => `roadmap ${s.order}`),
    ...kb.questions.map((q) => `ask ${q.title}`),
    ...kb.skills.map((s) => `ask ${s.title}`),
    'compare backend frontend',
    'learn',
    'learn certifications',
    'roadmap',
    'sources',
    ...bot.commands.flatMap((c) => [...c.examples, ...(c.subcommands ?? []).flatMap((s) => s.examples)]),
  ];
}

describe('citations', () => {
  it('lists every article it cites in the reply, for every entry', async () => {
    const shorts = bot.services.knowledge.sources.map((s) => s.short);
    let checked = 0;
    for (const line of lines()) {
      const reply = await bot.dispatchText(line, ctx);
      const listed = new Set(reply.sources.map((s) => s.short));
      for (const short of citedShorts(reply, shorts)) expect(listed, `${line}: cites ${short}`).toContain(short);
      if (citedShorts(reply, shorts).length) checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('cites at least one article in every answered reply about an entry', async () => {
    const kb = bot.services.knowledge;
    for (const line of [...kb.roles.map((r) => `role ${r.id}`), ...kb.learning.map((l) => `learn ${l.id}`), ...kb.roadmap.map((s) => `roadmap ${s.order}`)]) {
      const reply = await bot.dispatchText(line, ctx);
      expect(reply.answered, line).toBe(true);
      expect(reply.sources.length, line).toBeGreaterThan(0);
    }
  });
});
