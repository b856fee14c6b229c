// Named rule "not given": a question that asks a kind of fact the answer does not hold (who made
// Docker, when HTTP/3 was standardised, what Kubernetes is written in, what PHP stands for, whether
// "40% of back-end developers are self-taught" is right) is not answered by the card of what it
// names: the card would read as if the fact were in it somewhere. The reply says plainly that the
// articles do not give it, shows what they do say, and counts as unanswered. An acronym the
// articles spell out ("what does OWASP stand for?") gets its expansion first (commands/ask.ts).
//
// Each kind is asked of a named thing (`named`: a name the articles write with a capital, or one
// typed so): "who maintains the servers?" asks which role does, which the articles answer.

import { escape } from './yes-no.js';

/** How a question's words are told to be a name: "Docker", "GitHub", "Python". */
export type IsName = (word: string) => boolean;

/** Who made, owns or started a thing: the articles seldom say ("Oracle maintains the MySQL infrastructure" is one they do). */
const CREATOR = /\b(?:who\s+(?:first\s+|originally\s+|actually\s+)?(?:made|created|invented|founded|built|designed|developed|wrote|owns|owned|maintains|started|came up with|is behind|was behind)|(?:what|which)\s+(?:company|companies|organi[sz]ation|firm|corporation)\s+(?:makes|made|created|creates|develops|developed|owns|owned|maintains|built|builds|is behind))\b([^?.!]*)/i;
/** A maker as a card would say it: "developed by Meta", "offered by", "Oracle maintains", "(OWASP) issues". */
const MAKER_SAID = /\b(?:made|created|invented|founded|built|designed|developed|written|owned|maintained|started|offered|published|issued|run|backed)\s+by\b|\b[A-Z][\w.&]*\)?\s+(?:maintains|owns|created|made|developed|built|designed|founded|invented|runs|offers|issues|publishes)\b/;
/** A question that names a role asks which role does a thing ("who maintains the database, the DBA?"). */
const ROLES = /\b(?:front[\s-]?end|back[\s-]?end|server[\s-]side|full[\s-]?stack|developers?|devs?|engineers?|administrators?|dbas?|roles?|team|teams|freelancers?|i|me|my|you)\b/i;
/** When something came out. Not when a level, a course or a promotion begins. */
const WHEN = /\b(?:when|what year|which year)\s+(?:was|were|did|is|does)\s+([^?.!]*?)\s*\b(?:released?|created|create|invented|invent|founded|launched|launch|introduced|introduce|standardi[sz]ed|come out|came out|born|published|publish|become\s+(?:an?\s+)?(?:official\s+)?(?:standard|official))\b/i;
const YEAR_SAID = /\b(?:19|20)\d\d\b/;
/** What a thing is written in, asked ("what language is Kubernetes written in?", "what is Docker written in?"); not a framework "written in TypeScript" as a clue. */
const WRITTEN_IN_ASKED = /\b(?:(?:what|which)\s+(?:programming\s+)?language\s+(?:is|are|was|were)|what\s+(?:is|are|was|were))\s+([^?.!]*?)\s+(?:written|coded|implemented|programmed|built)\s+in\b|\b([^?.!]*?)\s+(?:is|are)\s+(?:written|coded|implemented|programmed)\s+in\s+what\b/i;
const WRITTEN_IN = /\b(?:written|coded|implemented|programmed)\s+in\b/i;
/**
 * Questions about the articles themselves ("who wrote the Indeed guide?", "when was the article
 * published?") or their figures ("who made the 13% projection?"): the source rules answer those,
 * and the sources card says what the page names.
 */
const ABOUT_SOURCES = /\b(?:article|articles|guide|guides|page|piece|post|write-?up|spotlight|profile|report|survey|projection|projections|figure|figures|estimate|estimates|statistic|statistics|stats|number|numbers|data|list|indeed|payscale|career karma|bls|bureau)\b/i;

/**
 * The acronym named just before the asking ("what does OWASP stand for", "whats quic stand for",
 * "REST is short for what?", "the full form of API"): not "the acronym", "its letters" or "the
 * name", which point back to something else, whose acronym the question does not spell.
 */
const BEFORE_STAND = /\b([a-z][a-z0-9]{1,7})\s+(?:even\s+|actually\s+|really\s+)?(?:stands?\s+for|is\s+short\s+for|short\s+for)\b([^?.!]*)|\bfull\s+form\s+of\s+([a-z][a-z0-9]{1,7})\b()/i;
/** Capitals that are no acronym asked about. */
const NOT_ACRONYMS = new Set(['OK', 'US', 'USA', 'AM', 'PM']);
const POINTING = /^(?:it|that|this|what|does|do|they|those|acronym|abbreviation|letters?|name|names|one|word|initials|them|its|which)$/i;
/** After "stand for", only asking ("again", "lol", "exactly"); a name there is a yes/no ("is JS short for JavaScript?"). */
const ASKING_AFTER = /^\s*(?:what|wat|wut|again|exactly|even|lol|lmao|tho|though|here|in (?:this|that|the) [\w\s-]+|anyway|btw|pls|please|[\s,!?😅🙏]+)*\s*$/iu;
/** Words an expansion may skip in its initials: "on-the-job training" is OJT. */
const SMALL = new Set(['of', 'the', 'and', 'for', 'to', 'on', 'in', 'a', 'an', '&']);

/**
 * The acronym a question asks to have spelt out, in capitals, or undefined. Typed in capitals, or
 * one the articles write in capitals (`known`): "whats quic stand for", not "what does that faster
 * protocol stand for" or "the first one".
 */
export function acronymAsked(question: string, known: (capitals: string) => boolean): string | undefined {
  const m = BEFORE_STAND.exec(question);
  const named = m?.[1] ?? m?.[3];
  if (!m || !named || POINTING.test(named) || NOT_ACRONYMS.has(named.toUpperCase()) || !ASKING_AFTER.test(m[2] ?? '')) return undefined;
  return named === named.toUpperCase() || known(named.toUpperCase()) ? named.toUpperCase() : undefined;
}

/**
 * Whether some words spell an acronym: each by its initial, or (with `prefixes`) by its first few
 * letters ("REpresentational State Transfer" is REST); small words free to skip ("on-the-job
 * training" is OJT).
 */
function spells(words: readonly string[], acronym: string, prefixes = false): boolean {
  const letters = acronym.toLowerCase();
  let ends = new Set([0]);
  for (const word of words) {
    const next = new Set<number>();
    for (const at of ends) {
      for (let n = 1; n <= (prefixes ? word.length : 1) && letters.startsWith(word.slice(0, n), at); n++) next.add(at + n);
      if (SMALL.has(word)) next.add(at);
    }
    ends = next;
    if (!ends.size) return false;
  }
  return ends.has(letters.length);
}

/** A phrase's words as initials are read: lower case, hyphens split ("model-view-controller"). */
const wordsOf = (phrase: string) => phrase.toLowerCase().split(/[\s-]+/).filter(Boolean);

/**
 * The words just before "(DBA)" that are its expansion: the fewest, from a word with the acronym's
 * first letter, that spell it ("on-the-job training (OJT)") or, a compound word hiding a letter,
 * at least begin with it and are no more words than it has letters ("Database Administrator (DBA)").
 */
function expansionBefore(run: string, acronym: string): string | undefined {
  const words = run.trim().split(/[ \t]+/);
  const first = acronym[0]!.toLowerCase();
  let loose: string | undefined;
  for (let i = words.length - 1; i >= 0 && i >= words.length - 10; i--) {
    const phrase = words.slice(i).join(' ');
    const parts = wordsOf(phrase);
    if (SMALL.has(parts[0]!) && !spells(parts, acronym, true)) continue;
    if (spells(parts, acronym, true)) return phrase;
    const big = parts.filter((w) => !SMALL.has(w));
    if (!loose && big.length >= 2 && big.length <= acronym.length && big[0]![0] === first) loose = phrase;
  }
  return loose;
}

/**
 * The expansion of an acronym in a text, as the articles write one: "Open Web Application Security
 * Project" before "(OWASP)", "Quick UDP Internet Connections" after "QUIC (". Never a source in
 * brackets ("PHP (Back-End Developer Spotlight)": it does not spell PHP), and never words that
 * merely have its initials ("Certified Developer" is no CD): the articles spell out what they mean.
 */
export function expansionIn(text: string, acronym: string): string | undefined {
  const acr = escape(acronym);
  const after = new RegExp(`\\b${acr}s?[ \\t]*\\(([^)\\n]{3,80})\\)`, 'i').exec(text)?.[1];
  if (after && spells(wordsOf(after), acronym, true)) return after.trim();
  const before = new RegExp(`((?:[\\p{L}'’-]+[ \\t]+){1,10})\\(${acr}s?\\)`, 'iu').exec(text)?.[1];
  const ending = before && expansionBefore(before, acronym);
  if (ending) return ending;
  return undefined;
}

/** A figure typed in a question, with its unit: "40%", "55 hours", "3.5 GPA", "1 in 3", "age 29". */
const FIGURES_TYPED = /\b(\d+(?:\.\d+)?)\s?(%|percent\b|hours?\b|hrs?\b|gpa\b|years? old\b)|\b(\d+) (?:in|out of) (\d+)\b|\bgpa (?:of )?(\d(?:\.\d+)?)\b|\bmedian age (?:of [^?]*?)?(?:is )?(\d+)\b/gi;
/** Asking whether a figure heard is right: someone said it, or "is it true that ...". */
const CONFIRMING = /\b(?:right|correct|true|accurate|legit|confirm|is that so|really)\b/i;
const HEARD = /\b(?:i (?:read|heard|saw)|heard|read that|says?|said|told me|claims?|claimed|someone|friend|uncle|aunt|dad|mom|mum|teacher|tiktok|youtube|reddit|twitter|is it (?:true|correct|right)|true that)\b/i;

/** The spellings of a typed figure a text would use: "40%" as "40%" or "40 percent"; "13.0%" as 13. */
function figureSaid(m: RegExpMatchArray): RegExp {
  const num = (s: string) => escape(String(Number(s)));
  if (m[3] !== undefined) return new RegExp(`\\b${num(m[3])} (?:in|out of) ${num(m[4]!)}\\b`, 'i');
  const n = num(m[1] ?? m[5] ?? m[6]!);
  const unit = (m[2] ?? '').toLowerCase();
  const after = unit === '%' || unit.startsWith('percent') ? '\\s?(?:%|percent)' : /^h/.test(unit) ? '\\s*(?:hours?|hrs?)' : '';
  return new RegExp(`(?<![\\d.,])${n}(?:\\.0+)?(?![\\d]|\\.\\d)${after}`, 'i');
}

/** An exam's own details, each with what a card would need to give it. Not an interview's. */
const EXAM_DETAILS: readonly { asked: RegExp; said: RegExp }[] = [
  { asked: /\bhow many questions\b/i, said: /\d+\s+questions\b/i },
  { asked: /\b(?:study materials?|study guides?|prep(?:aration)? (?:materials?|books?|courses?)|practice (?:tests?|exams?))\b/i, said: /\b(?:study guide|practice test|practice exam|prep(?:aration)? (?:materials?|books?|courses?))/i },
  { asked: /\bhow long (?:is|are|does|do)\b[^?.!]*\b(?:exam|test|quiz)\b/i, said: /\d+\s*(?:minutes|hours|mins)\b/i },
  { asked: /\b(?:passing|pass|cut-?off) (?:score|mark|rate)\b|\bscore\b[^?.!]{0,30}\bpass\b/i, said: /\b(?:score|pass(?:ing)?|mark)\b[^.\n]*\d/i },
  { asked: /\b(?:exam|test) (?:code|number)\b/i, said: /\b[A-Z0-9]{2,}-[A-Z0-9]{2,}\b/ },
];
const EXAM = /\b(?:exam|exams|test|quiz|certification|certifications|cert|certs|certificate)\b/i;
const INTERVIEW = /\binterview/i;
/** How many people work somewhere, asked ("how many engineers work on Netflix's backend team?"); not a clue ("the company used to show how many people work behind the scenes"). */
const HEADCOUNT = /^\W*(?:(?:so|ok|okay|hey|and|but|quick question|roughly|about)\W+)*how many (?:(?:back[\s-]?end|front[\s-]?end|full[\s-]?stack|web|software|server[\s-]side|u\.?s\.?|american|new|junior|senior|professional)\s+){0,2}(?:engineers|developers|devs|employees|people|staff|workers)\b[^?.!]*\b(?:work|works|working|employ|employs|employed)\b/i;
const PEOPLE_COUNTED = /\d[\d,.]*\s*(?:million\s+|thousand\s+)?(?:new\s+)?(?:engineers|developers|employees|people|workers|jobs|positions)\b/i;
/** A load a technology takes ("how many requests per second can PostgreSQL handle?"): a benchmark the articles never give. */
const LOAD_ASKED = /\bhow many (requests|queries|connections|transactions|rows|records|lines of code|concurrent users|users)\b/i;
/** A share asked: "what percentage of websites run on PHP?", "what share of the market". */
const SHARE_ASKED = /\bwhat (?:(?:exact|precise|rough|approximate) )?(?:percentage|percent|%|share|fraction|proportion|portion)\b|\bhow many percent\b|\bwhat(?:'s|s| is| was| are| were)\s+(?:the\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,2}(?:rate|rates|ratio)\b/i;
const SHARE_SAID = /\d\s?(?:%|percent\b)|\b(?:half|a third|a quarter|one in)\b/i;
/** The outlook asked ("what's the job outlook for computer support specialists?"): a role card without growth to a year does not give it. */
const OUTLOOK_ASKED = /\b(?:job outlook|outlook|job growth|projected growth|employment growth)\b/i;
/** Whether a named thing will still be around ("will Python still be popular in ten years?"): a prediction. */
const STILL_AHEAD = /\b(?:will|gonna|going to)\s+([^?.!]*?)\s+still\b[^?.!]*\b(?:be|exist|around|used|popular|relevant|needed|alive|a thing)\b/i;
/** A prediction as a card would give one: growth to a year, or a thing "here to stay". */
const predicted = (text: string) => (YEAR_SAID.test(text) && /\b(?:grow|growth|projected|projects|expected|expects|outlook|demand)\b/i.test(text)) || /\bhere to stay\b|\bwill (?:only|continue|keep)\b/i.test(text);

/**
 * A count asked ("how many days of paid time off?", "how many courses are in the Meta
 * certificate?"): of a unit (days, hours, courses, people...), not of what the articles list and a
 * card enumerates ("how many steps / soft skills / duties?"), nor inside a clause ("used to show
 * how many people work behind the scenes").
 */
const COUNT_ASKED = /(?<!\b(?:show|shows|showed|showing|see|know|knows|tell|tells|explain|explains|illustrate|illustrates)\s)\bhow many\s+((?:(?:paid|vacation|sick|working|work|billable|extra|new|online|stock|interview)\s+)?(?:days|hours|weeks|months|minutes|courses|modules|classes|credits|projects|applications|interviews|rounds|options|shares|holidays|times|companies|employers|users|students|graduates|grads|questions|lines|exams|tests|jobs|positions|openings|roles|vacancies|spots|items|years|yrs|developers|devs|engineers|people|employees|staff|workers|clients|repos|repositories|certifications|certificates|semesters|bootcamps|schools))\b/i;
const NUMBER_WORDS = String.raw`(?:\d[\d,.]*\+?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|dozen|few|several|couple)`;
const JOB_WORDS = /^(?:job|position|opening|role|spot|vacancy|vacancie)$/;
/** Whether a text gives a count of some words: a number, then the word (or its singular) within four words, not as a word describing another ("47 ... interview questions" counts no interviews). */
function counted(text: string, words: string): boolean {
  const last = words.trim().split(/\s+/).at(-1)!.toLowerCase().replace(/ies$/, 'ie').replace(/(?<!s)s$/, '');
  // Jobs are counted by any of their names ("25,500 new jobs" counts positions and openings).
  const head = JOB_WORDS.test(last) ? '(?:job|position|opening|role|spot|vacanc)' : escape(last);
  return new RegExp(`\\b${NUMBER_WORDS}(?:[\\s-]+(?:[\\w-]+\\s+){0,4})?${head}\\w*(?!\\s+questions?\\b)`, 'i').test(text) || new RegExp(`\\b${head}\\w*\\s+(?:\\d|of \\d)`, 'i').test(text);
}

/**
 * An outside source asked as where an answer comes from ("according to Glassdoor", "what does
 * ZipRecruiter say"): the articles cite only their own sources and the surveys they quote, so
 * whatever such a source says, they do not give it. Not one of the articles by a name
 * ("per the Meta-cert guide") or a source they cite.
 */
const OUTSIDE_SOURCE = /\b(?:according to|acc(?:ording)? to)\s+(?:the\s+)?([\p{L}][\p{L}\p{N}.&]*)(?![\p{L}\p{N}.&])(?!(?:['’]s?)?(?:[\s-]+[\p{L}\p{N}'’&.]+){0,3}?[\s-]+(?:guides?|articles?|pages?|piece|post|profile|spotlight|site|website|cert|certs|certificate|certification|write-?up|explainer|blurb|section|faq|list|table|part|bit|paragraph|one|figures?|numbers?|data|report|survey)\b)|\bwhat (?:does|do|did)\s+([\p{L}][\p{L}\p{N}.&]*)\s+(?:say|says|report|reports|estimate|claim|think)\b/iu;
/**
 * Words after "according to" that name no outside source: the articles as people call them ("the
 * FAQ", "CK", Career Karma's logo), pronouns, and people or data in general ("according to most
 * recruiters"). The articles' own names and the surveys they cite come from the knowledge (`cited`).
 */
const NO_OUTSIDE_SOURCE = /^(?:ck|faq|q&a|articles?|them|it|this|that|you|your|my|experts?|most|some|many|sources?|data|statistics|stats|research|recruiters?|employers?|hiring|people|developers?|devs?|year|years|hour|month|week|level|experience|role)$/i;

/**
 * A figure of a given year ("the average salary in 2019", "the national median for 2023"): the
 * articles date none of their pay figures, so a year the card does not hold is not given (the
 * outlook's "by 2030" is in its card). Not the year of an article ("in the 2020 article").
 */
const YEAR_OF_FIGURE = /\b(?:salary|salaries|pay|paid|earn|earns|earned|make|made|median|average|wage|wages|income|figure|figures)\b[^?.!,;]{0,25}?\b(?:in|for|as of|during|back in)\s+((?:19|20)\d\d)\b(?!\s+(?:article|guide|piece|page|post|explainer|write-?up|version))|\b((?:19|20)\d\d)\s+(?:salary|salaries|pay|median|average|wage|wages|income|figures?)\b/i;

/**
 * How much a credential adds to pay, asked ("how much does a master's degree raise the salary?",
 * "the salary bump for a master's", "how much more will I earn with the AWS certification?"): the
 * articles say a degree or a certificate can lead to better-paid roles, never by how much. Not
 * "does a degree help me earn more?" (a yes the articles give), nor pay between roles, nor a
 * credential naming an article ("by the bootcamp guide's math").
 */
const PAY_GAIN_ASKED = /\bhow much (?:more|extra|higher)\b|\bhow much (?:does|do|did|will|would|can|could|is)\b[^?.!]{0,60}\b(?:raise|raises|boost|boosts|bump|bumps|increase|increases|add|adds|lift|lifts|worth)\b|\b(?:salary|pay|wage|income)\s+(?:bump|boost|increase|jump|premium|gain|uplift)\b/i;
const CREDENTIAL = /\b(?:degree|degrees|master'?s|masters|bachelor'?s|ph\.?d|mba|certs?|certificates?|certifications?|certified|bootcamps?|credentials?|diploma)\b(?![\s-]+(?:guides?|sites?|articles?|pieces?|pages?|matchers?|matching|marketplaces?|reviews?|websites?|write-?ups?|recommend\w*)\b)/i;
/** Pay itself asked: "how much does a bootcamp increase my chances?" asks no sum of pay. */
const PAY_WORD = /\b(?:earn\w*|salar\w*|pay|paid|paycheck|make|makes|income|wages?|money|dollars|comp|compensation)\b|\$/i;
const CREDENTIAL_PAY_SAID = /(?:degree|master|certif|bootcamp)[^.\n]{0,80}\$\s?\d|\$\s?\d[^.\n]{0,80}(?:degree|master|certif|bootcamp)/i;

/** Whether some words of a question name a thing (not a role or a person). */
function namesAThing(words: string | undefined, named: IsName): boolean {
  if (!words || ROLES.test(words)) return false;
  return words.split(/[^\p{L}\p{N}.+#-]+/u).some((w) => w.length > 1 && named(w));
}

/** What a question asks that a text does not give, said for the reply ("who made or owns it"), or nothing. */
export function notGiven(question: string, text: string, known: (capitals: string) => boolean, named: IsName, cited: (word: string) => boolean): string | undefined {
  const acronym = acronymAsked(question, known);
  if (acronym) return expansionIn(text, acronym) ? undefined : `what ${acronym} stands for`;
  const creator = CREATOR.exec(question);
  if (creator && !ABOUT_SOURCES.test(question) && !ROLES.test(question) && namesAThing(creator[1], named) && !MAKER_SAID.test(text)) return 'who made or owns it';
  const when = WHEN.exec(question);
  if (when && !ABOUT_SOURCES.test(question) && namesAThing(when[1], named) && !YEAR_SAID.test(text)) return 'when it came out';
  const written = WRITTEN_IN_ASKED.exec(question);
  if (written && namesAThing(written[1] ?? written[2], named) && !WRITTEN_IN.test(text)) return 'what it is written in';
  if (EXAM.test(question) && !INTERVIEW.test(question) && EXAM_DETAILS.some((d) => d.asked.test(question) && !d.said.test(text))) return 'that detail of the exam';
  if (HEADCOUNT.test(question) && !PEOPLE_COUNTED.test(text)) return 'how many people work there';
  const load = LOAD_ASKED.exec(question);
  if (load && !new RegExp(`\\d[\\d,.]*\\s*(?:\\w+\\s+)?${load[1]!.replace(/s$/, '')}`, 'i').test(text)) return 'that figure';
  if (SHARE_ASKED.test(question) && !SHARE_SAID.test(text)) return 'what share it is';
  if (OUTLOOK_ASKED.test(question) && !predicted(text)) return 'the outlook for it';
  const still = STILL_AHEAD.exec(question);
  if (still && namesAThing(still[1], named) && !predicted(text)) return 'what will become of it';
  if (PAY_GAIN_ASKED.test(question) && PAY_WORD.test(question) && CREDENTIAL.test(question) && !CREDENTIAL_PAY_SAID.test(text)) return 'how much it adds to pay';
  const year = YEAR_OF_FIGURE.exec(question);
  const yearAsked = year?.[1] ?? year?.[2];
  if (yearAsked && !text.includes(yearAsked)) return `figures for ${yearAsked}`;
  const count = COUNT_ASKED.exec(question);
  if (count && !HEADCOUNT.test(question) && !ABOUT_SOURCES.test(question) && !counted(text, count[1]!)) return `how many ${count[1]!.trim().toLowerCase()}`;
  const outside = OUTSIDE_SOURCE.exec(question);
  const source = outside?.[1] ?? outside?.[2];
  if (source && !NO_OUTSIDE_SOURCE.test(source) && !cited(source) && named(source)) return `what ${source} says (they never cite it)`;
  if (CONFIRMING.test(question) && HEARD.test(question)) {
    const missing = [...question.matchAll(FIGURES_TYPED)].find((m) => !figureSaid(m).test(text));
    if (missing) return `that figure (${missing[0].trim()})`;
  }
  return undefined;
}
