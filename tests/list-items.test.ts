// Named rule "the second one" (src/answers/list-items.ts): which things a reply lists, in order,
// and the question with the picked item in its place.
import { describe, expect, it } from 'vitest';
import { itemAsked, itemNamed, listItems, placeAsked } from '../src/answers/list-items.js';
import type { Node } from '../src/reply.js';

const points = (...items: string[]): Node[] => [{ type: 'list', items }];

describe('listItems', () => {
  it.each([
    ['Backend developers can become backend engineers, database administrators or solutions architects. (Career Karma)', ['backend engineers', 'database administrators', 'solutions architects']],
    ['Job boards: Indeed, Monster, ZipRecruiter, LinkedIn and Glassdoor. (Back-End Developer Spotlight)', ['Indeed', 'Monster', 'ZipRecruiter', 'LinkedIn', 'Glassdoor']],
    // An Oxford comma keeps "what a deadlock is and how to solve it" one item.
    ['Common practice questions: a problem you solved on a project, best practices for performance testing, what a deadlock is and how to solve it, and how to find an application\'s expensive queries. (Career Karma)', ['a problem you solved on a project', 'best practices for performance testing', 'what a deadlock is and how to solve it', "how to find an application's expensive queries"]],
  ])('reads the list in %s', (point, items) => {
    expect(listItems(points('Something else first. (Indeed)', point))).toEqual(items);
  });

  it.each([
    // A clause after a colon, a figure with a comma, a sentence going on: no list.
    'For comparison: the entry-level salary is almost $5,000 higher than the median. (Career Karma)',
    'Step 1: Decide which path fits your goals. A formal degree could lead to managerial roles, while bootcamps remain popular, and so on. (Career Karma)',
    'It is not for everyone, but if you have always enjoyed working with information, you can get paid for that passion. (Career Karma)',
  ])('finds no list in %s', (point) => {
    expect(listItems(points(point, 'Another point. (Indeed)'))).toEqual([]);
  });

  it('takes the list that holds the most of the question\'s words, the first on a tie', () => {
    const nodes = points('Typical duties include creating databases, integrating APIs and backing up files. (Indeed)', 'Extra duties include offering OJT, attending conferences and on-call incident response. (Back-End Developer Spotlight)');
    const related = (words: string[]) => (point: string) => words.filter((w) => point.toLowerCase().includes(w)).length;
    expect(listItems(nodes, related(['extra', 'duties']))).toEqual(['offering OJT', 'attending conferences', 'on-call incident response']);
    expect(listItems(nodes, related(['duties']))).toEqual(['creating databases', 'integrating APIs', 'backing up files']);
    expect(listItems(nodes)).toEqual(['creating databases', 'integrating APIs', 'backing up files']);
  });

  it('takes a bulleted list of three or more points when no point lists things itself', () => {
    expect(listItems(points('You are trusted with major responsibilities. (Back-End Developer Spotlight)', 'You help organizations grow. (Back-End Developer Spotlight)', 'You work in a team. (Back-End Developer Spotlight)'))).toEqual(['You are trusted with major responsibilities', 'You help organizations grow', 'You work in a team']);
  });
});

describe('itemNamed', () => {
  const items = ['Computer Programmers', 'Database Administrators', 'Information Security Analysts'];
  const terms = (t: string) => t.toLowerCase().split(/\W+/).filter((w) => w && !['any', 'of', 'those', 'focus', 'on', 'which', 'one', 'is', 'about'].includes(w)).map((w) => w.replace(/s$/, ''));
  it('picks the one item holding the question\'s own word, as one of it', () => {
    expect(itemNamed('any of those focus on security?', items, terms, new Set())).toEqual({ item: 'Information Security Analysts', question: 'Information Security Analyst' });
  });
  it('picks nothing without "any of those", or when no item or several hold the word', () => {
    expect(itemNamed('is security hard?', items, terms, new Set())).toBeUndefined();
    expect(itemNamed('which one is about cooking?', items, terms, new Set())).toBeUndefined();
    expect(itemNamed('which one is about computers?', ['Computer Programmers', 'Computer Analysts'], terms, new Set())).toBeUndefined();
  });
  it('"the one involving X" picks as "any of those" does; "which of those isn\'t about X" picks the one item without the word', () => {
    expect(itemNamed('the one involving security?', items, terms, new Set())).toMatchObject({ item: 'Information Security Analysts' });
    const certs = ['AWS Certified Developer', 'Microsoft Azure cloud application developer certification', 'Oracle MySQL Developer'];
    // As the lexicon reads it, AWS is the cloud too.
    const cloud = (t: string) => terms(t).flatMap((w) => (w === 'aw' ? ['aws', 'cloud'] : [w]));
    expect(itemNamed("which of those isn't about cloud?", certs, cloud, new Set())).toMatchObject({ item: 'Oracle MySQL Developer' });
    // A "not" before the pick is no part of it: "I don't know much, which of those is about cloud?" picks as asked.
    expect(itemNamed("I don't know much, which of those is about oracle?", certs, cloud, new Set())).toMatchObject({ item: 'Oracle MySQL Developer' });
    // Nor a "not" after the pick's clause ("which of those is about oracle? I'm not sure").
    expect(itemNamed("which of those is about oracle? I'm not sure", certs, cloud, new Set())).toMatchObject({ item: 'Oracle MySQL Developer' });
    // Not about cooking: every item would do, which picks none.
    expect(itemNamed("which of those isn't about cooking?", certs, cloud, new Set())).toBeUndefined();
  });
});

describe('itemAsked', () => {
  const items = ['backend engineers', 'database administrators', 'solutions architects'];
  it.each([
    // One of them: "backend engineer" is the Backend Engineer, "engineers" any developer.
    ['what does the second one do?', 'what does database administrator do?', 'database administrators'],
    ['tell me more about the last one', 'tell me more about solutions architect', 'solutions architects'],
    ['the 1st one?', 'backend engineer?', 'backend engineers'],
  ])('%s', (question, asked, item) => {
    expect(itemAsked(question, items)).toMatchObject({ question: asked, item });
  });

  it('names nothing without a place, a list, or an item at that place', () => {
    expect(itemAsked('what should I learn first?', items)).toBeUndefined();
    expect(itemAsked('the second one?', undefined)).toBeUndefined();
    expect(itemAsked('the fifth one?', items)).toBeUndefined();
    expect(placeAsked('the final option')).toBe(-1);
    expect(placeAsked('the twelfth one')).toBe(12);
  });
});
