// Stage 4, decide: answer, ask which one was meant, or refuse, from the best score and its margin
// over the runner-up (as Rasa's FallbackClassifier does with threshold and ambiguity_threshold).
// The thresholds are chosen on the development sets (bench/), never on the blind test set.
import type { Outside } from '../knowledge/schema.js';
import type { Analysis } from './analyse.js';
import { cosine, type Scored } from './rerank.js';

export const THRESHOLDS = {
  /** The best entry answers when its score reaches this... */
  answer: 0.325,
  /** ...and, under this, leads the runner-up by the margin; at or over it, it answers outright. */
  sure: 0.5,
  /** ...and leads the runner-up by this much; otherwise the bot asks which one was meant. */
  margin: 0.04,
  /** Under this, nothing is close enough to offer either: the bot says it does not know. */
  clarify: 0.3,
  /** A question whose words the best entry barely covers is not about it, however it scores. */
  coverage: 0.33,
  /** ...unless the best entry scores this, leads the runner-up by strongMargin and covers strongCoverage (a strong lead). */
  strongScore: 0.45,
  strongMargin: 0.1,
  strongCoverage: 0.25,
  /** Entries this alike in content (siblings) say the same things: between them, the best answers. */
  siblings: 0.35,
} as const;

export type Thresholds = { -readonly [K in keyof typeof THRESHOLDS]: number };

export type Decision =
  | { kind: 'answer'; top: Scored }
  /** Two or three entries are about as close: the bot asks which one was meant. */
  | { kind: 'clarify'; options: Scored[] }
  /**
   * The articles cover only part of it (pay in London: they give U.S. figures only): the bot says
   * so and shows what they do cover, and the question still counts as not answered.
   */
  | { kind: 'partial'; top: Scored; outside: Outside }
  /**
   * `beyond`: the words of a follow-up the answer before does not hold (see "more than the answer
   * before holds"). `vague`: a first line that names no subject (see "names nothing").
   */
  | { kind: 'refuse'; outside?: Outside; beyond?: string[]; vague?: true };

/**
 * Named rule "asked for": a question asking a price, a time or a rate is answered only by an
 * entry whose own text speaks of one ("how much does General Assembly cost": the articles give no
 * prices; "the AWS exam's pass rate": no pass rates; "is Coursera free?": the articles never say),
 * not one whose example questions merely ask it.
 */
export const ASKED_FOR: readonly string[] = ['cost', 'duration', 'rate', 'free'];
/** "Free" as a price ("is coursera free?", "for free", "free of charge"), not "free time". */
const FREE_ASKED = /\b(?:is|are)\s+(?:it|they|this|that|[\w.+'\u2019-]+(?:\s+[\w.+'\u2019-]+){0,3})\s+free\b(?!\s+(?:to\s+(?!use\b|try\b|join\b|access\b|enroll\b|take\b|learn\b)|of\b|from\b|time|hours?|slots?|evenings?|weekends?|days?))|\bfor free\b|\bfree of charge\b|\bcosts? nothing\b|\bfree or (?:paid|not)\b|\bpaid or free\b|\bfree (?:tier|plan|version|trial)s?\b/i;
/** Whether a question asks `term` of ASKED_FOR: "free" only as a price. */
export const asksFor = (term: string, analysis: Analysis): boolean => analysis.terms.includes(term) && (term !== 'free' || FREE_ASKED.test(analysis.raw));
/** Terms a time is given in, and the counts that make one ("two-year", "a few months"). */
const TIME_UNITS: readonly string[] = ['year', 'month', 'week'];
const COUNTS: readonly string[] = ['one', 'two', 'three', 'four', 'five', 'six', 'few', 'couple', '2', '3', '4', '6', '12'];
/**
 * Whether an entry's text gives what a question asks for (a term of ASKED_FOR, or a pay or time
 * asked again): the term itself, or for a time a count of years, months or weeks ("two-year
 * associate degrees"; not "years of experience"). Not in an answer about pay, whose figures are
 * "a year".
 */
export function gives(term: string, content: ReadonlySet<string>, aboutPay: boolean): boolean {
  if (content.has(term)) return true;
  return term === 'duration' && !aboutPay && TIME_UNITS.some((u) => content.has(u)) && COUNTS.some((n) => content.has(n));
}

/** Outside topics the articles say nothing about, whatever words match. */
const NEVER: readonly Outside[] = ['profession', 'code-help', 'chat', 'future'];
/**
 * Outside markers that leave part of a pay or outlook question answerable (U.S. figures): a
 * place, a company, a school, a technology the articles never mention ("Rust", "Kafka"), pay by
 * the hour or month (the articles give yearly pay), a rank above senior (CTO, IT director: the
 * articles name them as where a career can go, with no pay), an industry, remote or part-time
 * work, a percentile (the articles give averages, medians and bands by experience only).
 */
export const PARTLY: readonly Outside[] = ['place', 'company', 'school', 'tech', 'period', 'rank', 'industry', 'setting', 'percentile'];
/**
 * Outside markers that say something only of pay ("an hour", a CTO, healthcare, remote work, the top 10%): elsewhere they are
 * words of the question ("do backend devs work in healthcare?" is where they work, which the
 * spotlight lists).
 */
const OF_PAY: readonly Outside[] = ['period', 'rank', 'industry', 'setting', 'percentile'];

/** The asker says where they live: "I live in Ohio", "I'm based in Berlin", "we moved to Texas". */
const LIVES_IN = /\b(?:i|we)(?:'m|'re| am| are)?\s+(?:currently\s+|now\s+)?(?:live|living|based|located|from|staying|moved|moving|relocat(?:ed|ing))\s+(?:in|to|from|out of)?\b|\b(?:i'm|im|i am)\s+in\s+(?!(?:a|an|the|my|this|that|college|school|bootcamp|uni)\b)/i;

/**
 * Named rule "career changers": a question that names another profession and also speaks of
 * moving into this field ("I've been a nurse for ten years, can I switch to back-end work?") is
 * about this field; the profession is where the asker comes from.
 */
const SWITCH = /\b(?:switch(?:ing)?|transition(?:ing)?|chang(?:e|ing) careers?|career change|pivot(?:ing)?|mov(?:e|ing) (?:from [\w\s/-]{1,30}? )?(?:into|to)|get(?:ting)? into|break(?:ing)? into|retrain(?:ing)?|(?:quit(?:ting)?|leav(?:e|ing)|left|drop(?:ping)?) (?:my |the |a )?[\w\s-]{0,30}?(?:to|for) (?:become|be|learn|try|start|do|code|coding|tech|backend|back[\s-]end|programming|development|software)|(?:want|wanna|trying|plan(?:ning)?|hop(?:e|ing)) to become|(?:can|could|should) (?:i|someone like me) (?:still |ever |really )?(?:become|be|get into|learn|do)|(?:to )?become an? (?:back[\s-]?end|server[\s-]side|web|software)?\s*(?:dev|devs|developer|engineer|programmer|coder))\b/i;
const FIELD_TERMS = new Set(['backend', 'developer', 'software', 'programming', 'code', 'coding', 'tech', 'server', 'web']);
/** Whom a question is about, in the terms the analyser gives (for the company rule). */
const SUBJECT_WORDS = new Set(['dev', 'frontend', 'fullstack', 'engineer', 'programmer']);

/** Words that ask what an entry says of a thing, no subject of their own ("the netflix example", "why do they mention netflix?"). */
export const ABOUT_IT = new Set(['example', 'mention', 'say', 'accord', 'why']);

export function changesCareer(analysis: Analysis): boolean {
  return SWITCH.test(analysis.raw) && analysis.terms.some((t) => FIELD_TERMS.has(t));
}

/**
 * Named rule "siblings": the skill card on web frameworks and the roadmap step "Learn a framework"
 * tell much the same (Django, Rails, Express); a question that lands between them is answered by
 * the closer one, not met with "which one did you mean?". Only when every option is that alike.
 */
function siblings(options: readonly Scored[], t: Thresholds): boolean {
  const [top, ...rest] = options;
  // Entries of one kind that read alike are still different things (Udemy and Coursera): ask.
  return top!.score >= t.answer && rest.every((o) => o.doc.kind !== top!.doc.kind && cosine(top!.contentVector, o.contentVector) >= t.siblings);
}

/**
 * The technologies the articles name (languages, frameworks, databases, tools, protocols), as the
 * analyser gives them. They name them and say what they are for; they never rank one against
 * another nor teach how one works. (Not AWS and Azure: "the closest competitor to AWS" compares them.)
 */
export const TECHNOLOGIES: ReadonlySet<string> = new Set(['java', 'python', 'ruby', 'php', 'javascript', 'typescript', 'nodejs', 'csharp', 'cplusplus', 'dotnet', 'django', 'rails', 'laravel', 'express', 'flask', 'nestjs', 'mysql', 'postgresql', 'mongodb', 'sql', 'nosql', 'oracle', 'docker', 'kubernetes', 'jenkins', 'git', 'github', 'rest', 'soap', 'graphql', 'http3', 'quic', 'html', 'css', 'linux', 'apache', 'nginx', 'json', 'xml', 'datastructure']);
/** Who works with a technology, as the analyser gives it ("python devs", "java engineer"). */
export const WHO_WORKS = new Set(['developer', 'dev', 'engineer', 'programmer', 'coder']);
/** Terms that name only technologies and who works with them ("java", "python devs", "node backend engineers"). */
export function onlyTechnology(terms: readonly string[]): boolean {
  return terms.some((term) => PAID_BY.has(term)) && terms.every((term) => PAID_BY.has(term) || WHO_WORKS.has(term) || term === 'backend');
}
/** Technologies people are paid by (languages, frameworks, databases): not a tool or protocol ("git?" after pay asks about git). */
const PAID_BY: ReadonlySet<string> = new Set([...TECHNOLOGIES].filter((t) => !['docker', 'kubernetes', 'jenkins', 'git', 'github', 'rest', 'soap', 'graphql', 'http3', 'quic', 'html', 'css', 'json', 'xml', 'linux', 'apache', 'nginx', 'datastructure'].includes(t)));
/**
 * Words that open a follow-up, asking the question before of something else: "and for seniors?",
 * "what about python devs?", "is that the same for juniors?". One list for every rule that reads them.
 */
export const FOLLOW_LEADS = /^\s*(?:and|n|&|or|but|also|what about|how about|what of|what if|same for|(?:is|are|would|does) (?:that|it|this|those|these|they) (?:the )?same for|then|so|according to|anything (?:about|on|for|regarding))(?=[\s,]|$)/i;
/** Two version numbers compared: "python 2 vs 3", "java 8 or 17", "php 7 and php 8". */
const VERSIONS = /\d+(?:\.\d+)?\s*(?:vs\.?|versus|or|and|compared (?:to|with))\s*(?:[a-z.#+]+\s*)?\d+/i;
/** Words of a comparison that ranks ("is java better than python?", "mysql vs postgres"). */
const COMPARATIVES: ReadonlySet<string> = new Set(['faster', 'slower', 'easier', 'harder']);
/**
 * Things the articles only list, with no word on which is better or which to pick: course and
 * bootcamp sites, job boards, local development environments. "Udemy or Coursera, which is
 * better?", "is Indeed better than Glassdoor?" weigh two of them, which the articles never do
 * (not even for a learner, as they do of languages and frameworks).
 */
const LISTED_ONLY: ReadonlySet<string> = new Set(['udemy', 'coursera', 'edx', 'pluralsight', 'udacity', 'betamore', 'bloc', 'comptia', 'linkedin', 'monster', 'ziprecruiter', 'glassdoor', 'indeed', 'triplebyte', 'xampp', 'wampserver', 'laragon']);
const RANKING = new Set(['comparison', 'better', 'best', 'worse', 'superior', 'popular', ...COMPARATIVES]);
/**
 * Words that ask which to learn first, or for a beginner: advice the articles do give ("for
 * back-end developers just starting out, the best idea is to pick one and start practicing").
 */
const CHOOSING = new Set(['learn', 'pick', 'choose', 'first', 'start', 'begin', 'need', 'entry', 'job', 'hire', 'hired', 'employment', 'employ']);
/**
 * Technologies the articles do weigh against another: SQL ("for years, the preferred language"),
 * HTTP/3 and QUIC ("a faster protocol"). A ranking that names one of them is read as before. (REST
 * is weighed only as a way into a job, "your fastest route to employment": a question about
 * getting hired is a choosing one.)
 */
const WEIGHED: ReadonlySet<string> = new Set(['sql', 'http3', 'quic']);
/**
 * "How do I install Docker?", "how to set up Postgres", "how do I reverse a linked list", "how do I
 * connect node.js to postgres", "how do I find expensive queries in mysql": a tutorial's steps.
 */
const HOW_TO_DO = /\bhow (?:do|does|can|could|would|should|to)\b(?: (?:i|you|we|one|u))?[^?!]{0,12}?\b(?:install|uninstall|reinstall|configure|set ?up|setup|compile|implement|reverse|resolve|upgrade|migrate|containeri[sz]e|dockeri[sz]e|use|connect|deploy|host|debug|optimi[sz]e|speed up|solve|fix|troubleshoot|find|detect|index)\b/i;
/** "How does a hash table work?", "how do Docker containers actually work?", "how postgres detects a deadlock": how a thing works inside. */
const HOW_IT_WORKS = /\bhow (?:exactly |actually )?(?:does|do|did) (?:a |an |the )?((?:[^\s?!]+ ){1,3})(?:actually |even |really )?work\b|\bhow ([^\s?!]+) works\b|\bhow (?:a |an |the )?([^\s?!]+(?: [^\s?!]+)?) (?:detects|resolves|handles|stores|executes|processes|compiles|indexes|schedules|implements|manages|locks|caches)\b/i;
/** "How do I write a SQL query that joins three tables?": a piece of code to be written, a tutorial's. */
const CODE_TO_WRITE = /\bhow (?:do|does|can|could|would|should|to)\b(?: (?:i|you|we|one|u))?[^?!]{0,12}?\b(?:write|code|build|make)\b (?:a |an |the |my )?(?:[^\s?!]+ ){0,2}(?:query|queries|join|joins|function|functions|loop|loops|regex|recursive|stored procedure|trigger|class|unit tests?)\b/i;
/** "Is django dying?", "will graphql replace rest?": a technology's fate, which the articles never foretell. */
const FATE = /\b(?:dead|dying|die|dies|obsolete|irrelevant|outdated|going away|next big thing|replaced?|replacing|take over|taking over|future[\s-]proof|future of)\b/i;
/** "Which kubernetes version should I run?": a technology's versions, which the articles never weigh. */
const VERSION_ASKED = new Set(['version', 'release']);
const VERSIONING = /\bversion(?:ing|\s+control)\b/i;
/**
 * What a career question sets up, works with or moves ("how do I set up my resume", "how do java
 * devs work with databases", "how do I migrate my career to node"): not a tutorial's subject.
 */
const CAREER_WORDS = /\b(?:resume|resumes|cv|portfolio|portfolios|career|careers|stack|linkedin|profile|practices?|team|plan|schedule|devs?|developers?|engineers?|programmers?|cert|certs|certification|certifications|certificate|bootcamps?|freelanc\w*|skills?|experience|jobs?|interview\w*|day|people|folks|ppl|internships?|work|openings?|positions?|roles?|mentors?|gigs?|clients?)\b/i;

/**
 * Named rule "names it, does not answer it": a question that ranks two technologies the articles
 * name ("is java better than python?", "python 2 vs 3"), asks how one works or is set up, where
 * one is going ("is django dying?"), or asks the pay of one ("python developer salary") is covered only in part: the articles say what it
 * is for. The bot shows that under a caveat and counts the question as not answered. Asking which
 * to learn first, or for a beginner, is the articles' advice. Of the line alone: read with the
 * question before ("and for entry level?" after python pay), its words are not the line's.
 */
export function namedNotAnswered(analysis: Analysis): Outside | undefined {
  // Of a follow-up, only pay by a technology the line names after pay was asked ("and for python
  // devs?", "what about java?"): the line is all technology and who works with it.
  if (analysis.joined) {
    const asked = FOLLOW_LEADS.test(analysis.raw) || analysis.joined.own.some((term) => WHO_WORKS.has(term));
    return asked && onlyTechnology(analysis.joined.own) && analysis.terms.includes('salary') ? 'tech' : undefined;
  }
  const listed = new Set(analysis.terms.filter((term) => LISTED_ONLY.has(term)));
  if (listed.size >= 2 && analysis.terms.some((term) => RANKING.has(term))) return 'ranking';
  const tech = analysis.terms.filter((term) => TECHNOLOGIES.has(term));
  if (!tech.length) return undefined;
  const named = new Set(tech);
  // Two versions of one ("python 2 vs python 3", "php 7 vs 8") are two technologies too.
  const versions = VERSIONS.test(analysis.raw) || (tech.length > named.size && analysis.terms.some((term) => /^\d+$/.test(term)));
  const two = named.size >= 2 || versions;
  // "How much does a python developer earn?", "which pays more, python or java?": the articles
  // give pay by role and experience, never by language or tool. The technology must say whose
  // pay, or two be compared: "do I need sql to earn the 101k?" asks what to learn.
  // "java backend developers", "java backend pay" too: the field's word between says nothing of whose.
  const whose = analysis.terms.some((term, i) => TECHNOLOGIES.has(term) && (WHO_WORKS.has(analysis.terms[i + 1] ?? '') || (analysis.terms[i + 1] === 'backend' && (WHO_WORKS.has(analysis.terms[i + 2] ?? '') || analysis.terms[i + 2] === 'salary' || analysis.terms[i + 2] === 'pay'))));
  if (analysis.terms.includes('salary')) return whose || two ? 'tech' : undefined;
  // Easier, harder, faster weigh them even beside a word of choosing ("python vs java, which is
  // easier to learn?"), which otherwise asks the articles' advice on which to learn first.
  const weighs = analysis.terms.some((term) => COMPARATIVES.has(term));
  const ranks = analysis.terms.some((term) => RANKING.has(term)) && two && !tech.some((term) => WEIGHED.has(term)) && (weighs || !analysis.terms.some((term) => CHOOSING.has(term)));
  if (ranks) return 'ranking';
  // Not of SQL ("has SQL been replaced?": the articles say it was long preferred and now has
  // alternatives), nor "is X still ...": whether it is used today, which they say.
  if (FATE.test(analysis.raw) && !tech.some((term) => WEIGHED.has(term)) && !/\bstill\b/i.test(analysis.raw)) return 'future';
  const howTo = HOW_TO_DO.exec(analysis.raw) ?? CODE_TO_WRITE.exec(analysis.raw);
  if (howTo && !CAREER_WORDS.test(analysis.raw.slice(howTo.index))) return 'how-to';
  // ("Code versioning", "version control" name the skill, not a release asked for.)
  if (analysis.terms.some((term) => VERSION_ASKED.has(term)) && !VERSIONING.test(analysis.raw) && !tech.some((term) => WEIGHED.has(term))) return 'how-to';
  const works = HOW_IT_WORKS.exec(analysis.raw);
  const subject = works?.[1] ?? works?.[2] ?? works?.[3];
  if (subject && !CAREER_WORDS.test(subject) && !analysis.terms.includes('api') && !tech.some((term) => WEIGHED.has(term))) return 'how-to';
  return undefined;
}

/** A sum of pay as typed: "$95,000", "95,000", "$95000", "$132K", "81k". */
export const PAY_FIGURE = /\$?\s?\b\d{2,3}(?:,\d{3}|k)\b|\$\d{5,6}\b/i;

/** Words of growth, as typed: a rate beside them is the outlook's. */
const GROWTH = /\b(?:grow(?:s|th|ing)?|outlook|projected|projections?|demand|job\s+market)\b/i;
export function decide(analysis: Analysis, scored: readonly Scored[], t: Thresholds = THRESHOLDS): Decision {
  const never = analysis.outside.find((o) => NEVER.includes(o) && !(o === 'profession' && changesCareer(analysis)));
  if (never) return { kind: 'refuse', outside: never };
  const [top, second] = scored;
  if (!top) return { kind: 'refuse' };
  const unanswered = namedNotAnswered(analysis);
  // What the articles say of it, when the best entry is about it; else only that they do not say.
  if (unanswered === 'tech') {
    // Back-end pay, whose developers' languages they are; else the best pay card.
    const figures = scored.find((s) => s.doc.ref === 'salary:backend-developer') ?? scored.find((s) => s.doc.kind === 'salary');
    return figures ? { kind: 'partial', top: figures, outside: 'tech' } : { kind: 'refuse', outside: 'tech' };
  }
  // A how-to or a ranking is shown with the closest entry that names the technology asked about
  // ("how do I connect node to postgres": the databases card, not the job search's "connect").
  if (unanswered) {
    const named = analysis.terms.filter((term) => TECHNOLOGIES.has(term));
    const about = scored.slice(0, 3).find((s) => s.features.coverage >= t.coverage && named.some((term) => s.content.has(term)));
    return about ? { kind: 'partial', top: about, outside: unanswered } : { kind: 'refuse', outside: unanswered };
  }
  const asksFigures = analysis.terms.includes('salary') || analysis.terms.includes('outlook');
  // "Monthly", "an hour" say something only of pay: "I can study an hour a day" is no pay question.
  // Nor does a rank above senior: "what does a CTO do?" is the career ladder's; only its pay is not given.
  const partly = analysis.outside.find((o) => PARTLY.includes(o) && (!OF_PAY.includes(o) || analysis.terms.includes('salary')));
  // "I live in Florida, where do I find jobs?": where the asker lives says who asks; the job boards
  // answer it anywhere. Only pay and the outlook are figures of a place.
  if (partly && !(partly === 'place' && !asksFigures && LIVES_IN.test(analysis.raw))) {
    // Pay or the outlook somewhere else, or at a named company: the U.S. figures are what the
    // articles have; the bot shows them and says so.
    const figures = scored.find((s) => s.doc.kind === 'salary' || s.doc.kind === 'outlook');
    if (asksFigures) return figures ? { kind: 'partial', top: figures, outside: partly } : { kind: 'refuse', outside: partly };
    // Otherwise the place or company must be part of what the best entry is about ("Amazon Web
    // Services" for the AWS certification); a question about something there is not covered.
    // And the rest of the question must be about that entry too: "how do I get a job at google"
    // is not about Google's PageSpeed tool, though both name Google.
    const named = analysis.outsideWords.every((w) => top.matched.includes(w));
    // Words of the field itself ("developer", "backend") are in nearly every card: they do not count.
    // Nothing else asked ("netflix backend ppl do what", "the netflix example?") is about it too.
    const rest = analysis.terms.filter((term) => !analysis.outsideWords.includes(term) && !FIELD_TERMS.has(term) && !SUBJECT_WORDS.has(term) && !ABOUT_IT.has(term));
    const restCovered = rest.length === 0 || rest.some((term) => top.content.has(term));
    if (!named || !restCovered) return { kind: 'refuse', outside: partly };
  }
  // Named rule "a strong lead": a narrow question in other words ("which XML-era web protocol is
  // listed alongside HTTP and HTTPS?") shares few words with any entry, but one entry far ahead of
  // the rest is the one it asks about.
  const lead = second ? top.score - second.score : Infinity;
  // Not for pay, whose figures half-match any "how much does X make" ("a restaurant server ... in
  // tips"); with a word the articles never use ("an old wooden table"), only when surer.
  const surer = !analysis.unknown.length || top.score >= t.sure;
  const strong = top.score >= t.strongScore && lead >= t.strongMargin && top.features.coverage >= t.strongCoverage && surer && top.doc.kind !== 'salary';
  if (top.features.coverage < t.coverage && !strong) return { kind: 'refuse' };
  // "How many years count as mid-career?": a pay level's years are its bracket, which the figures give.
  // So are the years to a figure the card gives ("after how many years does pay reach $95,000?").
  const bracket = (term: string) => term === 'duration' && top.doc.kind === 'salary' && ((!!analysis.level && analysis.level !== 'overall') || PAY_FIGURE.test(analysis.raw));
  // "Which growth figure is almost double the average rate?": a rate beside growth is the outlook's own.
  // (The line's own growth: "the bootcamp job placement rate?" after the outlook is no growth rate.)
  const growthRate = (term: string) => term === 'rate' && GROWTH.test(analysis.raw) && top.content.has('outlook');
  if (ASKED_FOR.some((term) => asksFor(term, analysis) && !gives(term, top.content, top.doc.kind === 'salary') && !bracket(term) && !growthRate(term))) return { kind: 'refuse' };
  // A rate the best entry gives of something else: "what is the bootcamp job placement
  // rate?" is not the CS programmes' acceptance rates. What it is of must be in that entry too.
  const ofWhat = analysis.terms.filter((term) => !ASKED_FOR.includes(term) && !FIELD_TERMS.has(term) && !SUBJECT_WORDS.has(term));
  if (analysis.terms.includes('rate') && !growthRate('rate') && ofWhat.length > 0 && !ofWhat.some((term) => top.content.has(term))) return { kind: 'refuse' };
  const margin = second ? top.score - second.score : Infinity;
  if (top.score >= t.sure || (top.score >= t.answer && margin >= t.margin)) return { kind: 'answer', top };
  if (top.score >= t.clarify) {
    const options = scored.filter((s) => s.score >= top.score - 2 * t.margin && s.features.coverage >= t.coverage).slice(0, 3);
    if (options.length > 1 && siblings(options, t)) return { kind: 'answer', top };
    return options.length > 1 ? { kind: 'clarify', options } : top.score >= t.answer ? { kind: 'answer', top } : { kind: 'refuse' };
  }
  return { kind: 'refuse' };
}
