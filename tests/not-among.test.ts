// Named rule "which one is not" (src/answers/not-among.ts): the options a question names, and the
// one an answer does not name.
import { describe, expect, it } from 'vitest';
import { notAmongLead, optionsAsked } from '../src/answers/not-among.js';
import { reply } from '../src/reply.js';

describe('optionsAsked', () => {
  it.each([
    ['Which of these is NOT a back-end language the guide lists: Java, Python, Swift or PHP?', ['Java', 'Python', 'Swift', 'PHP']],
    // The asking words before the first option and after the last are no part of them.
    ["Among Django, Laravel and Terraform, which isn't mentioned as a framework?", ['Django', 'Laravel', 'Terraform']],
    ['Is Terraform, Docker or Jenkins the one not listed among devops tools?', ['Terraform', 'Docker', 'Jenkins']],
    ["Decisiveness, customer service, graphic design, flexibility: one of these isn't among the soft skills. Which one?", ['Decisiveness', 'customer service', 'graphic design', 'flexibility']],
    ["Which one doesn't belong - AWS, Azure, Meta, Cisco?", ['AWS', 'Azure', 'Meta', 'Cisco']],
  ])('reads the options of %s', (question, options) => {
    expect(optionsAsked(question)).toEqual(options);
  });

  it.each([
    // No "not": a question naming three things asks about them, not which is missing.
    'Which of MySQL, MongoDB and PostgreSQL is the non-relational one?',
    // Commas of a life story are no options.
    "I'm 34, work retail, and never coded, what should I do?",
    // Two options, or none named: "which of those isn't about cloud?" picks from the answer before.
    "which of those isn't about cloud?",
    'Is it Java or Rust that the guide does not list?',
    // A quality asked, not whether the articles name them: no "which is not named".
    'Which of Java, Python, or Go is not good for beginners?',
    'Which of Django, Flask, or Spring is not free?',
  ])('finds no options in %s', (question) => {
    expect(optionsAsked(question)).toEqual([]);
  });
});

describe('notAmongLead', () => {
  // Words as the search would read them, more or less: enough for these cards.
  const reading = { terms: (t: string) => t.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 2 && !['which', 'not', 'the', 'and'].includes(w)), known: () => false };
  const card = reply({ title: 'Frameworks', children: [{ type: 'list', items: ['Knowing a web framework such as Django, Flask, Ruby on Rails or Express helps. (Career Karma)'] }], answered: true });

  it('names the one option the answer does not, and the ones it does', () => {
    expect(notAmongLead('Django, Flask or Laravel: which is not mentioned?', card, reading)).toEqual({ type: 'text', text: 'Laravel is the one the articles do not name; they do name Django and Flask, as below.' });
    // A plural's s is no part of the name ("Djangos" is Django), nor are dots and spaces ("RubyOnRails").
    expect(notAmongLead('Which is not listed: Djangos, Flask, Laravel?', card, reading)).toMatchObject({ text: expect.stringMatching(/^Laravel is the one/) });
    expect(notAmongLead('Which is not listed: RubyOnRails, Flask, Laravel?', card, reading)).toMatchObject({ text: expect.stringMatching(/^Laravel is the one/) });
    // The option leads its sentence, capitalised as one.
    expect(notAmongLead('Which is not listed: django, flask, spring?', card, reading)).toMatchObject({ text: expect.stringMatching(/^Spring is the one/) });
  });

  it('says nothing of an option the articles name elsewhere, or one sharing a word with the answer', () => {
    expect(notAmongLead('Which is not listed: Django, Flask, Laravel?', card, { ...reading, known: (n: string) => n === 'Laravel' })).toBeUndefined();
    // Named elsewhere as one of it: "mentors" (the articles say "a mentor").
    expect(notAmongLead('Which is not listed: Django, Flask, mentors?', card, { ...reading, known: (n: string) => n === 'mentor' })).toBeUndefined();
    expect(notAmongLead('Which is not listed: Django, Flask, Rails framework?', card, reading)).toBeUndefined();
  });

  it('finds a name only whole ("Scala" is not in "scalable"); two words each found apart are no name', () => {
    const scalable = reply({ title: 'x', children: [{ type: 'list', items: ['Build scalable apps in Python or Java. (Indeed)'] }], answered: true });
    expect(notAmongLead('Which is not listed: Scala, Python, Java?', scalable, reading)).toMatchObject({ text: expect.stringMatching(/^Scala is the one/) });
    expect(notAmongLead('Which is not listed: Python Server, Python, Java, Perl?', scalable, reading)).toBeUndefined();
    // A name written its own way keeps it: "gRPC", not "GRPC".
    expect(notAmongLead('Which is not listed: Django, Flask, gRPC?', card, reading)).toMatchObject({ text: expect.stringMatching(/^gRPC is the one/) });
  });

  it('says nothing when two are missing or none is: that answers no "which one"', () => {
    expect(notAmongLead('Which is not listed: Laravel, Spring or Django?', card, reading)).toBeUndefined();
    expect(notAmongLead('Which is not listed: Express, Flask or Django?', card, reading)).toBeUndefined();
  });
});
