// Follow-ups, small talk and honest refusals as a user meets them: lines typed in a chat, through
// dispatchText, with the real knowledge base and a clock the test moves.
import { beforeEach, describe, expect, it } from 'vitest';
import { Bot } from '../src/bot.js';
import type { Context } from '../src/command.js';
import { Conversations, TURN_TTL_MS } from '../src/conversation.js';
import { suggestionsOf, type Reply } from '../src/reply.js';

let now: Date;
let bot: Bot;
beforeEach(() => {
  now = new Date('2026-11-30T12:00:00Z');
  bot = new Bot({ now: () => now });
});

const ana: Context = { platform: 'discord', userId: 'ana', userName: 'Ana', isModerator: false, communityId: 'g1', channelId: 'c1' };
const say = (line: string, who: Context = ana) => bot.dispatchText(line, who, { fallbackToAsk: true });
const levels = (r: Reply) => r.card.children.flatMap((n) => (n.type === 'section' && n.title !== 'Job outlook' && n.title !== 'National median' ? [n.title] : []));

describe('follow-ups', () => {
  it('after another role\'s card, "this job", "these engineers" are that role; elsewhere they are the back-end developer', async () => {
    await say('role dba');
    expect((await say('how much does this job pay?')).text).toContain('no salary figure for Database Administrator (DBA)');
    await say('what does a devops engineer do?');
    expect((await say('what do these engineers earn?')).text).toContain('no salary figure for DevOps');
    await say('how long does it take');
    expect((await say('how much does this job pay?')).topic).toBe('salary:backend-developer');
  });

  it('a pay marker counts only in a pay question; a story keeps its place; a future year is a prediction; an offer lasts one line', async () => {
    expect((await say('I can study an hour a day, how long until I am job ready?')).topic).toBe('learning:how-long');
    const berlin = await say('I have been a teacher in Berlin for eight years and I am thinking about switching careers into tech soon. My brother is a dev. What is the average salary for a backend developer?');
    expect(berlin.answered).toBe(false);
    expect(berlin.text).toContain('only national figures');
    expect((await say('what will backend salaries be in 2028?')).answered).toBe(false);
    expect((await say('will backend dev salaries go up next year?')).answered).toBe(false);
    // Pay next year at all, and the market crashing next year, are predictions too, said as such.
    for (const line of ['what will backend pay be next year', 'will the job market crash next year']) {
      const r = await say(line);
      expect(r.answered, line).toBe(false);
      expect(r.text, line).toContain('The articles make no prediction for that');
    }
    // While more jobs in the years to come is the outlook they project.
    expect((await say('will there be more backend jobs next year?')).topic).toBe('outlook:job-outlook');
    // One's own pay over the years is the figures by years on the job, not a forecast.
    expect((await say('how much will my salary grow in the next five years?')).topic).toBe('salary:backend-developer');
    // Pay "in five years" is the figure five years in, not a forecast.
    expect((await say('what will a backend dev make in five years?')).topic).toBe('salary:backend-developer');
    await say('how much do backend devs make');
    expect((await say('monthly?')).text).toContain('The articles give yearly pay only');
    await say('how much do juniors make');
    const perMonth = await say('how much is that per month');
    expect(perMonth.answered).toBe(false);
    expect(perMonth.text).toContain('The articles give yearly pay only');
    // "per month?" finds an entry that says "per" alone; after pay it is that pay by the month.
    await say('how much do juniors make');
    const bare = await say('is that per month?');
    expect(bare.topic).toBe('salary:backend-developer');
    expect(bare.answered).toBe(false);
    expect(bare.text).toContain('The articles give yearly pay only');
    // "How many years is that?" after one level's pay is that level's bracket, not how long it all takes.
    await say('how much do seniors make');
    const years = await say('how many years is that?');
    expect(years.topic).toBe('salary:backend-developer');
    expect(years.text).toContain('7-9 years');
    // Of the outlook, the growth is over the whole period: the plain no.
    await say('whats the job outlook');
    expect((await say('is that per year?')).text).toContain('No: the articles give the growth over the whole period (13 percent by 2030), not per year.');
    expect((await say('is 13% per year?')).text).toContain('not per year');
    // Only the period asked: "are those annual bonuses included?" is no yes about yearly pay.
    await say('how much do backend devs make?');
    expect((await say('are those annual bonuses included?')).text).not.toContain('Yes: every figure');
    await say('what is the job outlook?');
    expect((await say('does it grow every year?')).text).not.toContain('No: the articles give the growth');
    // "Is that per year?" gets its yes first.
    await say("what does indeed say backend devs make on avg?");
    const yearly = await say('is that per year?');
    expect(yearly.text).toMatch(/^Yes: every figure here is pay per year/m);
    expect(yearly.text).toContain('$124,303');
    await say('I finished step 3');
    await say('thanks');
    expect((await say('yes')).card.title).toBe('Anything else?');
    expect((await say('progress')).text).toMatch(/0\/12|no steps|none/i);
  });

  it('"how long is that?", "by how much?" ask it of the answer before when that answer gives it', async () => {
    await say('what does community college offer for backend');
    const long = await say('how long is that?');
    expect(long.topic).toBe('learning:community-college');
    expect(long.text).toContain('two-year associate degrees');
    await say('who earns more front or backend devs');
    const gap = await say('by how much?');
    expect(gap.topic).toBe('question:who-earns-more-frontend-or-backend');
    expect(gap.text).toContain('$75,310');
    expect(gap.text).toContain('$81,161');
    // Words of the answer before may come along; "by what year?" after the outlook asks it of that answer.
    await say("what's community college good for if i want back-end?");
    expect((await say('how long are their degrees?')).text).toContain('two-year associate degrees');
    // "the degrees" points back as "their degrees" does.
    await say('does community college make sense for backend?');
    expect((await say('how long are the degrees?')).text).toContain('two-year associate degrees');
    // "the bootcamp" is not what community college is called: it asks about bootcamps.
    await say('should i go to community college?');
    expect((await say('how long is the bootcamp?')).topic).not.toBe('learning:community-college');
    await say('whats the job outlook');
    expect((await say('by what year?')).text).toContain('2030');
    // A price asked of a comparison that gives none is given by an entry about the same two things.
    await say('bootcamp or degree?');
    const cheaper = await say('which one is cheapest?');
    expect(cheaper.answered).toBe(true);
    expect(cheaper.text).toContain('lower cost');
    // The Meta certificate has no length in the articles: said so, not how long it all takes.
    await say('whats the meta cert');
    const meta = await say('how long does that take?');
    expect(meta.answered).toBe(false);
    expect(meta.text).toContain('nothing about how long it takes');
    // With nothing before it, "by how much?" is no answer about anything in particular.
    expect((await say('by how much?', { ...ana, userId: 'bo' })).topic).not.toBe('question:who-earns-more-frontend-or-backend');
  });

  it('"is that more than the Indeed number?" after entry-level pay shows every level, Indeed\'s average with them; "where can i find more?" after pay is no role card', async () => {
    await say('how much do juniors make');
    const indeed = await say('is that more than the Indeed number?');
    expect(indeed.topic).toBe('salary:backend-developer');
    expect(indeed.text).toContain('$124,303');
    expect(indeed.text).toContain('$61,042');
    const more = await say('where can i find more?');
    expect(more.topic).not.toBe('role:backend-developer');
    // "and how long is it for a degree?" names a subject of its own: not the bootcamp card again.
    await say('tell me about bootcamps');
    expect((await say('and how long is it for a degree?')).topic).not.toBe('learning:coding-bootcamps');
  });

  it('"whats the roadmap" is the roadmap\'s list, and a number next is its step; "hwo long dose it tak" is read', async () => {
    const list = await say('whats the roadmap');
    expect(list.card.title).toBe('The back-end developer roadmap');
    expect((await say('4')).card.title).toMatch(/^Step 4 of 12/);
    expect((await say('hwo long dose it tak to lern backend')).topic).toBe('learning:how-long');
    // Where the asker lives says who asks: the job boards answer it anywhere; pay there is not known.
    expect((await say('I live in Florida, where do I find backend developer jobs?')).answered).toBe(true);
    expect((await say("i'm in florida, how much do backend devs make?")).answered).toBe(false);
  });

  it('"whats next after that?" after a step of an article\'s plan is its next step; "where can i find more?" is more of the answer before', async () => {
    expect((await say("whats step 1 in career karma's plan")).text).toContain('Step 1: Decide which path fits your goals');
    expect((await say('whats next after that?')).text).toContain('Step 2: Begin your studies');
    await say('what are common backend interview qs');
    const more = await say('where can i find more?');
    expect(more.topic).toBe('question:interview-preparation');
    expect(more.text).toContain('47 Back-End Developer Interview Questions');
  });

  it('"aws or azure cert, which is better?" shows both side by side, each with its source; "do they mentor or teach colleagues?" is one question', async () => {
    const both = await say('aws or azure cert which is better');
    expect(both.card.title).toBe('Side by side');
    const titles = both.card.children.flatMap((n) => (n.type === 'section' ? [n.title] : []));
    expect(titles).toEqual(expect.arrayContaining(['AWS Certified Developer', 'Microsoft Azure cloud application developer certification']));
    expect(both.answered).toBe(true);
    expect(both.sources.map((s) => s.short)).toEqual(['Career Karma']);
    expect((await say('udemy or coursera?')).card.children.filter((n) => n.type === 'section')).toHaveLength(2);
    expect((await say('Do they mentor or teach newer colleagues as part of the gig?')).card.title).not.toBe('Side by side');
    // An entry that compares the two itself answers: who earns more. The articles name REST and
    // SOAP together but never compare them: the web protocols, under that caveat.
    const protocols = await say('rest vs soap');
    expect(protocols.topic).toBe('skill:web-protocols');
    expect(protocols.text).toContain('never compare or rank');
    expect((await say('do backend devs earn more than frontend devs')).topic).toBe('question:who-earns-more-frontend-or-backend');
    // "and frameworks?" after the languages: the frameworks the articles name, first.
    await say('what server side langs does indeed say to learn', { ...ana, userId: 'fw' });
    const frameworks = await say('and frameworks?', { ...ana, userId: 'fw' });
    expect(frameworks.text).toContain('Django');
    expect(frameworks.text).toContain('Ruby on Rails');
  });

  it('"do freelance devs get paid for time finding clients?" is about freelancing, not the pay table; "sites to follow" are the spotlight\'s websites', async () => {
    const free = await say('do freelance backend devs get paid for time spent finding clients?');
    expect(free.topic).toBe('question:freelancing');
    expect(free.text).toContain('unpaid');
    // A pay level named is a pay question, whatever article it names.
    expect((await say('0-1 yr backend sal in the guide that recs the meta cert?')).topic).toBe('salary:backend-developer');
    expect((await say('websites to follow for backend?')).text).toContain('Hashnode');
  });

  it('"and as they move up?" after what entry-level developers do is asked of that answer, not the promotion FAQ', async () => {
    await say('what do entry-level backend devs usually do?');
    const up = await say('and as they move up?');
    expect(up.topic).toBe('question:what-does-a-backend-developer-do');
    expect(up.text).toContain('you gain more responsibility');
    // "And later on?" asks the same: moving up, later.
    await say('what do new backend devs spend their days on?');
    const later = await say('and later on?');
    expect(later.topic).toBe('question:what-does-a-backend-developer-do');
    expect(later.text).toContain('you gain more responsibility');
    // With nothing before it, "and as they move up?" is the promotion question it reads as.
    expect((await say('and as they move up?', { ...ana, userId: 'dee' })).topic).toBe('question:promotion');
  });

  it('"next year" is the future the outlook projects, not the roadmap\'s next step', async () => {
    const r = await say('will there be more backend jobs next year?', { ...ana, userId: 'ny' });
    expect(r.topic).toBe('outlook:job-outlook');
    expect(r.text).toMatch(/13 ?(?:%|percent)/);
  });

  it('"what about the other articles?" after an answer says which articles say nothing there, above the answer', async () => {
    const who = { ...ana, userId: 'others' };
    await say('what benefits do they get', who);
    const r = await say('what about the other articles?', who);
    expect(r.topic).toBe('question:benefits');
    expect(r.text).toMatch(/^The Back-End Developer Spotlight, Career Karma and the Guide to becoming a backend developer say nothing about this; what Indeed says is below\./m);
    // After pay, the conversation stays on the pay: "and seniors?" is still a pay question.
    await say('how much do juniors make', who);
    await say('what about the other sources?', who);
    expect((await say('and seniors?', who)).text).toContain('$167K');
    // After an article's plan it is still the other article's plan.
    await say("what are the four steps in career karma's guide", who);
    expect((await say('what about the other article?', who)).topic).toBe('question:indeed-eight-steps');
  });

  it('"how do I pick between them?" after the frameworks is about them, not about choosing a CS programme', async () => {
    await say('what frameworks does indeed suggest for beginners?');
    const pick = await say('how do i pick between them?');
    expect(pick.topic).toBe('question:which-framework-to-learn');
    expect(pick.text).toContain('programming languages you know');
  });

  it('"what does Career Karma say?" after an answer is what that article says of it: its points first, or the word that it says nothing there', async () => {
    await say('whats the job outlook');
    const ck = await say('what does career karma say?');
    expect(ck.topic).toBe('outlook:job-outlook');
    await say('what interview practice questions does career karma list?');
    const other = await say('any other source with more questions?');
    expect(other.topic).toBe('question:interview-preparation');
    expect(other.text).toContain('47');
    await say('how do i prepare for interviews');
    const indeed = await say('what does indeed say?');
    const first = indeed.card.children.find((n) => n.type === 'list');
    expect(first?.type === 'list' && first.items[0]).toMatch(/\(Indeed\)$/);
    // Sources compared on pay: the figures, each with its source (not who earns more, nor the articles' dates).
    for (const q of ['ck vs indeed salary', 'which one pays more, indeed or payscale numbers']) {
      const r = await say(q);
      expect(r.topic, q).toBe('salary:backend-developer');
      expect(r.text, q).toContain('$124,303');
    }
    // "and payscale?" after pay: that source's figures in a line first, the table below.
    await say('how much does indeed say backend devs make');
    const ps = await say('and payscale?');
    expect(ps.topic).toBe('salary:backend-developer');
    expect(ps.card.children[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/^PayScale's figures: .*\$81,161.*\$61,042.*\$95,000/) });
    // The same words used otherwise name no source: nothing is said of Indeed, no figures led.
    for (const q of ['is indeed a good place to find jobs?', 'is it indeed true that backend devs need a degree?', 'what does a fullstack developer do?', 'do backend devs indeed earn six figures?']) {
      const r = await say(q);
      expect(r.text, q).not.toMatch(/Nothing in this answer comes from|'s figures:/);
    }
    // "The guide" is the Guide article, which has no publisher to call it by; another's guide is not.
    expect((await say('what does the guide say the average is')).card.children[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/^The guide's figures: .*\$82,326/) });
    expect((await say('which is higher, the guide average or the indeed average?')).text).toContain("Indeed's $124,303 average is higher than the guide's $82,326 average.");
    for (const q of ['what does the indeed guide say about pay', 'what is step 2 of the step-by-step guide?', 'guide me on salary', 'guide me through becoming a backend dev']) expect((await say(q)).text, q).not.toMatch(/guide's figures|Nothing in this answer comes from the Guide/);
    // Asked of as a source, the Guide answers the question, not Career Karma's step-by-step guide.
    expect((await say('what does the guide say about salary')).text).toMatch(/^The guide's figures: .*\$82,326/m);
    expect((await say('per the guide do i need a degree')).topic).toBe('question:degree-needed');
    const weighed = await say("how does career karma's salary compare to the guide's salary for entry level");
    expect(weighed.topic).toBe('salary:backend-developer');
    expect(weighed.text).toMatch(/\$61,042[\s\S]*\$72,514/);
    expect((await say("how does indeed's number compare with the spotlight?")).topic).toBe('salary:backend-developer');
    // A pay question naming a source: its figure first.
    const payscale = await say('acc to payscale whats the starting salary');
    const figures = payscale.card.children.find((n) => n.type === 'list');
    expect(figures?.type === 'list' && figures.items[0]).toContain('$61,042');
    await say('what benefits do backend devs get');
    const none = await say('what does career karma say?');
    expect(none.topic).toBe('question:benefits');
    expect(none.text).toContain('Nothing in this answer comes from Career Karma');
    // A survey named whose figure the article gives by name is in the answer: never "nothing comes
    // from Career Karma" above Career Karma's own points (a false lead found in review).
    const gap = await say("What's the difference between PayScale's average for back-end devs and front-end devs?");
    expect(gap.text).not.toContain('Nothing in this answer comes from');
    expect(gap.text).toMatch(/According to PayScale, front end developers make \$75,310/);
    // A survey with no figure here is named itself, not the article citing it (whose national median is shown).
    // A source named is where to look, not a thing asked about: no "Yes: the articles name Indeed".
    for (const q of ['Does Indeed put generating reports on the back-end to-do list?', 'Does the Spotlight list any public-sector employers?']) {
      expect((await say(q)).text, q).not.toMatch(/Yes: the articles name (?:Indeed|Spotlight)/);
    }
    const seasoned = await say("does PayScale's five-to-nine-year number beat the 7-9 year bracket in the other table?");
    expect(seasoned.text).not.toContain('Nothing in this answer comes from Career Karma');
  });

  it('"and after that?" after a level\'s pay is the next level\'s; after a roadmap step it is still the next step', async () => {
    await say('how much do junior devs make?', { ...ana, userId: 'levels' });
    await say('and mid-career?', { ...ana, userId: 'levels' });
    const after = await say('and after that?', { ...ana, userId: 'levels' });
    expect(after.topic).toBe('salary:backend-developer');
    expect(after.text).toContain('$87,979');
    // The experienced band is the last the articles give: after it, its figures again, not the roadmap.
    await say('how much do senior devs make?', { ...ana, userId: 'top' });
    expect((await say('and after that?', { ...ana, userId: 'top' })).topic).toBe('salary:backend-developer');
    await say('how much do junior devs make?', { ...ana, userId: 'then' });
    expect((await say('what comes after that?', { ...ana, userId: 'then' })).text).toContain('$75,435');
    // After one role's pay, or the whole table, "and after that?" is still pay, not the roadmap's step after a word of it.
    await say('what does a dba earn', { ...ana, userId: 'dba' });
    expect((await say('and after that?', { ...ana, userId: 'dba' })).topic).toBe('salary:database-administrator');
    // A card that only spoke of pay is no pay shown: "and then?" after it goes on as before.
    await say('Is Java worth learning for a better salary?', { ...ana, userId: 'java-pay' });
    expect((await say('and then?', { ...ana, userId: 'java-pay' })).topic).not.toMatch(/^salary:/);
    await say('what is step 3', { ...ana, userId: 'steps' });
    expect((await say('and after that?', { ...ana, userId: 'steps' })).topic).toBe('step:learn-framework');
  });

  it('"and after that?" after an entry that leads on to another is that one: the roles above senior, a master\'s after a bachelor\'s', async () => {
    await say('How do I move up to senior back-end dev?', { ...ana, userId: 'onward' });
    const above = await say('and after that?', { ...ana, userId: 'onward' });
    expect(above.topic).toBe('question:career-ladder');
    expect(above.text).toContain('Chief Technology Officer');
    await say("What does Career Karma say a bachelor's degree gets you?", { ...ana, userId: 'further' });
    expect((await say('and going further than that?', { ...ana, userId: 'further' })).text).toContain("master's");
    // In any wording "what next?" takes: "then what?" after the promotion card is the roles above too.
    await say('How do I get promoted as a back-end developer?', { ...ana, userId: 'onward-2' });
    expect((await say('then what?', { ...ana, userId: 'onward-2' })).topic).toBe('question:career-ladder');
    // After pay it is still the next level's pay, and after a time it is no pay comparison:
    // "and the front-end ones?" after how long it takes is the front-end role.
    await say('how long does it take to become a backend developer?', { ...ana, userId: 'timed' });
    expect((await say('and the front-end ones?', { ...ana, userId: 'timed' })).topic).toBe('role:frontend-developer');
    // After an entry that leads nowhere, "what's next?" is still where the roadmap starts.
    await say('what is a backend developer?', { ...ana, userId: 'nowhere' });
    expect((await say("what's next?", { ...ana, userId: 'nowhere' })).topic).toBe('step:choose-path');
  });

  it('"compared to other jobs?" weighs the figure before against all occupations, not the other careers', async () => {
    const u = (userId: string) => ({ ...ana, userId });
    await say('how fast are web developer jobs growing?', u('all-jobs-1'));
    expect((await say('compared to other jobs?', u('all-jobs-1'))).text).toMatch(/almost double the average growth rate for all occupations/);
    await say('how much do backend devs make?', u('all-jobs-2'));
    const pay = await say('how does that compare to all occupations?', u('all-jobs-2'));
    expect(pay.text).toMatch(/\$56,310/);
    // "If I'm on salary at a big company" is a salaried job's hours, not pay.
    await say('what does the spotlight say about working hours?', u('salaried'));
    expect((await say('what if i work for a big company on salary?', u('salaried'))).topic).toBe('question:schedule');
  });

  it('names the ranking the articles point to, but says it does not know which school tops it', async () => {
    const u = { ...ana, userId: 'ranked' };
    expect((await say('which ranking list should i check for cs schools?', u)).text).toMatch(/U\.S\. News/);
    const top = await say("what's the #1 school on it?", u);
    expect(top.answered).toBe(false);
    expect(top.text).toMatch(/say nothing about that university/);
    // Asking for the list of top schools is asking for the ranking, which they name.
    for (const line of ['where can I find top school rankings?', 'is there a best college ranking for cs?']) expect((await say(line, { ...ana, userId: `ranked-${line}` })).topic).toBe('learning:choosing-a-cs-program');
    expect((await say('which magazine has a list of top schools for computer science?', { ...ana, userId: 'ranked-2' })).text).toMatch(/U\.S\. News/);
  });

  it('after "do I need a degree?", asks how else people learn or what the other routes are, not about mentors or other careers', async () => {
    const u = (userId: string) => ({ ...ana, userId });
    await say('Do I need a degree to become a back-end developer?', u('no-degree-1'));
    const others = await say('so how did the others learn?', u('no-degree-1'));
    expect(others.text).toMatch(/self-study and on-the-job training/);
    await say('Is a CS degree required?', u('no-degree-2'));
    expect((await say("what's the alternative then?", u('no-degree-2'))).text).toMatch(/bootcamp/i);
    await say('Do I need a degree to become a back-end developer?', u('no-degree-3'));
    expect((await say('then why would anyone get one?', u('no-degree-3'))).text).toMatch(/managerial roles|more career opportunities/);
    await say('Do I need a degree?', u('no-degree-5'));
    expect((await say('what are the alternatives to a degree?', u('no-degree-5'))).topic).toBe('learning:bootcamp-vs-degree');
    // A line that asks something of its own is read as before (a review found these).
    for (const [line, not] of [['how do others learn python?', 'learning:self-study'], ['how long did it take the others to learn?', 'learning:self-study'], ['how else can I learn about the pay?', 'learning:self-study']] as const) {
      await say('Do I need a degree?', u(`no-degree-${line}`));
      expect((await say(line, u(`no-degree-${line}`))).topic).not.toBe(not);
    }
    // Not after something else: "what's the alternative then?" after REST is not about degrees.
    await say('what is REST?', u('no-degree-4'));
    expect((await say("what's the alternative then?", u('no-degree-4'))).text).not.toMatch(/bootcamp/i);
  });

  it('a name picked by its letter or a word in it leads the answer that lists it; a letter asks nothing of its own', async () => {
    const jenkins = await say('Which DevOps tool starting with J is mentioned?');
    expect(jenkins.topic).toBe('skill:devops-tools');
    expect(jenkins.text).toContain('Starting with J: Jenkins.');
    expect((await say("Which of the job boards listed has 'Zip' in its name?")).text).toContain('ZipRecruiter.');
    // "Starting with A" is no word of the question: a company's pay is still no figure the articles give.
    // "Start with C" asks about a language, not a letter.
    expect((await say('Should I start with C or Python?')).text).not.toContain('Starting with C');
    const company = await say('which company starting with A pays backend devs the most?');
    expect(company.answered).toBe(false);
    expect(company.text).toContain('no figures for particular companies');
  });

  it('"which one is not" names the option the articles do not, even one they never mention; with no list that names the others, no word', async () => {
    // Terraform is a technology the articles never mention: the question is still answered.
    const tools = await say('Is Terraform, Docker or Jenkins the one not listed among devops tools?');
    expect(tools.answered).toBe(true);
    expect(tools.text).toContain('Terraform is the one the articles do not name; they do name Docker and Jenkins');
    const soft = await say("Decisiveness, customer service, graphic design, flexibility: one of these isn't among the soft skills listed. Which one?");
    expect(soft.text).toContain('Graphic design is the one the articles do not name');
    // Nothing the articles list holds the others: no "which one", and another profession stays refused.
    const pharmacist = await say('Which of these is not a pharmacist duty: counting pills, advising patients or filling prescriptions?');
    expect(pharmacist.answered).toBe(false);
    expect(pharmacist.text).not.toContain('is the one the articles do not name');
    // Another profession's list is no list of the articles', even where a card names the others;
    // and a quality asked ("not good for beginners") is no question of what they name.
    for (const line of ["Which of these is not a lawyer's task: drafting contracts, communication, problem solving?", 'Which of Java, Python, or Go is not good for beginners?']) {
      expect((await say(line)).text, line).not.toContain('is the one the articles do not name');
    }
    expect((await say("Which of these is not a lawyer's task: drafting contracts, communication, problem solving?")).answered).toBe(false);
    // A sentence with commas and a "not" lists no options; an option named elsewhere in the
    // articles (Netflix, in Career Karma) is never "not named".
    for (const line of ['I have not used Docker, Kubernetes, or Jenkins, is that a problem for getting hired?', "Which of these isn't a company: Netflix, Amazon, Microsoft?"]) {
      expect((await say(line)).text, line).not.toContain('is the one the articles do not name');
    }
    // "Which of those isn't about security?" after other careers: the ones that are not, not the one that is.
    await say('what other careers can i move into', { ...ana, userId: 'not-sec' });
    const notSecurity = await say("which of those isn't about security?", { ...ana, userId: 'not-sec' });
    expect(notSecurity.topic).toBe('question:alternative-careers');
    expect(notSecurity.text).toMatch(/^Of those, not about that: Computer and Information Systems Managers.*DevOps\./m);
    // "The one involving security?" picks as "any of those" does (README's example).
    await say('what other careers can i move into', { ...ana, userId: 'sec-one' });
    const involving = await say('the one involving security?', { ...ana, userId: 'sec-one' });
    expect(involving.topic).toBe('role:information-security-analyst');
    expect(involving.text).toContain('On that list: Information Security Analysts.');
  });

  it('"are C++ and C# acceptable picks?" gets its yes first; a comparison, or a name found in another entry, gets none', async () => {
    const yes = await say('Are C++ and C# acceptable picks for writing server logic?');
    expect(yes.card.children[0]).toEqual({ type: 'text', text: 'Yes: the articles name C++ and C#, as below.' });
    expect(yes.text).toContain('Yes: the articles name C++ and C#');
    expect((await say('Is C++ better than Python for backend?')).text).not.toContain('Yes:');
    // Two names, each with a card of its own: the list that names both answers (the spotlight's course sites).
    expect((await say('Are LinkedIn Learning and Pluralsight among the recommended course sites?')).text).toContain('Yes: the articles name LinkedIn Learning and Pluralsight');
    expect((await say('Betamore and Bloc.io: are they on the profile\'s course-site list?')).text).toContain('Yes: the articles name Betamore and Bloc.io');
    // A name written as edX is a name too.
    expect((await say('Are Udemy and edX among the course sites?')).text).toContain('Yes: the articles name Udemy and edX');
    // "Go" is no word of "good": a name counts only whole.
    expect((await say('Are Go and Python among the languages listed?')).text).not.toContain('Yes: the articles name Go');
    // Only an acronym spelt out: a brand the lexicon files under a broad word is no yes ("Heroku" is not "cloud").
    await say('should i learn cloud?');
    // (Heroku is a technology the articles never mention: said so, or named as missing; never a yes.)
    expect((await say('is Heroku on the list?')).text).toMatch(/The articles never name Heroku\.|The articles don't mention that technology/);
    // A name the lexicon spells another way counts in that spelling: the benefits say "paid time off".
    await say('what benefits do backend devs get');
    const pto = await say('does that include PTO?');
    expect(pto.text).toContain('Yes: the articles name PTO (as "paid time off")');
    expect(pto.text).not.toContain('never name');
  });

  it('"and apis?" after what entry-level developers do is a topic of its own; "and as they move up?" after entry-level pay shows every level', async () => {
    await say('what do entry level devs do');
    expect((await say('and apis?')).topic).not.toBe('question:what-does-a-backend-developer-do');
    await say('how much do entry level devs make');
    const up = await say('and as they move up?');
    expect(up.text).toContain('$167K');
    await say('tell me about masters degrees');
    // The master's card says "years of experience", which is no length of study.
    expect((await say('how long is that?')).topic).not.toBe('learning:masters-degree');
  });

  it('"entry level?" and "early career?" after a pay question are that pay, at those levels; "step 3 in that guide?" is the plan\'s step 3', async () => {
    await say("what's the meta guide avg sal?");
    expect((await say('entry level?')).text).toContain('$72,514');
    expect((await say('early career?')).text).toContain('$75,435');
    await say('what are the four steps in career karma', { ...ana, userId: 'st' });
    expect((await say('step 3 in that guide?', { ...ana, userId: 'st' })).text).toContain('Step 3: Earn some experience');
    expect((await say('and after that?', { ...ana, userId: 'st' })).text).toContain('Step 4: Continue learning');
  });

  it('two entries about as close: each shows the points that answer, with their sources, and the question still reaches `unanswered`', async () => {
    // (A credential asked of was the example until "professional credential" joined the lexicon:
    // it now has one sure answer, whether certifications are worth it.)
    const q = 'Who is quoted calling web services a way of exchanging data between applications?';
    const r = await say(q);
    expect(r.card.title).toBe('The closest answers in the articles');
    expect(r.answered).toBe(true);
    expect(r.text).toContain("Tutorials Point's words");
    // Each entry under its own title, and each offered in full.
    const titles = r.card.children.flatMap((n) => (n.type === 'section' ? [n.title] : []));
    expect(titles.length).toBeGreaterThanOrEqual(2);
    expect(suggestionsOf(r).map((s) => s.command)).toEqual(titles.map((t) => `ask ${t}`));
    // Every point names its article.
    for (const n of r.card.children) if (n.type === 'list') for (const item of n.items) expect(item).toMatch(/\([^)]+\)$/);
    // Only the sources of what is shown.
    for (const src of r.sources) expect(r.card.children.some((n) => n.type === 'list' && n.items.some((i) => i.includes(src.short)))).toBe(true);
    const list = await bot.dispatchText('unanswered', { ...ana, isModerator: true });
    expect(list.text).toContain(q);
    // One word in common is no reading: "how do I connect node to postgres" is a tutorial's how-to,
    // shown with the card that names Postgres (not the job search's "connect"), and not answered.
    const connect = await say('how do I connect node to postgres', { ...ana, userId: 'cy' });
    expect(connect.topic).toBe('skill:databases');
    expect(connect.text).toMatch(/The articles don't teach how it works or how to set it up/);
    expect(connect.answered).toBe(false);
  });

  it('after another role\'s card, "salary?" and "what languages do they use" ask it of that role', async () => {
    await say('role dba');
    const pay = await say('salary?');
    expect(pay.text).toContain('The articles give no salary figure for Database Administrator (DBA)');
    await say('how do i become a frontend dev');
    const langs = await say('what languages do they use');
    expect(langs.topic).toBe('role:frontend-developer');
    expect(langs.text).toContain('HTML, JavaScript and CSS');
    // After anything else, "salary?" is the guide's own question: back-end pay.
    await say('how long does it take');
    expect((await say('salary?')).topic).toBe('salary:backend-developer');
  });

  it.each([
    ['what comes after step 3', 'Step 4 of 12'],
    ['whats next after step 5', 'Step 6 of 12'],
    ['what after step 12', 'Step 12 of 12'],
    ['what is step one', 'Step 1 of 12'],
    ['step two', 'Step 2 of 12'],
  ])('"%s" is %s (a step after the one numbered; a number in words)', async (q, title) => {
    expect((await say(q)).card.title).toContain(title);
  });

  it('"and the answer?" after a practice question says the articles give no model answers, with what they say of that question; not answered, and "another one" still moves on', async () => {
    await say('interview 3');
    const r = await say('and the answer?');
    expect(r.answered).toBe(false);
    expect(r.text).toContain('The articles give practice questions, not model answers');
    expect(r.card.title.toLowerCase()).toContain('deadlock');
    expect((await say('another one')).text).toMatch(/Question 4 of/);
    // Elsewhere "the answer" is no model answer asked.
    expect((await say('what is the answer to how long it takes?')).text).not.toContain('not model answers');
  });

  it.each([
    ['what is a deadlock and how do you solve it? give me the answer', 'deadlock'],
    ["how do I actually find an application's expensive queries, what's the answer", 'expensive queries'],
  ])('"%s" (the answer asked with the question) says the articles give no model answers; not answered', async (q, title) => {
    const r = await say(q);
    expect(r.answered).toBe(false);
    expect(r.text).toContain('The articles give practice questions, not model answers');
    expect(r.card.title.toLowerCase()).toContain(title);
  });

  it('"how do I prepare for an interview? tell me the answer" is the advice on preparing, which the articles give', async () => {
    const r = await say('how do I prepare for a backend interview? tell me the answer');
    expect(r.answered).toBe(true);
    expect(r.text).not.toContain('not model answers');
  });

  it('"another one" after a practice question is the next question; "still worth getting into in 2025?" is whether to become one', async () => {
    const first = await say('interview 1');
    expect(first.text).toMatch(/Question 1 of/);
    expect((await say('another one')).text).toMatch(/Question 2 of/);
    expect((await say('next question')).text).toMatch(/Question 3 of/);
    expect((await say('so is it still worth getting into in 2025?')).topic).toBe('question:should-i-become-a-backend-developer');
  });

  it('"which one is cheapest?" after the certifications says it does not know (no prices), not "which one did you mean?"', async () => {
    await say('which certifications are worth it');
    const r = await say('which one is cheapest?');
    expect(r.answered).toBe(false);
    expect(r.card.title).toBe("I don't know that yet");
    // Nor do they give pay for the other careers they list; the salary card's own figures are another matter.
    await say('what other careers can i move into');
    expect((await say('which one pays the most?')).answered).toBe(false);
    await say('salary');
    expect((await say('which one is the highest?')).topic).toBe('salary:backend-developer');
    // How long is another matter: the articles say how long it all takes.
    await say('should i do a coding bootcamp');
    expect((await say('how long does that take?')).answered).toBe(true);
  });

  it('"is that just backend?" after the outlook asks whom it covers: the outlook again, which says all web developers', async () => {
    await say('whats the job outlook');
    const r = await say('is that just backend?');
    expect(r.topic).toBe('outlook:job-outlook');
    expect(r.text).toContain('all web developers');
  });

  it('says how old the articles are, and "by when?" after the outlook stays on the outlook', async () => {
    const dated = await say('when was the indeed article posted');
    expect(dated.answered).toBe(true);
    expect(dated.text).toContain('April 17, 2020');
    await say('How much is web developer employment projected to grow?');
    const when = await say('by when?');
    expect(when.topic).toBe('outlook:job-outlook');
    expect(when.text).toContain('2030');
  });

  it('"what about the other cloud one?" after the AWS certification is Azure\'s, and after Azure\'s it is AWS again; "the other one" alone picks nothing', async () => {
    await say("what's the AWS cert about");
    const azure = await say('what about the other cloud one?');
    expect(azure.topic).toBe('learning:azure-developer-certification');
    expect(azure.text).toContain('closest competitor');
    expect((await say('and the other cloud cert?')).topic).toBe('learning:aws-certified-developer');
    await say("what's the AWS cert about");
    expect((await say('what about the other one?')).topic).not.toBe('learning:azure-developer-certification');
    // A word an entry merely mentions names no other entry (a review found these misfiring).
    await say('what careers can backend devs move into');
    expect((await say('the other manager one?')).topic).not.toBe('question:promotion');
    await say('tell me about flask');
    expect((await say('what about the other python one?')).topic).not.toBe('skill:sql');
  });

  it('"what does the database one do?" after the careers to move into is the database administrator', async () => {
    // ("per career karma" is "according to" it: the careers answer, no longer shown beside another.)
    const careers = await say('what careers can backend devs move into per career karma');
    expect(careers.topic).toBe('question:alternative-careers');
    const dba = await say('what does the database one do?');
    expect(dba.topic).toBe('role:database-administrator');
  });

  it('"and for seniors?" after a junior pay question gives the experienced figures for the same role', async () => {
    const first = await say('how much do junior backend devs make');
    expect(levels(first)).toEqual(['Entry level']);
    const r = await say('and for seniors?');
    expect(r.answered).toBe(true);
    expect(r.topic).toBe('salary:backend-developer');
    expect(levels(r)).toEqual(['Experienced']);
    expect(r.text).toContain('$167K');
  });

  it('"what about mid level?" after the salary command', async () => {
    await say('salary entry');
    const r = await say('what about mid level?');
    expect(r.topic).toBe('salary:backend-developer');
    expect(levels(r)).toEqual(['Mid-career']);
  });

  it('"how much do they make?" after a role reads "they" as that role', async () => {
    await say('what does a front end developer do');
    const r = await say('how much do they make?');
    expect(r.answered).toBe(true);
    expect(r.topic).toBe('salary:frontend-developer');
  });

  it('"compare that with backend" and "role that" read "that" as the role just talked about, and ask which role when there was none', async () => {
    await say('what does a dba do');
    const r = await say('compare that with backend');
    expect(r.card.title).toBe('Database Administrator (DBA) vs Back-End Developer');
    await say('how much do front end devs make');
    expect((await say('role that')).card.title).toBe('Front-End Developer');
    const bo: Context = { ...ana, userId: 'bo' };
    await say('roadmap 3', bo);
    const alone = await say('compare that with backend', bo);
    expect(alone.error).toBe('invalid-option');
    expect(alone.card.title).toBe('Which role?');
    expect(alone.text).toMatch(/Which role do you mean by "that"\?/);
  });

  it('"n front end devs?" after "what do back end devs do all day" asks the same of front-end developers: their duties', async () => {
    await say('what do back end devs do all day');
    const r = await say('n front end devs?');
    expect(r.topic).toBe('role:frontend-developer');
    expect(r.text).toMatch(/Implement responsive user interfaces/);
  });

  it.each([
    ['what are common interview questions', 'how do i answer the deadlock one?', 'question:interview-deadlock'],
    ['what are common interview questions', 'the performance testing one?', 'question:interview-performance-testing'],
    ['what certs should i get', 'is the aws one hard?', 'learning:aws-certified-developer'],
    ['what certs should i get', 'tell me about the azure one', 'learning:azure-developer-certification'],
    // A name listed with its version ("HTTP/3"), asked without it.
    ['what are the hot trends in backend?', 'tell me more about the http one', 'skill:http3-quic'],
  ])('"the X one" picks, by its name, a thing the answer before listed: %s / %s', async (first, next, topic) => {
    const user = { ...ana, userId: `one-${next.length}` };
    await say(first, user);
    expect((await say(next, user)).topic).toBe(topic);
  });

  it('"the X one" takes the thing\'s own entry by its title, and stays on an answer whose title names it (a second review found these)', async () => {
    const user = { ...ana, userId: 'one-title' };
    await say('what are alternative careers?', user);
    expect((await say('the information security one', user)).topic).toBe('role:information-security-analyst');
    await say('what web protocols should i know?', user);
    expect((await say('the soap one?', user)).topic).toBe('skill:web-protocols');
    await say('What types of backend developer careers are there?', user);
    expect((await say("how's the engineer one different from a regular backend dev?", user)).topic).toBe('role:backend-engineer');
    // "and entry level?" after what a back-end developer is: the role card speaks of entry-level work.
    await say('what is a backend developer?', user);
    expect((await say('and entry level?', user)).answered).toBe(true);
  });

  it('"the X one" naming only a kind of thing stays within the answer before ("the secure one" after the protocols)', async () => {
    const user = { ...ana, userId: 'one-kind' };
    await say('what web protocols should backend devs know', user);
    expect((await say('which one is the secure one?', user)).topic).toBe('skill:web-protocols');
  });

  it('a question naming one of a card\'s examples gets the points about it first ("what is nest.js?")', async () => {
    const r = await say('what is nest.js', { ...ana, userId: 'nest' });
    expect(r.topic).toBe('skill:web-frameworks');
    const points = r.card.children.find((n) => n.type === 'list');
    expect(points?.type === 'list' && points.items[0]).toMatch(/^Nest\.js, a framework built with TypeScript/);
  });

  it('a first line that names no subject asks "of what?" rather than answering whatever it half-matches', async () => {
    const r = await say('give me an example', { ...ana, userId: 'vague' });
    expect(r.answered).toBe(false);
    expect(r.text).toMatch(/Of what\? That names no subject/);
    expect(r.text).not.toMatch(/Closest topics/);
    // After an answer, the same kind of line is about it.
    await say('why should i learn data structures n algorithms for backend');
    expect((await say('which concepts?')).topic).toBe('skill:data-structures-algorithms');
  });

  it('"what does the acronym stand for?" names nothing of its own: it asks about the answer before', async () => {
    const first = await say('who publishes security guidelines backend devs should follow?');
    expect(first.text).toMatch(/OWASP/);
    const r = await say('what does the acronym stand for?');
    expect(r.topic).toBe(first.topic);
    expect(r.text).toMatch(/Open Web Application Security Project \(OWASP\)/);
    // Asked first, the same words are a question of their own.
    expect((await say('what does REST stand for?', { ...ana, userId: 'cy' })).topic).toBe('skill:rest');
  });

  it('"give me some example questions" after interview preparation gives the practice questions', async () => {
    await say('How do I prepare for a back-end developer job interview?');
    const r = await say('give me some example questions');
    expect(r.topic).toBe('question:interview-preparation');
    expect(r.text).toMatch(/deadlock/);
  });

  it('"what next?" after a roadmap step gives the step after it', async () => {
    await say('roadmap 3');
    const r = await say('what next?');
    expect(r.topic).toBe('step:learn-framework');
    expect(r.text).toMatch(/^Step 4 of 12/);
    const after = await say('next');
    expect(after.text).toMatch(/^Step 5 of 12/);
  });

  it('"and step 2?" after step 1 gives step 2; "what next?" after "I finished step 3" gives step 4', async () => {
    expect((await say('whats step 1')).text).toMatch(/^Step 1 of 12/);
    expect((await say('and step 2?')).text).toMatch(/^Step 2 of 12/);
    await say('i finished step 3');
    expect((await say('what next')).text).toMatch(/^Step 4 of 12/);
  });

  it('"what next?" with nothing before it starts at the beginning of the roadmap', async () => {
    expect((await say('what next?')).text).toMatch(/^Step 1 of 12/);
  });

  it('"what\'s the catch?" asks it of what was just said (freelancing), not the stress FAQ its words find alone', async () => {
    const user = { ...ana, userId: 'catch' };
    await say('thinking of going freelance as a server-side dev', user);
    const r = await say("what's the catch?", user);
    expect(r.topic).toBe('question:freelancing');
    expect(r.text).toMatch(/unpaid/i);
  });

  it('"like what topics?" asks for examples of what was just said, not the course-topics list its words name', async () => {
    const user = { ...ana, userId: 'likewhat' };
    await say('how do algorithms and data structures matter for backend work?', user);
    const r = await say('like what topics?', user);
    expect(r.topic).toBe('step:data-structures');
    expect(r.text).toContain('sorting');
  });

  it('"what next?" after what to study is what comes after the studies, earning experience; after other answers, where the roadmap starts', async () => {
    await say('what courses should I take to become a backend dev?', { ...ana, userId: 'studied' });
    expect((await say('what next?', { ...ana, userId: 'studied' })).topic).toBe('step:earn-experience');
    await say('how long does it take to become a backend dev?', { ...ana, userId: 'howlong' });
    expect((await say('what next?', { ...ana, userId: 'howlong' })).text).toMatch(/^Step 1 of 12/);
  });

  it('pay for a role the articles give no figure for is said plainly, also as a follow-up', async () => {
    await say('tell me about full stack devs');
    const r = await say('how much do they make');
    expect(r.answered).toBe(false);
    expect(r.text).toMatch(/The articles give no salary figure for Full-Stack Developer/);
    expect(r.text).not.toContain('$75,310');
    const list = await bot.dispatchText('unanswered', { ...ana, isModerator: true });
    expect(list.text).toContain('how much do they make');
  });

  it('"and for seniors?" after front-end pay stays on the front end, and says it has no senior figure', async () => {
    await say('frontend salary');
    const r = await say('and for seniors?');
    expect(r.text).toMatch(/no experienced figure for Front-End Developer/);
    expect(r.text).not.toContain('$167K');
  });

  it('"and backend?" after front-end pay gives back-end pay; "and databases?" after web servers is its own topic', async () => {
    await say('how much do front-end developers make according to PayScale?');
    const backend = await say('and backend?');
    expect(backend.topic).toBe('salary:backend-developer');
    expect(backend.text).toContain('$81,161');
    await say('what web servers should a backend dev know?');
    expect((await say('and databases?')).topic).not.toBe('skill:web-servers');
  });

  it('"and for new workers?" and "and the top end?" after a median pay question give the entry and top figures', async () => {
    await say("what's the median back-end salary?");
    expect((await say('and for new workers?')).text).toContain('$101K');
    expect((await say('and the top end?')).text).toContain('$167K');
  });

  it('"why should backend devs care?" after OWASP, and "what credentials can I get there?" after community college, stay on that topic', async () => {
    await say('what does OWASP stand for?');
    expect((await say('why should backend devs care?')).topic).toBe('skill:security');
    expect((await say('why does that matter for backend?')).topic).toBe('skill:security');
    await say('is community college a good option for learning backend?');
    const there = await say('what credentials can I get there?');
    expect(there.topic).toBe('learning:community-college');
    expect(there.text).toMatch(/associate/i);
  });

  it('after a pay answer, a question that names its own topic with "this" is that topic, not pay again', async () => {
    await say('how much do junior backend devs make');
    expect((await say('is docker worth learning for this')).topic).not.toMatch(/^salary:/);
  });

  it('a bare "4-6?" then "and 7-9?" after a pay question give those years\' figures; "why bother tho?" shows the topic again', async () => {
    await say('what do backend devs get paid at 1-3 years?');
    expect((await say('4-6?')).text).toContain('$83,789');
    expect((await say('and 7-9?')).text).toContain('$87,979');
    await say('what frameworks should backend devs know?');
    expect((await say('why bother tho?')).topic).toBe('skill:web-frameworks');
  });

  it('"which source says so?" after an answer names who says it, citations too, and shows the answer again', async () => {
    await say('bls says what about web developer growth');
    const said = await say('which source says so?');
    expect(said.topic).toBe('outlook:job-outlook');
    expect(said.text).toMatch(/That comes from Career Karma \(citing U\.S\. Bureau of Labor Statistics\)/);
    expect(said.text).toContain('25,500');
    // "Become one" after the outlook is becoming a back-end developer, the field's own question.
    expect((await say('how long does it take to become one')).topic).toBe('learning:how-long');
    for (const line of ["who's that from?", 'source?', 'says who']) {
      const r = await say(line);
      expect(r.topic, line).toBe('learning:how-long');
      expect(r.text, line).toMatch(/That comes from Career Karma/);
    }
    // With no answer before it, "source?" asks for the articles themselves.
    expect((await say('source?', { ...ana, userId: 'src0' })).card.title).toBe('Sources');
    // Asking which source is newest asks something else.
    expect((await say('which source is the newest?')).text).not.toMatch(/That comes from/);
  });

  it('"why do the numbers differ so much?" after pay says the articles never explain it and shows every figure beside its source', async () => {
    await say('entry level pay backend');
    await say('and the top end?');
    const why = await say('why do the numbers differ so much?');
    expect(why.topic).toBe('salary:backend-developer');
    expect(why.text).toMatch(/The articles don't say why their figures differ/);
    for (const figure of ['$124,303', '$81,161', '$72,514']) expect(why.text).toContain(figure);
    expect(why.text).not.toMatch(/average of|averaging to/i);
    // The why is not in the articles: not answered, so it reaches `unanswered`.
    expect(why.answered).toBe(false);
    // Nor which one is right: the articles never say.
    const right = await say('which number is right, indeed or career karma', { ...ana, userId: 'judge' });
    expect(right.text).toMatch(/The articles don't say which figure is right/);
    expect(right.text).toContain('$124,303');
    expect(right.text).toContain('$81,161');
    expect(right.answered).toBe(false);
    // Two roles' pay is who earns more, not the sources' disagreement.
    expect((await say('why do front end and back end salaries differ')).text).not.toMatch(/don't say why their figures differ/);
  });

  // A reviewer's lines (stop 38): each the articles answer, kept answered while near-scope rules grew.
  it.each([
    ['do back-end devs need to know iOS or Android?', 'skill:mobile-platforms'],
    ['do I legally need a degree to work as a backend developer?', 'question:degree-needed'],
    ['how much does a bootcamp increase my chances of getting hired?', undefined],
    ['how should i handle the tell-me-about-a-problem-you-solved one?', 'question:interview-problem-you-solved'],
    ['Is Udemy useful for learning back end?', 'learning:udemy'],
    ['Did most of these developers get hooked on computers young', 'question:personality'],
  ])('"%s" is answered', async (q, topic) => {
    // One person per line (two lines of one length would otherwise read as a follow-up).
    const r = await say(q, { ...ana, userId: `in-${q}` });
    expect(r.answered).toBe(true);
    if (topic) expect(r.topic).toBe(topic);
  });

  it('"how many years do developers work before becoming senior?" is no head count; an exam\'s study materials are not given', async () => {
    expect((await say('how many years do developers work before becoming senior?', { ...ana, userId: 'hc' })).text).not.toContain('how many people work there');
    const exam = await say('what are the study materials for the OCP MySQL exam?', { ...ana, userId: 'exam' });
    expect(exam.answered).toBe(false);
    expect(exam.text).toContain("The articles don't say that detail of the exam");
    // The lexicon's architecture pattern is MVC.
    expect((await say('what architecture pattern do most frameworks follow?', { ...ana, userId: 'mvc' })).text).toContain('MVC');
  });

  it('"is that a lot?" after a figure shows first what the articles weigh it against', async () => {
    await say("what's the projected job growth for web developers?", { ...ana, userId: 'alot' });
    const lot = await say('is that a lot?', { ...ana, userId: 'alot' });
    expect(lot.topic).toBe('outlook:job-outlook');
    expect(lot.text.split('\n')[1]).toContain('almost double the average growth rate');
    // With nothing before it, it is no follow-up.
    expect((await say('is that a lot?', { ...ana, userId: 'alot2' })).topic).not.toBe('outlook:job-outlook');
  });

  it('a practice question asked of the interview is answered; asked as a how-to, its model answer is not in the articles', async () => {
    const prep = await say('how do I answer the deadlock question in an interview?', { ...ana, userId: 'dl1' });
    expect(prep.answered).toBe(true);
    expect(prep.topic).toBe('question:interview-deadlock');
    const how = await say('How do you actually solve a deadlock?', { ...ana, userId: 'dl2' });
    expect(how.answered).toBe(false);
    expect(how.text).toContain('The articles give practice questions, not model answers');
  });

  it('"step one" of an article\'s plan, in words, is that step, and "and after that?" goes on in the plan', async () => {
    const one = await say("in the four-step plan to become a backend dev, what's step one?", { ...ana, userId: 'plan-words' });
    expect(one.text).toMatch(/^Step 1: Decide which path/m);
    const two = await say('and after that?', { ...ana, userId: 'plan-words' });
    expect(two.topic).toBe('question:career-karma-four-steps');
    expect(two.text).toMatch(/^Step 2: Begin your studies/m);
  });

  it('"the one before?" and "and 7?" after a point of an article\'s plan stay in that plan', async () => {
    await say("whats step 3 in career karma's step by step guide");
    expect((await say('the one before?')).text).toMatch(/Step 2: Begin your studies/);
    await say("what are the 8 steps in indeed's guide");
    await say('whats step 5?');
    expect((await say('and 7?')).text).toMatch(/Seventh: Consider security/);
  });

  it('a bare number after a whole plan or a roadmap step is that step; past a plan\'s end it says how many it has', async () => {
    const u = { ...ana, userId: 'bare' };
    await say('walk me through the indeed steps', u);
    expect((await say('and 5?', u)).text).toMatch(/Fifth: Get current on database knowledge/);
    await say("what are career karma's four steps", u);
    expect((await say('and 5?', u)).text).toMatch(/That plan has 4 steps; there is no step 5/);
    await say('roadmap 6', u);
    expect((await say('and 7?', u)).topic).toBe('step:security');
  });

  it('"I\'m on step 5 of indeed\'s guide, what\'s next?" goes on in that article\'s plan; "of the roadmap" in the roadmap', async () => {
    expect((await say("im on step 5 of indeed's guide, what's next", { ...ana, userId: 'plan1' })).text).toMatch(/Sixth: Practice regularly/);
    expect((await say('im on step 2 of career karma, what comes after', { ...ana, userId: 'plan2' })).text).toMatch(/Step 3: Earn some experience/);
    expect((await say('im on step 5 of the roadmap, what comes after', { ...ana, userId: 'plan3' })).topic).toBe('step:apis-and-protocols');
  });

  it('"which does indeed recommend?" after the languages asks what Indeed says of them, not Indeed\'s own eight steps', async () => {
    await say('what programming languages do backend devs use');
    const indeed = await say('which does indeed recommend?');
    expect(indeed.topic).toBe('skill:server-side-languages');
    expect(indeed.text).toMatch(/Java.*\(Indeed\)/);
    expect((await say('and the guide?')).text).toMatch(/Python, Java, Ruby, and JavaScript.*\(Guide to becoming a backend developer\)/);
  });

  it('"what does payscale say?" and "n new workers?" after a pay question stay on the pay figures', async () => {
    await say('How much do back-end developers make?');
    const payscale = await say('what does payscale say?');
    expect(payscale.topic).toBe('salary:backend-developer');
    expect(payscale.text).toContain('$81,161');
    await say("what's the median pay for back end devs");
    expect((await say('n new workers?')).text).toContain('$101K');
  });

  it('"is that more than the Indeed number?" after PayScale\'s average stays on the pay figures, which show both', async () => {
    await say("what's the PayScale average for backend devs");
    const r = await say('is that more than the Indeed number?');
    expect(r.topic).toBe('salary:backend-developer');
    expect(r.text).toContain('$81,161');
    expect(r.text).toContain('$124,303');
  });

  it('"what are the exact numbers?" after who earns more gives that answer\'s figures', async () => {
    await say('who earns more, front end or back end');
    const r = await say('what are the exact numbers?');
    expect(r.topic).toBe('question:who-earns-more-frontend-or-backend');
  });

  it('"how do they compare to bootcamps?" after community college compares community college, not bootcamps alone', async () => {
    await say('what do community colleges offer for aspiring backend devs?');
    expect((await say('how do they compare to bootcamps?')).topic).toBe('learning:community-college');
  });

  it('"is it a language?" after GraphQL and "which one is about security?" after other careers ask about the answer just given', async () => {
    await say('tell me about graphql');
    const graphql = await say('is it a language?');
    expect(graphql.topic).toBe('skill:graphql');
    expect(graphql.text).toMatch(/query language/i);
    await say('what careers can backend devs switch to');
    // The one listed item about security, named first, then its own card (see "any of those" below).
    const careers = await say('which one is about security?');
    expect(careers.topic).toBe('role:information-security-analyst');
    expect(careers.text).toMatch(/On that list: Information Security Analysts/);
    // After a role's card, "they" is the role: a question about something else asks that.
    await say('tell me about backend developers');
    expect((await say('how much do they make?')).topic).toBe('salary:backend-developer');
    await say('tell me about backend developers');
    expect((await say('are they in demand?')).topic).toBe('outlook:job-outlook');
    await say('tell me about backend developers');
    expect((await say('what is an api and do they build them?')).topic).toBe('skill:apis');
  });

  it('"and technical skills?" after soft skills asks the other kind instead of both', async () => {
    await say('which soft skills matter for backend work?');
    const technical = await say('and technical skills?');
    expect(technical.topic).not.toBe('skill:soft-skills');
    expect(technical.text).toMatch(/technical skills/i);
  });

  it('"what about the other article?" after one article\'s steps is the other article\'s; "then?" after a roadmap step is the next one', async () => {
    await say('what are career karmas steps');
    expect((await say('what about the other article?')).topic).toBe('question:indeed-eight-steps');
    await say('roadmap 2');
    await say('and after that?');
    expect((await say('then?')).topic).toBe('step:learn-framework');
    // "then?" after pay is no question of the roadmap; "ok then" is an acknowledgement, not "what next".
    await say('how much do juniors make?');
    expect((await say('ok then')).topic).not.toBe('step:choose-path');
    await say('how much do juniors make?');
    expect((await say('then?')).topic).not.toBe('step:choose-path');
  });

  it('"step 9?" after Indeed\'s eight steps says that plan has eight, and offers the roadmap\'s step 9', async () => {
    await say("what are indeed's eight steps");
    const past = await say('step 9?');
    expect(past.answered).toBe(false);
    expect(past.text).toMatch(/That plan has 8 steps; there is no step 9\./);
    expect(suggestionsOf(past).map((s) => s.command)).toContain('roadmap 9');
    expect((await say('and step 3?')).text).toMatch(/algorithms and data structures/);
  });

  it('"is it worth it though?" after "is it hard?" asks the new thing about the same field', async () => {
    await say('is backend dev hard to get into');
    expect((await say('is it worth it though?')).topic).toBe('question:should-i-become-a-backend-developer');
  });

  it('asks for a roadmap step by its number in a sentence or an ordinal; past the end, says how many there are', async () => {
    expect((await say('what is step 3 of the roadmap')).topic).toBe('step:data-structures');
    expect((await say('the third step?')).card.title).toMatch(/^Step 3 of 12/);
    expect((await say('whats the 5th step')).card.title).toMatch(/^Step 5 of 12/);
    expect((await say('whats step 13')).text).toContain('The roadmap has steps 1 to 12; there is no step 13.');
    // Asking for help with a step is asking for the step (it had landed on Career Karma's four steps).
    expect((await say('help with step 3')).topic).toBe('step:data-structures');
    expect((await say("i'm stuck on the third step")).topic).toBe('step:data-structures');
    // After an article's own plan, "the third step?" is that plan's; "step 2 of the roadmap" names the roadmap.
    await say("what are the four steps in career karma's guide");
    expect((await say('step 2 of the roadmap')).card.title).toMatch(/^Step 2 of 12/);
    // "step 4?" typed as the roadmap command's alias: the question mark is no part of the number.
    expect((await say('step 4?')).card.title).toMatch(/^Step 4 of 12/);
    // Right after Indeed's eight steps, a bare "step 5?" is Indeed's fifth, as "and step 5?" is.
    await say("what are the eight steps in indeed's guide");
    expect((await say('step 5?')).text).toMatch(/Fifth: Get current on database knowledge/);
  });

  it('offers plain "more" in the terminal chat, where it means the answer just shown; a Discord button carries what it expands', async () => {
    const terminal: Context = { platform: 'terminal', userId: 'tom', userName: 'Tom', isModerator: false, communityId: 'local', channelId: 'chat' };
    const inChat = await say('role backend', terminal);
    expect(suggestionsOf(inChat).at(-1)?.command).toBe('more');
    expect((await say('more', terminal)).text).toMatch(/Duties/);
    const onDiscord = await say('role backend');
    expect(suggestionsOf(onDiscord).at(-1)?.command).toBe('more role backend');
  });

  it('"what next?" after a skill or a question about what a step teaches goes on from that step, not back to the start', async () => {
    await say('what should i learn first');
    expect((await say('what next?')).topic).toBe('step:data-structures');
    await say('whats docker');
    expect((await say('what comes before that?')).topic).toBe('step:security');
  });

  it('"how much do they pay?" after the alternative careers asks their pay, which the articles never give; after the duties it is back-end pay', async () => {
    await say('what are the alternative careers', { ...ana, userId: 'alt' });
    const pay = await say('how much do they pay?', { ...ana, userId: 'alt' });
    expect(pay.answered).toBe(false);
    expect(pay.text).toMatch(/nothing about pay there/);
    await say('what does a backend developer do', { ...ana, userId: 'duty' });
    expect((await say('how much do they make?', { ...ana, userId: 'duty' })).topic).toBe('salary:backend-developer');
  });

  it('the role one has, said before switching to backend, is where one comes from, not the question', async () => {
    expect((await say('im a frontend dev, how do i switch to backend')).topic).toBe('question:how-to-become-a-backend-developer');
    expect((await say('how do I switch from frontend to backend', { ...ana, userId: 'fe2' })).topic).toBe('question:how-to-become-a-backend-developer');
  });

  it('pay in an industry is not given: the general figures under that plain word, not answered; where they work is', async () => {
    for (const line of ['how much do backend devs at banks make', 'backend developer salary in healthcare industry', 'do startups pay backend devs well', 'what do banks pay backend devs']) {
      const r = await say(line);
      expect(r.answered, line).toBe(false);
      expect(r.text, line).toMatch(/The articles give no pay by industry or sector/);
      expect(r.text, line).toContain('$124,303');
    }
    // As a follow-up to pay too: "and at banks?" asks pay there.
    await say('how much do backend devs make', { ...ana, userId: 'bank' });
    const banks = await say('and at banks?', { ...ana, userId: 'bank' });
    expect(banks.answered).toBe(false);
    expect(banks.text).toMatch(/The articles give no pay by industry or sector/);
    const where = await say('do backend devs work in healthcare?');
    expect(where.answered).toBe(true);
    expect(where.text).toMatch(/healthcare/i);
  });

  it('pay by a language as a follow-up to pay is not given: the general figures under that caveat, not the languages card', async () => {
    for (const [i, line] of ['and for python devs?', 'what about java?', 'and java developers'].entries()) {
      await say('whats the backend salary', { ...ana, userId: `lang${i}` });
      const r = await say(line, { ...ana, userId: `lang${i}` });
      expect(r.answered, line).toBe(false);
      expect(r.text, line).toMatch(/The articles give no figures for that technology/);
      expect(r.text, line).toContain('$124,303');
    }
    // A question of its own about the language is still answered.
    await say('whats the backend salary', { ...ana, userId: 'lang9' });
    expect((await say('do i need python for that?', { ...ana, userId: 'lang9' })).answered).toBe(true);
  });

  it('"and 3 yrs in?" and "and after a decade?" after a level\'s pay give that band\'s figures, not the level before again', async () => {
    await say('whats the starting wage for a greenhorn', { ...ana, userId: 'yrs' });
    expect((await say('and 3 yrs in?', { ...ana, userId: 'yrs' })).text).toContain('$75,435');
    await say("what's the average pay", { ...ana, userId: 'decade' });
    await say('for beginners?', { ...ana, userId: 'decade' });
    expect((await say('and after a decade?', { ...ana, userId: 'decade' })).text).toContain('$87,979');
    // A span of years is still a span: "between 4 and 6 years" is mid-career.
    expect((await say('pay between 4 and 6 years')).text).toMatch(/Mid-career/);
  });

  it('a bare "how long?" asks it of the answer before, as "how long is that?" does; "the one for azure?" picks it from the list', async () => {
    await say('community college worth it?', { ...ana, userId: 'cc' });
    const long = await say('how long?', { ...ana, userId: 'cc' });
    expect(long.topic).toBe('learning:community-college');
    expect(long.text).toMatch(/two-year/i);
    await say('what certs does career karma recommend', { ...ana, userId: 'az' });
    expect((await say('the one for azure?', { ...ana, userId: 'az' })).topic).toBe('learning:azure-developer-certification');
    // "Like what specifically?" after a card is more of it, not a refusal.
    await say('do i need to learn algorithms', { ...ana, userId: 'algo' });
    const more = await say('like what specifically', { ...ana, userId: 'algo' });
    expect(more.answered).toBe(true);
    expect(more.text).toMatch(/searching and sorting/i);
    // "Examples?" and "any others?" alone are more of the answer before too, not another entry
    // ("others" had found the mentors card).
    for (const line of ['examples?', 'any others?']) {
      await say('what other careers can i move into', { ...ana, userId: `others-${line}` });
      const again = await say(line, { ...ana, userId: `others-${line}` });
      expect(again.topic, line).toBe('question:alternative-careers');
      expect(again.text, line).toMatch(/Database Administrators/);
    }
  });

  it('percentiles are not given: the figures under that caveat; the median asked of back-end developers is theirs, not the national one', async () => {
    for (const line of ['what do the top 10% of backend devs earn', '75th percentile pay for junior backend devs']) {
      const r = await say(line);
      expect(r.answered, line).toBe(false);
      expect(r.text, line).toMatch(/no percentiles or pay distribution/);
    }
    const median = await say("what's the median salary for back-end developers?");
    expect(median.topic).toBe('salary:backend-developer');
    expect(median.text).toContain('$132K');
    expect((await say('national median salary')).topic).toBe('salary:all-occupations');
  });

  it('two technologies weighed on speed or ease are a ranking the articles never make; GCP and data scientists are not in them', async () => {
    const r = await say('which is faster, mysql or mongodb');
    expect(r.answered).toBe(false);
    expect(r.text).toMatch(/never compare or rank these/);
    expect((await say('is backend harder than being a data scientist?')).answered).toBe(false);
    expect((await say('python vs java which is easier to learn')).text).toMatch(/never compare or rank these/);
    await say('tell me about the AWS certification', { ...ana, userId: 'gcp' });
    expect((await say('and GCP?', { ...ana, userId: 'gcp' })).answered).toBe(false);
  });

  it('a band of years alone ("and someone with 4-6 yrs?") is that band\'s pay, even after a reply that asked which was meant', async () => {
    await say('the guide with the pay table, whats the avg', { ...ana, userId: 'band' });
    const r = await say('and someone with 4-6 yrs?', { ...ana, userId: 'band' });
    expect(r.topic).toBe('salary:backend-developer');
    expect(r.text).toContain('$83,789');
  });

  it('"by how much per payscale?" after who earns more is that comparison\'s figures, not PayScale\'s whole table', async () => {
    await say('which pays more, front or back?', { ...ana, userId: 'gap' });
    const r = await say('by how much per payscale?', { ...ana, userId: 'gap' });
    expect(r.topic).toBe('question:who-earns-more-frontend-or-backend');
    expect(r.text).toContain('$75,310');
  });

  it('"by how much?" after who earns more works out the gap from the one source that gives both figures', async () => {
    await say('which pays more, front or back?', { ...ana, userId: 'gap2' });
    const r = await say('by how much?', { ...ana, userId: 'gap2' });
    expect(r.text).toContain('Back-end developers make $5,851 a year more than front-end developers: $81,161 against $75,310 (PayScale, cited by Career Karma)');
    // Asked plainly, no sum is worked out.
    expect((await say('who earns more frontend or backend')).text).not.toContain('$5,851');
  });

  it('review of the stop (old build against new): the roadmap asked in words, a year count alone after pay, a level beside remote, and what must stay answered', async () => {
    await say('what are the roadmap steps?', { ...ana, userId: 'rm' });
    expect((await say('and the 5th?', { ...ana, userId: 'rm' })).topic).toBe('step:databases');
    await say('how much do backend devs make', { ...ana, userId: 'yr8' });
    expect((await say('and 8 years?', { ...ana, userId: 'yr8' })).text).toContain('$87,979');
    await say('how much do backend devs make', { ...ana, userId: 'rs' });
    const remote = await say('and for remote seniors?', { ...ana, userId: 'rs' });
    expect(remote.text).toMatch(/no pay for remote/);
    expect(remote.text).toContain('$167K');
    // Career Karma says a DBA needs "SQL and other data science tools"; reports and analytics are a duty.
    expect((await say('do database administrators need data science skills?')).answered).toBe(true);
    expect((await say('do backend devs do data analytics')).answered).toBe(true);
    // Self-employed work is the spotlight's own answer, not the outlook; another market is not this one.
    expect((await say('do self-employed backend devs get enough work')).topic).toBe('question:freelancing');
    expect((await say('is the housing market growing')).answered).toBe(false);
    expect((await say('What does the unnamed guide say people in their first year earn?')).text).toContain('$72,514');
    // The Guide called by the certificate it recommends: its figures first.
    expect((await say('what do experienced devs make per the Meta-cert guide?')).text).toContain("The guide's figures: experienced, $87,979");
    expect((await say('Entry level pay, per the guide with the Meta recommendation?')).text).toContain("The guide's figures: entry level, $72,514");
  });

  it('the code review of the stop: rules kept to what they are for', async () => {
    // Pay by a technology is a follow-up naming one ("and for python devs?"), not a new question after pay.
    await say('how much do backend developers make?', { ...ana, userId: 'cr1' });
    expect((await say('what is docker?', { ...ana, userId: 'cr1' })).topic).toBe('skill:devops-tools');
    await say('how much do backend developers make?', { ...ana, userId: 'cr2' });
    expect((await say('python or java?', { ...ana, userId: 'cr2' })).answered).toBe(true);
    // "Know nothing" is no step done; remote teams use git; remote jobs' pay gets the remote caveat.
    expect((await say('i know nothing about coding, now what?')).topic).not.toMatch(/^step:/);
    expect((await say('is git useful for remote teams?')).topic).toBe('skill:version-control');
    expect((await say('how much do remote jobs pay?')).text).toMatch(/no pay for remote/);
    // Years alone are years of experience only after pay.
    expect((await say('5 years?')).topic).not.toBe('salary:backend-developer');
    // "<html>" names what is asked; "<b>" is formatting.
    expect((await say('do I need to know <html> and <css>?')).topic).toBe('skill:front-end-languages');
  });

  it('remote work is not in the articles (pay there is their general figures under a caveat); learning from home is', async () => {
    for (const line of ['can i get a fully remote backend job', 'do backend devs work remotely']) {
      const r = await say(line);
      expect(r.answered, line).toBe(false);
      expect(r.text, line).not.toContain('remote bootcamps');
    }
    const pay = await say('remote backend dev salary');
    expect(pay.answered).toBe(false);
    expect(pay.text).toMatch(/no pay for remote, hybrid or part-time work/);
    expect(pay.text).toContain('$124,303');
    await say('how much do backend devs make', { ...ana, userId: 'remote' });
    const after = await say('what about remote?', { ...ana, userId: 'remote' });
    expect(after.text).toMatch(/no pay for remote, hybrid or part-time work/);
    const home = await say('can i learn backend from home like fully remote');
    expect(home.answered).toBe(true);
    expect(home.text).toContain('remote bootcamps');
    // Self-employed pay is the articles' own (unpaid hours), not a setting they leave out.
    expect((await say('if im freelance is time finding clients paid?')).answered).toBe(true);
  });

  it('"what comes before step 4?" and "what should I learn before databases?" give the step before the one named', async () => {
    expect((await say('what comes before step 4')).topic).toBe('step:data-structures');
    expect((await say('what should I learn before databases')).topic).toBe('step:learn-framework');
    expect((await say('what comes before learning a framework')).topic).toBe('step:data-structures');
    // Getting ready for something is no step before it.
    expect((await say('what should i do before an interview')).topic).toBe('question:interview-preparation');
  });

  it('"what\'s the step before that?" after a roadmap step gives the one before it', async () => {
    await say('roadmap 4');
    const before = await say("what's the step before that?");
    expect(before.card.title).toMatch(/^Step 3 of 12/);
    expect((await say('previous step')).card.title).toMatch(/^Step 2 of 12/);
  });

  it('"and the one before?", "the one after?" go back and on from a step; "I\'m on step 5, what comes after?" is step 6', async () => {
    await say('what does step 8 cover');
    expect((await say('and the one before?')).card.title).toMatch(/^Step 7 of 12/);
    expect((await say('the one after?')).card.title).toMatch(/^Step 8 of 12/);
    expect((await say("i'm on step 5, what comes after")).card.title).toMatch(/^Step 6 of 12/);
    // After an article's own plan, its next point.
    await say('what are the 4 steps in the step-by-step guide?');
    expect((await say("ok i'm done with step 1. what now?")).text).toContain('Step 2: Begin your studies');
  });

  it('a program finished, with a question after it, is answered: what comes after the studies, or the question asked', async () => {
    for (const line of ['i finished a bootcamp, what should i do next', 'done with my degree, what comes after', 'finished my cs degree whats next']) {
      const r = await say(line);
      expect(r.topic, line).toBe('step:earn-experience');
      expect(r.answered, line).toBe(true);
    }
    const job = await say('just finished a bootcamp, how do i land my first backend job');
    expect(job.answered).toBe(true);
    expect(job.card.title).not.toBe('Well done!');
    // "Now what?" after it too; and a language finished goes on from the language step, not from
    // the portfolio step whose text says "completion".
    expect((await say('finished bootcamp. now what?')).topic).toBe('step:earn-experience');
    expect((await say('finished learning python, whats next')).topic).toBe('step:data-structures');
    expect((await say('im done with databases what now')).topic).toBe('step:apis-and-protocols');
    // "Now what?" with nothing said to be done asks what to do there.
    expect((await say('small company no promotions, now wat')).topic).toBe('question:promotion');
    // Said alone, it is still news to congratulate, and nothing is marked.
    expect((await say('i finished step 3')).text).toContain('Shall I mark step 3');
    // A question that starts with "did" is no news of a step done.
    const hooked = await say('Did most of these developers get hooked on computers young?', { ...ana, userId: 'hooked' });
    expect(hooked.card.title).not.toBe('Well done!');
    expect(hooked.text).toMatch(/early interest/i);
  });

  it('"the highest pay?" and "which is the highest?" after pay lead with that figure, read off the articles\' own numbers', async () => {
    const top = await say('Which source quotes the highest pay for very seasoned developers, and how much is it?');
    expect(top.text.split('\n')[1]).toContain('The highest figure at this level in the articles: around $167K (Back-End Developer Spotlight)');
    const low = await say("What's the lowest starting salary quoted anywhere in the material?");
    expect(low.text).toContain('The lowest figure at this level in the articles: around $61,042');
    await say('how much do juniors make');
    expect((await say('which is the highest?')).text).toContain('The highest figure at this level in the articles: around $101K');
    // The highest average is among the averages; a share of earners or a company is no figure of theirs.
    expect((await say('which source has the highest average salary?')).text).toContain('The highest figure at this level in the articles: $124,303 average (Indeed)');
    expect((await say('what do the top 10% of backend developers earn?')).text).not.toContain('figure in the articles');
    expect((await say('which is the highest paying role?')).text).not.toContain('figure in the articles');
    // A question that ranks nothing gets no such line.
    expect((await say('how much do backend devs make')).text).not.toContain('figure in the articles');
  });

  it('"what benefits usually come with it?" after a pay question is the benefits, not the pay again', async () => {
    await say("What's the average salary for a back-end developer in the U.S. according to Indeed?");
    expect((await say('what benefits usually come with it?')).topic).toBe('question:benefits');
  });

  it('"is that the same for full stack?" after pay asks that role\'s pay, as "and full stack?" does', async () => {
    const who = { ...ana, userId: 'samefor' };
    await say('how much do backend devs make', who);
    const full = await say('is that the same for full stack?', who);
    expect(full.topic).toBe('salary:fullstack-developer');
    expect(full.text).toContain('The articles give no salary figure for Full-Stack Developer');
    await say('how much do backend devs make', who);
    expect((await say('is that the same for frontend?', who)).text).toContain('$75,310');
  });

  it('"does that include government jobs?" after the benefits says the articles say no more, rather than showing the benefits again as if yes', async () => {
    await say('do backend devs get benefits');
    const government = await say('does that include government jobs?');
    expect(government.answered).toBe(false);
    expect(government.text).toContain('nothing about government');
    await say('how much do junior backend devs make');
    const bonuses = await say('does that include bonuses?');
    expect(bonuses.answered).toBe(false);
    expect(bonuses.text).toContain('nothing about bonuses');
    // Whatever the words find: "that" is the benefits, which never say tuition.
    await say('do backend devs get benefits');
    expect((await say('does that include tuition reimbursement?')).text).toContain('nothing about tuition reimbursement');
    await say('do backend devs get benefits');
    expect((await say('does that include health insurance?')).text).toContain('nothing about health insurance');
    // X with an answer of its own that says it is that answer, not "nothing about X".
    await say('what skills do i need?');
    expect((await say('does that include python?')).text).toContain('Python');
    await say('are bootcamps worth it?');
    expect((await say('is that the same for self-study?')).text).toContain('self-study');
    // Only "does that include / cover / apply to ...": other questions about the answer are answered.
    await say('how much does a backend developer make?');
    expect((await say('why is it so high?')).text).not.toContain('The answer before is all');
    await say('how much does a backend developer make?');
    expect((await say('is that in dollars?')).text).not.toContain('The answer before is all');
    // A word the answer holds is asked of it, and answered with it.
    await say('do backend devs get benefits');
    const stock = await say('does that include stock options?');
    expect(stock.topic).toBe('question:benefits');
    expect(stock.text).toContain('stock options');
    // A word that judges the answer asks about it: "is that good?" after pay keeps the figures (and the national median beside them).
    await say('how much do juniors make');
    const good = await say('is that good?');
    expect(good.answered).toBe(true);
    expect(good.text).toContain('56,310');
  });

  it('"tell me more" and "why?" show the entry just answered', async () => {
    await say('do i need a degree');
    const more = await say('tell me more');
    expect(more.topic).toBe('question:degree-needed');
    expect((await say('why?')).topic).toBe('question:degree-needed');
  });

  it('a question that stands alone is answered alone, not mixed with the one before', async () => {
    await say('salary entry');
    const r = await say('what is a bootcamp');
    expect(r.topic).not.toMatch(/^salary:/);
  });

  it('forgets the conversation after a few minutes', async () => {
    await say('roadmap 3');
    now = new Date(now.getTime() + TURN_TTL_MS + 1000);
    const r = await say('what next?');
    expect(r.topic).not.toBe('step:learn-framework');
  });

  it('nonsense after a question is not read as a follow-up of it', async () => {
    await say('what is kubernetes');
    const r = await say('asdfgh');
    expect(r.answered).toBe(false);
    expect(r.text).toMatch(/I don't know that yet/);
  });

  it('never crosses users or places', async () => {
    await say('roadmap 3');
    const bob: Context = { ...ana, userId: 'bob', userName: 'Bob' };
    expect((await say('what next?', bob)).topic).not.toBe('step:learn-framework');
    const elsewhere: Context = { ...ana, channelId: 'c2' };
    expect((await say('what next?', elsewhere)).topic).not.toBe('step:learn-framework');
    const otherServer: Context = { ...ana, communityId: 'g2' };
    expect((await say('what next?', otherServer)).topic).not.toBe('step:learn-framework');
    expect((await say('what next?')).topic).toBe('step:learn-framework');
  });

  it('keeps at most the configured number of conversations, dropping the oldest', () => {
    const c = new Conversations(TURN_TTL_MS, 2);
    const at = (userId: string) => ({ platform: 'slack' as const, communityId: 't', channelId: 'c', userId });
    c.remember(at('a'), { terms: ['x'], topic: 'step:a' }, now);
    c.remember(at('b'), { terms: ['x'], topic: 'step:b' }, now);
    c.remember(at('c'), { terms: ['x'], topic: 'step:c' }, now);
    expect(c.previous(at('a'), now)).toBeUndefined();
    expect(c.previous(at('c'), now)?.topic).toBe('step:c');
  });
});

describe('small talk', () => {
  it.each([
    ['hi', /Hi!/],
    ['hey there!', /Hi!/],
    ['thanks', /welcome/],
    ['what can you do?', /What I can do/],
    ['what do you know about', /What I can do/],
    ['yo whats up', /Hi!/],
    ['ok thx bye', /Good luck/],
    ['which articles do u use', /^Sources$/],
    ['whats ur name', /What I can do/],
    ['how are you', /Ready to help/],
    ['good morning bot how r u', /Ready to help/],
    ['are you chatgpt', /What I can do/],
    ['which article is most reliable', /^Sources$/],
    ['lol ok', /Anything else/],
    ['help me pls', /your guide to becoming a back-end developer/],
    ['help me out please', /your guide to becoming a back-end developer/],
    ['help me with salary', /^help salary$/],
    ['can you help me', /What I can do/],
    ['where does this info come from', /^Sources$/],
    ['who wrote the career karma article', /^Sources$/],
    ['who wrote these articles', /^Sources$/],
    ['who are the authors of the articles', /^Sources$/],
  ])('"%s" gets a short, right reply', async (line, title) => {
    const r = await say(line);
    expect(r.card.title).toMatch(title);
    expect(r.error).toBeUndefined();
  });

  it('"just finished learning sql" and "i finished step three" offer the step they name (not "Keep learning")', async () => {
    expect((await say('just finished learning sql')).text).toMatch(/Shall I mark step 5, Get current on databases/);
    expect((await say('i finished step three')).text).toMatch(/Shall I mark step 3,/);
  });

  it.each([
    'what questions are on the interview?',
    'do i need to install python to learn backend?',
    'i have a math background, how do i become a backend dev?',
    'should i learn python or go and get a degree?',
    'can i become a senior after 5 years?',
  ])('answers "%s" (a word of it is no refusal marker here)', async (q) => {
    expect((await say(q, { ...ana, userId: 'eager' })).answered).toBe(true);
  });

  it('"which one is best?" after a list is about the list, not which article to trust', async () => {
    const who = { ...ana, userId: 'whichone' };
    await say('which language should i learn?', who);
    expect((await say('which one is best?', who)).card.title).not.toBe('Sources');
  });

  it('"which article should I trust?" says the articles do not rate one another, and lists them', async () => {
    const r = await say('which article should i trust?');
    expect(r.text).toContain("The articles don't rate one another");
    expect(r.text).toContain('Career Karma');
    // Shown whole (as `more` or a door without short answers shows it), the text says it too.
    expect((await say('which article should i trust?', { ...ana, full: true })).text).toContain("The articles don't rate one another");
  });

  it('"where does this info come from" lists all four articles in the short answer', async () => {
    const r = await say('where does this info come from');
    for (const title of ['Learn About Being a Back-End Developer', 'Back-End Developer career spotlight', 'How to Become a Back End Developer', 'Guide to becoming a backend developer']) expect(r.text).toContain(title);
  });

  it('"I finished step 3" offers `done 3` and changes nothing', async () => {
    const r = await say('I finished step 3');
    expect(r.text).toMatch(/Shall I mark step 3/);
    expect(suggestionsOf(r).map((s) => s.command)).toContain('done 3');
    const progress = await say('progress');
    expect(progress.text).toMatch(/0\/12|no steps|none/i);
  });

  it('"yes" to "Shall I mark step 3?" marks it, once; "no" leaves progress as it is; "yes" with nothing offered is no question', async () => {
    await say('I finished step 3');
    const yes = await say('yes');
    expect(yes.text).toMatch(/Marked step 3/);
    expect((await say('progress')).text).toMatch(/1\/12/);
    expect((await say('yes')).card.title).toBe('Anything else?');
    await say('I finished step 4');
    expect((await say('no')).text).toMatch(/Left as it is/);
    expect((await say('yes')).card.title).toBe('Anything else?');
    expect((await say('progress')).text).toMatch(/1\/12/);
  });

  it('a number alone right after the roadmap list is that step; elsewhere it is still no question', async () => {
    await say('roadmap');
    expect((await say('2')).card.title).toMatch(/^Step 2 of 12: Learn a server-side programming language/);
    expect((await say("what's after that?")).card.title).toMatch(/^Step 3 of 12/);
    await say('how much do juniors make');
    expect((await say('2')).card.title).toBe('Not a suggestion');
  });

  it('"ok i know python and i get algorithms now" says which steps that covers and what is next; "what next?" follows on; nothing is marked', async () => {
    const r = await say('ok i know python and i get algorithms and data structures now');
    expect(r.text).toMatch(/That covers steps 2 and 3 of the roadmap\. Next: step 4, Learn a framework\./);
    expect(suggestionsOf(r).map((s) => s.command)).toEqual(['roadmap 4', 'done 2', 'done 3']);
    expect((await say('what next?')).text).toMatch(/^Step 4 of 12/);
    const said = await say("i learned a server side language and picked up django, i'm pretty comfy with it");
    expect(said.text).toMatch(/step 4 \(Learn a framework\)/);
    expect((await say('what should i work on after that?')).text).toMatch(/^Step 5 of 12/);
    expect((await say('progress')).text).toMatch(/0\/12|no steps|none/i);
  });

  it('"what next?" shows the step the reply before named as next: after steps 2 and 5 said, step 3; after done, the first step not done, and "how much do they make?" is no question about the step', async () => {
    const r = await say('i know python and sql now');
    expect(r.text).toContain('Next: step 3');
    expect((await say('what next?')).text).toMatch(/^Step 3 of 12/);
    const bo = { ...ana, userId: 'bo' };
    const marked = await say('done 3', bo);
    expect(marked.text).toContain('Next: step 1');
    expect((await say('what next?', bo)).text).toMatch(/^Step 1 of 12/);
    await say('done 2', bo);
    expect((await say('how much do they make?', bo)).topic).toBe('salary:backend-developer');
  });

  it('a statement of progress that is really a question, or names no step, is read as a question', async () => {
    expect((await say('i know python, is that enough?')).card.title).not.toBe('Well done!');
    expect((await say('i know a lot of people in tech')).card.title).not.toBe('Well done!');
  });

  it('"@everyone" alone, or Slack\'s <!here>, is a hello, not a question', async () => {
    for (const line of ['@everyone', '<!here>', '@here @everyone!', '<!channel|channel>']) expect((await say(line)).card.title, line).toBe('Hi!');
    // Before a question, a mass mention asks nothing: "<!here> what is step 3?" is the roadmap's step 3.
    expect((await say('<!here> what is step 3?')).topic).toBe('step:data-structures');
    expect((await say('hello?? anyone there')).card.title).toBe('Hi!');
  });

  it('"halp" and "roadmp 3" get "did you mean", not an answer about the last topic', async () => {
    await say('roadmap 3');
    const r = await say('halp');
    expect(r.error).toBe('unknown-command');
    expect(r.text).toMatch(/Did you mean "help"\?/);
    expect(suggestionsOf(r).map((s) => s.command)).toEqual(['help']);
    expect((await say('roadmp 3')).text).toMatch(/Did you mean "roadmap"\?/);
    // A short question still gets its answer.
    expect((await say('salery?')).answered).toBe(true);
  });

  it('"the last one?" and "and the first?" after a roadmap step are the roadmap\'s ends', async () => {
    await say('roadmap 3');
    expect((await say('the last one?')).card.title).toMatch(/^Step 12 of 12/);
    expect((await say('and the first?')).card.title).toMatch(/^Step 1 of 12/);
  });

  it('"more" after an answer shown whole says so; "more roadmap 99" says there is no step 99', async () => {
    await say('how much do juniors make');
    expect((await say('more')).text).toMatch(/already shown in full/);
    const none = await say('more roadmap 99');
    expect(none.text).toMatch(/there is no step 99/);
  });

  it('answers two questions asked in one line, each under its title; a second half leaning on the first is read whole', async () => {
    const who = { ...ana, userId: 'twoq' };
    const both = await say('how much do juniors make and do i need a degree', who);
    expect(both.card.title).toBe('Both of your questions');
    expect(both.text).toContain('$61,042');
    expect(both.text).toContain('Do I need a degree to become a back-end developer?');
    // The follow-up reads against the second question.
    expect((await say('what about a bootcamp?', who)).answered).toBe(true);
    // "... and what is that figure?" is one question about one thing.
    const one = await say('Does the starting wage beat the typical wage across all American workers, and what is that all-worker figure?', who);
    expect(one.card.title).not.toBe('Both of your questions');
    expect((await say('is backend hard and is it worth it', who)).card.title).not.toBe('Both of your questions');
    for (const one of ['I want to learn backend and how do I start?', 'which language should i learn? I am a total beginner with no experience.', "how many questions are on the aws certified developer exam and what's the passing score?"]) {
      expect((await say(one, who)).card.title, one).not.toBe('Both of your questions');
    }
  });

  it('"how much does a bootcamp cost?" says the articles give no prices, then what they say about cost first, and counts as not answered', async () => {
    const r = await say('how much does a bootcamp cost', { ...ana, userId: 'price' });
    // The price asked is not given: it reaches `unanswered`, as a partial answer does.
    expect(r.answered).toBe(false);
    expect(r.text).toContain('The articles give no prices');
    const list = r.card.children.find((n) => n.type === 'list');
    expect(list?.type === 'list' && list.items[0]).toContain('lower cost');
    // A comparison of cost is answered by its points, with no such word.
    const cheaper = await say('is a bootcamp cheaper than a degree?', { ...ana, userId: 'price' });
    expect(cheaper.text).not.toContain('no prices');
    expect(cheaper.answered).toBe(true);
  });

  it('"why?" after an answer shown in full says that is all the articles say, with the answer again (not another entry)', async () => {
    const who = { ...ana, userId: 'whyfull' };
    await say('who earns more front or back', who);
    const why = await say('why?', who);
    expect(why.topic).toBe('question:who-earns-more-frontend-or-backend');
    expect(why.text).toContain('That is all the articles say on this');
    expect(why.text).toContain('$81,161');
  });

  it('"tell me more" after "I don\'t know that yet" says there is no answer to show more of', async () => {
    const who = { ...ana, userId: 'moreafter' };
    await say('what is quantum gardening', who);
    const more = await say('tell me more', who);
    expect(more.answered).toBe(false);
    expect(more.card.title).toBe('Nothing more to show');
    // After an answer it is that answer in full, as before.
    await say("what's the salary", who);
    expect((await say('tell me more', who)).answered).toBe(true);
  });

  it('small talk is not recorded as an unanswered question', async () => {
    await say('hello');
    await say('thank you!');
    const list = await bot.dispatchText('unanswered', { ...ana, isModerator: true });
    expect(list.text).not.toMatch(/hello|thank/);
  });
});

describe('honest refusals', () => {
  /** Refused, with words saying why ("can't help write or debug code"); asked as `who` (by default the one person of these tests). */
  const refused = async (line: string, words: string | RegExp, who: Context = ana) => {
    const r = await say(line, who);
    expect(r.answered, line).toBe(false);
    expect(r.text, line).toMatch(words);
  };
  /** Each line its own person, so that no line reads as a follow-up of the one before. */
  const alone = (line: string): Context => ({ ...ana, userId: `alone-${line}` });

  it.each([
    'how do i become a registered pharmacist, what classes do i need',
    'my python script throws KeyError, how do i fix it',
    'how long to boil an egg',
    'who won the world cup',
    'how to write a for loop in java',
    'im 35 is it too late to switch to backend',
    'do backend devs work remote',
    'how much is the general assembly bootcamp',
    "What's the average age of back-end developers?",
    'explain big O notation with examples',
    'What 401(k) match do back-end developers usually get?',
    'which laptop should i buy for backend coding',
    'what will backend dev salaries be in 2030',
    'will backend devs even be needed in 2035 with all the AI stuff',
    // The articles name the certifications, not their exams; and give no install guides or fixes.
    "what's the passing score for the OCP MySQL developer exam?",
    "i get 'Cannot find module express' when i run node, what do i do?",
    'walk me through installing kubernetes on my laptop step by step',
    'how do i set env vars in node',
    // A price next year is a forecast the articles do not make.
    'will bootcamps be cheaper next year?',
    // The articles never speak of math; a skills list is no answer to it.
    'do i need to be good at math',
  ])('refuses "%s" even though some words match', async (q) => {
    const r = await say(q);
    expect(r.answered).toBe(false);
    expect(r.text).toMatch(/I don't know that yet/);
  });

  it('a laptop is chit-chat only as a purchase: running a server on your own laptop is the local environments', async () => {
    expect((await say('Which bundles for running a web server on your own laptop are mentioned?')).text).toContain('XAMPP');
    // Nor are languages places, nor Big O in an interview code help, nor women chit-chat.
    expect((await say('I go to indiana university, should I learn java?')).answered).toBe(true);
    expect((await say('do i need to know big o for backend interviews?')).answered).toBe(true);
    expect((await say('is backend development a good career for women?')).answered).toBe(true);
  });

  it('job growth by 2030 is the articles\' projection, not a guess', async () => {
    const growth = await say('will web dev jobs grow by 2030?');
    expect(growth.topic).toBe('outlook:job-outlook');
    expect(growth.text).toContain('13');
  });

  it('chit-chat offers no "closest topic" that shares none of its words; "do backend developers get a pension" gets the benefits the articles list', async () => {
    const movie = await say('whats ur favorite movie');
    expect(movie.answered).toBe(false);
    expect(movie.text).not.toContain('Closest topics');
    expect((await say('do backend developers get a pension')).topic).toBe('question:benefits');
    expect((await say('how do i write a for loop in python')).text).toContain("I can't help write or debug code");
  });

  it.each([
    ['how much does amazon pay backend engineers', /no figures for particular companies/],
    ['backend developer salary in london', /only national figures/],
    ['how much does a python developer earn?', /no figures for that technology/],
  ])('"%s": says what the articles do cover, and counts it as not answered', async (q, says) => {
    const r = await say(q);
    expect(r.answered).toBe(false);
    expect(r.text).toMatch(says);
    expect(r.text).toContain('$');
    const list = await bot.dispatchText('unanswered', { ...ana, isModerator: true });
    expect(list.text).toContain(q);
  });

  it('the caveat is the line\'s own: "and for entry level?" after python developer pay is the entry-level figures; "why?" after a caveat and a first line that only points back get "of what?"', async () => {
    expect((await say('python developer salary')).answered).toBe(false);
    const entry = await say('and for entry level?');
    expect(entry.answered).toBe(true);
    expect(entry.text).toContain('$61,042');
    await say('is java better than python?');
    const why = await say('why?');
    expect(why.answered).toBe(false);
    expect(why.text).not.toContain('Should I become');
    const first = await say('how long does that take?', { ...ana, userId: 'points-back' });
    expect(first.answered).toBe(false);
    expect(first.text).toContain('Of what?');
  });

  it('a how-to the best entry barely covers is refused with its reason, not shown under a caveat', async () => {
    const r = await say('how do I configure nginx reverse proxy caching headers');
    expect(r.answered).toBe(false);
    expect(r.text).toContain("The articles don't teach how a technology works or how to set it up");
    expect(r.text).toContain('Web servers (Apache, NGINX)');
  });

  it.each([
    ['the article says backend devs make 200k right?', /^No: no article gives \$200,000\. Their figures for Back-End Developers run from around \$61,042/],
    ['indeed says entry level is 124k correct?', /^No: \$124,303 average \(Indeed\) is overall \(all levels\), not entry level\./],
    ['so juniors make like 101k right?', /^Yes: around \$101K \(Back-End Developer Spotlight\), entry level\./],
  ])('"%s": a sum said is checked against the figures, yes or no first', async (q, lead) => {
    const r = await say(q);
    expect(r.answered).toBe(true);
    const first = r.card.children.find((n) => n.type === 'text');
    expect(first && 'text' in first ? first.text : '').toMatch(lead);
  });

  it.each([
    // Near Indeed's figure is not the question: the line is 100k, and Indeed's average clears it.
    ['is the indeed average over 100k?', /^Overall \(all levels\): \$124,303 average \(Indeed\) is above \$100,000\.$/],
    ["Does PayScale's overall average land above or below eighty thousand dollars?", /^Overall \(all levels\): \$81,161 average \(PayScale, cited by Career Karma\) is above \$80,000\.$/],
    ['do junior backend devs make six figures?', /^Entry level: around \$101K \(Back-End Developer Spotlight\) is above \$100,000; around \$61,042 .* is below \$100,000/],
    // The sum after the line, not the first one typed.
    ["Is Indeed's $124,303 over 100k?", /^Overall \(all levels\): \$124,303 average \(Indeed\) is above \$100,000\.$/],
  ])('"%s": each figure said against the sum, no yes or no about a figure near it', async (q, lead) => {
    const r = await say(q);
    expect(r.answered).toBe(true);
    const first = r.card.children.find((n) => n.type === 'text');
    expect(first && 'text' in first ? first.text : '').toMatch(lead);
  });

  it.each([
    ['what are the benefits of certifications?', 'Are certifications worth it?'],
    ['upsides of a bootcamp?', 'Coding bootcamps'],
    // The job's own benefits stay the job's.
    ['what are the benefits of being a backend dev?', 'What benefits do back-end developers get?'],
    ['what benefits to expect as a backend dev?', 'What benefits do back-end developers get?'],
  ])('"%s": the good of a thing is why it is worth having, not the job\'s perks', async (q, title) => {
    const r = await say(q);
    expect(r.answered).toBe(true);
    expect(r.card.title).toBe(title);
  });

  it.each([
    // A word before the asking word is no name asked about.
    ['Honestly, is Python a good pick or not?', /^Yes: the articles name Python/],
    ['Decisiveness — on the spotlight\'s soft-skill list or not?', /^Yes: the articles name Decisiveness/],
  ])('"%s": the yes of a listing question, read after its asking word', async (q, lead) => {
    const r = await say(q);
    const first = r.card.children.find((n) => n.type === 'text');
    expect(first && 'text' in first ? first.text : '').toMatch(lead);
  });

  it('"does HTML count as a server-side language?" asks a kind, which naming does not settle: no yes', async () => {
    const r = await say('Does HTML count as a server-side language?');
    expect(r.text).not.toMatch(/^Yes:/m);
  });

  it('"is $60k a good salary for a junior?" judges a sum, which the articles never do: the figures, with no yes or no', async () => {
    const r = await say('is $60k a good salary for a junior backend dev?');
    expect(r.text).toContain('$61,042');
    expect(r.text).not.toMatch(/^(?:Yes|No):/m);
  });

  it.each(['how do i become a frontend developer', 'how do I become a DBA?', 'what are the steps to become a devops engineer'])('"%s": the articles explain only the back-end way in; the role card comes under that caveat, not answered', async (q) => {
    const r = await say(q);
    expect(r.answered).toBe(false);
    expect(r.text).toContain('The articles explain how to become a back-end developer only');
    expect(r.text).toMatch(/\(Indeed\)|\(Career Karma\)|\(Back-End Developer Spotlight\)/);
  });

  it('"more" after another role\'s way in shows the whole card under the same caveat, still not answered', async () => {
    await say('how do i become a frontend developer');
    const more = await say('more');
    expect(more.answered).toBe(false);
    expect(more.text).toContain('The articles explain how to become a back-end developer only');
    expect(more.text).toContain('Duties');
  });

  it.each(['how do i become a backend developer', 'what does a dba do', 'how does a frontend developer differ from a backend one'])('"%s" is answered as before (no way-in caveat)', async (q) => {
    const r = await say(q);
    expect(r.answered).toBe(true);
    expect(r.text).not.toContain('The articles explain how to become a back-end developer only');
  });

  it.each([
    ['Which is higher: the Indeed average or the Spotlight median?', /^The spotlight's \$132K median is higher than Indeed's \$124,303 average\.$/],
    ["is payscale's average lower than indeed's?", /^PayScale's \$81,161 average is lower than Indeed's \$124,303 average\.$/],
    ["is indeed's average lower than payscale's?", /^PayScale's \$81,161 average is lower than Indeed's \$124,303 average\.$/],
    ['indeed vs payscale average, which is lower', /^PayScale's \$81,161 average is lower than Indeed's \$124,303 average\.$/],
    ['is the indeed average higher or lower than payscale?', /^Indeed's \$124,303 average is higher than PayScale's \$81,161 average\.$/],
  ])('"%s": two sources weighed, the answer first, read off their figures', async (q, lead) => {
    const r = await say(q);
    expect(r.answered).toBe(true);
    const first = r.card.children.find((n) => n.type === 'text');
    expect(first && 'text' in first ? first.text : '').toMatch(lead);
  });

  it('two sources weighed at a level, or after a level, get no verdict read off the overall figures (a review found a false "Yes")', async () => {
    // Nor any verdict where the order is not all that is asked (a second review found false "Yes"es).
    for (const q of ["is the spotlight's starting salary higher than indeed's average?", "is payscale's entry level lower than indeed's average?", "is indeed's average more than double payscale's?", "is payscale's average not lower than indeed's average?"]) {
      expect((await say(q)).text, q).not.toMatch(/is (?:higher|lower) than/);
    }
    await say('entry level salary');
    expect((await say('which is higher, the spotlight or payscale?')).text).not.toMatch(/\$132K median is higher/);
  });

  it.each([
    ['is java better than python?', /never compare or rank these/, /Java/],
    ['how does a hash table work?', /don't teach how it works/, /data structures/],
  ])('"%s": the articles name it but do not answer it: it says so, shows what they say, and counts it as not answered', async (q, says, shows) => {
    const r = await say(q);
    expect(r.answered).toBe(false);
    expect(r.text).toMatch(says);
    expect(r.text).toMatch(shows);
    const list = await bot.dispatchText('unanswered', { ...ana, isModerator: true });
    expect(list.text).toContain(q);
  });

  it('pay by the hour or month, or in a U.S. state, says what the articles give; "what about london?" after pay in Germany keeps the caveat', async () => {
    const hourly = await say('what do they make an hour');
    expect(hourly.answered).toBe(false);
    expect(hourly.text).toContain('The articles give yearly pay only, nothing by the hour or the month.');
    expect(hourly.text).toContain('$124,303');
    expect((await say('salary in texas')).text).toContain('nothing for other countries, states or cities');
    await say('how much do backend devs make in germany');
    const london = await say('what about london?');
    expect(london.topic).toBe('salary:backend-developer');
    expect(london.text).toContain('only national figures');
    // Working hours are no pay question.
    expect((await say('how many hours a week do backend devs work')).topic).toBe('question:schedule');
    expect((await say('yo how much bread do backend ppl pull')).topic).toBe('salary:backend-developer');
  });

  it('`salary in india` typed as a command says the articles give only national figures, and shows them; `role fronted` is still a typo', async () => {
    const r = await say('salary in india');
    expect(r.text).toContain('The articles give only national figures');
    expect(r.text).toContain('$124,303');
    expect(r.answered).toBe(false);
    expect((await say('salary at google')).text).toContain('no figures for particular companies');
    // A role named with the place keeps the role, and the caveat.
    const dba = await say('salary dba in london');
    expect(dba.card.title).toBe('Database Administrator (DBA) salary');
    expect(dba.text).toContain('The articles give only national figures');
    expect((await say('salary backend in india')).text).toContain('The articles give only national figures');
    expect((await say('how much do backend devs earn in mumbai')).text).toContain('The articles give only national figures');
    // A company that a card names (Google PageSpeed) does not make a job at Google that card's topic.
    expect((await say('does microsoft hire backend developers')).answered).toBe(false);
    const job = await say('how do I get a job at google');
    expect(job.answered).toBe(false);
    expect(job.text).toContain('The articles say nothing about particular companies');
    expect((await say('role fronted')).text).toMatch(/I don't know a role called "fronted"\. Did you mean: Front-End Developer/);
    // A sentence that starts with a command's name and names two things the command cannot read
    // is still read as a question.
    const both = await say('Compare the AWS and Azure certifications.');
    expect(both.answered).toBe(true);
    expect(both.text).toMatch(/AWS/);
  });

  it('pay of a rank above senior (CTO, IT director) says the articles give none, and counts as unanswered; the ranks themselves are answered', async () => {
    // Only pay: the ranks are where the career ladder leads, and other questions naming them are answered.
    for (const q of ['what is the path to lead software engineer?', 'my IT director says I need a degree, is that true?', 'what does a chief technology officer do']) {
      const r = await say(q);
      expect(r.answered, q).toBe(true);
      expect(r.text, q).not.toContain('above senior');
    }
    for (const q of ['how much does a cto make', 'how much does an IT director earn', 'lead software engineer pay']) {
      const r = await say(q);
      expect(r.answered, q).toBe(false);
      expect(r.text, q).toContain('no pay for roles above senior');
    }
    const ladder = await say('can a backend developer become a CTO?');
    expect(ladder.answered).toBe(true);
    expect(ladder.text).toContain('Chief Technology Officer');
  });

  it.each([
    ['is kotlin used on the server side', "The articles don't mention that technology"],
    ['what is the difference between Django and Spring', "The articles don't mention that technology"],
    ['what AI model are you', 'outside what the articles cover'],
    ['do you store my conversations', 'outside what the articles cover'],
    ["what's the backend developer unemployment rate", 'outside what the articles cover'],
    ['will chatgpt take back-end developer jobs', 'outside what the articles cover'],
    ['backend vs data engineering pay, which is higher', 'say nothing about that profession'],
    ['what does a site reliability engineer do', 'say nothing about that profession'],
    ['docker container exits with code 137 what does it mean', "I can't help write or debug code"],
    ['average salary for a back-end developer at JPMorgan Chase', 'The articles give no figures for particular companies'],
    // A second attacker (stop 33):
    ['what questions does google ask in backend interviews', 'The articles say nothing about particular companies'],
    ['is the job market going to recover next year', 'The articles make no prediction for that'],
    ['will the job market recover', 'The articles make no prediction for that'],
    ['will there be layoffs in 2025', 'The articles make no prediction for that'],
    ['how much do java backend developers make', 'The articles give no figures for that technology'],
    ['is the cka worth it', "The articles don't mention that technology"],
    ["what's the best linux distro for servers", "The articles don't mention that technology"],
    ['how do i connect node.js to postgres', "The articles don't teach how it works or how to set it up"],
    ['mongo or postgres which is better', 'The articles never compare or rank these'],
    // Course sites and local environments are only listed, with no word on which to pick, even for a learner.
    ['is udemy or coursera better for learning back end development', 'The articles name these but never compare or rank them'],
    ['is XAMPP better than WampServer?', 'The articles name these but never compare or rank them'],
    ['udemy vs coursera?', 'The articles name these but never compare or rank them'],
    // Indeed here is a job board weighed against another, not the article asked as a source.
    ['is glassdoor better than indeed?', 'The articles name these but never compare or rank them'],
    // A third prober's near-scope lines (stop 38): a detail the articles never give of what they name.
    ['What year did HTTP/3 become an official standard?', "The articles don't say when it came out"],
    ['how many interview rounds does a typical back end dev job have', "The articles don't say how many interview rounds"],
    ['Is Bloc.io still taking new students?', 'The articles say no more of Bloc.io than this'],
    ['How many back-end developers are employed in the US right now?', "The articles don't say how many people work there"],
    ['Is Sass considered a server-side CSS preprocessor?', "The articles don't mention that technology"],
    ["I'm deaf. What accommodations can I ask for in a back-end developer interview?", 'outside what the articles cover'],
    ['Which US city pays back-end developers the most?', 'nothing for other countries, states or cities'],
    // A practice question asked as a how-to, with no word of the interview: its model answer.
    ['How do you actually solve a deadlock?', 'The articles give practice questions, not model answers'],
    ["How do you find an application's expensive queries step by step?", 'The articles give practice questions, not model answers'],
    ['How exactly does Docker work under the hood?', "The articles don't teach how it works or how to set it up"],
    ['why does my code keep crashing with a null pointer?', "I can't help write or debug code"],
    ['is django dying', 'The articles make no prediction about where a technology is going'],
    ['what is a load balancer', "The articles don't mention that technology"],
    ['whats the difference between put and patch', "The articles don't mention that technology"],
    ['does the aws cert expire', 'outside what the articles cover'],
    ['is WGU a good online degree for backend', 'say nothing about that university, college or bootcamp'],
    ['what time is it', 'outside what the articles cover'],
  ])('"%s" is not answered as if the articles covered it (an attacker helper found each answered)', async (q, words) => {
    const r = await say(q, { ...ana, userId: `oos-${q.length}` });
    expect(r.answered).toBe(false);
    expect(r.text).toContain(words);
  });

  it('"and for seniors?" after an answer that never speaks of seniors says that is all the articles say (not what comes after senior)', async () => {
    const user = { ...ana, userId: 'seniors' };
    await say('what does a backend developer do', user);
    const r = await say('and for seniors?', user);
    expect(r.answered).toBe(false);
    expect(r.text).toContain('they say nothing about seniors there');
    // After pay, or an answer that speaks of seniors, it is that answer's level.
    await say('how much do backend devs make', user);
    expect((await say('what about seniors?', user)).card.title).toBe('Back-End Developer salary: experienced');
    await say('how long does it take to become a backend dev', user);
    expect((await say('and for seniors?', user)).topic).toBe('learning:how-long');
  });

  it('"how do I pick between them?" after the frameworks asks how to choose among them, which that answer says', async () => {
    const user = { ...ana, userId: 'pick' };
    await say('which frameworks are good for a newbie on the server side?', user);
    const r = await say('how do I pick between them?', user);
    expect(r.topic).toBe('skill:web-frameworks');
    expect(r.text).toContain('languages you know');
    await say('which frameworks are good for a newbie on the server side?', user);
    expect((await say('which one should I start with?', user)).text).toContain('languages you know');
  });

  it('"what\'s the quickest?" after the ways to learn asks how long each takes (not REST, "the fastest route to employment")', async () => {
    const user = { ...ana, userId: 'quickest' };
    await say('which path gets me working soonest, a bootcamp or a degree?', user);
    expect((await say("what's the quickest?", user)).topic).toBe('learning:how-long');
  });

  it('"how does entry-level pay compare to it?" after the national median weighs the two (not front against back end)', async () => {
    const user = { ...ana, userId: 'median' };
    await say('what is the national median salary for all jobs?', user);
    const r = await say('how does entry-level backend pay compare to it?', user);
    expect(r.topic).toBe('salary:all-occupations');
    expect(r.text).toContain('$5,000');
  });

  it('"what\'s in the middle?" and "and at the top?" after the pay range are its levels (not community college, "the middle ground")', async () => {
    const user = { ...ana, userId: 'range' };
    await say("what's the career profile's salary range?", user);
    expect((await say("what's in the middle?", user)).card.title).toBe('Back-End Developer salary: mid-career');
    const top = await say('and at the top?', user);
    expect(top.card.title).toBe('Back-End Developer salary: experienced');
    expect(top.text).toContain('$167K');
  });

  it('"how long does that take?" asks the time of the answer before when it gives one; "what if ..." follows up', async () => {
    const user = { ...ana, userId: 'take' };
    await say('community college for backend, is that a thing?', user);
    const cc = await say('how long does that take?', user);
    expect(cc.topic).toBe('learning:community-college');
    await say('how do i get promoted as a backend dev?', user);
    expect((await say('what if my company is tiny?', user)).topic).toBe('question:promotion');
    // A word the answer before holds ("ranking": U.S. News's) is asked of it; another entry's name is not.
    await say('how do i pick a cs program?', user);
    const ranking = await say('any ranking to start from?', user);
    expect(ranking.topic).toBe('learning:choosing-a-cs-program');
    expect(ranking.text).toContain('U.S. News');
    // "Anything about ..." opens a follow-up as "what about ..." does: its short answer shows that point.
    await say('how do i choose a cs program?', user);
    expect((await say('anything about rankings?', user)).text).toContain('U.S. News');
    // So does "according to ...": the question before, by other sources.
    await say('which server-side languages does Indeed mention?', user);
    expect((await say('according to the other articles?', user)).text).toContain('PHP');
    await say('how should i set up my resume for backend jobs?', user);
    expect((await say('and the cover letter?', user)).topic).toBe('question:cover-letter');
  });

  it('"how\'s that different from a backend dev?" after another role\'s card is what that card says of it', async () => {
    const user = { ...ana, userId: 'differs' };
    await say('what does a backend engineer do?', user);
    const r = await say("how's that different from a regular backend dev?", user);
    expect(r.topic).toBe('role:backend-engineer');
    expect(r.text).toContain('more innovative and creative projects');
  });

  it('a pay comparison naming another role is that role\'s pay: the articles compare only front end and back end', async () => {
    const user = { ...ana, userId: 'earns-more' };
    await say('what is a full stack developer', user);
    const r = await say('do they earn more?', user);
    expect(r.answered).toBe(false);
    expect(r.text).toContain('The articles give no salary figure for Full-Stack Developer');
    expect((await say('do database administrators earn more than backend devs?', user)).text).toContain('no salary figure for Database Administrator');
    // "They", compared with a role named after another role's card: the role shown, not front vs back.
    await say('what does a database administrator do', user);
    expect((await say('do they earn more than backend devs?', user)).text).toContain('no salary figure for Database Administrator');
    // "Better paid" compares pay as "earns more" does.
    expect((await say('is full stack better paid than backend?', { ...ana, userId: 'earns-more-3' })).text).toContain('no salary figure for Full-Stack Developer');
    // Front end against back end is the comparison the articles make.
    await say('what is a front end developer', user);
    expect((await say('do they earn more?', user)).topic).toBe('question:who-earns-more-frontend-or-backend');
    expect((await say('do backend devs make more than frontend ones??', { ...ana, userId: 'earns-more-2' })).topic).toBe('question:who-earns-more-frontend-or-backend');
  });

  it('"the second one" after a list is that item: its own answer, led by the item; the list again when it has none', async () => {
    const user = { ...ana, userId: 'ordinal' };
    await say('what types of backend careers does career karma list?', user);
    const last = await say('tell me more about the last one', user);
    expect(last.topic).toBe('role:solutions-architect');
    expect(last.text).toContain('The last one: solutions architects.');
    await say('what are common interview questions', user);
    expect((await say('how do i answer the third one?', user)).topic).toBe('question:interview-deadlock');
    // An item with no entry of its own (a job board): the item first, then the list it is on.
    await say('which job boards should i use', user);
    const board = await say('the second one?', user);
    expect(board.text).toContain('The second one: Monster.');
    expect(board.topic).toBe('question:where-to-find-jobs');
    // The list the question asked about, not the first list of the answer (the duties).
    await say('what additional responsibilities do back-end devs have?', user);
    const extra = await say("what's the last one?", user);
    expect(extra.text).toContain('The last one: on-call incident response and management.');
    // After "which one did you mean?", the option at that place.
    const which = await say('my son is thinking about a CS degree for backend', user);
    const options = which.card.children.find((n) => n.type === 'list');
    const second = options?.type === 'list' ? options.items[1] : undefined;
    expect(second).toBeDefined();
    expect((await say('the second one', user)).card.title).toBe(second);
    // After the roadmap and an article's numbered plan: that step.
    await say('roadmap', user);
    expect((await say('the last one?', user)).topic).toBe('step:keep-learning');
    await say('what are the steps in the indeed article', user);
    expect((await say('the fourth one?', user)).text).toContain('Learn a framework');
    // "Any of those ... security?" after other careers: the one item that says so.
    await say("i'm not sure back end dev is for me, what else could i do?", user);
    const security = await say('any of those focus on security?', user);
    expect(security.topic).toBe('role:information-security-analyst');
    expect(security.text).toContain('On that list: Information Security Analysts.');
    // "And the third one?" goes on through the same list; a source on it is no question about its article.
    await say('what are the alternative careers', user);
    await say('the second one?', user);
    expect((await say('and the third one?', user)).topic).toBe('role:computer-support-specialist');
    const boards = { ...ana, userId: 'ordinal-boards' };
    await say('which job boards are there?', boards);
    const indeed = await say('tell me about the first one', boards);
    expect(indeed.topic).toBe('question:where-to-find-jobs');
    expect(indeed.text).toContain('The first one: Indeed.');
    // "The best first one to learn" is no pick by place.
    await say('what certifications should i get', user);
    expect((await say('which is the best first one to get?', user)).text).not.toContain('The first one:');
    // With no list before it, "the first one" picks nothing.
    expect((await say('the first one', { ...ana, userId: 'ordinal-2' })).text).not.toContain('The first one:');
  });

  it('a company the articles name, as an employer; trivia; a year past theirs; a course site or technology they never name: refused', async () => {
    // Meta, Microsoft, Career Karma are in the articles, but not as places to work.
    await refused('what is it like to work at Microsoft as a backend developer?', 'particular companies');
    await refused('how much does Meta pay a junior backend engineer?', 'no figures for particular companies');
    await refused('is Career Karma a good company to work for?', 'particular companies');
    await say('how much do backend devs make', { ...ana, userId: 'at-meta' });
    await refused('and at Meta?', 'no figures for particular companies', { ...ana, userId: 'at-meta' });
    // Working somewhere is no question about the company; Indeed is a job board; other entities are no companies.
    expect((await say('is the azure certification useful if I work at amazon?')).topic).toBe('learning:azure-developer-certification');
    expect((await say('are there many backend jobs at indeed?')).topic).toBe('step:job-search');
    expect((await say("what's the salary at indeed?")).topic).toBe('salary:backend-developer');
    expect((await say('is a large corporation a good place to work at?')).topic).toBe('question:where-do-backend-developers-work');
    // Who made the articles' figures, or a tool they name, is theirs to say; a year inside their projection is no prediction.
    expect((await say('who made the job outlook projection?')).topic).toBe('outlook:job-outlook');
    await say('what is the job outlook?', { ...ana, userId: 'near' });
    expect((await say('what about 2028?', { ...ana, userId: 'near' })).topic).toBe('outlook:job-outlook');
    // Netflix as the articles' own example is that example (the role card's), not a company question.
    expect((await say('the netflix example was about what')).topic).toBe('role:backend-developer');
    // A company named as a thing's maker is no question about the company; its pay or hiring is.
    expect((await say("Is Microsoft's .NET among the technical skills listed?")).topic).toBe('skill:server-side-languages');
    await refused("what's Amazon's starting salary for an SDE 1?", 'no figures for particular companies');
    await refused("what is microsoft's interview like", 'particular companies');
    // As a certificate's maker they are still themselves.
    expect((await say('does meta offer a certificate for backend?')).topic).toBe('learning:meta-back-end-developer-certificate');
    await refused('what year was Rails created', 'outside what the articles cover');
    await refused('who designed the HTTP/3 protocol?', 'outside what the articles cover');
    expect((await say('when was the indeed article written?')).topic).toBe('question:articles-dates');
    expect((await say('who owns mysql?')).topic).toBe('learning:ocp-mysql-developer');
    await say('what is the job outlook?', { ...ana, userId: 'far' });
    await refused('and for 2040?', 'no prediction', { ...ana, userId: 'far' });
    await refused('is freeCodeCamp enough to get a backend job?', 'say nothing about that');
    await refused('should I learn Scala for backend jobs?', "don't mention that technology");
    await refused('how much tax will I pay on a $100k salary?', 'outside what the articles cover');
    // "Tax-advantaged" is the health savings account.
    expect((await say('what tax-advantaged medical perk do backend devs get?')).topic).toBe('question:benefits');
  });

  it('a task for the bot (code to write or fix, a design for my app, a quoted error) is refused as one; a resume, a roadmap or a how-to is not', async () => {
    for (const line of ['can u write a python function that reverses a linked list', 'fix my SQL: SELECT name, COUNT(*) FROM users WHERE COUNT(*) > 5 GROUP BY name', 'design a database schema for my e-commerce app with orders, products and customers', 'Laravel says "419 Page Expired" every time I submit a form']) {
      await refused(line, "can't help write or debug code", alone(line));
    }
    // The articles' own help: a resume to fix, a roadmap to make, a how-to asked of the field.
    expect((await say('fix my resume', alone('fix my resume'))).topic).toBe('question:resume');
    expect((await say('create a roadmap for my project', alone('create a roadmap for my project'))).answered).toBe(true);
    // A how-to is the articles' to refuse as a how-to (what they say of it, under that line), not as a task.
    await refused('how do I write a function in python?', "don't teach how it works", alone('how do I write a function in python?'));
  });

  it('a sentence of background (who asks) marks nothing; the same word in the question still does', async () => {
    const nurse = await say("I'm a nurse thinking about switching. Do two-year schools offer anything shorter than a full degree?", alone('nurse'));
    expect(nurse.answered).toBe(true);
    expect(nurse.topic).toBe('learning:community-college');
    // Said again where the question is, the profession is what is asked.
    expect((await say("I'm a nurse. How much do nurses make?", { ...ana, userId: 'nurse-pay' })).answered).toBe(false);
    // Only a profession: a chat word there is what the question asks of ("pay it off": the mortgage).
    expect((await say('My mortgage is due. should i pay it off before a bootcamp?', { ...ana, userId: 'mortgage' })).answered).toBe(false);
    // A sentence that asks is no background, however it opens.
    expect((await say("I'm a nurse, how much do they make?", { ...ana, userId: 'nurse-2' })).answered).toBe(false);
    // "What are you doing" inside a question is no small talk.
    expect((await say('When you fill out a form or search online, what are you doing to a database?', { ...ana, userId: 'form' })).topic).toBe('skill:databases');
  });

  it('a misspelt company or profession is refused as the name typed right would be; a dotted name is one word to "when did it come out"', async () => {
    await refused('how much does googel pay a new grad backend engineer', 'particular companies', alone('googel'));
    await refused('how much does a nurce make', 'say nothing about that profession', alone('nurce'));
    await refused('what year did Nest.js first come out', 'outside what the articles cover', alone('nest'));
    // A price asked as "charge" is the same price the articles never give as "how much does it cost".
    const charge = await say('what does General Assembly charge for its software engineering bootcamp', alone('charge'));
    expect(charge.answered).toBe(false);
    expect(charge.text).toBe((await say('how much does general assembly cost', alone('cost'))).text);
  });

  it('where the asker comes from is background: "I\'m a security guard, can I become a backend dev?" is about becoming one', async () => {
    expect((await say("I'm a barista, how long would it take me to become a backend developer?")).topic).toBe('learning:how-long');
    const guard = await say("I'm a security guard, can I become a backend developer?");
    expect(guard.answered).toBe(true);
    expect(guard.topic).toBe('question:how-to-become-a-backend-developer');
    // "Non-tech" is no NoSQL ("non-relational").
    expect((await say('is it possible to switch into backend from a non-tech job?')).text).not.toContain('NoSQL');
    expect((await say('how do I become a security guard?')).answered).toBe(false);
  });

  it('two short questions sure of their entries, an idle "it", "they" for back-end developers: each half answered', async () => {
    const rest = await say('what is REST and what is gRPC?', { ...ana, userId: 'two-1' });
    expect(rest.topic).toBe('skill:rest');
    expect(rest.text).toContain("The articles don't mention that technology. This answers your other question.");
    const owasp = await say('what is OWASP and who founded it?', { ...ana, userId: 'two-2' });
    expect(owasp.topic).toBe('skill:security');
    const hard = await say('is backend hard and how long does it take', { ...ana, userId: 'two-3' });
    expect(hard.card.title).toBe('Both of your questions');
    expect(hard.text).toContain('three months to four years');
    expect((await say('how much do backend devs make and what benefits do they get', { ...ana, userId: 'two-4' })).text).toMatch(/\$124,303[\s\S]*stock options/);
    // "They" after a company is the company: refused whole, as before.
    expect((await say('does netflix hire junior backend devs and what do they pay', { ...ana, userId: 'two-5' })).answered).toBe(false);
    // "It" after a half about something else is that thing: no time is given for the Meta certificate.
    expect((await say('what is the meta certificate and how long does it take?', { ...ana, userId: 'two-7' })).text).not.toContain('three months to four years');
    // A short half that only half-matches is no question of its own.
    expect((await say("how many questions are on the aws certified developer exam and what's the passing score?", { ...ana, userId: 'two-6' })).answered).toBe(false);
  });

  it('two questions in one line, one of them outside the articles: that one is said so, the other answered', async () => {
    // A company half whose words half-match an entry (Google's PageSpeed tool) is read with the whole line: refused, never "Both of your questions".
    const google = await say('whats the hiring process for backend engineers at google? how many interview rounds', { ...ana, userId: 'half-1' });
    expect(google.answered).toBe(false);
    expect(google.text).toContain('say nothing about particular companies');
    const kotlin = await say('what language should I learn? is kotlin good?', { ...ana, userId: 'half-4' });
    expect(kotlin.topic).toBe('step:learn-language');
    expect(kotlin.text).toContain("The articles don't mention that technology. This answers your other question.");
    // Google's PageSpeed tool is in the articles: no "nothing about particular companies" over it.
    const pagespeed = await say('what is google pagespeed insights? which speed testers should i use?', { ...ana, userId: 'half-3' });
    expect(pagespeed.topic).toBe('skill:speed-testing');
    expect(pagespeed.text).not.toContain('particular companies');
    const outlook = await say('what is the job outlook? is unemployment high?', { ...ana, userId: 'half-2' });
    expect(outlook.topic).toBe('outlook:job-outlook');
    expect(outlook.text).toContain('Part of what you asked is outside what the articles cover.');
  });

  it('the words those refusals key on still leave questions the articles answer alone', async () => {
    for (const [q, topic] of [
      // A reviewer helper found each of these refused by a first, broader phrase list.
      ['I want to invest my time in learning SQL', 'skill:sql'],
      ['do backend developers protect data privacy', 'skill:security'],
      ['what year was the indeed article published', 'question:articles-dates'],
      ['who owns mysql', 'learning:ocp-mysql-developer'],
      ['how many developers are there needed by 2030', 'outlook:job-outlook'],
      ['how do I get a raise or promotion', 'question:promotion'],
      ['how do I write a sql query to find expensive queries', 'question:interview-expensive-queries'],
      ['i learned some python last spring, is django a good framework?', 'question:which-framework-to-learn'],
      ['will there be more backend jobs in 2030', 'outlook:job-outlook'],
      ['what will i make in five years', 'salary:backend-developer'],
    ] as const) expect((await say(q, { ...ana, userId: `in-${q.length}` })).topic, q).toBe(topic);
  });

  it('a school or a technology the articles never mention is refused in plain words; its pay gets the U.S. figures the articles have', async () => {
    const rust = await say('Is Rust or Go better for building microservices?');
    expect(rust.answered).toBe(false);
    expect(rust.text).toContain("The articles don't mention that technology");
    const mit = await say("what's the tuition at MIT for computer science?");
    expect(mit.answered).toBe(false);
    expect(mit.text).toContain('The articles say nothing about that university, college or bootcamp');
    // Whether AI will replace developers is a prediction the articles do not make; AI as a trend they cover.
    const replace = await say('will ai replace backend devs by 2035??');
    expect(replace.answered).toBe(false);
    expect(replace.text).toContain('Closest topics: What are the current trends in back-end development?');
    expect((await say('is ai a trend in backend')).topic).toBe('question:trends');
    // A greeting with a mass mention is a greeting; a data engineer is another profession.
    expect((await say('hi @everyone')).card.title).toBe('Hi!');
    expect((await say('ok what about a data engineer')).text).toContain('say nothing about that profession');
    // A bootcamp the articles never name is no generic bootcamp question.
    const camp = await say('how much does App Academy bootcamp cost');
    expect(camp.answered).toBe(false);
    expect(camp.text).toContain('The articles say nothing about that university, college or bootcamp');
    const pay = await say('how much do rust devs make');
    expect(pay.answered).toBe(false);
    expect(pay.text).toContain('The articles give no figures for that technology. Here is what they do give:');
    expect(pay.text).toContain('$124,303');
  });

  it('a company that is part of a topic is not refused: the Amazon cloud certification', async () => {
    const r = await say('is the amazon web services developer certification worth it');
    expect(r.answered).toBe(true);
  });

  it('"which is higher?" after two sources\' pay compares the figures; "and the top?" after pay is its highest level', async () => {
    const user = { ...ana, userId: 'figures-compared' };
    await say("what's the average backend salary per Indeed?", user);
    await say("and PayScale's?", user);
    const higher = await say('which is higher?', user);
    expect(higher.topic).toBe('salary:backend-developer');
    expect(higher.text).toContain('$124,303');
    expect(higher.text).toContain('$81,161');
    const other = { ...ana, userId: 'range-end' };
    await say('how much does a new backend dev make per the career profile?', other);
    await say('and the median?', other);
    expect((await say('and the top?', other)).text).toContain('$167K');
    // Only after the back-end figures, the one table with levels.
    await say('how much do frontend devs make?', { ...ana, userId: 'front-top' });
    expect((await say('and the top?', { ...ana, userId: 'front-top' })).card.title).not.toMatch(/experienced/i);
    await say('what are the main responsibilities of a back-end developer?', { ...ana, userId: 'first-duty' });
    expect((await say('the first one?', { ...ana, userId: 'first-duty' })).text).toContain('The first one: creating and managing databases.');
    // Alone, with no pay before, "which is higher?" is no pay question.
    expect((await say('which is higher?', { ...ana, userId: 'higher-alone' })).topic).not.toBe('salary:backend-developer');
  });

  it('"how do I choose between them?" after the frameworks stays on frameworks, not choosing a CS programme', async () => {
    const user = { ...ana, userId: 'choose-between' };
    await say('what frameworks are common for beginners?', user);
    const r = await say('how do I choose between them?', user);
    expect(r.text).not.toContain('computer science program');
    expect(r.text).toMatch(/framework/i);
  });

  it('newcomer follow-ups on pay: "for juniors?" after "salary", "and after like 5 yrs?" after entry pay', async () => {
    const user = { ...ana, userId: 'pay-levels-typed' };
    await say('salary', user);
    expect((await say('for juniors?', user)).card.title).toMatch(/entry level/i);
    const other = { ...ana, userId: 'years-after' };
    await say('entry level backend salary?', other);
    const mid = await say('and after like 5 yrs?', other);
    expect(mid.card.title).toMatch(/mid-career/i);
    expect(mid.text).toContain('$95,000');
  });

  it('"which ones are worth getting?" after the certifications stays on them', async () => {
    const user = { ...ana, userId: 'worth-getting' };
    await say('Do I need certifications to be a backend developer?', user);
    expect((await say('which ones are worth getting?', user)).topic).toBe('learning:are-certifications-worth-it');
  });

  it('"and in 2027?" after pay is a prediction; "after taxes?" is a question, not a command typo', async () => {
    const user = { ...ana, userId: 'pay-later' };
    await say('how much does a backend developer earn?', user);
    const later = await say('and in 2027?', user);
    expect(later.answered).toBe(false);
    expect(later.text).toContain('no prediction');
    const taxes = await say('after taxes?', { ...ana, userId: 'after-taxes' });
    expect(taxes.card.title).not.toBe('Unknown command');
    // A typo of a command that is an English word still gets its "did you mean": "dome 3".
    expect((await say('dome 3', { ...ana, userId: 'dome' })).card.title).toBe('Unknown command');
    // A command's word opening a question about something the articles do not say: the refusal, not "no role called".
    expect((await say('job outlook 2035?', { ...ana, userId: 'job-2035' })).text).toContain('no prediction');
  });
});
