// Named rule "not given" (src/answers/not-given.ts) and "which one is" (src/answers/not-among.ts):
// a question asking a kind of fact the answer does not hold is not answered by that answer's card;
// an acronym the card spells out, or the one option a card names, comes first.
import { describe, expect, it } from 'vitest';
import { acronymAsked, expansionIn, notGiven } from '../src/answers/not-given.js';
import { optionsWhich } from '../src/answers/not-among.js';
import { Bot } from '../src/bot.js';
import type { Context } from '../src/command.js';
import { replyText } from '../bench/facts.js';
import { ownSourceWords } from '../src/answers/named-source.js';
import { loadKnowledge } from '../src/knowledge/load.js';

/** Capitals the articles write, for an acronym typed in lower case. */
const known = (word: string) => ['QUIC', 'OWASP', 'REST', 'MVC'].includes(word);
/** Names the articles write (a stand-in for the bot's list of proper names). */
const named = (word: string) => ['docker', 'kubernetes', 'python', 'mysql', 'aws', 'http/3', 'nest.js', 'glassdoor', 'ziprecruiter'].includes(word.toLowerCase());

/** The articles' own sources and the surveys they cite, from the knowledge as the bot reads it. */
const kb = loadKnowledge();
const cited = ownSourceWords(kb);

describe('acronymAsked', () => {
  it.each([
    ['what does OWASP stand for', 'OWASP'],
    ['whats quic stand for lol', 'QUIC'],
    ['REST is short for what?', 'REST'],
    ['what does PHP stand for', 'PHP'],
  ])('reads %s as asking about %s', (question, acronym) => {
    expect(acronymAsked(question, known)).toBe(acronym);
  });

  it.each([
    // Pointing back, not naming: another rule reads these with the answer before.
    'what does the acronym stand for?',
    'what does that faster protocol stand for?',
    'what does the first one stand for?',
    'In the model-view-controller pattern, what does the last letter stand for?',
    // Lower case and never written in capitals by the articles: no acronym.
    'what does ajax stand for',
  ])('names no acronym in %s', (question) => {
    expect(acronymAsked(question, known)).toBeUndefined();
  });
});

describe('expansionIn', () => {
  it.each([
    ['Open Web Application Security Project (OWASP) issues security guidelines.', 'OWASP', 'Open Web Application Security Project'],
    ['It uses a faster protocol known as QUIC (Quick UDP Internet Connections).', 'QUIC', 'Quick UDP Internet Connections'],
    ['Representational State Transfer (REST) is a collection of protocols.', 'REST', 'Representational State Transfer'],
    ['Many use a model-view-controller (MVC) design.', 'MVC', 'model-view-controller'],
    ['Give on-the-job training (OJT) and guidance to coworkers.', 'OJT', 'on-the-job training'],
    ['Database Administrator (DBA)', 'DBA', 'Database Administrator'],
  ])('finds the expansion in %s', (text, acronym, expansion) => {
    expect(expansionIn(text, acronym)).toBe(expansion);
  });

  it('never takes a source in brackets, or words that merely have the initials, for an expansion', () => {
    expect(expansionIn('The spotlight lists Python and PHP (Back-End Developer Spotlight; Guide to becoming a backend developer)', 'PHP')).toBeUndefined();
    expect(expansionIn('AWS Certified Developer\nIt shows you can deploy on AWS.', 'CD')).toBeUndefined();
  });
});

describe('notGiven', () => {
  const devops = 'DevOps tools (Docker, Kubernetes, Jenkins)\nKnowing Docker and Kubernetes helps you deploy. (Career Karma)';
  it.each([
    ['who made Docker?', devops],
    ['what language is Kubernetes written in', devops],
    ['when was Docker first released?', devops],
    ['I read that 40% of backend developers are self-taught, is that right?', 'Many learned through self-study. (Guide)'],
    ['how many questions are on the AWS developer exam?', 'AWS Certified Developer: shows you can build on AWS. (Career Karma)'],
    ['will Python still be popular in ten years?', 'Python is one of the languages to learn. (Indeed)'],
    ['is it true 47% of backend developers have a degree?', '47 Back-End Developer Interview Questions (Career Karma)'],
    ['what percentage of websites run on PHP today?', 'Python and PHP are server-side languages. (Spotlight)'],
    ["what's the job outlook for computer support specialists?", 'Computer support specialists help people with their computers. (Career Karma)'],
    ['My friend says 1 in 3 back-end developers have no degree. Can you confirm?', 'Many learned through self-study. (Guide)'],
    ['How many requests per second can PostgreSQL handle?', 'The spotlight suggests learning databases such as MySQL, MongoDB or PostgreSQL. (Spotlight)'],
    ["How many engineers work on Netflix's backend team?", 'Netflix shows how much goes on behind the scenes. (Spotlight)'],
    ['What score do I need to pass the TripleByte quiz?', 'Job boards list openings. (Spotlight)'],
    ['how many days of paid time off do back-end developers get?', 'Common benefits include stock options and paid time off. (Indeed)'],
    ['How many hours per week do backend developers work on average?', 'Expect full-time work unless you are self-employed. (Spotlight)'],
    ['What is the average back-end developer salary according to Glassdoor?', 'Average salary: $124,303 (Indeed)'],
    ['what does ZipRecruiter say backend developers earn', 'Average salary: $124,303 (Indeed)'],
    ['what was the average backend developer salary in 2019?', 'Average salary: $124,303 (Indeed)'],
    ["What's the acceptance rate of the top school on the U.S. News list?", 'Look at acceptance rates, tuition costs and career services. (Spotlight)'],
    ['what was the national median salary in 2023?', 'National median salary for all occupations: $56,310 a year (BLS)'],
    ["How much does a master's degree raise a back-end developer's salary?", 'Average salary: $124,303 (Indeed)'],
    ["What's the salary bump for having a master's degree?", 'An advanced degree helps with the theoretical side. (Career Karma)'],
    ['How much more will I earn with an AWS Certified Developer certification?', 'AWS Certified Developer: shows you can build on AWS. (Career Karma)'],
  ])('says %s is not given by a card without it', (question, text) => {
    expect(notGiven(question, text, known, named, cited)).toBeDefined();
  });

  it.each([
    // The card holds it.
    ['who maintains MySQL?', 'Oracle maintains the MySQL infrastructure. (Career Karma)'],
    ['is it true the BLS expects 13% growth?', 'Employment of web developers: 13 percent growth by 2030. (BLS)'],
    ['will backend devs still be in demand in 2030?', 'Employment is projected to grow 13 percent by 2030. (BLS)'],
    ['what is the job outlook for backend developers?', 'Employment is projected to grow 13 percent by 2030. (BLS)'],
    // About the articles or their figures: the source rules answer those.
    ['who made the 13% projection?', 'Web developers: 13 percent growth by 2030.'],
    ['Which streaming company is used to show how many people work behind the scenes?', 'Netflix shows how much goes on behind the scenes. (Spotlight)'],
    // Asked of a role, not a named thing: which role does it is what the articles answer.
    ['who maintains the servers?', 'Back-end developers help with web-server technology. (Indeed)'],
    ['will I still be able to become a backend developer without a degree?', 'You can become one without a degree. (Career Karma)'],
    ['what language are most back-end apps written in?', 'Python, Java and PHP are server-side languages. (Spotlight)'],
    // When a level or a course begins is no release date.
    ['when does mid-career pay begin?', 'Mid-career (5-9 years): $95K. (PayScale)'],
    // Someone's own figure, not one heard.
    ['I have a 2.5 GPA, is that really a problem?', 'Computer science programmes ask for grades. (Career Karma)'],
    // The same figure written otherwise.
    ['Is it correct that the BLS growth is 13.0%?', 'Employment of web developers: 13 percent growth by 2030. (BLS)'],
    // An interview, not an exam.
    // (The card counts them in words the exam rule does not read: "47 ... Questions".)
    ['how many questions should I expect in a backend interview test?', 'Review FullStack\'s 47 Back-End Developer Interview Questions. (Spotlight)'],
    // A clue, not the question: "written in TypeScript".
    ['Which framework, written in TypeScript, is flagged as a trend?', 'Nest.js is a trend. (Spotlight)'],
    // A rate the card gives.
    ['what is the projected growth rate for web developers?', 'Employment of web developers: 13 percent growth by 2030. (BLS)'],
    // The year the card gives, or an article's year.
    ['how many new jobs will web developers see by 2030?', 'Employment of web developers: 13 percent growth by 2030, 25,500 new jobs. (BLS)'],
    ['what salary does the article from 2020 give?', 'Average salary: $124,303 (Indeed)'],
    ['what is the average salary in the 2020 article?', 'Average salary: $124,303 (Indeed)'],
    // A count the card gives, by any name of what is counted.
    ['how many new jobs r they projecting for web devs', 'Employment of web developers: 13 percent growth by 2030, 25,500 new jobs. (BLS)'],
    ['How many additional positions does the federal labor agency expect by 2030?', 'Employment of web developers: 13 percent growth by 2030, 25,500 new jobs. (BLS)'],
    ['how many questions are in it?', 'Review FullStack\'s "47 Back-End Developer Interview Questions To Focus On in 2020". (Spotlight)'],
    // Counting what the articles list: the card's list answers those.
    ["counting every step in the job-listing site's path, how many are there?", 'Step 1 of 8. (Indeed)'],
    ['how many steps are there to become a backend developer?', 'Decide on education, then learn a language, a framework and databases. (Indeed)'],
    ['how many soft skills do I need?', 'Soft skills include collaboration, attention to detail and change management. (Spotlight)'],
    // "Based on" and "per" name no source ("is nest.js based on TypeScript?", "salary per Annum"); the articles' own publishers in any spelling are theirs.
    ['is nest.js based on TypeScript?', 'Nest.js, a framework built with TypeScript. (Spotlight)'],
    ["what's the salary per Annum?", 'Average salary: $124,303 (Indeed)'],
    ['according to Indeed.com what is the average salary?', 'Average salary: $124,303 (Indeed)'],
    ['according to CareerKarma how long does it take?', 'Three months to four years. (Career Karma)'],
    // A year that is no figure's year.
    ['I started coding in 2020, how much should I earn now?', 'Average salary: $124,303 (Indeed)'],
    ['is a salary of 2000 a month good for a junior?', 'Entry level: $61,042 (PayScale)'],
    ['what are the top reasons to become a backend developer in 2021, like the pay?', 'Good entry-level salaries. (Career Karma)'],
    // One of the articles, or a source they cite, by a name: no outside source.
    ['According to the AWS certification blurb, what does the service save companies from buying?', 'AWS lets companies build without buying server space. (Career Karma)'],
    ['According to the April 2020 explainer, where does this role sit?', 'The server side of a business. (Indeed)'],
    ['according to the Meta-cert guide, is a degree a must?', 'A degree is desirable, but not always essential. (Guide)'],
    ['what does PayScale say juniors make?', 'Entry level: $61,042 (PayScale, cited by Career Karma)'],
    // Pay gained by a credential: a yes the articles give, pay between roles, a credential naming an article.
    ['does a degree help me earn more?', 'A degree can lead to better-paid roles. (Indeed)'],
    ['how much more do backend devs make than frontend?', 'Back-end developers earn more than front-end developers. (Career Karma)'],
    ["Roughly how much higher than the national median is the entry-level backend salary, per the bootcamp guide?", 'Entry level: $61,042 (PayScale, cited by Career Karma)'],
    ['Do bootcamps help with finding a job, per the FAQ on the bootcamp-matching site?', 'Many bootcamps have connections with employers. (Career Karma)'],
  ])('lets %s be answered by a card that holds it or is not asked it', (question, text) => {
    expect(notGiven(question, text, known, named, cited)).toBeUndefined();
  });
});

describe('an outside source', () => {
  const question = 'What is the average back-end developer salary according to Glassdoor?';
  const text = 'Average salary: $124,303 (Indeed)';
  it('is any source the knowledge does not hold', () => {
    expect(notGiven(question, text, known, named, cited)).toBe('what Glassdoor says (they never cite it)');
  });
  it('is no longer outside once an article cites it', () => {
    const more = structuredClone(kb);
    more.sources[0]!.cites.push('Glassdoor salary data');
    expect(notGiven(question, text, known, named, ownSourceWords(more))).toBeUndefined();
  });
  it.each(['according to CareerKarma.com', 'according to the U.S. Bureau', 'according to Hackernoon', 'what does OWASP say'])('reads %s as one of their own', (said) => {
    expect(notGiven(`${said}, what do backend devs earn?`, text, known, named, cited)).toBeUndefined();
  });
});

describe('notGiven of no text', () => {
  // The clarify path asks it of no text first, to build the options' cards only when it matters.
  it.each(['what does a backend developer do?', 'how much do juniors make?', 'which frameworks should I learn first?'])('finds nothing asked in %s', (question) => {
    expect(notGiven(question, '', known, named, cited)).toBeUndefined();
  });

  it.each(['who made Docker?', 'what does PHP stand for?', 'I heard 40% are self-taught, true?'])('finds the kind asked in %s', (question) => {
    expect(notGiven(question, '', known, named, cited)).toBeDefined();
  });
});

describe('optionsWhich', () => {
  it.each([
    ['Which of these is on the course-site list: General Assembly, Codecademy, or Khan Academy?', ['General Assembly', 'Codecademy', 'Khan Academy']],
    ['Which of these does a database administrator need to know: SQL, Swift, or Figma?', ['SQL', 'Swift', 'Figma']],
  ])('reads the options of %s', (question, options) => {
    expect(optionsWhich(question)).toEqual(options);
  });

  it.each([
    // A quality: a card naming one option does not say it has it.
    'which of these is best for beginners: Django, Flask or Rails?',
    'which of those is free: Coursera, General Assembly, Udemy?',
    // Which is not: the other rule's.
    'Which of these is not listed: Django, Flask or Terraform?',
  ])('finds no options in %s', (question) => {
    expect(optionsWhich(question)).toEqual([]);
  });
});

describe('as a user meets them', () => {
  const bot = new Bot();
  let n = 0;
  const ask = (line: string) => bot.dispatchText(line, { platform: 'terminal', userId: `u${n++}`, userName: 'u', isModerator: false, communityId: 'g', channelId: 'c' } satisfies Context, { fallbackToAsk: true });

  it('does not answer who made Docker with the DevOps card, and says why', async () => {
    const r = await ask('who made Docker?');
    expect(r.answered).toBe(false);
    expect(replyText(r)).toContain("The articles don't say who made or owns it");
  });

  it('does not confirm a figure the articles never give', async () => {
    const r = await ask('my friend said 80% of bootcamp grads get a job within 6 months, true?');
    expect(r.answered).toBe(false);
    expect(replyText(r)).toContain("don't say that figure (80%)");
  });

  it('spells out an acronym the articles expand, and says when they do not', async () => {
    const owasp = await ask('whats owasp stand for');
    expect(owasp.answered).toBe(true);
    expect(replyText(owasp)).toContain('OWASP stands for Open Web Application Security Project.');
    const php = await ask('what does PHP stand for?');
    expect(php.answered).toBe(false);
    expect(replyText(php)).toContain("don't say what PHP stands for");
  });

  it('refuses an acronym the articles never write, and finds the entry that spells one out', async () => {
    const json = await ask('what does JSON stand for?');
    expect(json.answered).toBe(false);
    expect(json.card.title).toBe("I don't know that yet");
    const ojt = await ask('what does OJT stand for?');
    expect(replyText(ojt)).toContain('OJT stands for on-the-job training.');
  });

  it('says no "only" when another option is on the articles\' lists too', async () => {
    const r = await ask('Which of these does the spotlight list: Udemy, Coursera, or Khan Academy?');
    expect(replyText(r)).not.toMatch(/name only|named here/);
  });

  it('asks a named source only when it is not set aside, and checks the pay path too', async () => {
    const apart = await ask('apart from PayScale, what salary figures are there for seniors?');
    expect(apart.answered).toBe(true);
    expect(replyText(apart)).not.toContain('Nothing in this answer comes from PayScale');
    for (const q of ['according to Glassdoor what do backend devs earn', 'backend pay in 2019']) {
      const r = await ask(q);
      expect(r.answered, q).toBe(false);
      expect(replyText(r), q).toMatch(/don't say (?:what Glassdoor says|figures for 2019)/);
    }
  });

  it('does not count a figure from another source as the one asked of a named article', async () => {
    const r = await ask('how much does a junior backend developer make acording to indeed');
    expect(r.answered).toBe(false);
    expect(replyText(r)).toContain('Nothing in this answer comes from Indeed');
    expect(replyText(r)).toMatch(/61,042|72,514/);
    // Indeed on the list asked about is no source asked.
    const boards = await ask('Which job boards, other than LinkedIn and Indeed, should I check?');
    expect(boards.answered).toBe(true);
    expect(replyText(boards)).toContain('ZipRecruiter');
  });

  it('says the articles never cite an outside source, and what they do say', async () => {
    const r = await ask('What is the average back-end developer salary according to Glassdoor?');
    expect(r.answered).toBe(false);
    expect(replyText(r)).toContain("don't say what Glassdoor says (they never cite it)");
    const days = await ask('how many days of paid time off do back-end developers get');
    expect(days.answered).toBe(false);
    expect(replyText(days)).toContain("don't say how many days");
    expect(replyText(days)).toContain('paid time off');
  });

  it('says the articles say no more of a site or career they only list, and still answers what it is', async () => {
    for (const q of ['where is Betamore located', 'does edX give free certificates?', 'what does a Computer Systems Analyst do day to day?', 'where is General Assembly located?', 'what skills do information security analysts need?']) {
      const r = await ask(q);
      expect(r.answered, q).toBe(false);
      expect(replyText(r), q).toMatch(/The articles say no more of .+ than this\./);
    }
    for (const q of ['what is betamore', 'is Udacity among the popular course sites?', 'Which course site on the profile\'s list has a name ending in .io?', 'what is a computer programmer?', 'can I learn backend on Udemy?', 'what is Pluralsight used for?']) {
      expect((await ask(q)).answered, q).toBe(true);
    }
  });

  it('counts only what is counted ("interview questions" count no interviews), and reads Indeed.com as Indeed', async () => {
    const r = await ask('how many interviews before I get a job?');
    expect(r.answered).toBe(false);
    expect(replyText(r)).toContain("don't say how many interviews");
    const duties = await ask('according to indeed.com what are the duties?');
    expect(duties.answered).toBe(true);
    expect(duties.topic).toBe('question:what-does-a-backend-developer-do');
    // A word first and a question after it is no name listed: no "Yes: the articles name Salary".
    expect(replyText(await ask('Salary: is it listed per year?'))).not.toContain('name Salary');
  });

  it('reads "what should my code be optimized for" as the career question it is, not a request to debug code', async () => {
    const r = await ask('what should my code be optimized for?');
    expect(r.answered).toBe(true);
    expect(r.topic).toBe('skill:scalability-performance');
  });

  it('names the one option a list holds', async () => {
    const r = await ask('Which of these does a database administrator need to know: SQL, Swift, or Figma?');
    expect(r.answered).toBe(true);
    expect(replyText(r)).toContain('Of those, the articles name only SQL; not Swift or Figma.');
  });
});
