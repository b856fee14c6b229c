// Named rule "named by its letter" (src/answers/named-by.ts): the spelling a question picks a name
// by, and the names of an answer so spelt.
import { describe, expect, it } from 'vitest';
import { namesSpelt, spellingAsked } from '../src/answers/named-by.js';
import { reply } from '../src/reply.js';

describe('spellingAsked', () => {
  it.each([
    ['Which DevOps tool starting with J is mentioned?', { letter: 'j' }],
    ["Name a course provider starting with the letter B from the profile's list.", { letter: 'b' }],
    ['which company starting with A pays the most?', { letter: 'a' }],
    // Quotes may be gone by the time the question is read.
    ['Which of the job boards listed has Zip in its name?', { part: 'zip' }],
    ["which title has the word 'integration' in it?", { part: 'integration' }],
  ])('%s', (question, spelling) => {
    expect(spellingAsked(question)).toEqual(spelling);
  });

  it.each([
    'is starting with a bootcamp smart?',
    'what does a backend dev start with?',
    'which job boards are listed?',
    // A language asked about, not a letter; a question asking something else than a name.
    'Should I start with C or Python?',
    'should i begin with R?',
    'Do job postings that include the word senior pay more?',
    'Can you help me debug an error starting with E in my Python code?',
  ])('finds no spelling in %s', (question) => {
    expect(spellingAsked(question)).toBeUndefined();
  });
});

describe('namesSpelt', () => {
  const card = reply({
    title: 'Where to look',
    children: [
      { type: 'list', items: ['Job boards: Indeed, Monster, ZipRecruiter, LinkedIn and Glassdoor. (Back-End Developer Spotlight)', 'Starting pay is no name. Jira is a word of a sentence. (Indeed)'] },
      { type: 'section', title: 'Examples' },
      { type: 'list', items: ['Jenkins (Guide to becoming a backend developer)', 'step 5 (Indeed)'] },
    ],
    answered: true,
  });
  it('picks the things the answer lists so spelt, not a capitalised word of a sentence nor the article cited', () => {
    expect(namesSpelt(card, { part: 'zip' })).toEqual(['ZipRecruiter']);
    expect(namesSpelt(card, { letter: 'j' })).toEqual(['Jenkins']);
    expect(namesSpelt(card, { letter: 's' })).toEqual([]);
    expect(namesSpelt(card, { letter: 'b' })).toEqual([]);
  });
});
