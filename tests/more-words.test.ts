// The words that ask for more of what was just said, kept in one place (src/more-words.ts).
import { describe, expect, it } from 'vitest';
import { FIGURES_DIFFER, isMoreFiller, MORE, PLAIN_MORE, SOURCE_OF_THAT } from '../src/more-words.js';

describe('words asking for more', () => {
  it.each(['tell me more', 'Tell me more about it!', 'ok and?', 'why?', 'why tho?', 'but why though', 'go on', 'more details', 'why should I care', 'like what specifically', 'any others?', 'examples?', 'what else?', 'such as?'])('"%s" asks for more of the last answer', (line) => {
    expect(MORE.test(line)).toBe(true);
  });

  it.each(['tell me more about kubernetes', 'why is sql important for backend', 'more roadmap 6', 'what else should i learn', 'any other careers?'])('"%s" asks something of its own', (line) => {
    expect(MORE.test(line)).toBe(false);
  });

  it('"tell me more" alone is plain; "why?" is not (it needs something before it)', () => {
    expect(PLAIN_MORE.test('tell me more')).toBe(true);
    expect(PLAIN_MORE.test('go on...')).toBe(true);
    expect(PLAIN_MORE.test('why?')).toBe(false);
  });

  it('what may follow "more" without naming anything', () => {
    for (const what of [undefined, '', 'please', 'about it', 'details', 'tell me more']) expect(isMoreFiller(what), String(what)).toBe(true);
    for (const what of ['roadmap 6', 'salary:backend-developer entry', 'role backend']) expect(isMoreFiller(what), what).toBe(false);
  });

  it.each(['which source says so?', "who's that from?", 'whos that from', 'source?', 'says who', 'and which article is that from?', "what's your source for that", 'according to whom?', 'where does that come from?', 'per which source?', 'from which article?'])('"%s" asks who says what was just said', (line) => {
    expect(SOURCE_OF_THAT.test(line)).toBe(true);
  });

  it.each(['which source is the newest?', 'which source pays the most', 'per which source is the median highest?', 'what does the source say about sql', 'sources'.repeat(2)])('"%s" asks something else', (line) => {
    expect(SOURCE_OF_THAT.test(line)).toBe(false);
  });

  it.each(['why do the numbers differ so much?', 'why so different?', 'why is indeed so much higher than payscale', 'how come one says 124k and another 81k', 'why the big gap?'])('"%s" asks why the figures differ', (line) => {
    expect(FIGURES_DIFFER.test(line)).toBe(true);
  });

  it.each(['why do front end and back end salaries differ', 'why is backend pay higher than frontend', 'what is the difference between sql and nosql'])('"%s" asks something else', (line) => {
    expect(FIGURES_DIFFER.test(line)).toBe(false);
  });
});
