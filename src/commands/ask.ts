import { log } from '../log.js';
import type { CommandContext, CommandSpec, Services } from '../command.js';
import { compose as card } from '../answers/compose.js';
import { citeAll, itemSources, sourceRefs } from '../answers/cite.js';
import { citesAsked } from '../answers/cites.js';
import { pickPoints, roleItems } from '../answers/role.js';
import { gapLead, outlookPeriodLead, payLead, salaryCard } from '../answers/salary.js';
import { planOf, planPoint, pointName } from '../answers/plans.js';
import { calledBy, ownSourceWords, sourcesNamed } from '../answers/named-source.js';
import { namesSpelt, spellingAsked } from '../answers/named-by.js';
import { acronymAsked, expansionIn, notGiven } from '../answers/not-given.js';
import { amongLead, notAmongLead, optionsAsked, optionsWhich, type Reading } from '../answers/not-among.js';
import { escape, listed, loose, namesAsked, namesIn, yesNoLead } from '../answers/yes-no.js';
import { itemAsked, itemNamed, itemsWithout, listItems, placeAsked } from '../answers/list-items.js';
import { commandAsked, FIGURE_JUDGED, FIGURES_DIFFER, MORE, PLAIN_MORE, SOURCE_OF_THAT } from '../more-words.js';
import { rememberTopic } from './remember.js';
import { NUMBER_WORDS, resolveStep } from './resolve.js';
import type { Outside, Role, SalaryLevel, Step } from '../knowledge/schema.js';
import { pointTexts, reply, withLead, withoutActions, type Node, type Reply, type Suggestion } from '../reply.js';
import { afterPay, figuresOf, type Answer, type Scored, type Turn } from '../search/index.js';
import { THRESHOLDS } from '../search/decide.js';
import { smallTalk } from '../smalltalk.js';
import { answerRoom, fitLines, relevantLines } from '../brief.js';
import { nowIso, userWrite } from './community.js';

/** Topics offered when a question matches nothing at all. */
const STARTERS = [
  { label: 'Back-end developer salary', command: 'salary' },
  { label: 'The roadmap', command: 'roadmap' },
  { label: 'How long it takes', command: 'ask how long does it take' },
];

/** The articles' own pay comparison, whose two figures from one source "by how much?" weighs (see gapLead). */
const EARNS_MORE = 'question:who-earns-more-frontend-or-backend';
/**
 * A button that asks about an entry by its title. Never cut: a cut command is another command, and
 * each platform's renderer leaves out a suggestion too long for its buttons.
 */
const askAbout = (h: Scored): Suggestion => ({ label: h.doc.title, command: `ask ${h.doc.title}` });

/** Entries about the articles themselves (how old they are), not the career: never a "see also". */
const ABOUT_ARTICLES: ReadonlySet<string> = new Set(['question:articles-dates']);

/** The next-best hits as "see also" buttons. */
function related(answer: Answer, top: Scored) {
  return answer.hits
    .filter((h) => h !== top && !ABOUT_ARTICLES.has(h.doc.ref))
    .slice(0, 2)
    .map(askAbout);
}

/** The title of the reply to a question the articles do not answer. */
const UNKNOWN = "I don't know that yet";

export function unknownAnswer(answer: Answer): Reply {
  // After chit-chat or code help, only a topic that covers the question is worth offering ("will
  // AI replace developers?": the trends); "session management" after "favorite movie?" is noise,
  // and the starters say what the bot does.
  const offTopic = answer.analysis.outside.some((o) => o === 'chat' || o === 'code-help');
  const outsideWords = new Set(answer.analysis.outsideWords.flatMap((w) => w.split(/\s+/)));
  const covers = (h: Scored) => h.features.coverage >= THRESHOLDS.coverage && h.matched.some((t) => !outsideWords.has(t));
  // A line that names no subject ("give me an example") half-matches whatever it likes: no topic is closest.
  const vague = answer.decision.kind === 'refuse' && !!answer.decision.vague;
  const closest = vague ? [] : answer.hits.filter((h) => !offTopic || covers(h)).slice(0, 3).map(askAbout);
  return reply({
    title: UNKNOWN,
    children: [
      {
        type: 'text',
        text: beyondWords(answer.decision) ?? (vague ? VAGUE : undefined) ?? OUTSIDE_WORDS[answer.decision.kind === 'refuse' && answer.decision.outside ? answer.decision.outside : 'none'],
      },
      ...(closest.length ? [{ type: 'note' as const, text: `Closest topics: ${closest.map((c) => c.label).join(', ')}` }] : []),
    ],
    answered: false,
    suggestions: closest.length ? closest : STARTERS,
    outcome: 'unknown',
  });
}

/** "Does that include government jobs?" after the benefits: what the answer before holds is all there is. */
function beyondWords(decision: Answer['decision']): string | undefined {
  if (decision.kind !== 'refuse' || !decision.beyond?.length) return undefined;
  const words = decision.beyond;
  const named = words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : words[0];
  return `The answer before is all the articles say on that: they say nothing about ${named} there, so I won't guess.`;
}

const ABOUT = 'I can answer questions about becoming a back-end developer: roles, pay, learning, the roadmap, interviews and the job search.';
/** A first line that names no subject ("which concepts?", "give me an example"). */
const VAGUE = `Of what? That names no subject, and there is no question before it to read it with. Ask it with its subject, for example "what does API stand for?" or "give me an example of a back-end framework". ${ABOUT}`;
/** What the bot says when it refuses, by what the question was about. */
const OUTSIDE_WORDS: Record<Outside | 'none', string> = {
  none: `I couldn't find that in the articles I know, so I won't guess. ${ABOUT}`,
  place: `The articles give U.S. figures only and say nothing about other places, so I won't guess. ${ABOUT}`,
  company: `The articles say nothing about particular companies, so I won't guess. ${ABOUT}`,
  school: `The articles say nothing about that university, college or bootcamp, so I won't guess. ${ABOUT}`,
  tech: `The articles don't mention that technology, so I won't guess. ${ABOUT}`,
  period: `The articles give yearly pay only, so I won't guess an hourly or monthly figure. ${ABOUT}`,
  industry: `The articles give no pay by industry or sector, so I won't guess. ${ABOUT}`,
  setting: `The articles give no pay for remote, hybrid or part-time work, so I won't guess. ${ABOUT}`,
  percentile: `The articles give averages, medians and figures by years of experience, no percentiles or pay distribution, so I won't guess. ${ABOUT}`,
  rank: `The articles name roles above senior (such as CTO or IT director) only as where a career can lead, with no pay, so I won't guess. ${ABOUT}`,
  profession: `The articles are about back-end development and say nothing about that profession, so I won't guess. ${ABOUT}`,
  'code-help': `I can't help write or debug code: I answer career questions from four articles. ${ABOUT}`,
  chat: `That is outside what the articles cover. ${ABOUT}`,
  future: `The articles make no prediction for that: they give today's figures and one projection, job growth for web developers to 2030, so I won't guess. ${ABOUT}`,
  ranking: `The articles name these but never compare or rank them, so I won't guess. ${ABOUT}`,
  'how-to': `The articles don't teach how a technology works or how to set it up: they are about the career, so I won't guess. ${ABOUT}`,
  path: `The articles explain how to become a back-end developer only, so I won't guess the way into another role. ${ABOUT}`,
};
/**
 * What the articles leave out, said of one half of a line asking two things (see bothAsked): the
 * refusal's own words, without "so I won't guess" and what the bot can answer instead.
 */
function halfOutside(outside: Outside): string {
  if (outside === 'chat') return 'Part of what you asked is outside what the articles cover.';
  const said = OUTSIDE_WORDS[outside].replace(` ${ABOUT}`, '');
  return said.replace(/, so I won't guess[^.]*\.$/, '.').replace(/: I answer career questions from four articles\.$/, '.');
}

/** What the articles do cover when they cover only part of a question (pay in London). */
const PARTIAL_WORDS: Partial<Record<Outside, string>> = {
  place: 'The articles give only national figures (U.S. ones, where they say), nothing for other countries, states or cities.',
  company: 'The articles give no figures for particular companies.',
  school: 'The articles give no figures for particular schools.',
  tech: 'The articles give no figures for that technology.',
  period: 'The articles give yearly pay only, nothing by the hour or the month.',
  industry: 'The articles give no pay by industry or sector (the spotlight only lists where back-end developers work); these are their figures for back-end developers in general.',
  setting: 'The articles give no pay for remote, hybrid or part-time work; these are their figures for back-end developers in general.',
  percentile: 'The articles give averages, medians and figures by years of experience, no percentiles or pay distribution.',
  rank: 'The articles give no pay for roles above senior (such as CTO, IT director or lead software engineer), only for back-end developers by experience.',
  ranking: 'The articles never compare or rank these against each other; they only name them.',
  future: 'The articles make no prediction about where a technology is going; they only name it and say what it is for.',
  'how-to': "The articles don't teach how it works or how to set it up: they are about the career, not a tutorial.",
  path: 'The articles explain how to become a back-end developer only; of this role they say what it is, not how to get into it.',
};

/**
 * What the articles do cover of a question they cover only in part (pay in London): the entry,
 * led by what they do not cover. Not "answered", so the question reaches `unanswered`. `more`
 * shows it again by its entry and what was outside (`salary:backend-developer entry !place`).
 */
export function partialAnswer(ctx: Services, ref: string, level: SalaryLevel | undefined, outside: Outside): Reply | undefined {
  const shown = card(ctx, ref, level);
  if (!shown) return undefined;
  const out = withCaveat({ ...shown, topic: ref }, outside);
  out.more = `${moreOf(ref, level)} !${outside}`;
  return out;
}

/** A reply led by what the articles do not cover of the question; not "answered". */
export function withCaveat(shown: Reply, outside: Outside): Reply {
  // "Here is what they do give:" only before figures: not before "no salary figure for the DBA".
  const words = PARTIAL_WORDS[outside];
  const lead: Node = { type: 'text', text: words ? (shown.answered ? `${words} Here is what they do give:` : words) : OUTSIDE_WORDS[outside] };
  // A brief that states every fact (a salary card's) stays the short form, the caveat first; the
  // card's own actions come along in its children, where they sit.
  const brief = shown.brief && shown.briefComplete ? { brief: [lead, ...shown.brief], briefComplete: true } : {};
  return { ...reply({ title: shown.card.title, children: [lead, ...shown.card.children], sources: shown.sources, answered: false, outcome: 'partial', ...brief }), ...(shown.topic ? { topic: shown.topic } : {}) };
}

/** The title of the reply asking which of two or three entries was meant. */
const CLARIFY = 'Which one did you mean?';

/** "Did you mean": two or three entries were about as close. */
function clarify(options: Scored[]): Reply {
  return reply({
    title: CLARIFY,
    children: [{ type: 'list', items: options.map((o) => o.doc.title) }],
    answered: false,
    outcome: 'clarify',
    suggestions: options.map(askAbout),
  });
}

/** The title of the reply that shows what each of the closest entries says. */
const READINGS = 'The closest answers in the articles';
/**
 * The field's own words: every entry speaks of them, so a point sharing only these with a
 * question says nothing about what it asks ("how do I connect node to postgres" and TripleByte
 * "connecting you with employers").
 */
const FIELD_WORDS = 'backend back-end developer developers software programming code coding tech server web dev devs frontend front-end fullstack full-stack engineer programmer job jobs';
/** How many of the question's own words one point of an entry must hold for readings to show it. */
const READING_TERMS = 2;
/** The fewest lines each entry gets in readings, however many share the screen. */
const READING_LINES = 4;

/**
 * Named rule "readings": two or three entries are about as close ("what three qualities should
 * their systems have?": the security step and the role card). Rather than "which one did you
 * mean?", the reply shows, under each entry's title, its points that hold the question's words,
 * each with its source, and offers each in full. Only an entry with a point holding at least
 * READING_TERMS of the question's own words (not the field's) is shown: one shared word is a
 * coincidence. It is not one confident answer: the title says these are the closest, and the
 * question still reaches `unanswered`. With no entry that close, the bot asks which one was meant.
 */
function readings(ctx: CommandContext, answer: Answer, options: Scored[]): Reply | undefined {
  const general = pointTerms(ctx, FIELD_WORDS);
  // Counted by the question's words, not terms: "easy" gives "easy" and "difficult", one word.
  // Nor a source's name: every point cites one ("(Indeed)"), and naming it asks nothing.
  const words = answer.analysis.groups.filter((g) => g.some((t) => !general.has(t) && !ctx.search.namesSource(t)));
  const holds = (text: string) => {
    const terms = pointTerms(ctx, text);
    return words.filter((g) => g.some((t) => terms.has(t))).length;
  };
  const close = cardsOf(ctx, answer, options).filter((c) => pointTexts(c.shown.card.children).some((p) => holds(p) >= READING_TERMS));
  // Only the points that hold the question's words: not the card's lead, nor the rest of a list.
  const out = close.length ? shownTogether(ctx, answer, close, READINGS, false) : undefined;
  return out && { ...out, answered: true, outcome: 'clarify' };
}

/** The title of the reply that shows two things a question compares. */
const SIDE_BY_SIDE = 'Side by side';

/**
 * Named rule "side by side": a question that compares two things by their names ("aws or azure
 * cert, which is better?", "graphql vs rest") is answered with both, each under its title with
 * its lead and the points that hold the question's words. The articles never rank them: the
 * reply shows what each says, and the user compares.
 */
function sideBySide(ctx: CommandContext, answer: Answer, pair: Scored[]): Reply | undefined {
  return shownTogether(ctx, answer, cardsOf(ctx, answer, pair), SIDE_BY_SIDE, true);
}

/** Each entry with its card, at the level the question names. */
function cardsOf(ctx: CommandContext, answer: Answer, entries: Scored[]): { option: Scored; shown: Reply }[] {
  return entries.flatMap((option) => {
    const shown = card(ctx, option.doc.ref, answer.analysis.level);
    return shown ? [{ option, shown }] : [];
  });
}

/**
 * Several entries in one reply, each under its title with the points that bear on the question
 * (with its lead when `lead`), sharing the screen; the sources of what is shown; each entry
 * offered in full.
 */
function shownTogether(ctx: CommandContext, answer: Answer, cards: { option: Scored; shown: Reply; asked?: Answer }[], title: string, lead: boolean): Reply | undefined {
  if (!cards.length) return undefined;
  const suggestions = cards.map((c) => askAbout(c.option));
  // The screen's room, shared: each entry's title takes a row of its share.
  const room = answerRoom(reply({ title, children: [], answered: true, sources: cards.flatMap((c) => c.shown.sources), suggestions }), '');
  const share = Math.max(READING_LINES, Math.floor(room / cards.length) - 1);
  const children: Node[] = [];
  for (const { option, shown, asked } of cards) {
    const relevance = relevanceFor(ctx, shown, asked ?? answer, option.doc.ref.startsWith('role:'));
    // A figure keeps its caveat; a step's "Next:" note is no point of the answer.
    const figures = option.doc.kind === 'salary' || option.doc.kind === 'outlook';
    const picked = relevance ? relevantLines(shown.card.children, relevance, share, { lead, fill: false }) : lead ? fitLines(shown.card.children, share).shown : [];
    const kept = picked.filter((n) => n.type !== 'section' && (n.type !== 'note' || figures));
    if (kept.some((n) => n.type !== 'note')) children.push({ type: 'section', title: option.doc.title }, ...kept);
  }
  if (!children.length) return undefined;
  // The sources of what is shown, not of the whole cards.
  const said = pointTexts(children).join('\n');
  const sources = [...new Map(cards.flatMap((c) => c.shown.sources).map((src) => [src.id, src])).values()].filter((src) => said.includes(src.short));
  return { ...reply({ title, children, answered: true, sources, suggestions }), whole: true };
}

/** The title of the reply that answers two questions asked in one line. */
const BOTH_ASKED = 'Both of your questions';
/** Where one line asks a second question: "... and do I need a degree?", "...? Is it hard?". */
const SECOND_QUESTION = /\s+(?:and|also|plus|&)\s+(?=(?:do|does|is|are|can|could|should|will|would|how|what|which|where|when|why|who)\b)|\?\s+(?=\S)/i;
/** Words of a second question that lean on the first: it is no question of its own. */
const POINTING_BACK = /\b(?:that|this|those|these|it|its|they|them|their|there|one|ones|both|either|so|too|also|else|other|others|alternative|then|instead|why)\b/i;
/** An "it" that points at nothing: "how long does it take", "is it hard". */
const IDLE_IT = /\b(?:does|did|will|would|can|could|should) it take to\b|\bit takes to\b|\bis it (?:hard|difficult|easy|worth(?: it)?|possible|true|normal|too late|realistic) to\b/gi;
/** After a half about back-end work, "how long does it take" is it too (not "the meta certificate"). */
const IDLE_IT_AFTER = /\b(?:does|did|will|would|can|could|should) it take\b|\bit takes\b|\bis it (?:hard|difficult|easy|worth(?: it)?|possible|true|normal|too late|realistic)\b/gi;
const BACK_END = /\bback[\s-]?end\b/i;
/** "They" after a first half about back-end developers is them, whom every answer is about. */
const THEY = /\b(?:they|them|their)\b/gi;
const BACK_END_PEOPLE = /\b(?:back[\s-]?end|server[\s-]side)\s*(?:devs?|developers?|engineers?|people|folks|programmers?)\b/i;
/** The fewest terms each half must have, read alone. */
const QUESTION_TERMS = 2;
/** A line that opens as a question does. */
const ASKING = /^\s*(?:how|what|what's|whats|which|where|when|why|who|do|does|did|is|are|can|could|should|will|would|am)\b/i;
/** The fewest words each of the two questions must have to stand alone ("how many qs" leans on the one before). */
const QUESTION_WORDS = 4;
/** Each of two short questions has at least this many ("what is REST"). */
const SHORT_QUESTION_WORDS = 3;
/**
 * How sure of its entry a short half must be to stand alone: "what is REST", "is backend hard" score
 * 0.85-0.91; "what's the passing score?" (a half-match, 0.50) does not. Chosen on the dev sets.
 */
const SHORT_SURE = 0.7;

/**
 * Named rule "two questions in one line": "how much do juniors make and do I need a degree?" is
 * answered with both, each under its title, when each half alone has a confident answer of its own
 * (two different entries); otherwise the line is read whole, as before.
 */
function bothAsked(ctx: CommandContext, text: string): { reply: Reply; last: Answer; ref: string } | undefined {
  const parts = text.split(SECOND_QUESTION).map((p) => p.trim()).filter(Boolean);
  // Each half a question of its own ("I want to learn backend and how do I start?" is one question
  // after a statement), neither leaning on the other ("... and what is that figure?", "why
  // bother?", "...how much do they make at microsoft?"), at least one long enough to stand alone.
  const words = (p: string) => (p.match(/\p{L}+/gu) ?? []).length;
  const whole = (p: string) => words(p) >= QUESTION_WORDS;
  // Two short ones may each be sure of their entry ("what is REST and what is gRPC?"): see below.
  if (parts.length !== 2 || !parts.every((p) => ASKING.test(p)) || !(parts.some(whole) || parts.every((p) => words(p) >= SHORT_QUESTION_WORDS))) return undefined;
  const asked = parts.map((p) => ctx.search.ask(p));
  // Not after a half about something else ("does netflix hire backend devs and what do they pay": Netflix).
  const theyAreUs = BACK_END_PEOPLE.test(parts[0]!) && !asked[0]!.analysis.outside.length;
  const aboutUs = BACK_END.test(parts[0]!) && !asked[0]!.analysis.outside.length;
  const leans = (p: string, k: number) => {
    let q = p.replace(IDLE_IT, ' ');
    if (k === 1 && aboutUs) q = q.replace(IDLE_IT_AFTER, ' ');
    if (k === 1 && theyAreUs) q = q.replace(THEY, ' ');
    return POINTING_BACK.test(q);
  };
  // A half leaning on the other is no question of its own, unless it is about what the articles
  // do not cover whatever "it" is ("what is OWASP and who founded it?").
  const outsideAlone = (k: number) => asked[k]!.decision.kind !== 'answer' && asked[k]!.analysis.outside.length > 0;
  if (parts.some((p, k) => leans(p, k) && !outsideAlone(k))) return undefined;
  const cards = asked.map((a, k) => {
    // "what's the passing score?" says one thing: too little to be a question of its own here.
    // A short half sure of its entry ("what is REST", "is backend hard") stands on its own.
    const sure = a.decision.kind === 'answer' && a.decision.top.score >= SHORT_SURE;
    if (a.decision.kind !== 'answer' || (!sure && (a.analysis.terms.length < QUESTION_TERMS || !whole(parts[k]!)))) return undefined;
    const ref = a.payFor ? `salary:${a.payFor}` : a.decision.top.doc.ref;
    const shown = card(ctx, ref, a.analysis.level);
    return shown?.answered ? { option: a.hits.find((h) => h.doc.ref === ref) ?? a.decision.top, shown, asked: a, ref } : undefined;
  });
  // A half about what the articles do not cover ("is unemployment high?", "is kotlin good?"), which
  // they refuse (Google's PageSpeed tool is in them), is said so and the other half answered ("what
  // is the job outlook? is unemployment high?"): not both read as answered, nor the in-scope half lost.
  // Not a company: the other half goes on about it ("...at google? how many interview rounds").
  const outside = asked.map((a) => (a.decision.kind !== 'answer' && a.analysis.outside[0] !== 'company' ? a.analysis.outside[0] : undefined));
  const k = outside.findIndex((o, j) => o && !asked[1 - j]!.analysis.outside.length && cards[1 - j]);
  if (k >= 0) {
    const { shown, asked: a, ref } = cards[1 - k]!;
    const more = moreOf(ref, a.analysis.level);
    const lead: Node = { type: 'text', text: `${halfOutside(outside[k]!)} This answers your other question.` };
    return { reply: { ...ledBy(shown, lead, briefFor(ctx, shown, a, more)), topic: ref, more }, last: a, ref };
  }
  if (asked.some((a) => a.analysis.outside.length) || !cards[0] || !cards[1] || cards[0].ref === cards[1].ref) return undefined;
  const both = cards as NonNullable<(typeof cards)[number]>[];
  const shown = shownTogether(ctx, asked[0]!, both, BOTH_ASKED, true);
  return shown && { reply: shown, last: asked[1]!, ref: both[1]!.ref };
}

/** What to study, and the roadmap step that comes after the studies (Career Karma's plan: earn some experience). */
const STUDIES = 'learning:what-to-study';
const AFTER_STUDIES = 'earn-experience';
/** "What next?", "and after that?": the step after the one just shown. */
const NEXT = /^\s*(?:(?:ok(?:ay)?|and|so|then)[\s,]+)?(?:what(?:'?s| is| comes)? (?:next(?: after (?:that|this|it))?|after (?:that|this|it))|(?:the )?next(?: step| one)?(?: after (?:that|this|it))?|(?:what(?:'?s| is| about) )?the (?:step|one) after(?: that| this| it)?|and then|then\s*\?|then what|after that|what now|now what|what do i do (?:next|after that|now))[\s?!.]*$/i;
/** "Where can I find more?", "where do i get more of those": more of what was just answered. */
const FIND_MORE = /^\s*(?:(?:ok(?:ay)?|and|so|cool|thanks)[\s,]+)?where\s+(?:can|do|could|should|would)\s+i\s+(?:find|get|see|read|look for)\s+(?:some\s+)?more(?:\s+(?:of\s+(?:them|those|these|that|it)|like\s+(?:that|this|them|those|these)))?[\s?!.]*$/i;
/** "What's the step before that?", "previous step", "and the one before?": the step before the one just shown. */
const BEFORE = /^\s*(?:(?:ok(?:ay)?|and|so|then)[\s,]+)?(?:what(?:'?s| is| comes| came)? (?:the (?:step|one) )?before (?:that|this|it)|(?:the )?previous (?:step|one)|(?:what(?:'?s| is| about) )?(?:the )?(?:step|one) before(?: that| this| it)?|before (?:that|this|it)|go back(?: a step| one step)?)[\s?!.]*$/i;

/** Ordinal words up to the roadmap's length: "the third step". */
const ORDINALS = NUMBER_WORDS.map(([, ordinal]) => ordinal);
/**
 * "step 2", "and step 3?", "whats step 5", "what is step 3 of the roadmap", "the 3rd step", "the
 * third step?": a step by its number (of the roadmap, or of the plan just shown).
 */
const STEP_NUMBER = new RegExp(
  String.raw`^\s*(?:(?:and|so|ok(?:ay)?|what(?:'?s| is| are| about| does| do)?|show me|tell me about|explain|help(?: me)?(?: with| on)?|(?:i'?m |im )?(?:stuck|working) on|how do i (?:do|start|tackle))\s+)*(?:the\s+)?(?:roadmap\s+|devpath\s+)?` +
    String.raw`(?:step\s*#?\s*(\d{1,2})|(\d{1,2})(?:st|nd|rd|th)\s+step|(${ORDINALS.join('|')})\s+step)` +
    String.raw`(?:\s+(?:of|in|on)\s+(?:the\s+|your\s+|this\s+)?(?:devpath\s+)?(?:roadmap|road map|learning path))?` +
    // "what's step 3 about?", "whats step 2 again", "what does step 8 cover?"
    String.raw`(?:\s+(?:about|again|for|mean|means|involve|involves|cover|covers|say|says|all about|exactly))?\s*[?!.]*\s*$`,
  'i',
);

/** "What comes after step 3?", "next after the 5th step": the step after the one numbered (see followUpOfTopic). */
const AFTER_STEP = new RegExp(
  String.raw`^\s*(?:(?:and|so|ok(?:ay)?)[\s,]+)?(?:what(?:'?s| is| comes| do i do| should i do)?\s+)?(?:next\s+|right\s+)?after\s+(?:the\s+)?(?:roadmap'?s?\s+)?` +
    String.raw`(?:step\s*#?\s*(\d{1,2})|(\d{1,2})(?:st|nd|rd|th)\s+step|(${ORDINALS.join('|')})\s+step)(?:\s+(?:of|in|on)\s+(?:the\s+)?(?:roadmap|road map))?\s*[?!.]*\s*$`,
  'i',
);
/** "What comes before step 4?", "the step before the 5th step": the step before the one numbered. */
const BEFORE_STEP = new RegExp(
  String.raw`^\s*(?:(?:and|so|ok(?:ay)?)[\s,]+)?(?:what(?:'?s| is| comes| came| do i do| should i do)?\s+)?(?:(?:the\s+)?(?:step|one)\s+)?(?:right\s+)?before\s+(?:the\s+)?(?:roadmap'?s?\s+)?` +
    String.raw`(?:step\s*#?\s*(\d{1,2})|(\d{1,2})(?:st|nd|rd|th)\s+step|(${ORDINALS.join('|')})\s+step)(?:\s+(?:of|in|on)\s+(?:the\s+)?(?:roadmap|road map))?\s*[?!.]*\s*$`,
  'i',
);
/** "Step one" to "step twelve": a step's number in words, as a digit. */
const CARDINALS = NUMBER_WORDS.map(([cardinal]) => cardinal);
const STEP_IN_WORDS = new RegExp(String.raw`\bstep\s+(${CARDINALS.join('|')})\b`, 'i');
const stepDigits = (question: string) => question.replace(STEP_IN_WORDS, (_, n: string) => `step ${CARDINALS.indexOf(n.toLowerCase()) + 1}`);

/** The step a match of STEP_NUMBER or STEP_NAMED names: "step 3", "3rd step", "third step". */
const placeMatched = (m: RegExpMatchArray | null): number | undefined => (!m ? undefined : m[1] || m[2] ? Number(m[1] ?? m[2]) : ORDINALS.indexOf(m[3]!.toLowerCase()) + 1);

/** The step number a line asks for (see STEP_NUMBER), if it asks for one. */
const stepNumber = (question: string) => placeMatched(stepDigits(question).match(STEP_NUMBER));

/**
 * "I'm on step 5, what comes after?", "finished step 3, what's next?": the step after the one the
 * asker says they are on or have done (see followUpOfTopic).
 */
const ON_STEP = /^\s*(?:(?:ok(?:ay)?|so|and)[\s,]+)?(?:(?:i'?m|i am)\s+(?:now\s+)?(?:on|at|past|through|done with|finished with)|(?:i(?:'ve| have)?\s+|just\s+)?(?:finished|completed|done with|did))\s+(?:the\s+)?step\s*#?\s*(\d{1,2})\b(?:\s+(?:of|in|on|from)\s+(?:the\s+)?(?:roadmap|road map|indeed|career karma|ck|guide|spotlight)(?:'s|’s)?(?:\s+(?:step[\s-]by[\s-]step\s+)?(?:guide|plan|list|steps|article|roadmap))?)?[\s,;:.!-]*(?:so\s+|now\s+)?(?:what(?:'?s| is| comes)?\s+(?:next|after(?: that| it| this)?)|now what|then what|what now|what do i do (?:next|now)|what should i do (?:next|now))[\s?!.]*$/i;

/** The one article plan whose article the line names ("step 8 of indeed"), if it names one. */
function planNamedIn(ctx: CommandContext, question: string): ReturnType<typeof planOf> {
  // "Of indeed", "in career karma's": after "of", "in", "on" or "from", a publisher's name is its article.
  const after = (name: string) => new RegExp(String.raw`\b(?:of|in|on|from)\s+(?:the\s+)?${escape(name)}(?:'s|’s)?\b`, 'i').test(question);
  const named = new Set([...sourcesNamed(ctx.knowledge, question).map(({ source }) => source.id), ...ctx.knowledge.sources.filter((src) => src.publisher && after(src.publisher)).map((src) => src.id)]);
  const plans = ctx.knowledge.questions.map((q) => planOf(ctx, `question:${q.id}`)).filter((p) => p && p.question.sources.some((id) => named.has(id)));
  return plans.length === 1 ? plans[0] : undefined;
}

/** A step named inside a longer question: "what's Indeed's third step?", "step 2 of Career Karma's plan", "step one" (in words). */
const STEP_NAMED = new RegExp(String.raw`\b(?:step\s*#?\s*(\d{1,2})\b|(\d{1,2})(?:st|nd|rd|th)\s+step|(${ORDINALS.join('|')})\s+step)`, 'i');

const stepNamed = (question: string) => placeMatched(stepDigits(question).match(STEP_NAMED));

/** Whether a question names an article's plan: its publisher ("Indeed's", "the job-listing site's") or its count ("the four steps"). */
function namesPlan(ctx: CommandContext, plan: NonNullable<ReturnType<typeof planOf>>, answer: Answer): boolean {
  const asked = new Set(answer.analysis.terms);
  if (asked.has('fourstep') || asked.has('eightstep')) return true;
  const names = plan.question.sources.flatMap((id) => ctx.knowledge.sources.filter((src) => src.id === id).flatMap((src) => [src.publisher ?? '', src.short]));
  return names.some((name) => name && ctx.search.terms(name).every((t) => asked.has(t)));
}

/** Words that name an article's plan rather than the roadmap: "step 3 in that guide". */
const PLAN_WORDS = /\b(?:guide|article|plan|piece|list|write-?up)\b/i;

/** "What comes after beginning your studies?": the step after the one named by its words. */
const AFTER_NAMED = /^\s*(?:(?:and|so|ok(?:ay)?)[\s,]+)?(?:what(?:'?s| is| comes| do i do| should i do)?\s+)?(?:right\s+)?after\s+(.+?)[\s?!.]*$/i;

/** The plan's point a phrase names: the one sharing the most of its terms (at least one). */
function pointNamed(ctx: CommandContext, plan: { points: readonly { text: string }[] }, phrase: string): number | undefined {
  const asked = new Set(ctx.search.terms(phrase));
  let best = 0;
  let place: number | undefined;
  // A word of the point's name counts twice: "the practice one" is "Practice regularly", not the
  // framework step that says to "practise with it".
  plan.points.forEach((p, i) => {
    const named = pointTerms(ctx, pointName(p.text));
    const shared = [...pointTerms(ctx, p.text)].filter((t) => asked.has(t)).length + [...named].filter((t) => asked.has(t)).length;
    if (shared > best) [best, place] = [shared, i + 1];
  });
  return place;
}

/** "then?" alone (see NEXT). */
const BARE_THEN = /^\s*(?:and\s+)?then\s*\?+\s*$/i;
/** "And 7?", "what about #3?", "6?": a number alone, after an article's plan or a roadmap step. */
const BARE_NUMBER = /^\s*(?:(?:and|ok(?:ay)?|so)[\s,]+)?(?:(?:what|how) about\s+)?(?:no\.?\s*|#\s*)?(\d{1,2})(?:st|nd|rd|th)?\s*[?!.]*\s*$/i;

/** "What about the other article?", "and the other guide's steps?": another article's version of what was just shown. */
const OTHER_ARTICLE = /^\s*(?:(?:and|so|ok(?:ay)?|but)[\s,]+)?(?:(?:what|how) about|what does|what do|and)?\s*(?:the\s+)?(?:other|another)\s+(?:article|source|guide|site|page|one|list)(?:'?s)?(?:\s+(?:steps?|plan|list|version|one))?(?:\s+(?:say|says|have|has|list|give))?\s*[?!.]*\s*$/i;

/** "What about the algorithms one?", "the practice step?": a point of the plan by its words. */
const THE_NAMED_ONE = /^\s*(?:(?:and|so|ok(?:ay)?)[\s,]+)?(?:(?:what|how) about\s+|what(?:'?s| is| does)\s+)?the\s+([a-z][\w\s'-]{1,30}?)\s+(?:one|step|point)\b(?:\s+say)?(?:\s+(?:about|mean|involve))?[\s?!.]*$/i;
/** "What's the last one?", "and the final step?": the last point of the plan or roadmap just shown. */
const LAST = /^\s*(?:(?:and|so|ok(?:ay)?)[\s,]+)?(?:what(?:'?s| is| about)\s+)?(?:the\s+)?(?:last|final)(?:\s+(?:one|step))?\s*[?!.]*\s*$/i;
/** "And the first?", "what's the first step?": the first point of the plan or roadmap just shown. */
const FIRST = /^\s*(?:(?:and|so|ok(?:ay)?)[\s,]+)?(?:what(?:'?s| is| about)\s+)?(?:the\s+)?first(?:\s+(?:one|step))?\s*[?!.]*\s*$/i;

/**
 * Named rule "the other articles": "what about the other articles?" after an answer that is not
 * an article's plan asks what the rest say about it. The answer names who says each point; the
 * bot says which articles say nothing there, rather than showing the same card as if it were theirs.
 */
function otherArticles(ctx: CommandContext, previous: Turn): Reply | undefined {
  const ref = figuresOf(previous.topic!, previous);
  const shown = card(ctx, ref, previous.level);
  if (!shown?.answered) return undefined;
  const said = pointTexts(shown.card.children).join('\n');
  const silent = ctx.knowledge.sources.filter((src) => !said.includes(`(${src.short}`) && !said.includes(`cited by ${src.short}`));
  const speaking = ctx.knowledge.sources.filter((src) => !silent.includes(src));
  const text = silent.length
    ? `${listed(silent.map(calledBy))} say${silent.length > 1 ? '' : 's'} nothing about this; what ${listed(speaking.map(calledBy))} say${speaking.length > 1 ? '' : 's'} is below.`
    : 'All four articles speak of this; each point below names its article.';
  return againWith(ctx, previous, shown, ref, text.charAt(0).toUpperCase() + text.slice(1));
}

/**
 * The answer before shown again under `lead` ("that is all the articles say", "the others say
 * nothing here"): the conversation stays on the same turn, as it was (a pay answer by its role).
 */
function againWith(ctx: CommandContext, previous: Turn, shown: Reply, ref: string, lead: string): Reply {
  ctx.conversations.remember(ctx, previous, ctx.now());
  return { ...withLead(shown, { type: 'text', text: lead }), topic: ref, more: moreOf(ref, previous.level), whole: true };
}

/** Pay named in words: "why do the salary figures differ?" asks of pay with nothing before it. */
const PAY_NAMED = /\b(?:salary|salaries|pay|figures?|numbers?|estimates?)\b/i;

/**
 * Who an answer stands on: its articles, and whom they cite there ("Career Karma (citing U.S.
 * Bureau of Labor Statistics)"), read from the points shown: each ends with its source.
 */
function sourcesSaid(shown: Reply): string {
  const text = shown.text;
  const names = shown.sources.map((src) => {
    const cited = [...new Set([...text.matchAll(new RegExp(`\\(([^()]+?), cited by ${escape(src.short)}`, 'g'))].map((m) => m[1]!))];
    return cited.length ? `${src.short} (citing ${cited.join(' and ')})` : src.short;
  });
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "Which source says so?": the answer again, led by who says it. */
function whoSaysIt(shown: Reply): string {
  return shown.sources.length ? `That comes from ${sourcesSaid(shown)}; each point below names its source.` : 'Each point below names its source.';
}

/**
 * Questions about where an answer's facts come from: "which source says so?" after an answer (that
 * answer again, led by who says it); "why do the numbers differ so much?" and "which number is
 * right?" of pay (the articles never say: every figure again beside its source, at every level,
 * since how far apart they are is seen across the whole table).
 */
function whoSaidIt(ctx: CommandContext, text: string, previous: Turn | undefined): Reply | undefined {
  if (SOURCE_OF_THAT.test(text) && previous?.topic) {
    const ref = figuresOf(previous.topic, previous);
    const shown = card(ctx, ref, previous.level);
    if (shown?.answered) return againWith(ctx, previous, shown, ref, whoSaysIt(shown));
  }
  const shownFigures = previous?.topic ? figuresOf(previous.topic, previous) : undefined;
  const pay = shownFigures?.startsWith('salary:') ? shownFigures : undefined;
  const judged = FIGURE_JUDGED.test(text);
  if (!(FIGURES_DIFFER.test(text) || judged) || !(pay || PAY_NAMED.test(text) || ctx.search.namesSource(text))) return undefined;
  const ref = pay ?? 'salary:backend-developer';
  const shown = card(ctx, ref, undefined);
  if (!shown?.answered) return undefined;
  const { level: _, ...turn } = previous ?? { terms: ctx.search.terms(text) };
  const said = judged ? "The articles don't say which figure is right" : "The articles don't say why their figures differ";
  // The why, or which is right, is not in the articles: the figures are what they give, so the
  // question is not answered (and reaches `unanswered`).
  return { ...againWith(ctx, { ...turn, topic: ref }, shown, ref, `${said}. They come from ${sourcesSaid(shown)}, so they are shown side by side, never averaged.`), answered: false };
}

/**
 * After an article's own numbered plan (Career Karma's four steps), "and step 3?", "what's the
 * last one?" and "what's next?" name a point of that plan, not the devpath roadmap's step.
 */
function followUpOfPlan(ctx: CommandContext, question: string, previous: Turn | undefined): Reply | undefined {
  // "I'm on step 8 of Indeed's, what comes after?": the plan the line names, with nothing before it.
  // The plan the line names comes first: after Career Karma's plan, "step 5 of indeed's" is Indeed's.
  const plan = (ON_STEP.test(question) ? planNamedIn(ctx, question) : undefined) ?? planOf(ctx, previous?.topic);
  // "Step 3 of the roadmap" names the roadmap, whatever plan was shown before.
  if (!plan || /\b(?:roadmap|road map|learning path)\b/i.test(question)) return undefined;
  // "What about the other article?" after Career Karma's four steps: the other article's plan.
  if (OTHER_ARTICLE.test(question)) {
    const others = ctx.knowledge.questions.map((q) => planOf(ctx, `question:${q.id}`)).filter((p) => p && p.ref !== plan.ref && !p.question.sources.some((id) => plan.question.sources.includes(id)));
    // Two articles give a numbered plan; were there a third, "the other" would not say which.
    const other = others.length === 1 ? others[0] : undefined;
    return other ? withTopic(ctx, other.ref, undefined) : undefined;
  }
  const numbered = stepNumber(question);
  // "What's next?" past the plan's last step shows that last step again, which says it is the last.
  // "I'm done with step 1, what now?": the point after the one named.
  const on = placeMatched(stepDigits(question).match(ON_STEP));
  const after = on ? Math.min(on + 1, plan.points.length) : NEXT.test(question) && previous?.point ? Math.min(previous.point + 1, plan.points.length) : undefined;
  // "The one before?" after its step 3: its step 2 (before the first, the first again).
  const before = BEFORE.test(question) && previous?.point ? Math.max(previous.point - 1, 1) : undefined;
  // "And 7?" after its step 5 (or the whole plan): a bare number goes on in the same plan.
  const bare = previous?.point || previous?.topic === plan.ref ? Number(question.match(BARE_NUMBER)?.[1] ?? 0) || undefined : undefined;
  // "What comes after beginning your studies?": after the point those words name.
  const afterPhrase = !after && !numbered ? question.match(AFTER_NAMED)?.[1] : undefined;
  const named = afterPhrase ? pointNamed(ctx, plan, afterPhrase) : undefined;
  const afterNamed = named && Math.min(named + 1, plan.points.length);
  // "The fourth one?": that point of the plan.
  const place = placeAsked(question);
  // "The algorithms one?": the point whose words those are ("the last one" and "the first one"
  // are read above; a word no point holds names none).
  const namedOne = question.match(THE_NAMED_ONE)?.[1];
  const byName = namedOne ? pointNamed(ctx, plan, namedOne) : undefined;
  const point = numbered ?? bare ?? (place === -1 ? plan.points.length : place) ?? (LAST.test(question) ? plan.points.length : FIRST.test(question) ? 1 : (after ?? before ?? afterNamed ?? byName));
  if (!point) return undefined;
  const shown = planPoint(ctx, plan, point);
  if (!shown) return undefined;
  rememberTopic(ctx, plan.ref, undefined, { point });
  return shown;
}

/**
 * Named rule "how it compares": "is that a lot?", "is that good?" after a figure ask how it stands
 * against others, which the card may say ("almost double the average growth rate", "$5,000 above
 * the national median"): the answer before again, those points first. A card that compares
 * nothing is left to the search.
 */
const IS_THAT_A_LOT = /^\W*(?:(?:and|so|but|ok(?:ay)?|hmm+|wow)[\s,]+)?(?:is|isn'?t|is not|was)\s+(?:that|it|this|that number|that figure)\s+(?:a lot|much|good|high|low|big|fast|decent|normal|typical|above average|below average|a good (?:number|rate|figure|salary))\b(?:\s+(?:or not|though|really|actually|compared to (?:other|most) (?:jobs|careers|occupations)))?[\s?!.]*$/i;
const COMPARES = /\b(?:average|double|triple|median|above|below|higher than|lower than|more than|less than|compared|faster than)\b/i;
function howItCompares(ctx: CommandContext, question: string, previous: Turn | undefined): Reply | undefined {
  if (!IS_THAT_A_LOT.test(question) || !previous?.topic) return undefined;
  const ref = figuresOf(previous.topic, previous);
  const shown = card(ctx, ref, previous.level);
  // Only the points that weigh the figure against another ("13 percent" itself says no more).
  const compares = (text: string) => COMPARES.test(text.replace(/\b(?:average|median)\s+(?:salary|pay)\b|^\s*\w+ \(average or median\)/gi, ''));
  if (!shown?.answered || !pointTexts(shown.card.children).some(compares)) return undefined;
  rememberTopic(ctx, ref, previous.level);
  return { ...pointsFirst(shown, compares), topic: ref, more: moreOf(ref, previous.level) };
}

function followUpOfTopic(ctx: CommandContext, question: string, previous: Turn | undefined): Reply | undefined {
  const ofPlan = followUpOfPlan(ctx, question, previous);
  if (ofPlan) return ofPlan;
  const compared = howItCompares(ctx, question, previous);
  if (compared) return compared;
  const others = OTHER_ARTICLE.test(question) && previous?.topic ? otherArticles(ctx, previous) : undefined;
  if (others) return others;
  // "What comes after step 3?", "I'm on step 3, what's next?": step 4 (after the last, the last
  // again, which says it is the last).
  const done = placeMatched(stepDigits(question).match(AFTER_STEP)) ?? placeMatched(stepDigits(question).match(ON_STEP));
  // "What comes before step 4?": step 3 (before the first, the first again).
  const ahead = placeMatched(stepDigits(question).match(BEFORE_STEP));
  // "And 7?" after a roadmap step: step 7.
  const bare = previous?.topic?.startsWith('step:') ? Number(question.match(BARE_NUMBER)?.[1] ?? 0) || undefined : undefined;
  const numbered = done !== undefined ? Math.min(done + 1, ctx.knowledge.roadmap.length) : ahead !== undefined ? Math.max(ahead - 1, 1) : (stepNumber(question) ?? bare);
  if (numbered !== undefined) {
    const step = resolveStep(ctx, String(numbered));
    // "What's step 13?" gets the roadmap's length, as `roadmap 13` does.
    return step.ok ? withTopic(ctx, `step:${step.entry.id}`, undefined) : step.reply;
  }
  // "The last one?" or "and the first?" after a roadmap step or the roadmap: the roadmap's own ends;
  // "the third one?" after the roadmap, its third step.
  const onStep = previous?.topic?.startsWith('step:') || previous?.numbered === 'roadmap';
  const place = previous?.numbered === 'roadmap' ? placeAsked(question) : undefined;
  const end = onStep && (LAST.test(question) || place === -1 ? ctx.knowledge.roadmap.at(-1) : FIRST.test(question) ? ctx.knowledge.roadmap[0] : place ? ctx.knowledge.roadmap[place - 1] : undefined);
  if (end) return withTopic(ctx, `step:${end.id}`, undefined);
  // A bare "then?" goes on only from a step: after pay it is no question of the roadmap; nor is
  // "and after that?" after pay, which asks the next level's (the search reads it).
  // After an entry that leads on to another (a promotion to the roles above senior), "what next?"
  // in any wording is that one (named rule "the entry after"), not the roadmap's first step.
  const onward = previous?.topic && NEXT.test(question) ? ctx.search.get(previous.topic)?.then : undefined;
  if (onward) return withTopic(ctx, onward, undefined);
  if (NEXT.test(question) && !(BARE_THEN.test(question) && !(previous?.topic && stepOf(ctx, previous.topic))) && !afterPay(question, previous)) {
    // The reply before named the next step itself ("Next: step 3" after "I know python and sql").
    if (previous?.next) return withTopic(ctx, previous.next, undefined);
    const current = previous?.topic && stepOf(ctx, previous.topic);
    // After what to study, what comes after the studies: earning experience (as "after the
    // studies" in the search). With no step before it, "what next?" is answered with where the
    // roadmap starts.
    const studied = !current && previous?.topic === STUDIES ? ctx.knowledge.roadmap.find((s) => s.id === AFTER_STUDIES) : undefined;
    const next = current ? ctx.knowledge.roadmap.find((s) => s.order === current.order + 1) : (studied ?? ctx.knowledge.roadmap[0]);
    if (next) return withTopic(ctx, `step:${next.id}`, undefined);
  }
  if (BEFORE.test(question)) {
    const current = previous?.topic && stepOf(ctx, previous.topic);
    const before = current && ctx.knowledge.roadmap.find((s) => s.order === current.order - 1);
    if (before) return withTopic(ctx, `step:${before.id}`, undefined);
  }
  // "Where can I find more?" after an answer: that answer names where (FullStack's 47 questions
  // after interview practice); "more" here is more of it, not a new subject.
  // Not after pay (remembered by its role): "where can I find more?" there is no more of the table.
  const findsMore = FIND_MORE.test(question) && !previous?.topic?.startsWith('role:') && !previous?.topic?.startsWith('salary:');
  if (previous?.topic && (MORE.test(question) || findsMore)) {
    const full = withTopic(ctx, previous.topic, previous.level);
    return full && { ...full, whole: true };
  }
  return undefined;
}

/**
 * The roadmap step an answer belongs to: the step itself, or for a skill the first step that
 * teaches it ("what next?" after the languages card is step 3, not the roadmap's start).
 */
function stepOf(ctx: CommandContext, ref: string): Step | undefined {
  const step = ctx.knowledge.roadmap.find((s) => `step:${s.id}` === ref);
  if (step) return step;
  if (ref.startsWith('skill:')) return ctx.knowledge.roadmap.find((s) => s.skills.includes(ref.slice('skill:'.length)));
  // A question about what a step teaches ("which language should I learn?"): the step its title
  // reads as, when a step is among the closest entries to it. Worked out once per entry.
  let steps = stepsBySearch.get(ctx.search);
  if (!steps) stepsBySearch.set(ctx.search, (steps = new Map()));
  if (!steps.has(ref)) {
    const title = ctx.search.get(ref)?.title;
    const near = title ? ctx.search.ask(title).hits.slice(0, STEP_NEAR) : [];
    const hit = near.find((h) => h.doc.kind === 'step' && h.score >= near[0]!.score * STEP_NEAR_SHARE);
    steps.set(ref, hit && ctx.knowledge.roadmap.find((s) => `step:${s.id}` === hit.doc.ref));
  }
  return steps.get(ref);
}
const stepsBySearch = new WeakMap<object, Map<string, Step | undefined>>();
/** How close a step must be to a question's own title to be its step (see stepOf). */
const STEP_NEAR = 3;
const STEP_NEAR_SHARE = 0.8;

/** A reply and its short form, with `lead` (a yes, the highest figure) first in both, when there is one. */
function ledBy(out: Reply, lead: Node | undefined, brief: Node[]): Reply {
  return lead ? { ...withLead(out, lead), brief: [lead, ...brief] } : { ...out, brief };
}

/** An entry's card, remembered as the turn a follow-up reads against (by the entry's own terms). */
function withTopic(ctx: CommandContext, ref: string, level: SalaryLevel | undefined): Reply | undefined {
  const out = card(ctx, ref, level);
  if (!out) return undefined;
  rememberTopic(ctx, ref, level);
  return { ...out, topic: ref, more: moreOf(ref, level) };
}

/**
 * The terms of a card's point, analysed once: points come from the knowledge (a bounded set), and
 * the same role or step card is read for many questions. Kept per search, so a test's own
 * knowledge never shares it.
 */
const pointTermsBySearch = new WeakMap<object, Map<string, Set<string>>>();
function pointTerms(ctx: CommandContext, text: string): Set<string> {
  let cache = pointTermsBySearch.get(ctx.search);
  if (!cache) pointTermsBySearch.set(ctx.search, (cache = new Map()));
  let terms = cache.get(text);
  if (!terms) cache.set(text, (terms = new Set(ctx.search.terms(text))));
  return terms;
}

/**
 * The points of a role's card the question asks about that the card would leave out (its words
 * other than the role's own names, which every point shares), as codes for roleCard.
 */
function pointsAsked(ctx: CommandContext, answer: Answer, ref: string): string | undefined {
  const role = ref.startsWith('role:') && ctx.knowledge.roles.find((r) => `role:${r.id}` === ref);
  if (!role) return undefined;
  const named = new Set([role.title, ...role.aliases].flatMap((n) => ctx.search.terms(n)));
  const asked = new Set(answer.analysis.terms.filter((t) => !named.has(t)));
  if (!asked.size) return undefined;
  // A word of the question in few of the role's points says more than one in many ("need").
  const points = roleItems(role).map((i) => pointTerms(ctx, i.text));
  const weight = new Map([...asked].map((t) => [t, Math.log(1 + points.length / (points.filter((p) => p.has(t)).length || 1))]));
  return pickPoints(role, (text) => [...pointTerms(ctx, text)].reduce((sum, t) => sum + (weight.get(t) ?? 0), 0)) || undefined;
}

/** Words of a point that compares one thing with another. */
const COMPARING = /\b(?:double|twice|triple|half|above|below|higher than|lower than|more than|less than|faster than|slower than|for comparison|compared)\b/i;

/**
 * Answer first, for a question: the short form shows the points of the entry that hold the
 * question's words (as analysed: spelling, lexicon), not merely its first ones.
 */
function briefFor(ctx: CommandContext, out: Reply, answer: Answer, more: string, typed?: string): Node[] {
  if (out.brief && out.briefComplete) return out.brief;
  // As much as fits an 80x24 screen with the reply's title, sources and suggestions.
  const room = answerRoom(out, more);
  // "and frameworks?" after the languages: the line typed names only this entry; what it asks is
  // the entry itself (its own short form: a skill's named examples first), not the points the
  // question before picks ("what does Indeed say to learn").
  const own = typed === undefined ? [] : ctx.search.analyse(typed).terms;
  const named = new Set(ctx.search.terms(out.card.title));
  if (out.brief && own.length > 0 && own.every((t) => named.has(t))) return fitLines(out.brief, room).shown;
  const relevance = relevanceFor(ctx, out, answer, more.startsWith('role:'));
  return relevance ? relevantLines(out.card.children, relevance, room) : (out.brief ?? fitLines(out.card.children, room).shown);
}

/**
 * Named rule "no price": "how much does a bootcamp cost?" is answered with what the articles say
 * about cost (bootcamps usually cost less than a degree), under the plain word that they give no
 * price; the card alone would read as if the price were in it somewhere.
 */
const PRICE_ASKED = /\bhow much\b|\bprices?\b|\bpriced\b|\btuition\b|\bfees?\b|\bcosts?\b/i;
function noPrice(ctx: CommandContext, answer: Answer, out: Reply): { out: Reply; lead: Node } | undefined {
  // A price asked ("how much", "tuition"), not a comparison ("is a bootcamp cheaper?"), which the points answer.
  const terms = answer.analysis.terms;
  if (!terms.includes('cost') || terms.includes('salary') || terms.includes('comparison') || !PRICE_ASKED.test(answer.analysis.raw)) return undefined;
  if (/[$€£]\s?\d/.test(pointTexts(out.card.children).join('\n'))) return undefined;
  // What they do say about cost goes first.
  return { out: pointsFirst(out, (text) => pointTerms(ctx, text).has('cost')), lead: { type: 'text', text: 'The articles give no prices; this is what they say about cost.' } };
}

/** Every word the articles write in capitals ("QUIC", "OWASP"): what an acronym typed in lower case may be. */
const capitalsBySearch = new WeakMap<object, ReadonlySet<string>>();
function capitalsOf(ctx: CommandContext): ReadonlySet<string> {
  let all = capitalsBySearch.get(ctx.search);
  if (!all) capitalsBySearch.set(ctx.search, (all = new Set(ctx.search.docs.flatMap((d) => `${d.title} ${d.body}`.match(/\b[A-Z][A-Z0-9]{1,7}\b/g) ?? []))));
  return all;
}

/** A card's words: its title and every point. */
const cardText = (out: Reply) => [out.card.title, ...pointTexts(out.card.children)].join('\n');

/** Every proper name the articles write ("Docker", "GitHub", "AWS"), in lower case. */
const properNamesBySearch = new WeakMap<object, ReadonlySet<string>>();
function properNamesOf(ctx: CommandContext): ReadonlySet<string> {
  let all = properNamesBySearch.get(ctx.search);
  if (!all) {
    const texts = ctx.search.docs.map((d) => `${d.title}\n${d.body}`).join('\n');
    // Written with a capital inside a sentence and never in lower case ("Docker", "Python"; not
    // "Database", which a title capitalises): a proper name.
    const lower = new Set(texts.match(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}\p{N}.+#-]*/gu)?.map((w) => w.replace(/[.]$/, '')) ?? []);
    const capitalised = [...texts.matchAll(/(?<=[\p{Ll},;:(] )\p{Lu}[\p{L}\p{N}.+#-]*|\b[A-Z][A-Z0-9]{1,7}\b/gu)].map((m) => m[0].replace(/[.]$/, ''));
    all = new Set(capitalised.filter((w) => !lower.has(w.toLowerCase())).map((w) => w.toLowerCase()));
    properNamesBySearch.set(ctx.search, all);
  }
  return all;
}

/** A word of a question is a name: one the articles write so, or typed with a capital ("Caddy"; never "I"). */
const isName = (ctx: CommandContext) => (word: string) => properNamesOf(ctx).has(word.toLowerCase()) || (/^\p{Lu}/u.test(word) && word !== 'I');
const isAcronym = (ctx: CommandContext) => (word: string) => capitalsOf(ctx).has(word);

/**
 * Named rule "not given" (answers/not-given.ts): who made Docker, when HTTP/3 came out, a figure
 * someone heard: a fact of a kind the card does not hold is not answered by the card, which is
 * shown under the plain word that the articles do not give it (and counts as unanswered).
 */
function notGivenIn(ctx: CommandContext, out: Reply, text: string): { out: Reply; lead: Node } | undefined {
  const missing = notGiven(text, cardText(out), isAcronym(ctx), isName(ctx), ownSourceWords(ctx.knowledge));
  return missing ? { out, lead: { type: 'text', text: `The articles don't say ${missing}; this is what they say about it.` } } : undefined;
}

/**
 * Named rule "only named": a course site or another career that the spotlight only lists ("The
 * spotlight names Betamore as one of the most popular sites ...") is all the articles say of it.
 * A question asking more of it ("where is Betamore located?", "does edX give free certificates?",
 * "what does a computer systems analyst do day to day?") is not answered by that line: the reply
 * says so, and counts as unanswered. Asking what it is, or whether it is listed, is answered.
 */
const MENTION_ONLY = /^The spotlight names .+ as one of the most popular sites|^The spotlight article lists .+ as an alternative career/;
/** Asking whether it is listed ("is edX among the training sites?"): the line answers that. */
const LISTED_ASKED = /\b(?:among|one of|on (?:the|that|their|its|this) list|listed|included|mentioned|named|part of|in the list)\b/i;
/** Asking which one is meant ("which course site ends in .io?") is answered by naming it. */
const WHICH_ONE = /^\W*(?:\w+\W+){0,3}?(?:which|what)\s+(?:\w+\s+){0,3}?(?:one|site|sites|platform|platforms|provider|providers|career|careers|job|jobs|role|roles|option|options|name|names)\b/i;
const MENTION_DETAIL = /\b(?:where\s+(?:is|are)|located|location|headquarter\w*|who\s+(?:runs|owns|founded|started|made|created)|founded|founder|owner|price|prices|pricing|cost|costs|fees?|free|how much|how many|when|still\s+(?:running|open|around|exist|taking|accepting|enrolling|in business)|new students|enrol\w*|admissions?|membership|which\s+(?:[\w.+-]+\s+){0,2}(?:certifications?|certificates?|courses?|programs?|classes)|most\s+useful|prerequisites?|requirements?|day[\s-]to[\s-]day|all day|daily|salary|salaries|pay|paid|earn|make|degree|skills|need to know|switch|transition|accredited|refund|discount|subscription|premium|rating|reviews?|certificates?\s+(?:free|cost)|teach\w*|curriculum|(?:best|top)\s+(?:[\w.-]+\s+){0,2}(?:courses?|class(?:es)?|programs?|tutorials?))\b/i;
function mentionOnly(ctx: CommandContext, answer: Answer, out: Reply, ref: string): { out: Reply; lead: Node } | undefined {
  if (!MENTION_ONLY.test(pointTexts(out.card.children)[0] ?? '') || WHICH_ONE.test(answer.analysis.raw) || LISTED_ASKED.test(answer.analysis.raw)) return undefined;
  const doc = ctx.search.get(ref);
  if (!doc) return undefined;
  // Asked of it by name ("where is Betamore located?": its title or one of its aliases whole), not found by what it is.
  const asked = new Set(answer.analysis.terms);
  if (![doc.title, ...doc.aliases].some((name) => { const t = ctx.search.terms(name); return t.length > 0 && t.every((x) => asked.has(x)); })) return undefined;
  // A detail of it that the line does not give: where, who, what it costs, what it takes, what the job is day to day.
  if (!MENTION_DETAIL.test(answer.analysis.raw)) return undefined;
  return { out, lead: { type: 'text', text: `The articles say no more of ${doc.title} than this.` } };
}

/** A not-given reply from the first of some candidates, when none of them holds the fact asked for. */
function notGivenByAll(ctx: CommandContext, text: string, answer: Answer, options: readonly Scored[]): Reply | undefined {
  // Asked of no text, "not given" says whether the question asks such a fact at all: only then
  // are the options' cards built (readings builds them again for every other clarify).
  if (!notGiven(text, '', isAcronym(ctx), isName(ctx), ownSourceWords(ctx.knowledge))) return undefined;
  const level = answer.analysis.level;
  const cards = options.map((o) => card(ctx, o.doc.ref, level));
  const missing = cards.map((c) => c && notGivenIn(ctx, c, text));
  const first = cards[0];
  if (!first || !missing.every(Boolean)) return undefined;
  const ref = options[0]!.doc.ref;
  const more = moreOf(ref, level);
  const led: Reply = { ...ledBy(first, missing[0]!.lead, briefFor(ctx, first, answer, more, text)), topic: ref, more, answered: false };
  rememberQuestion(ctx, answer, ref, led);
  return led;
}

/**
 * "What does OWASP stand for?", "whats quic stand for": the entry that spells it out (the closest
 * first, then any), led by its expansion. An acronym the articles never write is refused plainly
 * ("what does JSON stand for?"); one they write but never spell out ("PHP") is left to "not given".
 */
function spelledOut(ctx: CommandContext, text: string, answer: Answer): Reply | undefined {
  const acronym = acronymAsked(text, isAcronym(ctx));
  if (!acronym) return undefined;
  if (!namesIn(everything(ctx), loose(acronym))) {
    recordQuestion(ctx, text);
    rememberQuestion(ctx, answer);
    return unknownAnswer(answer);
  }
  const level = answer.analysis.level;
  const { decision } = answer;
  const closest = decision.kind === 'answer' ? [decision.top, ...answer.hits.filter((h) => h !== decision.top)] : answer.hits;
  const refs = [...new Set([...closest.slice(0, 3).map((h) => h.doc.ref), ...ctx.search.docs.map((d) => d.ref)])];
  for (const ref of refs) {
    const doc = ctx.search.get(ref);
    // The entry's own words spell it out; its card may show them in short ("Duties" cut to a few).
    const own = doc && expansionIn(`${doc.title}\n${doc.aliases.join('\n')}\n${doc.body}`, acronym);
    const out = own ? card(ctx, ref, level) : undefined;
    const expansion = out && (expansionIn(cardText(out), acronym) ?? own);
    if (out && expansion) return ledHit(ctx, text, answer, ref, pointsFirst(out, (point) => point.includes(expansion)), { type: 'text', text: `${acronym} stands for ${expansion}.` });
  }
  return undefined;
}

/**
 * Named rule "what does Indeed say?": a question naming an article (or a survey it cites) gets that
 * source's points first in each list of the card (a point ends with who says it: "(Indeed)",
 * "(PayScale, cited by Career Karma)"); a card with none of its points says so first, since the
 * card's points come from the others.
 */
function bySourceAsked(ctx: CommandContext, out: Reply, typed: string): { out: Reply; lead?: Node; unanswered?: boolean } {
  const named = sourcesNamed(ctx.knowledge, typed);
  if (!named.length) return { out };
  // A survey named ("PayScale") rather than an article ("Career Karma", which cites it).
  const surveys = named.filter(({ source, name }) => source.cites.includes(name));
  // A point ends with who says it: "(Indeed)", "(Indeed; Career Karma)", or for a survey
  // "(PayScale, cited by Career Karma)".
  const labels = named.flatMap(({ source, name }) => (surveys.some((n) => n.name === name) ? [`(${name}`] : [`(${source.short}`, `; ${source.short})`, `; ${source.short};`, ...source.cites.map((c) => `(${c}, cited by ${source.short}`)]));
  // A survey is also in a point of the article that cites it, by name: "According to PayScale,
  // front end developers make $75,310 a year ... (Career Karma)".
  const bySource = (text: string) => labels.some((l) => text.includes(l)) || surveys.some(({ source, name }) => text.includes(name) && text.includes(`(${source.short}`));
  const lists = out.card.children.filter((n): n is Extract<Node, { type: 'list' }> => n.type === 'list');
  if (!lists.length) return { out };
  if (!lists.some((n) => n.items.some(bySource))) {
    // A survey is said by its own name: "nothing comes from PayScale", not from the article citing it (whose other points may be here).
    const said = named.map(({ source, name }) => (surveys.some((n) => n.name === name) ? name : calledBy(source)));
    const lead: Node = { type: 'text', text: `Nothing in this answer comes from ${[...new Set(said)].join(' or ')}; it is what the other articles say.` };
    // What was asked of that source is not answered: what the others say is shown, and the
    // question counts as unanswered (it reaches `unanswered`), as a partial answer does. Not when
    // the name is only "the guide" (people call any of the four a guide), nor when the answer is
    // about the name itself ("job boards other than LinkedIn and Indeed": Indeed is on that list).
    const shownText = loose(lists.flatMap((n) => n.items.map((i) => i.replace(/\([^()]*\)\s*$/, ''))).join('\n'));
    const plainly = named.filter(({ name }) => name !== 'guide' && !namesIn(shownText, name));
    if (!plainly.length) return { out, lead };
    return { out: { ...out, answered: false, outcome: 'partial' }, lead, unanswered: true };
  }
  return { out: pointsFirst(out, bySource) };
}

/**
 * A card as asked of a named source (bySourceAsked), with a pay claim checked first: "indeed says
 * entry level is 124k, correct?" is answered by "No: that is Indeed's average", though Indeed gives
 * no entry-level figure. `unansweredLead` is set when the source asked gives nothing here (the
 * reply then counts as unanswered); `checked` is the claim's lead; `lead` the source's otherwise.
 */
function sourcedCard(ctx: CommandContext, card: Reply, text: string, payOf: Role | undefined, level: SalaryLevel | undefined): { out: Reply; lead?: Node; unansweredLead?: Node; checked?: Node } {
  const checked = card.answered && payOf ? payLead(ctx, payOf, level, text) : undefined;
  const sourced = bySourceAsked(ctx, card, text);
  if (sourced.unanswered && checked) return { out: card, checked };
  return { out: sourced.out, ...(sourced.lead ? { lead: sourced.lead } : {}), ...(sourced.unanswered && sourced.lead ? { unansweredLead: sourced.lead } : {}), ...(checked ? { checked } : {}) };
}

/**
 * Named rule "a named example first": "what is nest.js?" lands on the frameworks card, whose
 * seventh point is the one about Nest.js: a question naming one of the card's examples gets the
 * points that name it first (and it first among the examples).
 */
function exampleFirst(ctx: CommandContext, answer: Answer, out: Reply | undefined): Reply | undefined {
  if (!out) return out;
  const at = out.card.children.findIndex((n) => n.type === 'section' && n.title === 'Examples');
  const list = out.card.children[at + 1];
  if (at < 0 || list?.type !== 'list') return out;
  const title = new Set(ctx.search.terms(out.card.title));
  const asked = new Set(answer.analysis.terms.filter((t) => !title.has(t)));
  // An example is named when every word of its name is asked ("ruby on rails": ruby, rails).
  const named = list.items
    .map((item) => [...pointTerms(ctx, item.replace(/\s*\([^()]*\)\s*$/, ''))])
    .filter((terms) => terms.length > 0 && terms.every((t) => asked.has(t) && !title.has(t)));
  if (!named.length) return out;
  return pointsFirst(out, (text) => {
    // A point that leans on the one before it ("It suggests classes in Python, PHP...") stays where it is.
    if (LEANS_BACK.test(text)) return false;
    const has = pointTerms(ctx, text);
    return named.some((terms) => terms.every((t) => has.has(t)));
  });
}

/** A point that opens by pointing at the one before it. */
const LEANS_BACK = /^(?:it|its|they|their|this|these|that|those|he|she)\b/i;

/** The card with the points `first` picks first in each of its lists, the rest after them in order. */
function pointsFirst(out: Reply, first: (text: string) => boolean): Reply {
  const children = out.card.children.map((n) => (n.type === 'list' ? { ...n, items: [...n.items.filter(first), ...n.items.filter((i) => !first(i))] } : n));
  return { ...out, card: { ...out.card, children } };
}

/**
 * How much a point of the card bears on the question: its words found in the point, a word in
 * few of the card's points weighing more. Undefined when the question only names the entry.
 */
function relevanceFor(ctx: CommandContext, out: Reply, answer: Answer, ofRole: boolean): ((text: string) => number) | undefined {
  // The entry's own name says nothing about which of its points is asked for ("tell me about
  // back-end developers" is the whole card, short as the command gives it).
  const named = new Set(ctx.search.terms(out.card.title.replace(/ salary(?:: .*)?$/, '')));
  if (answer.analysis.terms.every((t) => named.has(t))) return undefined;
  // On a role's card, nor does it pick a point: "n front end devs?" after duties asks the Duties
  // of the front-end card, whose every point says "front-end".
  // "dev" names the developer as "developer" does: a term is a name when it reads as one.
  const isName = (t: string) => named.has(t) || [...pointTerms(ctx, t)].some((u) => named.has(u));
  const unnamed = answer.analysis.terms.filter((t) => !ofRole || !isName(t));
  const asked = new Set(unnamed.length ? unnamed : answer.analysis.terms);
  // A word of the question found in few of the card's points says more than one found in all.
  // A point is read with the heading it stands under: "what do they do" asks for the Duties.
  let heading = '';
  const texts: string[] = [];
  const termsOf = new Map<string, Set<string>>();
  for (const n of out.card.children) {
    if (n.type === 'section') heading = n.title;
    const points = n.type === 'list' ? n.items : n.type === 'text' ? [n.text] : n.type === 'fields' ? n.fields.map((f) => `${f.label} ${f.value}`) : [];
    for (const p of points) {
      texts.push(p);
      // Analysed (and cached) together, so the union is not built again for every question.
      termsOf.set(p, pointTerms(ctx, heading ? `${heading}\n${p}` : p));
    }
  }
  const df = new Map<string, number>();
  for (const terms of termsOf.values()) for (const t of terms) if (asked.has(t)) df.set(t, (df.get(t) ?? 0) + 1);
  // "Is 13% growth good compared to other jobs?": a point that itself compares ("almost double the
  // average growth rate") answers a comparison, whether or not it repeats the question's words.
  const compares = asked.has('comparison');
  return (text: string) => {
    const terms = termsOf.get(text) ?? pointTerms(ctx, text);
    let score = compares && COMPARING.test(text) ? Math.log(1 + texts.length) : 0;
    for (const t of terms) if (asked.has(t)) score += Math.log(1 + texts.length / (df.get(t) ?? 1));
    return score;
  };
}

/** How "which one is not" reads an answer's words (answers/not-among.ts): as the search does. */
function readingOf(ctx: CommandContext): Reading {
  const all = everything(ctx);
  return {
    terms: (text) => ctx.search.terms(text).filter((t) => !pointTerms(ctx, FIELD_WORDS).has(t)),
    known: (name) => spellingsOf(ctx, name).some((s) => namesIn(all, s)),
    spellings: (name) => spellingsOf(ctx, name),
  };
}

/** Every word the knowledge base says (its entries' names and text), loosed once per search (see yes-no.ts). */
const everythingBySearch = new WeakMap<object, string>();
function everything(ctx: CommandContext): string {
  let all = everythingBySearch.get(ctx.search);
  if (all === undefined) everythingBySearch.set(ctx.search, (all = loose(ctx.search.docs.map((d) => [d.title, ...d.aliases, d.body].join('\n')).join('\n'))));
  return all;
}

/**
 * A name and the lexicon's other spellings of it, for a yes/no lead: "PTO" is also "paid time
 * off". Only an acronym that names a concept, spelt out as the lexicon says it.
 */
function spellingsOf(ctx: CommandContext, name: string): string[] {
  // Only an acronym that is a concept's own name: "Heroku" filed under cloud is no "cloud", and
  // "GitLab" under git no "git" (a wrong yes, and a lost "never named").
  if (!/^[A-Z0-9]{2,5}$/.test(name)) return [name];
  const entry = ctx.knowledge.lexicon.find((e) => e.means && loose(e.means) === loose(name));
  return [name, ...(entry?.says ?? [])];
}

/** What `more` needs to show an answer in full: its entry and level, not the words (a follow-up needs the turn before). */
const moreOf = (ref: string, level: SalaryLevel | undefined): string => (level ? `${ref} ${level}` : ref);

/** Remembers the question itself as the turn: "and for seniors?" after it keeps its subject. */
function rememberQuestion(ctx: CommandContext, answer: Answer, topic?: string, shown?: Reply, options?: string[]): void {
  const { terms, level } = answer.analysis;
  // What the user saw listed, for "the second one": the short form when there is one.
  // The list the question asked about, by its words (not the field's own: every point is about back-end work).
  const field = pointTerms(ctx, FIELD_WORDS);
  const asked = terms.filter((t, i) => !field.has(t) && terms.indexOf(t) === i);
  const related = (point: string) => {
    const said = pointTerms(ctx, point);
    return asked.filter((t) => said.has(t)).length;
  };
  const items = options ?? (shown ? listItems(shown.brief ?? shown.card.children, related) : []);
  const turn: Turn = { terms, ...(topic ? { topic } : {}), ...(level ? { level } : {}), ...(items.length ? { items } : {}) };
  ctx.conversations.remember(ctx, turn, ctx.now());
}

export const ask: CommandSpec = {
  name: 'ask',
  aliases: ['question', 'q'],
  description: 'Ask anything about becoming a back-end developer, in plain words.',
  options: [{ name: 'question', kind: 'string', description: 'Your question', required: true, rest: true }],
  examples: ['ask how much do backend developers earn starting out', 'ask do I need a degree', 'ask how long does it take'],
  async run(ctx, { question }) {
    const text = String(question);
    const chat = smallTalk(ctx, text);
    if (chat) return chat;
    // "What's the roadmap?" asked as a question (`devpath ask ...`): the command it names, as the chat runs it.
    const asCommand = commandAsked(text);
    if (asCommand) return ctx.expand(asCommand, ctx);
    // "tell me more", "go on" after a short answer: all of it (src/brief.ts).
    if (MORE.test(text) && ctx.conversations.lastShortened(ctx, ctx.now())) return { ...(await ctx.expand(undefined, ctx)), whole: true };
    // "tell me more" with nothing before it: the same plain word as "more", not a question to record.
    if (PLAIN_MORE.test(text) && !ctx.conversations.previous(ctx, ctx.now())) return ctx.expand(undefined, ctx);
    const previous = ctx.conversations.previous(ctx, ctx.now());
    // "tell me more" after "I don't know that yet" (or "which one did you mean?"): there is no
    // answer to show more of; saying so beats answering the words "tell me more".
    if (PLAIN_MORE.test(text) && previous && !previous.topic && !previous.offer && !previous.numbered && !previous.again) {
      return reply({
        title: 'Nothing more to show',
        children: [{ type: 'text', text: 'My last reply had no answer to show more of. Ask it another way, or try one of the topics I suggested.' }],
        answered: false,
        ephemeral: true,
        suggestions: [{ label: 'help', command: 'help' }],
      });
    }
    // "why?", "tell me more" after an answer already shown in full: the articles say no more; the
    // answer again under that word, not the same card as if it were new (nor another entry).
    if (MORE.test(text) && previous?.topic && !previous.point) {
      const ref = figuresOf(previous.topic, previous);
      const shown = card(ctx, ref, previous.level);
      if (shown?.answered) return againWith(ctx, previous, shown, ref, 'That is all the articles say on this; here it is again.');
    }
    const sourced = whoSaidIt(ctx, text, previous);
    if (sourced) return sourced;
    // "Source?" with no answer before it (or after a refusal): the articles everything comes from.
    if (SOURCE_OF_THAT.test(text) && !previous?.topic) return ctx.expand('sources', ctx);
    const shortcut = followUpOfTopic(ctx, text, previous);
    if (shortcut) return shortcut;
    // "What does the second one do?" after a list: that item, in the user's question; led by the
    // item itself, the direct answer (the articles may say no more of "stock options" than the list).
    // "Any of those focus on security?" after other careers: the one item that says so.
    const pick = itemAsked(text, previous?.items) ?? itemNamed(text, previous?.items, (t) => ctx.search.terms(t), pointTerms(ctx, FIELD_WORDS));
    // "Which of those isn't about security?" when several are not: those, before the list again.
    const without = pick ? undefined : itemsWithout(text, previous?.items, (t) => ctx.search.terms(t), pointTerms(ctx, FIELD_WORDS));
    const listedRef = previous?.topic && figuresOf(previous.topic, previous);
    const listedAgain = without && previous && listedRef ? card(ctx, listedRef, previous.level) : undefined;
    if (without && previous && listedRef && listedAgain?.answered) return againWith(ctx, previous, listedAgain, listedRef, `Of those, not about that: ${listed(without)}.`);
    if (!pick) return answerQuestion(ctx, text, previous);
    const lead: Node = { type: 'text', text: pick.said ? `The ${pick.said}: ${pick.item}.` : `On that list: ${pick.item}.` };
    // A source on the list ("Indeed" among the job boards) is no question about its article.
    if (ctx.search.namesSource(pick.item) && previous?.topic) {
      const shown = card(ctx, previous.topic, previous.level);
      if (shown?.answered) return againWith(ctx, previous, shown, previous.topic, `${lead.text} The articles say no more of it than this list.`);
    }
    // Read alone: the item names its subject, and the answer before (which holds it) would pull back to itself.
    // The question with the item in it; else the item alone ("how is backend engineers different...?"
    // half-matches two roles; "backend engineers" is one).
    const asked = [pick.question, pick.item].find((q) => ctx.search.ask(q).confident) ?? pick.question;
    const out = answerQuestion(ctx, asked, undefined);
    // "And the third one?" next picks from the same list, not from the item's own card.
    const now = ctx.conversations.previous(ctx, ctx.now());
    if (now && previous?.items) ctx.conversations.remember(ctx, { ...now, items: previous.items }, ctx.now());
    if (out.answered) return withLead(out, lead);
    // The item has no answer of its own: the list it is on, again, under it.
    const ref = previous?.topic && figuresOf(previous.topic, previous);
    const shown = ref ? card(ctx, ref, previous.level) : undefined;
    return previous && ref && shown?.answered ? againWith(ctx, previous, shown, ref, lead.text) : out;
  },
};

/** "Which salary data provider does the bootcamp-matching site rely on?": the sources that article cites (answers/cites.ts). */
function citedBy(ctx: CommandContext, text: string): Reply | undefined {
  const source = citesAsked(ctx.knowledge, text);
  if (!source) return undefined;
  const by = calledBy(source);
  return reply({
    title: `Whom ${by} cites`,
    children: [{ type: 'list', items: source.cites.map((c) => `${c} (cited by ${source.short})`) }],
    sources: sourceRefs(ctx, [source.id]),
    answered: true,
  });
}

/** "And the answer?", "what's a good answer to that?", "how should I answer it?": a model answer asked. */
const ANSWER_ASKED = /^\W*(?:(?:and|so|ok|okay|but)[\s,]+)?(?:(?:what(?:'s|s|\s+is|\s+would\s+be|\s+are)|give\s+me|show\s+me|got|any)\s+)?(?:(?:the|an?|some)\s+)?(?:(?:good|model|sample|best|right|ideal|example|possible)\s+)?answers?(?:\s+(?:to|for)\s+(?:that|this|it)(?:\s+one|\s+question)?)?\W*$|^\W*(?:(?:and|so|ok|okay|but)[\s,]+)?how\s+(?:do|should|would|could|can)\s+i\s+answer(?:\s+(?:that|this|it)(?:\s+one|\s+question)?)?\W*$|^\W*(?:(?:and|so|ok|okay|but)[\s,]+)?what\s+(?:do|should|would)\s+i\s+say(?:\s+(?:to\s+(?:that|this|it)|then))?\W*$/i;

/**
 * Named rule "no model answers": after a practice question (`interview 2`), "and the answer?" asks
 * what the articles do not give. The plain word, and what they do say about that question; not
 * answered, so it reaches `unanswered`.
 */
function modelAnswer(ctx: CommandContext, text: string, previous: Turn | undefined): Reply | undefined {
  if (!previous?.practice || !ANSWER_ASKED.test(text)) return undefined;
  return noModelAnswer(ctx, text, previous.practice, previous.again);
}

/** The answer asked in the same line as the question ("what is a deadlock? give me the answer", "what's the answer to it?"). */
const ANSWER_IN_LINE = /\b(?:give\s+me|tell\s+me|show\s+me|what(?:'s|s|\s+is|\s+are|\s+would\s+be))\s+(?:the\s+|an?\s+|some\s+)?(?:(?:good|model|sample|best|right|correct|ideal|actual)\s+)?answers?\b|\b(?:the\s+)?answers?\s+(?:to|for)\s+(?!(?:my|your)\b)\S/i;

/**
 * The practice question itself, asked as a how-to ("how do you actually solve a deadlock?", "how
 * do you find an application's expensive queries step by step?", "what are the best practices for
 * performance testing?"), with no word of the interview: its model answer, which the articles do
 * not give. ("How do I answer the deadlock question?" asks of the interview, and is answered.)
 */
const HOW_DIRECT = /^\W*(?:(?:so|ok(?:ay)?|and|but)[\s,]+)?(?:how\s+(?:do|does|can|could|would|should)\s+(?:you|one|i|we|u)\s+(?:actually\s+|exactly\s+|really\s+)?(?:solve|fix|resolve|find|detect|avoid|prevent|handle|spot|identify|track\s+down)\b|what\s+(?:is|are)\s+(?:the\s+)?best\s+practices\b)|\bstep[\s-]by[\s-]step\b/i;
const INTERVIEW_TALK = /\b(?:interview\w*|hiring|recruiters?|asked|asks|ask|questions?|q|prep\w*|answer\w*|say|talk|respond|reply|mock|career karma|ck|list\w*)\b/i;
/** "No model answers", asked with the question itself: a practice question's own entry is on top. */
function modelAnswerInLine(ctx: CommandContext, text: string, ref: string): Reply | undefined {
  // Not the advice on preparing, which answers "how do I prepare? tell me the answer".
  if (!ref.startsWith('question:interview-') || ref === 'question:interview-preparation') return undefined;
  // The how-to only of a technical question: "how do I find a good example of a problem I solved?"
  // asks for the advice on the behavioural one.
  const howTo = HOW_DIRECT.test(text) && !INTERVIEW_TALK.test(text) && ref !== 'question:interview-problem-you-solved';
  return ANSWER_IN_LINE.test(text) || howTo ? noModelAnswer(ctx, text, ref) : undefined;
}

function noModelAnswer(ctx: CommandContext, text: string, ref: string, again?: string): Reply | undefined {
  const asked = ctx.knowledge.questions.find((q) => `question:${q.id}` === ref);
  if (!asked) return undefined;
  recordQuestion(ctx, text);
  return reply({
    title: asked.title,
    children: [{ type: 'text', text: 'The articles give practice questions, not model answers. What they say about this one:' }, { type: 'list', items: citeAll(ctx, asked.answer) }],
    sources: sourceRefs(ctx, itemSources(asked.answer)),
    answered: false,
    outcome: 'partial',
    suggestions: [{ label: 'Another question', command: again ?? 'interview' }],
  });
}

/**
 * Named rule "the list that names them all": "Betamore and Bloc.io: are they on the course-site
 * list?" names two things, and the closest entry (Bloc.io's own card) names one. Of the next
 * closest, the first whose card names every one answers instead (the spotlight's list of sites).
 */
function namingAll(ctx: CommandContext, text: string, answer: Answer, top: Scored): Scored {
  const names = namesAsked(text);
  if (names.length < 2) return top;
  const holds = (hit: Scored) => {
    const shown = card(ctx, hit.doc.ref, answer.analysis.level);
    const said = shown ? loose(cardText(shown)) : '';
    return names.every((n) => spellingsOf(ctx, n).some((s) => namesIn(said, s)));
  };
  if (holds(top)) return top;
  return answer.hits.slice(0, 6).find((h) => h !== top && holds(h)) ?? top;
}

/** A question asked in words (after small talk, commands and the follow-ups of a topic): its answer. */
function answerQuestion(ctx: CommandContext, text: string, previous: Turn | undefined): Reply {
  const model = modelAnswer(ctx, text, previous) ?? citedBy(ctx, text);
  if (model) return model;
  const two = SECOND_QUESTION.test(text) ? bothAsked(ctx, text) : undefined;
  if (two) {
    // A follow-up reads against the second question, the one asked last.
    rememberQuestion(ctx, two.last, two.ref);
    return two.reply;
  }
  const answer = ctx.search.ask(text, previous ? { previous } : {});
  const decision = answer.decision;
  const payRole = answer.payFor && ctx.knowledge.roles.find((r) => r.id === answer.payFor);
  const level = answer.analysis.level;
  if (payRole) {
    const card = salaryCard(ctx, payRole, level);
    // "salary dba in london": that role's pay (or the word that there is none), led by what the articles do not cover.
    // "acc to payscale whats the starting salary": PayScale's figure first.
    const caveated = decision.kind === 'partial' ? withCaveat(card, decision.outside) : card;
    // "According to Glassdoor what do backend devs earn?", "backend pay in 2019": what the articles
    // do not give, as on the answer path below (the figures shown, not answered).
    const unstated = caveated.answered ? notGivenIn(ctx, caveated, text) : undefined;
    const sourced = sourcedCard(ctx, caveated, text, unstated ? undefined : payRole, level);
    const out = unstated ? { ...caveated, answered: false } : sourced.out;
    // `more` shows it again with the caveat (as partialAnswer's does).
    const outside = decision.kind === 'partial' ? ` !${decision.outside}` : '';
    rememberQuestion(ctx, answer, `role:${payRole.id}`);
    // "The articles give no salary figure for X" is said plainly, and reaches `unanswered`.
    if (!out.answered) recordQuestion(ctx, text);
    const more = `${moreOf(`salary:${payRole.id}`, level)}${outside}`;
    // "Which source quotes the highest pay?", "is that per year?": that first.
    const lead = unstated?.lead ?? sourced.unansweredLead ?? sourced.checked ?? (out.answered ? sourced.lead : undefined);
    return { ...ledBy(out, lead, briefFor(ctx, out, answer, more)), topic: `salary:${payRole.id}`, more };
  }
  const spelt = namedBySpelling(ctx, text, answer) ?? spelledOut(ctx, text, answer);
  if (spelt) return spelt;
  if (decision.kind === 'answer') {
    // Only when the best answer is one of the two: an entry that compares them itself ("who
    // earns more, front end or back end?") answers better than both side by side.
    const pair = ctx.search.compared(answer);
    const both = pair.length === 2 && pair.includes(decision.top) ? sideBySide(ctx, answer, pair) : undefined;
    if (both) {
      rememberQuestion(ctx, answer);
      return both;
    }
    const top = namingAll(ctx, text, answer, decision.top);
    const ref = top.doc.ref;
    // "What's Indeed's third step?": that step of the article's plan, remembered, so "what's
    // after that?" goes on from it.
    // Only when the question names the article ("Indeed's", "Career Karma's"): "what's step 3
    // about" is the roadmap's.
    const plan = planOf(ctx, ref);
    // "Step 3 in that guide?" answered with an article's plan names that plan too.
    const place = plan && (namesPlan(ctx, plan, answer) || PLAN_WORDS.test(text)) ? stepNamed(text) : undefined;
    const step = plan && place && place <= plan.points.length ? planPoint(ctx, plan, place) : undefined;
    if (plan && step) {
      rememberTopic(ctx, plan.ref, undefined, { point: place });
      return step;
    }
    const noModel = modelAnswerInLine(ctx, text, ref);
    if (noModel) {
      rememberQuestion(ctx, answer, ref);
      return noModel;
    }
    const picked = pointsAsked(ctx, answer, ref);
    const shown = exampleFirst(ctx, answer, card(ctx, ref, level, related(answer, top), picked));
    // A price, or another fact of a kind the card does not hold ("who made Docker?"): not answered by it.
    const unstated = shown && (noPrice(ctx, answer, shown) ?? notGivenIn(ctx, shown, text) ?? mentionOnly(ctx, answer, shown, ref));
    const given = unstated?.out ?? shown;
    const payOf = ref.startsWith('salary:') ? ctx.knowledge.roles.find((r) => `salary:${r.id}` === ref) : undefined;
    const sourced = given && sourcedCard(ctx, given, text, unstated ? undefined : payOf, level);
    const out = sourced?.out;
    if (out) {
      // The full form shows the points the question brought forward again (`+d31`).
      const more = `${moreOf(ref, level)}${picked ? ` +${picked}` : ''}`;
      // "Are C++ and C# acceptable picks?": the yes first (src/answers/yes-no.ts).
      // "Which is the highest?" after pay: that figure first.
      // What the articles do not give comes first: no "Yes:" above a reply that does not answer.
      const lead = unstated?.lead ?? sourced.unansweredLead ?? sourced.checked ?? (ref === EARNS_MORE ? gapLead(ctx, text) : undefined) ?? (ref.startsWith('outlook:') ? outlookPeriodLead(ctx, text) : undefined) ?? sourced.lead ?? notAmongOf(ctx, text, answer, out) ?? yesNoLead(text, out, (name) => spellingsOf(ctx, name).some((s) => namesIn(everything(ctx), s)), (name) => spellingsOf(ctx, name), (name) => sourcesNamed(ctx.knowledge, name).length > 0);
      // An article's numbered plan: "2" next is its step 2.
      // A price or another fact asked that the articles do not give is not answered, though what they
      // say of it is shown: it counts as unanswered (and moderators see it in `unanswered`), as a partial answer does.
      const led: Reply = { ...ledBy(out, lead, briefFor(ctx, out, answer, more, text)), topic: ref, more, ...(plan ? { numbered: true } : {}), ...(unstated ? { answered: false } : {}) };
      if (unstated || sourced.unansweredLead) recordQuestion(ctx, text);
      rememberQuestion(ctx, answer, ref, led);
      return led;
    }
  }
  const notAmong = notAmongOfHits(ctx, text, answer);
  if (notAmong) return notAmong;
  recordQuestion(ctx, text);
  if (decision.kind === 'clarify') {
    // "My friend said 80% of bootcamp grads get a job, true?": when none of the closest entries
    // holds the fact asked for, the first of them under the plain word that the articles do not give it.
    const unstated = notGivenByAll(ctx, text, answer, decision.options);
    if (unstated) return unstated;
    const read = readings(ctx, answer, decision.options);
    // "The second one" after "which one did you mean?" is that option.
    // After readings, a follow-up is read against the closest entry shown ("what does the database
    // one do?" after other careers and who earns more).
    rememberQuestion(ctx, answer, read ? decision.options[0]!.doc.ref : undefined, read, read ? undefined : decision.options.map((o) => o.doc.title));
    return read ?? clarify(decision.options);
  }
  // After another role's way in, a follow-up is about that role ("what languages do they use").
  rememberQuestion(ctx, answer, decision.kind === 'partial' && decision.outside === 'path' ? decision.top.doc.ref : undefined);
  if (decision.kind === 'partial') {
    const shown = partialAnswer(ctx, decision.top.doc.ref, level, decision.outside);
    // Another role's way in: what the role is (its card's own short form), under the caveat; the
    // question's words ("become") pick none of its points.
    const own = decision.outside === 'path' ? card(ctx, decision.top.doc.ref, level)?.brief : undefined;
    if (shown && own) return { ...shown, brief: [shown.card.children[0]!, ...own] };
    if (shown) return { ...shown, brief: briefFor(ctx, shown, answer, shown.more ?? decision.top.doc.ref) };
  }
  return unknownAnswer(answer);
}

/** One of the closest entries, not the decision's, shown led by what the question asked of it (and remembered as the answer). */
function ledHit(ctx: CommandContext, text: string, answer: Answer, ref: string, out: Reply, lead: Node): Reply {
  const more = moreOf(ref, answer.analysis.level);
  const led: Reply = { ...ledBy(out, lead, briefFor(ctx, out, answer, more, text)), topic: ref, more };
  rememberQuestion(ctx, answer, ref, led);
  return led;
}

/** How far down the candidates "named by its letter" looks for a name so spelt. */
const SPELT_HITS = 3;
/** More names than this fit the letter: it picks none of them. */
const MAX_SPELT = 3;

/**
 * "Which DevOps tool starting with J is mentioned?" (answers/named-by.ts): the closest entry
 * that names something so spelt, led by the name. Not of a question the articles do not cover
 * (a company, another profession): a letter picks nothing there.
 */
function namedBySpelling(ctx: CommandContext, text: string, answer: Answer): Reply | undefined {
  const spelling = spellingAsked(text);
  const { decision } = answer;
  if (!spelling || (decision.kind === 'refuse' && decision.outside) || decision.kind === 'partial' || answer.analysis.outside.length > 0) return undefined;
  const level = answer.analysis.level;
  const hits = decision.kind === 'answer' ? [decision.top, ...answer.hits.filter((h) => h !== decision.top)] : answer.hits;
  for (const hit of hits.slice(0, SPELT_HITS)) {
    const ref = hit.doc.ref;
    const out = card(ctx, ref, level, related(answer, hit));
    const names = out ? namesSpelt(out, spelling) : [];
    if (!out || !names.length) continue;
    if (names.length > MAX_SPELT) return undefined;
    const how = 'letter' in spelling ? `Starting with ${spelling.letter.toUpperCase()}` : `With "${spelling.part}" in it`;
    const first = pointsFirst(out, (point) => names.some((n) => point.includes(n)));
    return ledHit(ctx, text, answer, ref, first, { type: 'text', text: `${how}: ${listed(names)}.` });
  }
  return undefined;
}

/** What the articles do not cover that an option may be: a technology, a school, a company, a profession ("Data Scientists"). */
const OPTION_OUTSIDE: ReadonlySet<string> = new Set(['tech', 'school', 'company', 'profession']);

/**
 * Whether all the question names outside the articles is among its options ("Coursera, Udemy or
 * Codecademy"): the options are then what is asked of. Not another profession's list ("which
 * isn't a lawyer's task: ..."), a company's pay or someone's code around them.
 */
function outsideOnlyIn(answer: Answer, options: readonly string[]): boolean {
  const { analysis } = answer;
  if (analysis.outside.some((o) => !OPTION_OUTSIDE.has(o))) return false;
  const said = options.map((o) => loose(o)).join(' | ');
  return analysis.outsideWords.every((w) => namesIn(said, w));
}

/**
 * The "which one is not" or "which one is" lead of an answer, when its options are what the
 * question asks about: another profession, a company or someone's code around them is no list of
 * the articles', even where a card happens to name the others ("which isn't a lawyer's task:
 * drafting contracts, communication, problem solving?").
 */
function notAmongOf(ctx: CommandContext, text: string, answer: Answer, out: Reply): Node | undefined {
  const options = optionsOf(text);
  if (!options.length || !outsideOnlyIn(answer, options)) return undefined;
  const reading = readingOf(ctx);
  return notAmongLead(text, out, reading) ?? amongLead(text, out, reading);
}

/** The options a "which one is (not)" question names, or none. */
const optionsOf = (text: string): string[] => {
  const not = optionsAsked(text);
  return not.length ? not : optionsWhich(text);
};

/** How far down the candidates "which one is (not)" looks for the list its options come from. */
const NOT_AMONG_HITS = 3;

/**
 * "Which one is (not)" (answers/not-among.ts) when the decision did not answer: the option the
 * articles do not name is often one they never mention ("Terraform", "Swift"), which refuses a
 * question as naming a technology they do not cover. One of the closest entries that names every
 * other option (or, asked which one is, only one of them) is the list asked about.
 */
function notAmongOfHits(ctx: CommandContext, text: string, answer: Answer): Reply | undefined {
  if (!optionsOf(text).length) return undefined;
  const level = answer.analysis.level;
  for (const hit of answer.hits.slice(0, NOT_AMONG_HITS)) {
    const ref = hit.doc.ref;
    const out = card(ctx, ref, level, related(answer, hit));
    const lead = out && notAmongOf(ctx, text, answer, out);
    if (out && lead) return ledHit(ctx, text, answer, ref, out, lead);
  }
  return undefined;
}

/** When a failure to record a question was last logged: at most one a minute, so an outage is seen, not a flood. */
let recordFailureLoggedAt = -Infinity;

/**
 * Keeps a question we could not answer (per community) for moderators' `unanswered` list. Not
 * awaited: the user gets "I don't know" without waiting for the disk. Under the per-user rate limit,
 * with an allowance of its own (asking must not use up the user's changes), and silently skipped
 * over it. A failing store must not cost the user their answer: it is logged (at most once a minute).
 */
function recordQuestion(ctx: CommandContext, question: string): void {
  // Shown again in full (`more`): it was recorded when it was asked.
  if (ctx.showOnly) return;
  const now = nowIso(ctx); // when it was asked, not when the write runs
  userWrite(ctx, (store, by) => store.recordUnanswered(ctx.communityId, by, question, now)).catch((error: unknown) => {
    if (Date.now() - recordFailureLoggedAt < 60_000) return;
    recordFailureLoggedAt = Date.now();
    log().error({ err: error }, 'could not record an unanswered question (further failures within a minute are not logged)');
  });
}
