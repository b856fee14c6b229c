// Named rule "whom an article cites" (src/answers/cites.ts): which sources one article draws on,
// as a user asks it; a figure it "quotes" stays a pay question.
import { describe, expect, it } from 'vitest';
import { Bot } from '../src/bot.js';
import type { Context } from '../src/command.js';
import { replyText } from '../bench/facts.js';

const bot = new Bot();
let n = 0;
const ask = (line: string) => bot.dispatchText(line, { platform: 'terminal', userId: `c${n++}`, userName: 'u', isModerator: false, communityId: 'g', channelId: 'c' } satisfies Context, { fallbackToAsk: true });

describe('whom an article cites', () => {
  it.each([
    ['Which salary data provider does the bootcamp-matching site rely on?', 'PayScale (cited by Career Karma)'],
    ['who does the spotlight quote?', 'Tutorials Point'],
    ['what source does the guide use for its outlook figures?', 'U.S. Bureau of Labor Statistics (BLS)'],
  ])('"%s" names the sources that article cites', async (q, said) => {
    const r = await ask(q);
    expect(r.answered).toBe(true);
    expect(replyText(r)).toContain(said);
  });

  it.each([
    ['What entry-level salary does Career Karma cite?', '61,042'],
    ['What growth rate does the guide cite for web developers?', '13'],
  ])('leaves "%s", a figure cited, to the answer that gives it', async (q, figure) => {
    const r = await ask(q);
    expect(r.card.title).not.toMatch(/cites/);
    expect(replyText(r)).toContain(figure);
  });

  it('leaves "what average does it quote?" to the pay answer', async () => {
    const r = await ask('What mean annual compensation does the big job-listings site quote for server-side developers?');
    expect(r.card.title).toMatch(/salary/);
    expect(replyText(r)).toContain('124,303');
  });
});
