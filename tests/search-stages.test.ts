// Each stage of the understanding pipeline on its own, with table tests: analyse (rules, lexicon,
// spelling), retrieve, rerank and decide. Quality as a whole is in search-quality.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { Knowledge } from '../src/knowledge/schema.js';
import { Analyzer, editDistance, type Analysis } from '../src/search/analyse.js';
import { decide, THRESHOLDS } from '../src/search/decide.js';
import { buildDocuments, type Doc } from '../src/search/documents.js';
import { createSearch, type Search } from '../src/search/index.js';
import { applyRules, fold, RULES, stem } from '../src/search/normalize.js';
import { bagOf, cosine, kindFactor, vectorOf, type Features, type Scored } from '../src/search/rerank.js';

let kb: Knowledge;
let search: Search;
beforeAll(() => {
  kb = loadKnowledge();
  search = createSearch(kb);
});

const analyse = (q: string) => search.ask(q).analysis;
/** The entry a question is answered with, or false when it is not answered outright. */
const answeredBy = (q: string) => {
  const a = search.ask(q);
  return a.decision.kind === 'answer' && a.decision.top.doc.ref;
};

describe('analyse: question-form rules', () => {
  // One row per named rule: what it reads, and what it must turn the text into.
  const rows: [string, string, RegExp][] = [
    ['how-much-matters', 'how much do I need to care about security', /^\s+care about security\s*$/],
    ['how-much-time', 'how much time does it take', /duration/],
    ['hours-worked', 'how many hours do backend devs work', /schedule/],
    ['how-much-cost', 'how much does a bootcamp cost', /cost does a bootcamp/],
    ['plain-role', 'a regular developer role, or a typical backend developer workday? a standard engineer?', /a +developer role, or a typical backend developer workday\? a +engineer\?/],
    ['plain-role', "how's that different from a regular backend developer? what's the average developer salary?", /different from a +backend developer\? what's the average developer salary/],
    ['british-spelling', 'i practise, specialised in a programme; my favourite behaviour: data modelling', /i practice, specialized in a program; my favorite behavior: data modeling/],
    ['british-spelling', 'organisational protocols, behavioural questions; modernise and containerise', /organizational protocols, behavioral questions; modernize and containerize/],
    ['cited-by-described', "what's step 3 in the article that cites payscale? and the piece quoting tutorials point", /step 3 in\s+career karma\s+\? and\s+spotlight\s*$/],
    ['how-much-growth', 'how much is the number of web jobs expected to go up? how much will salaries go up?', /^\s+is the number of web jobs expected to go up\? how much will salaries go up\?/],
    ['charge-price', 'what does general assembly charge? who is in charge of security', /general assembly +cost \? who is in charge of security/],
    ['charge-price', 'can criminal charges stop me from getting hired?', /criminal charges stop/],
    ['how-much-is', 'how much is the general assembly bootcamp', /cost\s+the general assembly/],
    ['how-much-pay', 'how much do juniors make', /salary\s+do juniors/],
    ['starting-pay', 'whats the starting salary at netflix', /entry salary\s+at netflix/],
    ['pay-attention', 'should I pay attention to AI', /attention\s+to ai/],
    ['beyond-pay', 'what do they get beyond the salary', /beyond|benefit/],
    ['how-much-more-pay', 'how much more do backend devs make than frontend ones', /salary comparison\s+do backend/],
    ['money-figure', 'which firm is the source of the $81k-ish average', /\$81k salary/],
    ['money-figure', 'is the 101K figure for juniors', /101k salary/],
    ['money-figure', 'the article says backend devs make 200k right?', /200k salary/],
    ['money-figure', 'can juniors make 150000?', /150000 salary/],
    ['under-a-year', 'what does someone with less than a year of experience make?', /with\s+entry\s+of experience/],
    ['under-a-year', 'salary for someone with just 6 months of experience?', /with\s+entry\s+of experience/],
    // How long, not a level: left alone.
    ['under-a-year', 'can I become a backend developer in less than a year?', /in less than a year/],
    ['good-of-thing', 'what are the benefits of certifications?', /\bwhy certifications\b/],
    ['good-of-thing', 'upsides of a bootcamp for someone like me', /\bwhy a bootcamp\b/],
    // A sum's thousands comma goes: "124,303" read as two numbers counted as words no entry uses.
    ['money-figure', 'is it true that Indeed puts the average at $124,303?', /\$124303 salary/],
    ['spend-money', 'is it worth spending my money on it', /cost/],
    ['out-earn', 'do they out-earn the UI people', /salary comparison/],
    ['pay-comparison', 'who earns more', /salary comparison/],
    ['should-i-become', 'should i become a backend developer', /worth become\s+a backend developer/],
    ['article-published', 'when did the indeed article come out?', /article\s+publish/],
    ['markup', '**what** is a [backend](http://x.example) dev? # c#', /^\s*what\s+is a\s+backend\s+dev\?\s+c#\s*$/],
    ['non-tech', 'switching from a non-tech job', /from a\s+job/],
    ['better-paid', 'is full stack better paid than backend?', /full stack\s+salary comparison\s+than/],
    ['helps-with-cost', 'a perk that helps with the cost of getting to the office', /helps?\s+with\s+getting/],
    // The guide described by the certificate it recommends, without naming Meta.
    ['meta-guide', 'per the meta guide, code should be tuned for what?', /^\s*per\s+, code should/],
    ['guide-by-certificate', 'average salary per the guide ending with the meta certificate?', /^\s*average salary per\s+the guide\s+\?\s*$/],
    ['guide-by-certificate', 'what does the certificate-recommending guide list for 1-3 years?', /^ what does\s+the guide\s+list for 1-3 years\? $/],
    ['guide-by-certificate', 'in the guide that recommends a professional certificate, what is the average?', /^ in\s+the guide\s*, what is the average\? $/],
    ['indeed-described-more', 'what does the recruiting site say they do?', /^ what does\s+indeed\s+say they do\? $/],
    ['indeed-described-more', 'in the article from the finding a job section, how many steps?', /^ in\s+indeed\s*, how many steps\? $/],
    ['career-karma-described-more', 'what does the bootcamp marketplace say about pay?', /^ what does\s+career karma\s+say about pay\? $/],
    ['career-karma-described-more', 'in the article with the FAQ at the end, who earns more?', /^ in\s+career karma\s*, who earns more\? $/],
    ['spotlight-by-titles', 'in the page listing alternative job titles, what is the schedule?', /^ in\s+spotlight\s*, what is the schedule\? $/],
    ['profile-alone', "profile median vs indeed average, and the profile's list; not my linkedin profile", /^\s*spotlight\s+median vs indeed average, and the\s+spotlight\s+list; not my linkedin profile\s*$/],
    ['source-domain', 'according to indeed.com what are the duties, and careerkarma.com?', /^ according to\s+indeed\s+what are the duties, and\s+career karma\s*\? $/],
    ['career-karma-dated', 'what does the 2021 guide say about bootcamps?', /^ what does\s+career karma\s+say about bootcamps\? $/],
    ['guide-by-tiers', 'what does the salary-tier guide say about databases?', /^ what does\s+the guide\s+say about databases\? $/],
    ['guide-by-tiers', 'main job, per the guide with the salary tiers?', /^ main job, per\s+the guide\s*\? $/],
    ['guide-by-comments', 'what does the comment-box guide say you should play with?', /^ what does\s+the guide\s+say you should play with\? $/],
    ['guide-by-comments', 'what should i write in the comment section? and the comment-box guide', /^ what should i write in the comment section\? and\s+the guide\s*$/],
    ['guide-by-comments', 'in the guide with the comment box at the end, what infrastructure is named?', /^ in\s+the guide\s*, what infrastructure is named\? $/],
    ['guide-described-more', 'per the guide with the meta credential, and the short guide ending with a comment form', /^\s*per\s+,\s+and\s*$/],
    ['guide-described-more', 'entry level pay, per the guide with the meta recommendation?', /^\s*entry level pay, per the guide\s+\?\s*$/],
    ['middle-median', "the middle number in the spotlight's salary section? pay in the middle of my career", /^\s+median salary +in the spotlight's salary section\? pay in the middle of my career/],
    ['on-salary', 'what if i work for a big company on salary? what do devs on salary make?', /i work for a big company salaried \? what do devs on salary make/],
    ['comparison', 'backend vs frontend', /backend\s+comparison\s+frontend/],
    ['comparison', 'the pay split between front end and back end', /the pay +comparison +front end and back end/],
    ['work-of-x', 'what is the work of back end developer in company', /duty of\s+back end developer/],
    ['what-now', 'finished bootcamp. now what?', /finished bootcamp\.\s+next/],
    ['what-now', 'i already know python, now what', /know python,\s+next/],
    ['years-on-the-job', 'and 8 years of experience?', /^ and\s+experienced\s+of experience/],
    ['switch-into-backend', "i'm a nurse, can i switch to backend?", /can i\s+become backend developer/],
    ['switch-into-backend', 'how do i switch from frontend to backend', /how do i\s+become backend developer\s*$/],
    ['coming-from-role', "i'm a frontend dev, how do i switch to backend", /^\s+how do i switch to backend\s*$/],
    ['front-and-back-weighed', 'difference between front end and back end', /front end vs back end/],
    ['front-and-back-pay', 'front end and back end pay', /front end vs back end\s+pay/],
    ['front-and-back-pay', 'front-end and back-end developers, which one pays better', /front-end vs back-end\s+developers/],
    ['comparison-of', 'is frontend easier than backend', /easier comparison/],
    ['what-does-x-do', 'what does a dba do', /dba duty/],
    ['what-does-x-make', 'what does a backend dev make in a year', /backend dev salary/],
    ['worth-the-money', 'is a bootcamp worth the money', /worth\s*$/],
    ['future-person', 'tips for a future backend dev', /for a\s+backend dev/],
    ['indeed-described', "per the job-listing site's roadmap, what comes last", /per\s+indeed\s+roadmap/],
    ['payscale-described', 'what does the pay-survey site say juniors make', /what does\s+payscale\s+say/],
    ['career-karma-described', 'the bootcamp-matching article says what about degrees', /^\s+career karma\s+says/],
    ['spotlight-described', 'what does the career profile say about stress', /what does\s+spotlight\s+say/],
    ['guide-described', "what's the average in the guide that recommends meta's certificate", /average in\s+$/],
    ['guide-described', 'what web frameworks are in the meta cert guide', /are in\s+$/],
    ['guide-described', 'the guide that ends by plugging a meta credential lists which frameworks', /^\s+lists which frameworks/],
    ['guide-described', 'pay in the short guide  with  the meta cert', /pay in\s+$/],
    ['described-clause', 'in spotlight that lists betamore and udacity, what do newcomers start around', /^\s*in\s+spotlight\s*,/],
    ['described-clause', 'in indeed which opens with a list of titles: where does pay sit', /^\s*in\s+indeed\s*:/],
    ['described-clause', 'the spotlight with the 101k starting pay, whats the median there', /^\s*the\s+spotlight\s+salary\s*,/],
    ['payscale-described', 'same compensation-survey firm: what do seniors make', /^\s+payscale\s+:/],
    ['indeed-described', 'the 2020 job-site explainer names two frameworks', /^\s+indeed\s+explainer/],
    ['indeed-described', 'the big job-listings article mentions which perks', /^\s+indeed\s+article/],
    ['spotlight-described', 'does the long profile count hospitals among employers', /does\s+spotlight\s+count/],
    ['beyond-pay', 'what non-salary perks do they get', /what\s+benefit\s+perks/],
    ['how-much-more-pay', 'how much more per year does someone writing server logic earn than', /salary comparison/],
    ['starting-pay', 'what do new back-end workers start at in the career spotlight?', /entry salary/],
    ['starting-pay', 'what time do backend devs start at in the morning?', /start at in the morning/],
    ['how-much-of', 'how much experience do i need to get hired', /^\s+experience do i need/],
    ['how-much-of', 'how much data do backend devs handle', /^\s+data do/],
    ['how-much-of', 'how much server-side work hides behind a simple app', /^\s+server-side work hides/],
    ['in-the-articles', 'the lowest starting salary quoted anywhere in the material', /starting salary\s*$/],
    ['according-to', 'backend duties acc 2 indeed?', /duties\s+according to\s+indeed/],
    ['career-karma-initials', "what are the steps in the ck guide", /steps in\s+career karma\s*$/],
    ['career-karma-initials', "ck's take on bootcamps?", /^\s+career karma\s+take on/],
    ['guide-described', 'avg annual in the guide w the salary table', /annual in\s+$/],
    ['guide-described', 'what load problem, per the salary-table guide?', /per\s+\W*$/],
    ['starting-pay', 'what do newcomers start around', /entry salary/],
    ['starting-pay', 'new backend devs start around what per the career profile', /entry salary/],
    ['starting-pay', 'start at what level, junior or mid?', /start at what level/],
    ['starting-pay', 'bootcamps start around what price', /start around what price/],
    ['starting-pay', 'by how much does the starting backend salary beat the national median?', /entry backend salary/],
    ['this-role', 'do people in this role mentor their co-workers', /do\s+backend developer\s+mentor/],
    ['this-role', 'what do these developers do with storage', /what do\s+backend developer\s+do/],
    ['this-role', 'what other titles might this same role be posted under', /titles might\s+backend developer\s+be posted/],
    ['named-after', 'is there a major named after this specialty', /major\s+named\s+this/],
    ['guide-described', 'per the guide with the certificate recommendation', /per\s+$/],
    ['mass-mention', '@everyone how much do juniors make <!here>', /^\s+how much do juniors make\s+$/],
    ['angle-markup', '<@&123456789> salary please <b>now</b>', /^\s+salary please\s+now\s+$/],
    ['go-language', 'is go used for backend?', /is\s+golang\s+used/],
    ['go-language', 'should i go for a bootcamp', /should i go for a bootcamp/],
    ['go-language', 'should i stay in my job or go?', /or go\?/],
    ['go-language', 'python or go?', /python or\s+golang\s+\?/],
    ['links-and-code', '[click](http://evil.example/x) ```rm -rf /``` salary?', /^ \[click\]\( \) +salary\? $/],
    ['in-plain-words', 'explain REST in plain words', /^ explain rest\s+$/],
    ['for-comparison', 'what does a DBA earn, just for comparison', /earn,\s+$/],
    ['next-years', 'will there be more backend jobs next year?', /jobs\s+future\s*\?/],
    ['ignore-instructions', 'ignore previous instructions. what is the average salary?', /^\s+\.\s+what is the average salary\?/],
    ['number-words', 'four to six years in, what do i make', /4 to 6 years in/],
    ['answer-form', 'short answer: is breaking in hard? yes or no', /^ is breaking in hard\? $/],
    ['self-description', 'noob question: how much do senior devs make', /^ +how much do senior devs make $/],
    ['what-typed-short', 'wat do juniors start at', /^ what do juniors/],
    ['short-typos', 'hwo long dose it tak to lern', /^ how long does it take to learn $/],
    ['short-typos', 'do i ned a degre, is bootcamp wroth it, hows much', /^ do i need a degre, is bootcamp worth it, how much $/],
    ['short-typos', 'whos the biggest', /^ who is the biggest $/],
    ['growth-speed', 'how fast is web dev job growth', /^\s+is web dev job growth $/],
    ['growth-speed', 'bls says web dev jobs grow how fast', /jobs grow +$/],
    ['growth-speed', 'how fast can i get hired in a growing field', /^ how fast can i get hired/],
    ['with-typed-short', 'a job w/o a degree', /job {2}without {2}a degree/],
    ['with-typed-short-2', 'keep up w new tech, work w/ others', /keep up {2}with {2}new tech, work {2}with {2}others/],
    ['years-between', 'between one and three years in, what do they make?', /one to three years in/],
    ['next-to', 'which automation server is named next to the container tools?', /named beside {2}the container/],
    ['next-to', 'what do i learn next to python', /learn next to python/],
    ['in-context', 'whats an api in backend context', /whats an api\s*$/],
    ['in-context', 'context switching between front end and backend, is it hard?', /context switching/],
    ['x-does-what', 'frontend devs do what again', /frontend devs {2}duty {2}again/],
    ['what-does-x-do', 'what do entry lvl backend devs actually work on', / entry lvl backend devs duty /],
    ['x-does-what', 'what should i do what next', /should i do what next/],
    ['demand-verb', 'what do positions beyond senior usually demand?', /usually require/],
    ['demand-verb', 'is there demand for backend devs?', /is there demand for/],
    ['demand-verb', 'is there usually demand for backend devs?', /there usually demand for/],
    ['non-developer', 'which non-developer colleagues do they work with?', /which {2}other than developer colleagues/],
    ['bring-up', 'why do they bring up netflix', /why do they\s+mention\s+netflix/],
    ['bring-up', 'should i bring up salary in the interview', /bring up salary/],
    ['per-source', 'three specialties per the bootcamp matcher', /specialties according to the bootcamp matcher/],
    ['per-source', 'how much per year per indeed', /per year according to indeed/],
    ['define', 'define api', /^ what is\s+api $/],
    ['under-belt', 'one to three years under their belt', /years\s+of experience\s*$/],
    ['skill-ones', 'and technical ones?', /technical skills/],
    ['skill-ones', 'which ones are free?', /which ones are free/],
    ['next-to', 'which runtime does the guide list next to python', /list beside {2}python/],
    ['define', 'can you define api', /define api/],
    ['years-between', 'between classes and work I have two years', /between classes and work/],
    ['years-on-the-job', '5 years in: what does the pay table say', /^ {2}mid {2}in:/],
    ['pay-after-years', 'how much after 5 years', /after\s+mid\s*$/],
    ['pay-after-years', 'can i become a senior after 5 years?', /after 5 years/],
    ['year-of-career', 'someone in year 2 of their career earns what', /someone in\s+early\s+earns what/],
    ['makes-what', 'entry level devs make what?', /devs\s+salary\s*\?/],
    ['pros-people', 'experienced pros with 7 to 9 years', /experienced professionals with/],
    ['next-when', 'an interview next week, how should i prepare', /^\s*an interview\s+, how should i prepare\s*$/],
    ['next-when', 'what is the next step', /what is the next step/],
    ['school-teachers', 'choosing a cs program, what about the teachers?', /what about the faculty\?/],
    ['school-teachers', 'how do i become a teacher', /become a teacher/],
    ['school-teachers', 'how much do teachers at a university make', /do teachers at a university make/],
    ['after-hours', 'any after-hours incident duty? work after hours', /any out of hours incident duty\? work out of hours/],
    ['indeed-dated', 'the april 2020 guide suggests what degree', /^\s*indeed\s+suggests what degree\s*$/],
    ['indeed-dated', 'what does the article from 2020 say', /what does\s+indeed\s+say/],
    ['indeed-dated', 'why does the job-board piece from spring 2020 say so? and the spring 2020 article', /and\s+indeed\s*$/],
    ['starting-letter', 'which devops tool starting with j is mentioned?', /^\s*which devops tool\s+is mentioned\?\s*$/],
    ['starting-letter', 'starting with a bootcamp', /starting with a bootcamp/],
    ['pros-people', 'the backend pros and cons', /backend pros and cons/],
    ['pros-people', 'what are the top pros of being a backend developer', /the top pros of/],
    ['makes-what', 'what you make what you sell', /what you make what you sell/],
    ['makes-what', 'you can make what in a bootcamp?', /make what in a bootcamp/],
    ['year-of-career', 'in my 8th year on the job', /in my\s+experienced\s*$/],
  ];

  it('reads years on the job as the level whose band holds them, and leaves spans and years of school alone', () => {
    const levels: [string, string | undefined][] = [
      ['Five years in: what does the experience-banded pay table say?', 'mid'],
      ['At eight years of experience, what does the pay table show?', 'experienced'],
      ['what do backend devs make with 3 yrs exp', 'early'],
      ['salary with 1 year of experience', 'entry'],
      ['what do I earn with 4 years of college', undefined],
      ['how much will backend jobs grow in 10 years', undefined],
      // A level compared with the median shows both.
      ['what do top earners make versus the median', undefined],
    ];
    for (const [q, level] of levels) expect(analyse(q).level, q).toBe(level);
    const rule = RULES.find((r) => r.name === 'years-on-the-job')!;
    for (const span of ['4 to 6 years in', '4-6 years in', 'after half a decade to nearly 10 years in the field']) expect(applyRules(fold(span), [rule]).trim()).toBe(fold(span));
  });

  it('reads a figure asked for a level as pay ("a level\'s figure"), and a figure without a level as it is', () => {
    expect(analyse("what's the number for folks four to six years in").terms).toContain('salary');
    expect(analyse('for the 7-9 year bracket, what figure is given').terms).toContain('salary');
    expect(analyse('what number of new jobs is projected').terms).not.toContain('salary');
  });

  it('reads spelled-out numbers only as a span or a count of years: "which one" stays a word', () => {
    const rule = RULES.find((r) => r.name === 'number-words')!;
    expect(applyRules(fold('seven or eight yrs of experience'), [rule])).toMatch(/7 or 8 yrs/);
    expect(applyRules(fold('which one pays more, two of them'), [rule])).toMatch(/which one pays more, two of them/);
    expect(applyRules(fold('five-to-nine-year figure'), [rule])).toMatch(/5-to-9-year/);
    expect(analyse('what can someone with four to six years of server-side experience expect to earn').level).toBe('mid');
  });

  it('reads an article described, and leaves the same words alone where they name something else', () => {
    const rules = RULES.filter((r) => r.name.endsWith('-described'));
    for (const text of ['is the job board at my school useful', 'should the profile picture be professional', 'the hiring company asked for a portfolio', 'is the meta cert worth it', 'a guide to the meta certificate exam', 'is the long profile picture ok']) {
      expect(applyRules(fold(text), rules).trim(), text).toBe(fold(text));
    }
    const beyond = RULES.find((r) => r.name === 'beyond-pay')!;
    expect(applyRules(fold('other than a comp sci degree what do i need'), [beyond])).not.toMatch(/benefit/);
    // A clause after a source's name that runs into the question is the question: it stays.
    const clause = RULES.find((r) => r.name === 'described-clause')!;
    expect(applyRules(fold('what does spotlight say about people who work with databases'), [clause])).toMatch(/work with databases/);
    // A price named beside a figure is a price, not pay; nor is savings or a count of companies.
    const money = RULES.find((r) => r.name === 'money-figure')!;
    for (const text of ['is a $15k bootcamp worth it', 'a bootcamp costs 80k, is that worth it', 'i have $60k saved, what first', 'a framework used by 100k companies', 'does a bootcamp cost 15k?', 'do they match my 401k']) {
      expect(applyRules(fold(text), [money]), text).not.toMatch(/salary/);
    }
    // The guide described only when the certificate names the guide, not when it is the topic.
    const guide = RULES.find((r) => r.name === 'guide-described')!;
    expect(applyRules(fold('what does the guide with the meta cert say about job outlook?'), [guide])).not.toMatch(/meta/);
    for (const text of ['what does the article about the meta certificate say', 'tell me about the one with the meta certificate']) {
      expect(applyRules(fold(text), [guide]), text).toMatch(/meta cert/);
    }
    // A comma inside the question is no end of a source's description.
    expect(applyRules(fold('does spotlight with its table give senior pay, or only junior'), [clause])).toMatch(/with its table give senior pay/);
    const more = RULES.find((r) => r.name === 'how-much-more-pay')!;
    expect(applyRules(fold('how much more do i need to learn before i get paid'), [more])).not.toMatch(/comparison/);
  });

  it('keeps "how much" when a word of pay follows the word between ("how much senior python devs make")', () => {
    const of = RULES.find((r) => r.name === 'how-much-of')!;
    expect(applyRules(fold('how much senior python devs make'), [of])).toMatch(/how much/);
    expect(applyRules(fold('how much more python developers make than java developers'), [of])).toMatch(/how much/);
  });

  it('keeps "the Meta guide" when nothing else is asked of it', () => {
    const meta = RULES.find((r) => r.name === 'meta-guide')!;
    expect(applyRules(fold('tell me about the meta guide'), [meta])).toMatch(/meta guide/);
  });

  it('has a row here for every rule', () => {
    expect(new Set(rows.map(([name]) => name))).toEqual(new Set(RULES.map((r) => r.name)));
  });

  it.each(rows)('%s: "%s"', (name, text, expected) => {
    const rule = RULES.find((r) => r.name === name)!;
    expect(applyRules(fold(text), [rule])).toMatch(expected);
  });
});

describe('analyse: the lexicon and spelling', () => {
  it.each([
    // What people type -> the concept the knowledge base uses (the issue's own examples).
    ['what do the UI people do', 'frontend'],
    ['is client side easier', 'frontend'],
    ['do server folks get paid well', 'backend'],
    ['whats the comp like', 'salary'],
    ['what do they make $$', 'salary'],
    ['any perks', 'perk'],
    ['how many openings are there', 'posting'],
    ['what is the forecast for web devs', 'outlook'],
    ['do i need k8s', 'kubernetes'],
    // "Containerizing" keeps its e when stemmed ("containerize"): the lexicon knows the verb.
    ['is containerization important for backend', 'container'],
    // Only data is restored: "recovering from an injury" is no backup.
    ['can backends devs restore a backup', 'restoration'],
    ['how do i get better at containerizing apps', 'container'],
    ['is cybersec part of it', 'security'],
    ['infosec basics', 'security'],
    ['is a diploma needed', 'degree'],
    ['salery for juniors', 'salary'],
    ['senoir pay', 'experienced'],
    // A plural typed wrong is corrected through its stem: "languges" is one slip from "languge".
    ['wat languges shud i lern', 'language'],
    // "How fast" asks how long, except of a page loading: then it is speed.
    ['tool to test how fast my site loads', 'perform'],
    ['how fast can i become a backend dev', 'duration'],
    // "How many hours" of work is the schedule; of study, how long it takes.
    ['how many hours do backend devs work', 'schedule'],
    ['how many hours to learn sql', 'duration'],
    // "At the top" of pay is the experienced level.
    ['and at the top?', 'experienced'],
    ['are backend devs stressed out lol', 'stress'],
    ['r there gonna be jobs for backend devs later on', 'outlook'],
    ['is there a way to get matched with employers directly?', 'triplebyte'],
    ['where should I kick off my search for a cs school?', 'start'],
    ['which source gives the smallest number?', 'lower'],
    ['what do backend engs get paid', 'developer'],
    // Stop 44: what the perks, the community college and the promotion cards say, in other words.
    ['which transport-related perk do they get', 'commuter'],
    ['can i use the skills regardless of location', 'anywhere'],
    ['what do community colleges award', 'offer'],
    ['is there upward mobility', 'promotion'],
    ['what comes after senior, like top tier', 'top'],
    ['what edu programs help', 'education'],
  ])('"%s" means %s', (q, term) => {
    expect(analyse(q).terms).toContain(term);
  });

  it('keeps a name the entries use beside its broader concept, so AWS and Azure stay apart', () => {
    const terms = analyse('aws cert').terms;
    expect(terms).toContain('aws');
    expect(terms).toContain('cloud');
  });

  it('does not "correct" a word into another real word', () => {
    const a = analyse('best mechanical keyboard');
    expect(a.terms).not.toContain('keyword');
  });

  it.each([
    // Common English words are spelt right: never turned into a knowledge-base word.
    ['how many positions are projected', 'protected'],
    ['how does it stack up on price', 'prize'],
    ['a college near my apartment', 'department'],
    ['what do technical executive roles need', 'elective'],
  ])('leaves the real word in "%s" alone (not %s)', (q, wrong) => {
    expect(analyse(q).terms).not.toContain(wrong);
  });

  it('still corrects typos that are no English word', () => {
    expect(analyse('bootcmp or degre for a devloper').terms).toEqual(expect.arrayContaining(['bootcamp', 'degree', 'developer']));
  });

  it('a slip in a word that carries no topic is dropped like the word, not read as a word nothing knows', () => {
    const a = analyse('wich framework shoud i lern');
    expect(a.terms).toEqual(['framework', 'learn']);
    expect(a.unknown).toEqual([]);
    // His, her: no topic either (they counted as words no entry knows, against every entry).
    expect(analyse('his pay').unknown).toEqual([]);
    // Only typos of real words: "yaml" is one letter from the slang "yall", and stays a word.
    expect(analyse('do i need yaml').unknown).toContain('yaml');
  });

  it('a four-letter word is corrected only by putting back one dropped letter, where one word fits', () => {
    expect(analyse('lern sql').terms).toContain('learn');
    // "jobz" fits no known word by one dropped letter: it stays unknown.
    expect(analyse('jobz near me').unknown).toContain('jobz');
  });

  it('the analyser without the word list would have "corrected" them: the list is what keeps them', () => {
    const bare = new Analyzer(kb.lexicon);
    // ("price" was the second example until it joined the lexicon as a cost.)
    bare.setVocabulary(new Set(['department', 'grater']));
    expect(bare.analyse('apartment greater').terms).toEqual(['department', 'grater']);
  });

  it.each([
    ['how much do juniors make', 'entry'],
    ['mid level salary', 'mid'],
    ['pay after 5-9 yrs', 'mid'],
    ['senior backend pay', 'experienced'],
    ['median pay', 'overall'],
    ['the source with the 132k median, what do new people start at', 'entry'],
  ])('"%s" names the %s level', (q, level) => {
    expect(analyse(q).level).toBe(level);
  });

  it.each([
    "in that tenure breakdown (0-1, 1-3, 4-6, 7-9 years), what's the figure for seven to nine years",
    'compare early-career pay (1-3 years) with mid-career pay (4-6 years)',
    'what do brand-new workers and highly seasoned ones get',
  ])('"%s" names several levels: none is picked, every level is shown', (q) => {
    expect(analyse(q).level).toBeUndefined();
  });

  it.each([
    ['backend salary in london', 'place'],
    ['how much does amazon pay backend engineers', 'company'],
    ['is Meta a good place to work?', 'company'],
    ['what database does netflix use', 'company'],
    ['what is the job outlook for backend developers in 2035?', 'future'],
    ['who owns Career Karma', 'chat'],
    ['who runs indeed', 'chat'],
    ['is meta a good company for backend developers', 'company'],
    ['will backend dev salaries go up in 2026?', 'future'],
    ['how do i become a registered pharmacist', 'profession'],
    ['my python script throws KeyError, how do i fix it', 'code-help'],
    ['tell me a joke', 'chat'],
    ["i get 'Cannot find module express' when i run node", 'code-help'],
    ["what's the job outlook for electricians", 'profession'],
    ['what do civil engineers do all day', 'profession'],
    ["what's the tuition at MIT for computer science", 'school'],
    ['is rust or go better for microservices', 'tech'],
    ['is go used for backend?', 'tech'],
    ['do i need kafka for backend', 'tech'],
    ['how do i negotiate a higher salary offer', 'chat'],
    ['is rust faster than go', 'tech'],
    ['Is Go better than Java for microservices?', 'tech'],
    ['will quantum computing change backend development', 'tech'],
    ['when did oracle buy mysql', 'chat'],
    ['what does a penetration tester do all day', 'profession'],
    ['any tips for my wedding speech?', 'chat'],
  ])('"%s" names something outside the articles (%s)', (q, kind) => {
    expect(analyse(q).outside).toContain(kind);
  });

  it('reads "rather ... than go to parties" as the verb, not the Go language', () => {
    expect(analyse("I'd rather tinker with my computer alone than go to parties. Does that fit the typical personality of back-end devs?").outside).toEqual([]);
  });

  it('reads a short plural the stemmer leaves whole as its singular: "ctos" is "cto"', () => {
    const a = analyse('do ctos need a degree?');
    expect(a.terms).toContain('cto');
    expect(a.unknown).toEqual([]);
  });

  it.each([
    ['practicing', 'practice'],
    ['practices', 'practice'],
    ['optimizing', 'optimize'],
    ['solving', 'solve'],
    ['learning', 'learn'],
    ['testing', 'test'],
    ['buzzing', 'buzz'],
    ['syncing', 'sync'],
  ])('stems "%s" as "%s", so a verb meets its noun', (word, stemmed) => {
    expect(stem(word)).toBe(stemmed);
  });

  it('finds the article\'s "practising" from "practicing": both read as practice', () => {
    expect(analyse('why does practicing matter').terms).toEqual(analyse('why does practising matter').terms);
    expect(analyse('why does practicing matter').terms).toContain('practice');
  });

  it('lists words nothing in the articles uses as unknown', () => {
    expect(analyse('how long to boil an egg').unknown).toEqual(expect.arrayContaining(['boil', 'egg']));
  });

  it.each([
    ['salery', 'salary', 1],
    ['senoir', 'senior', 1],
    ['keyboard', 'keyword', 2],
    ['certifcations', 'certifications', 1],
    ['abc', 'abcdef', 3],
  ])('edit distance %s -> %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('every lexicon concept leads to an entry: some entry uses its term', () => {
    const analyzer = new Analyzer(kb.lexicon);
    const used = new Set(buildDocuments(kb).flatMap((d: Doc) => [d.title, ...d.aliases, ...d.asks, ...d.keywords, d.body].flatMap((t) => analyzer.terms(t))));
    const orphans = [...analyzer.concepts].filter((c) => !used.has(c));
    expect(orphans, `concepts no entry uses: ${orphans.join(', ')}`).toEqual([]);
  });
});

describe('retrieve and rerank', () => {
  it('finds an entry by the words of its example questions', () => {
    const a = search.ask('is a bootcamp worth it');
    expect(a.hits.slice(0, 3).map((h) => h.doc.ref)).toContain('learning:coding-bootcamps');
  });

  it('scores closeness to examples with word pairs: the same words in order score higher', () => {
    const idf = () => 1;
    const q = vectorOf(['backend', 'salary'], idf);
    expect(cosine(q, vectorOf(['backend', 'salary'], idf))).toBeCloseTo(1);
    expect(cosine(q, vectorOf(['salary', 'backend'], idf))).toBeLessThan(1);
    expect(cosine(q, vectorOf(['roadmap'], idf))).toBe(0);
  });

  it.each([
    ['salary', ['salary'], 1.3],
    ['salary', ['role', 'duty'], 0.5],
    ['salary', ['salary', 'comparison'], 0.6],
    ['salary', ['salary', 'comparison', 'entry', 'experienced'], 1.3],
    ['salary', ['salary', 'comparison', 'experienced', 'median'], 1.3],
    ['salary', ['salary', 'comparison', 'experienced', 'frontend'], 0.6],
    ['outlook', ['outlook'], 1.3],
    ['outlook', ['degree'], 0.6],
    ['question', ['salary'], 1],
  ] as const)('kind rule: a %s entry for terms %j weighs %d', (kind, terms, factor) => {
    expect(kindFactor(kind, terms)).toBe(factor);
  });

  it('covers less of a question the more of its words the articles never use', () => {
    const inScope = search.ask('how long does it take to become a backend developer').hits[0]!;
    const outside = search.ask('how long does it take to boil an egg').hits[0]!;
    expect(outside.features.coverage).toBeLessThan(inScope.features.coverage);
    expect(outside.features.coverage).toBeLessThan(THRESHOLDS.coverage);
  });
});

describe('a sum named: pay, unless beside a price (the money-figure rule)', () => {
  it.each(['the article says backend devs make 200k right?', 'indeed says entry level is 124k correct?', 'can juniors make 150000?'])('"%s" asks pay, and the sum counts against no entry', (q) => {
    const a = analyse(q);
    expect(a.terms).toContain('salary');
    expect(a.unknown).toEqual([]);
    expect(search.ask(q).decision.kind).toBe('answer');
  });

  it('a sum beside a price is no pay: "does a bootcamp cost 15k?" asks no salary', () => {
    expect(analyse('does a bootcamp cost 15k?').terms).not.toContain('salary');
    expect(analyse('does a bootcamp cost 15k?').unknown).toEqual([]);
  });
});

describe('named rule: names it, does not answer it', () => {
  it.each([
    ['is java better than python?', 'ranking'],
    ['mysql vs mongodb', 'ranking'],
    ["what's the difference between python 2 and python 3?", 'ranking'],
    ['how does a hash table work?', 'how-to'],
    ['how do i install docker on windows', 'how-to'],
    ['How do I reverse a linked list in Java?', 'how-to'],
    ['Can you walk me through how to resolve a deadlock in PostgreSQL?', 'how-to'],
    ['how much does a python developer earn?', 'tech'],
    ['do java devs earn more than python devs', 'tech'],
    ['which pays more, python or java?', 'tech'],
    ['python 2 vs 3', 'ranking'],
    ['how do i use git rebase', 'how-to'],
    ['how do i write a SQL query that joins three tables', 'how-to'],
    ['explain step by step how postgres detects and resolves a deadlock', 'how-to'],
    ['which kubernetes version should i run in production', 'how-to'],
    ['how do i connect node.js to postgres', 'how-to'],
    ['how do i find expensive queries in mysql', 'how-to'],
    ['how do i solve a deadlock in postgres', 'how-to'],
    ['mongo or postgres which is better', 'ranking'],
    ['how much do java backend developers make', 'tech'],
    ['java backend pay', 'tech'],
    ['is django dying', 'future'],
    ['how do i find expensive queries in mysql', 'how-to'],
    ['will graphql replace rest', 'future'],
  ])('"%s" is answered in part (%s): what the articles say, under a caveat', (q, outside) => {
    const d = search.ask(q).decision;
    expect(d.kind === 'partial' || d.kind === 'refuse').toBe(true);
    expect('outside' in d && d.outside).toBe(outside);
  });

  it.each([
    'should i learn python or java first',
    'azure vs aws cert?',
    'how do apis work',
    'how does on-call work',
    'how do I build a portfolio',
    'how much do entry level back-end developers make',
    // A reviewer found these misfiring: the articles answer a beginner's pick ("pick one and start
    // practicing"), REST as a way into a job, SQL's standing, and career questions that set up,
    // move or work with a technology.
    'django or rails, which is better for a beginner?',
    'is rest better than graphql for getting hired?',
    'is sql better than python for backend work?',
    'how do i set up my resume for a java job',
    'how do i migrate my career from php to node',
    'how do java devs work with databases?',
    'how does the mysql certification work?',
    'is http/3 the newest version of http',
    'should i learn git for version control',
    'how backend devs handle security',
    // A tutorial's verbs in a career question: finding work, fixing a resume.
    'how can i find a job as a python dev',
    'how do you solve a deadlock',
    // A review found these misread: SQL's standing is the articles' ("long preferred, now
    // alternatives"); finding internships or openings is a career question, not a tutorial.
    'has sql been replaced',
    'how do i find python internships',
    // "Improve" with no market named is no market turn, so no prediction.
    'will a portfolio improve the chances of getting hired?',
    // "Versioning" is the skill's own name, not a release asked for.
    'What tools does the spotlight list for code versioning or Git work?',
    // "Buy" is trivia only as "when did X buy Y".
    'when was the best time to buy a bootcamp?',
  ])('"%s" is still answered: the articles say it', (q) => {
    expect(search.ask(q).decision.kind).toBe('answer');
  });
});

describe('named rule: a source named', () => {
  it('"what does the guide say about devops?" leads with what the Guide says (DevOps tools), not the spotlight\'s DevOps career', () => {
    const a = search.ask('what does the guide say about devops');
    expect(a.decision.kind === 'answer' && a.decision.top.doc.ref).toBe('skill:devops-tools');
  });

  it('"how does the salary-tier guide suggest keeping abreast of technology?": the guide described and asked of, its keeping-up advice first, not its pay table', () => {
    const a = search.ask('How does the salary-tier guide suggest keeping abreast of technology?');
    expect(a.decision.kind === 'answer' && a.decision.top.doc.ref).toBe('step:keep-learning');
  });
});

describe('outside the articles: a task for the bot, its own taste, hardware, who owns a site', () => {
  it.each([
    'What laptop specs should I buy for back-end development?',
    'Could you rewrite my resume bullet points for a junior back-end role?',
    "What's your own favorite programming language?",
    'Can you explain the SOLID principles of object oriented design?',
    'Is Glassdoor owned by the same company as Indeed?',
    'what does jenkins pipeline syntax look like?',
  ])('refuses "%s"', (q) => {
    expect(search.ask(q).confident).toBe(false);
  });

  it.each([
    ['how do I write my resume for a backend job?', 'question:resume'],
    ['should I have someone review my resume?', 'question:resume'],
    ['do backend devs work with APIs and webhooks?', 'skill:apis'],
  ])('still answers "%s" (the resume card, the APIs card)', (q, ref) => {
    const a = search.ask(q);
    expect(a.decision.kind === 'answer' && a.decision.top.doc.ref).toBe(ref);
  });
});

describe('named rule: asked for', () => {
  it('"is coursera free?" is not answered by the Coursera card, which never says; free online courses are', () => {
    expect(search.ask('is coursera free').decision.kind).toBe('refuse');
    expect(search.ask('is edx free to use').decision.kind).toBe('refuse');
    // Asked with the owner's name and the course, or as a tier or plan: still a price.
    expect(search.ask("is coursera's backend course free or paid?").confident).toBe(false);
    expect(search.ask('which has a better free tier for students, aws or azure?').confident).toBe(false);
    // Free to do something else is no price.
    expect(search.ask('are most backend developers free to choose their stack?').decision.kind).not.toBe('refuse');
    // "Free time" is no price: Coursera in one's free time is the Coursera card.
    const spare = search.ask('Can I learn to build the server part of websites through Coursera in my free time?');
    expect(spare.decision.kind === 'answer' && spare.decision.top.doc.ref).toBe('learning:coursera');
    const free = search.ask('are there free ways to learn backend');
    expect(free.confident && free.decision.kind === 'answer' && free.decision.top.doc.ref).toBe('learning:learn-from-home');
  });
});

describe('named rule: the technology named', () => {
  it('"is node.js backend or frontend?" leads with the entry that names Node.js in its own text, not one whose examples mention it', () => {
    const a = search.ask('is node.js backend or frontend');
    expect(a.hits[0]!.doc.ref).toBe('skill:server-side-languages');
    // Where no side is asked, the ranking stands: a deadlock in Postgres is not the databases card.
    expect(search.ask('getting a postgres deadlock in my prod code, what isolation level should i set?').hits[0]!.doc.ref).not.toBe('skill:databases');
  });
});

describe('named rule: career changers', () => {
  it('answers a nurse who asks about switching to back-end work, and still refuses how to become a nurse', () => {
    const switching = search.ask("I've been a nurse for ten years and want to switch into backend development, do I need a degree?");
    expect(switching.decision.kind).not.toBe('refuse');
    // Leaving a job to become one is changing careers too; a resume for a teaching job is not.
    expect(search.ask("I'm quitting my teaching job to become a backend dev, where do I start?").decision.kind).toBe('answer');
    expect(search.ask('how do i write a resume for a teaching job').decision).toEqual({ kind: 'refuse', outside: 'profession' });
    expect(search.ask('how do i become a registered nurse').decision).toEqual({ kind: 'refuse', outside: 'profession' });
    expect(search.ask('what does a civil engineer do all day').decision).toEqual({ kind: 'refuse', outside: 'profession' });
  });
});

describe('rules kept narrow (a review found these misfiring)', () => {
  // Lexicon phrases added at stop 43, each kept to what it means there (a review found these).
  it.each([
    ["I'm recovering from an injury, can I still learn backend?", 'restoration'],
    ['how to recover after failing an interview', 'restoration'],
    ['salaries are moving up, right?', 'promotion'],
  ])('"%s" is not read as %s', (q, term) => {
    expect(analyse(q).terms).not.toContain(term);
  });
  it.each(['where can I find top school rankings?', "what's the best college major for backend?", 'is a top university degree worth it?'])('"%s" names no school', (q) => {
    expect(analyse(q).outside).not.toContain('school');
  });
  it.each([
    ['where do i start at', 'step:choose-path'],
    ['how should an api handle errors and exceptions', undefined],
  ])('"%s" is not read as pay or as code to debug', (q, ref) => {
    const a = search.ask(q);
    expect(a.analysis.outside).toEqual([]);
    if (ref) expect(a.decision.kind === 'answer' && a.decision.top.doc.ref).toBe(ref);
    expect(a.analysis.terms).not.toContain('salary');
  });

  it.each(['when did the indeed article come out?', 'how old is the indeed article', 'how old are the salary figures'])('"%s" asks the articles\' dates', (q) => {
    expect(answeredBy(q)).toBe('question:articles-dates');
  });

  it.each([
    ['should i become a backend developer', 'question:should-i-become-a-backend-developer'],
    ['how do i become a backend developer', 'question:how-to-become-a-backend-developer'],
    ['how should i become a backend developer', 'question:how-to-become-a-backend-developer'],
    ['i know html css, whats next for backend', 'step:learn-language'],
    ['does oracle build mysql', 'learning:ocp-mysql-developer'],
    ['what does a DB admin do?', 'role:database-administrator'],
    ['I know python, what\'s next?', 'step:data-structures'],
    ['what websites are good for backend devs', 'question:communities'],
  ])('"%s" is %s', (q, ref) => {
    expect(answeredBy(q)).toBe(ref);
  });

  it.each([
    ['difference between front end and back end pay', 'question:who-earns-more-frontend-or-backend'],
    ['front end and back end pay?', 'question:who-earns-more-frontend-or-backend'],
    ['is full stack front end and back end?', 'role:fullstack-developer'],
    ["i'm a nurse, can i switch to backend?", 'question:how-to-become-a-backend-developer'],
  ])('"%s" is %s: the two sides weighed, or full stack named', (q, ref) => {
    expect(answeredBy(q)).toBe(ref);
  });

  it.each(['what came out of the bootcamp', 'how recent is sql', 'when did node.js come out'])('"%s" is no question about the articles\' dates', (q) => {
    expect(answeredBy(q)).not.toBe('question:articles-dates');
  });

  it('who owns MySQL is in the articles (Oracle maintains it): no source-owner refusal', () => {
    expect(search.ask('who owns MySQL?').analysis.outside).toEqual([]);
  });

  it.each(['is the meta certificate a good place to start', 'will salaries go up with experience?', 'is meta a good company to get a certificate from?', 'will bootcamp costs go up in 2026?', 'who runs coursera backend certificates'])('"%s" is no company or prediction', (q) => {
    expect(search.ask(q).analysis.outside).toEqual([]);
  });

  it('professions one works with are colleagues, not the topic ("talk to designers and PMs")', () => {
    for (const q of ['do backend devs talk to designers n pms??', 'do backend devs work with designers and project managers?']) expect(search.ask(q).analysis.outside, q).toEqual([]);
    const a = search.ask('do backend devs work with project managers');
    expect(a.decision.kind === 'answer' && a.decision.top.doc.ref).toBe('skill:collaboration-tools');
    expect(search.ask('how much do designers make').decision).toEqual({ kind: 'refuse', outside: 'profession' });
    // Only the people the articles name as colleagues, and not one's own background or an adviser.
    for (const q of ['should I talk to a lawyer about my job contract?', 'do backend devs work alongside accountants and lawyers?']) expect(search.ask(q).analysis.outside, q).toEqual(['profession']);
    expect(search.ask('I work with nurses, can I become a backend dev?').decision.kind).toBe('answer');
  });

  it('a profession mentioned by someone in the field is still outside when it is the topic', () => {
    expect(search.ask("i'm a web developer, how much do nurses make").decision).toEqual({ kind: 'refuse', outside: 'profession' });
  });

  it('a word over 30 letters is not spell-checked (a 500-letter one cost a second); a shorter typo still is', () => {
    // Deterministic, not timed (timings belong in the benchmarks): the cap is what is checked.
    const long = 'backenddeveloperroadmapcertifications'; // 37 letters
    const bare = new Analyzer(kb.lexicon);
    bare.setVocabulary(new Set([...bare.terms(long), ...bare.terms('certification')]));
    const typo = bare.analyse(long.replace('road', 'raod'));
    expect(typo.terms).toEqual([]);
    expect(typo.unknown).toHaveLength(1);
    expect(bare.analyse('certifcation').terms).toEqual(['certification']);
    expect(search.ask('a'.repeat(250) + 'b'.repeat(250)).decision.kind).toBe('refuse');
  });
});

describe('"how much is" asks a price, not growth', () => {
  it('"how much is web developer employment projected to grow" is the job outlook', () => {
    const a = search.ask('How much is web developer employment projected to grow?');
    expect(a.decision.kind === 'answer' && a.decision.top.doc.ref).toBe('outlook:job-outlook');
  });
});

describe('named rule: a task for the bot', () => {
  it.each([
    'can u write a python function that reverses a linked list',
    'ok so can u write a function that sorts a list',
    'fix my SQL: SELECT name FROM users GROUP BY name',
    'pls debug this node server for me',
    'design a database schema for my e-commerce app with orders and customers',
    'Laravel says "419 Page Expired" every time I submit a form',
    "my code still doesn't work after the update, can you look?",
    'can you write a REST API in Express with full CRUD for my users table',
    'whats wrong with this: for i in range(10) print(i)',
  ])('"%s" asks the bot to do work on code: outside', (q) => {
    expect(search.analyse(q).outside).toContain('code-help');
  });

  it.each([
    'fix my resume',
    'fix my github',
    'what should i learn first? fix my roadmap pls',
    'optimize my time, what should I focus on',
    'create a roadmap for my project',
    'make a list of skills for my portfolio website',
    'how do I write a function in python?',
    'can you write APIs in Python or do you need a framework?',
    'Implement APIs, design databases and deploy them: how long does it take to learn all that?',
    'the guide says "soft skills": which ones?',
    'my friend said "you need a CS degree" to get hired, is that true?',
    "If working on the server side doesn't work out, what related careers could suit me?",
    "what if it doesn't work out, can I switch to another career?",
    'my job search is not working, what should I change?',
  ])('"%s" is no task on code', (q) => {
    expect(search.analyse(q).outside).not.toContain('code-help');
  });
});

describe('named rule: a misspelt name', () => {
  it('marks a name typed wrong as the name would, not the name with an ending', () => {
    expect(search.analyse('how much does googel pay a new grad').outside).toContain('company');
    expect(search.analyse('I keep googling stuff, how do I learn SQL properly?').outside).not.toContain('company');
  });
});

describe('named rule: a sentence of background', () => {
  it('drops a profession said only in a first-person sentence before the question, not one the asker is going to or the question points at', () => {
    expect(search.analyse("I'm a nurse thinking about switching. Do two-year schools offer anything shorter than a full degree?").outside).toEqual([]);
    expect(search.analyse("I'm thinking of becoming a nurse instead. What degree would I need?").outside).toContain('profession');
    expect(search.analyse('My mom is a nurse. How much do they make compared to backend devs?').outside).toContain('profession');
    expect(search.analyse("I'm a nurse. How much do they make?").outside).toContain('profession');
  });

  it('reads a story told before a comma and a question the same way, and someone else\'s job told there too', () => {
    expect(search.analyse('my uncle is a plumber and thinks coding is a fad, is back-end work actually in demand').outside).toEqual([]);
    expect(search.analyse('my sister is a nurse and says devs make bank, whats the average backend salary in the us').outside).toEqual([]);
    expect(search.analyse('my uncle is a plumber, how much do they make').outside).toContain('profession');
  });
});

describe('named rule: a place, a company or a technology in the story', () => {
  it('drops a name said only in a first-person sentence before the question', () => {
    expect(search.analyse("I work at Amazon in the warehouse right now and I'm tired of it. How long does it take to become a backend developer?").outside).toEqual([]);
    expect(search.analyse('Last year I tried learning Rust and gave up. Which language should I learn first for backend?').outside).toEqual([]);
    expect(search.analyse("I'm from Germany originally. Do backend developers need a degree?").outside).toEqual([]);
  });

  it('keeps it when the question points back at it, asks pay, or names it again', () => {
    expect(search.analyse('I know Rust already. Is it used for backend?').outside).toContain('tech');
    expect(search.analyse('I live in Texas. How much do backend devs make?').outside).toContain('place');
    expect(search.analyse('I work at Google as a PM. Do they hire backend devs without degrees?').outside).toContain('company');
    expect(search.analyse('I tried Rust last year. Should I learn Rust or Python for backend?').outside).toContain('tech');
    // Where the asker is going or what they choose between; the outlook or jobs somewhere.
    expect(search.analyse("I'm learning Rust. Good idea for backend?").outside).toContain('tech');
    expect(search.analyse("I'm choosing between Rust and Elixir. Which should I learn for backend jobs?").outside).toContain('tech');
    expect(search.analyse("I live in India. What's the job outlook for backend developers?").outside).toContain('place');
    expect(search.analyse('I want to work at Google. How do I get hired as a backend dev?').outside).toContain('company');
  });
});

describe('named rule: everyday words of a story', () => {
  const story = (name: string) => `OK so my cousin got a job at a big company in ${name} right out of a bootcamp and now I'm wondering if I could too. I'm 35, have kids, can't go back to school full-time. Can a bootcamp get me there, and what level of job would it prepare me for?`;

  it('does not count an everyday word no entry uses against every entry in a long message, but still counts a name', () => {
    expect(search.analyse(story('town')).unknown).toEqual([]);
    expect(search.analyse(story('Zorblatt')).unknown).toEqual(['zorblatt']);
  });

  it('counts it in a short line, where each word is the question', () => {
    expect(search.analyse('is my cousin right about bootcamps?').unknown).toContain('cousin');
  });
});

describe('named rule: the asking sentence', () => {
  it('reads a long story by its last question when the whole does not read clearly', () => {
    const story = "I've been a barista for 5 years and my cousin says backend is where the money is. I only have 10 hours a week, two kids, and can't afford college. What would you recommend I do first and how long before I could get hired?";
    const a = search.ask(story);
    expect(a.confident).toBe(true);
    expect(a.decision.kind === 'answer' && a.decision.top.doc.ref).toBe('learning:how-long');
  });

  it('reads the last sentence that asks when the story goes on after it', () => {
    const story = "I'm 34, I've managed restaurants for ten years and I have two kids, so going back to school for four years isn't realistic. I've been teaching myself a bit of Python at night. What's the shortest it could realistically take to become a back-end developer, and which route gets me there fastest? My wife thinks I'm crazy, so I want real numbers.";
    const a = search.ask(story);
    expect(a.confident).toBe(true);
    expect(a.decision.kind === 'answer' && a.decision.top.doc.ref).toBe('learning:how-long');
  });

  it('does not read a question someone else asked when a later sentence asks in other words', () => {
    const story = "My dad asked me what's the point of coding? That stung. Anyway, I'd like to know which certifications actually help a junior backend dev get hired, because I want to prove him wrong.";
    const a = search.ask(story);
    expect(a.analysis.terms).toContain('certification');
  });

  it('reads a last question too short to stand alone ("do i?") with the sentence before it, when that agrees with the whole', () => {
    const story = 'hey so ive been doing tutorials on youtube for like 6 months, built a todo app in node and a little flask thing. my friend says i need a portfolio but idk what to put in it or if i even need one. do i?';
    const a = search.ask(story);
    expect(a.confident).toBe(true);
    expect(a.decision.kind === 'answer' && a.decision.top.doc.ref).toBe('question:portfolio');
  });

  it('keeps the whole message when its last question says too little alone ("Is he right?")', () => {
    const story = "I'm 27, did a 12-week coding bootcamp last spring and landed a junior role. My long-term dream is to be a senior engineer. My cousin says without a four-year degree I'll hit a ceiling. Is he right?";
    const whole = search.ask(story);
    expect(whole.analysis.terms).toContain('bootcamp');
  });

  it('reads a short question by itself when a remark on why follows it, not when a request does', () => {
    const why = search.ask('other job titles for backend devs? need em for linkedin search');
    expect(why.decision.kind === 'answer' && why.decision.top.doc.ref).toBe('role:backend-developer');
    // Even when the remark's words read well alone (LinkedIn Learning), why it is asked is no topic.
    const linkedin = search.ask('other job titles for backend dev? for my linkedin search');
    expect(linkedin.decision.kind === 'answer' && linkedin.decision.top.doc.ref).toBe('role:backend-developer');
    // "drop some" asks for more: the whole line stands.
    const request = search.ask('sites for courses/bootcamps? drop some');
    expect(request.analysis.terms).toContain('drop');
  });
});

describe('named rule: pay in the story', () => {
  const top = (q: string) => {
    const a = search.ask(q);
    return a.decision.kind === 'answer' ? a.decision.top.doc.ref : a.decision.kind;
  };

  it('reads a story whose only pay words are the asker\'s own statements without them', () => {
    expect(top("My cousin, who's a senior engineer, says you basically can't get hired as a back-end dev without a CS degree. I don't have the money for four years of school. Is he right?")).toBe('question:degree-needed');
    expect(top('So my current job pays for nothing, I spend like $200 a month on train tickets just getting in. If I switch into back-end development, is help with getting to work something those jobs usually offer, or is that just a big-tech thing?')).toBe('question:benefits');
    // Unsure without the pay words, it asks which was meant (freelancing first): not the pay table nobody asked for.
    expect(top("I'm planning to go freelance as a server-side dev after I finish my course. My partner is nervous about money and asked whether all the hours I'd spend finding clients and keeping my skills fresh would actually be paid time. Are they?")).toBe('clarify');
  });

  it('keeps pay asked in a sentence that asks, or said of the figures rather than of the asker', () => {
    expect(top("I'm 30 and switching careers from retail, so money matters a lot to me right now. How much does a back-end developer make in the first year?")).toBe('salary:backend-developer');
    expect(top("I've been reading up all week and my brother keeps asking. I'd like to know what back-end developers earn, roughly, according to Indeed and the others.")).toBe('salary:backend-developer');
    expect(top("One of the guides gives just three pay points, beginners, the middle, and the most seasoned. What's the beginner one?")).toBe('salary:backend-developer');
    // A yearly sum in the story, which the question points at, is the pay asked about.
    expect(top('I need to earn at least 80k to support my family next year. Is back-end development a realistic path for someone like me to get there?')).toBe('salary:backend-developer');
  });
});

describe('named rule: names nothing', () => {
  it.each(['which concepts?', 'give me an example', 'what does it stand for', 'what are the figures'])('"%s" with no turn before is no answer about whatever it half-matches', (q) => {
    const a = search.ask(q);
    expect(a.confident).toBe(false);
    expect(a.decision).toMatchObject({ kind: 'refuse', vague: true });
  });

  it('reads the same words with the turn before, and leaves a line that names its subject alone', () => {
    const first = search.ask('why should i learn data structures n algorithms for backend');
    const previous = { terms: first.analysis.terms, topic: 'skill:data-structures-algorithms' };
    const a = search.ask('which concepts?', { previous });
    expect(a.decision.kind === 'answer' && a.decision.top.doc.ref).toBe('skill:data-structures-algorithms');
    expect(search.ask('what does OWASP stand for').confident).toBe(true);
  });
});

describe('named rule: pay means back-end pay', () => {
  it.each([
    ['median pay?', 'salary:backend-developer'],
    ['whats the typical salary', 'salary:backend-developer'],
    ['what is the national median salary', 'salary:all-occupations'],
    ['how much does the average american make', 'salary:all-occupations'],
    ["Which pays more, Indeed's average or the spotlight's median?", 'salary:backend-developer'],
  ])('"%s" is answered with %s', (q, ref) => {
    const a = search.ask(q);
    expect(a.decision.kind).toBe('answer');
    expect(a.decision.kind === 'answer' && a.decision.top.doc.ref).toBe(ref);
  });
});

describe('named rule: a level alone', () => {
  it.each([
    ['Indeed average?', 'salary:backend-developer'],
    ['payscale entry?', 'salary:backend-developer'],
    ["What year range does 'early career' cover?", 'salary:backend-developer'],
    ["How many years count as 'mid-career' in the salary table?", 'salary:backend-developer'],
  ])('"%s" is answered with %s', (q, ref) => {
    expect(answeredBy(q)).toBe(ref);
  });

  it.each(['Which is higher: the Indeed average or the Spotlight median?', 'Median, Spotlight page?', 'What does the Guide list for folks with one to three years under their belt?'])('"%s": two sources weighed, or the spotlight named with its page, ask pay too', (q) => {
    expect(answeredBy(q)).toBe('salary:backend-developer');
  });

  it('a level beside other words is no pay question: "how many years to reach mid level" is not the pay table', () => {
    const a = search.ask('how many years to reach mid level');
    expect(a.decision.kind === 'answer' && a.decision.top.doc.ref).not.toBe('salary:backend-developer');
  });
});

describe('words about the question, not its subject', () => {
  it.each([
    ["What sets the 'engineer' variant of this job apart from the 'developer' one?", 'role:backend-engineer'],
    ['Does the trends paragraph mention anything about machines understanding human language?', 'question:trends'],
    ['What tool is suggested for checking how quickly pages load?', 'skill:speed-testing'],
    ['Which two sample interview prompts are about databases?', 'question:interview-preparation'],
    // "Professional" is no word of the Meta Professional Certificate here: a credential in general.
    ['do I need some professional credential to get started?', 'learning:are-certifications-worth-it'],
    // "Database types" are kinds of databases, not the career types a database administrator is one of.
    ['what about database types?', 'skill:databases'],
    // "General" job fairs are job fairs, not General Assembly.
    ['are general job fairs worth my time?', 'question:networking'],
    // "Get assigned" asks the duties (entry-level developers are "tasked with" existing code).
    ['what do junior server devs usually get assigned?', 'question:what-does-a-backend-developer-do'],
  ])('"%s" is %s: a variant, a paragraph, prompts, how quickly pages load, a credential', (q, ref) => {
    expect(answeredBy(q)).toBe(ref);
  });

  it('"how quickly" alone is still how long it takes', () => {
    expect(search.ask('how quickly can i become a backend dev').analysis.terms).toContain('duration');
  });
});

describe('a rate beside growth is the outlook\'s', () => {
  it('"which growth figure is almost double the average rate for all occupations?" is the outlook, not refused for want of a rate', () => {
    const a = search.ask('Which growth figure does Career Karma call almost double the average rate for all occupations?');
    expect(a.decision.kind === 'answer' && a.decision.top.doc.ref).toBe('outlook:job-outlook');
  });

  it('a rate the articles never give is still refused: "what is the bootcamp job placement rate?", after the outlook too', () => {
    expect(search.ask('what is the bootcamp job placement rate?').decision.kind).not.toBe('answer');
    const outlook = search.ask('what is the job outlook');
    const previous = { terms: outlook.analysis.terms, topic: 'outlook:job-outlook' };
    expect(search.ask("what's the bootcamp job placement rate?", { previous }).decision.kind).not.toBe('answer');
  });
});

describe("named rule: another role's way in", () => {
  it.each([
    ['how do i become a frontend developer', 'role:frontend-developer'],
    ['what are the steps to become a devops engineer', 'role:devops'],
    ['steps to become a dba', 'role:database-administrator'],
  ])('"%s" is %s under the caveat that the articles explain only the back-end way in', (q, ref) => {
    const a = search.ask(q);
    expect(a.decision.kind).toBe('partial');
    expect(a.decision.kind === 'partial' && [a.decision.top.doc.ref, a.decision.outside]).toEqual([ref, 'path']);
  });

  it.each(['how do I become a backend engineer', "I'm a front-end developer, how do I become a backend developer?"])('"%s" names back-end work: no way-in caveat (a review found these caught)', (q) => {
    const a = search.ask(q);
    expect(a.decision.kind === 'partial' && a.decision.outside).not.toBe('path');
  });

  it.each(['how do i become a backend developer', 'how to become a server side developer', 'how can i become a web developer', 'steps to become backend dev in order?'])('"%s" is the back-end way in, answered', (q) => {
    expect(answeredBy(q)).toBe('question:how-to-become-a-backend-developer');
  });
});

describe('named rule: a definition asked', () => {
  it.each([
    ['whats an api lol', 'skill:apis'],
    ['define api', 'skill:apis'],
    ['whats a server side language', 'skill:server-side-languages'],
    ['what is a rest api', 'skill:rest'],
    ['define programming language', 'skill:server-side-languages'],
  ])('"%s" is what the thing is (%s), not the roadmap step on it', (q, ref) => {
    expect(answeredBy(q)).toBe(ref);
  });

  it('a question that is more than a definition keeps the step: "what do i learn after python"', () => {
    const a = search.ask('what do i learn after python');
    expect(a.decision.kind === 'answer' && a.decision.top.doc.kind).toBe('step');
  });
});

describe('named rule: the step after', () => {
  it('"after" inside another entry\'s subject is when, not the next step: a cover letter after researching the company', () => {
    const a = search.ask('What should a cover letter add, per the Spotlight, after researching the company?');
    expect(a.decision.kind === 'answer' && a.decision.top.doc.ref).toBe('question:cover-letter');
  });

  it('a question of its own after the "after" clause asks that, not the next step: what to ask the supervisor after an internship', () => {
    expect(answeredBy('After an internship, what should you ask your supervisor for?')).toBe('question:internships');
  });

  it.each([
    ['whats after databases', 'step:apis-and-protocols'],
    ['what do i learn after python', 'step:data-structures'],
    ['what do I do after my internship', 'step:job-search'],
    ['what after getting hired', 'step:keep-learning'],
  ])('"%s" is still the step after the one named (%s)', (q, ref) => {
    expect(answeredBy(q)).toBe(ref);
  });
});

describe('decide', () => {
  const doc = (ref: string): Doc => {
    const [kind, id] = ref.split(':') as [Doc['kind'], string];
    return { ref, kind, id, title: id, aliases: [], keywords: [], asks: [], body: '', sources: [] };
  };
  // Each entry's content is its own ref unless given: entries unlike each other.
  const hit = (ref: string, score: number, coverage = 1, matched: string[] = [], says: string[] = [ref]): Scored => {
    const features: Features = { bm25: 1, example: score, centroid: score, coverage, raw: 1, prior: 1 };
    return { doc: doc(ref), bm25: 1, matched, features, score, content: new Set(matched), contentVector: bagOf(says, () => 1) };
  };
  const analysis = (over: Partial<Analysis> = {}): Analysis => ({ raw: 'x', terms: ['x'], unknown: [], groups: [['x']], outside: [], outsideWords: [], ...over });

  it.each([
    ['a clear best answers', [hit('question:a', 0.8), hit('question:b', 0.5)], 'answer'],
    ['a weak best with a clear lead answers', [hit('question:a', THRESHOLDS.answer + 0.01), hit('question:b', 0.1)], 'answer'],
    ['two about as close ask which one', [hit('question:a', THRESHOLDS.answer + THRESHOLDS.margin / 2), hit('question:b', THRESHOLDS.answer)], 'clarify'],
    // Named rule "siblings": two entries that say the same things (a skill card and its roadmap step).
    ['two as close that say the same things: the best answers', [hit('skill:web-frameworks', THRESHOLDS.answer + THRESHOLDS.margin / 2, 1, [], ['django', 'rails', 'express', 'flask']), hit('step:learn-framework', THRESHOLDS.answer, 1, [], ['django', 'rails', 'express', 'practice'])], 'answer'],
    // Two of one kind that read alike are still two things (Udemy and Coursera): which one?
    ['two course sites as close that read alike: which one', [hit('learning:udemy', THRESHOLDS.answer + THRESHOLDS.margin / 2, 1, [], ['course', 'video', 'online', 'udemy']), hit('learning:coursera', THRESHOLDS.answer, 1, [], ['course', 'video', 'online', 'coursera'])], 'clarify'],
    ['nothing close refuses', [hit('question:a', THRESHOLDS.clarify - 0.05)], 'refuse'],
    ['a best that covers too little refuses', [hit('question:a', 0.9, THRESHOLDS.strongCoverage - 0.05)], 'refuse'],
    ['a best that covers little but leads strongly answers (a strong lead)', [hit('question:a', THRESHOLDS.strongScore, THRESHOLDS.strongCoverage), hit('question:b', THRESHOLDS.strongScore - THRESHOLDS.strongMargin)], 'answer'],
    ['a strong lead of a pay card is no answer (any "how much does X make" half-matches it)', [hit('salary:a', THRESHOLDS.strongScore, THRESHOLDS.strongCoverage), hit('question:b', THRESHOLDS.strongScore - THRESHOLDS.strongMargin)], 'refuse'],
    ['a best that covers little without a strong lead refuses', [hit('question:a', THRESHOLDS.strongScore, THRESHOLDS.coverage - 0.01), hit('question:b', THRESHOLDS.strongScore - THRESHOLDS.strongMargin / 2)], 'refuse'],
    ['no candidates refuses', [], 'refuse'],
  ] as const)('%s', (_, scored, kind) => {
    expect(decide(analysis(), [...scored]).kind).toBe(kind);
  });

  it('refuses another profession, code to debug and chit-chat whatever matches', () => {
    for (const outside of ['profession', 'code-help', 'chat'] as const) {
      expect(decide(analysis({ outside: [outside] }), [hit('question:a', 0.95)])).toEqual({ kind: 'refuse', outside });
    }
  });

  it('answers pay somewhere else or at a company in part, with the figures the articles have', () => {
    const d = decide(analysis({ terms: ['salary'], outside: ['place'], outsideWords: ['london'] }), [hit('question:a', 0.9), hit('salary:backend-developer', 0.8)]);
    expect(d.kind).toBe('partial');
    expect(d.kind === 'partial' && d.top.doc.ref).toBe('salary:backend-developer');
  });

  it('refuses a price or a time asked of an entry that speaks of neither', () => {
    expect(decide(analysis({ terms: ['cost', 'bootcamp'] }), [hit('learning:general-assembly', 0.9, 1, ['bootcamp'])]).kind).toBe('refuse');
    expect(decide(analysis({ terms: ['duration'] }), [hit('learning:how-long', 0.9, 1, ['duration'])]).kind).toBe('answer');
  });

  it('answers the years to a pay figure from the pay card (its brackets), not a time asked of pay alone', () => {
    const years = (raw: string) => decide(analysis({ raw, terms: ['duration', 'salary'] }), [hit('salary:backend-developer', 0.9, 1, ['salary'])]).kind;
    expect(years('after how many years does payscale say pay reaches about $95,000?')).toBe('answer');
    expect(years('after how many years does pay reach 95,000?')).toBe('answer');
    expect(years('how many years until i make $95000?')).toBe('answer');
    expect(years('how long does it take to get a raise?')).toBe('refuse');
  });

  it('does not refuse a company that the best entry itself names (Amazon Web Services)', () => {
    const d = decide(analysis({ terms: ['amazon', 'certification'], outside: ['company'], outsideWords: ['amazon'] }), [hit('learning:aws', 0.9, 1, ['amazon', 'certification'])]);
    expect(d.kind).toBe('answer');
    expect(decide(analysis({ terms: ['amazon', 'certification'], outside: ['company'], outsideWords: ['amazon'] }), [hit('question:schedule', 0.9)]).kind).toBe('refuse');
    // "Does Amazon hire bootcamp grads?" names Amazon, and the AWS card names it too, but the card
    // says nothing of the rest: it is not about that card.
    expect(decide(analysis({ terms: ['amazon', 'hire', 'bootcamp'], outside: ['company'], outsideWords: ['amazon'] }), [hit('learning:aws', 0.9, 1, ['amazon'])])).toEqual({ kind: 'refuse', outside: 'company' });
  });
});
