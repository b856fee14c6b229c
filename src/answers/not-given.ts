// Named rule "not given": a question that asks a kind of fact the answer does not hold (who made
// Docker, when HTTP/3 was standardised, what Kubernetes is written in, what PHP stands for, whether
// "40% of back-end developers are self-taught" is right) is not answered by the card of what it
// names: the card would read as if the fact were in it somewhere. The reply says plainly that the
// articles do not give it, shows what they do say, and counts as unanswered. An acronym the answer
// does spell out ("what does OWASP stand for?") gets its expansion first.

/** Who made, owns or started a thing: the articles name no makers. */
const CREATOR = /\bwho\s+(?:first\s+|originally\s+|actually\s+)?(?:made|created|invented|founded|built|designed|developed|wrote|owns|owned|maintains|started|came up with|is behind|was behind)\b/i;
/** A maker as a card would say it: "developed by Meta", "offered by", "Oracle maintains". */
const MAKER_SAID = /\b(?:made|created|invented|founded|built|designed|developed|written|owned|maintained|started|offered|published|issued|run|backed)\s+by\b|\b[A-Z][\w.&]*\s+(?:maintains|owns|created|made|developed|built|designed|founded|invented|runs|offers|issues|publishes)\b/;
/** When something came about, or its year. */
const WHEN = /\b(?:when|what year|which year)\s+(?:was|were|did|is|does)\b[^?.!]*\b(?:released|created|invented|founded|launched|introduced|standardi[sz]ed|made|come out|came out|started|begin|began|born|built|written|developed|published|first)\b/i;
const YEAR_SAID = /\b(?:19|20)\d\d\b/;
/** What a thing is written in, asked ("what language is Kubernetes written in?"); not a framework "written in TypeScript" as a clue. */
const WRITTEN_IN_ASKED = /\b(?:what|which)\s+(?:programming\s+)?language\b[^?.!]*\b(?:written|coded|implemented|programmed)\s+in\b|\b(?:written|coded|implemented|programmed)\s+in\s+what\b/i;
const WRITTEN_IN = /\b(?:written|coded|implemented|programmed)\s+in\b/i;
/**
 * Questions about the articles themselves ("who wrote the Indeed guide?", "when was the article
 * published?") or their figures ("who made the 13% projection?"): the source rules answer those,
 * and the sources card says what the page names.
 */
const ABOUT_SOURCES = /\b(?:article|articles|guide|guides|page|piece|post|write-?up|spotlight|profile|report|survey|projection|projections|figure|figures|estimate|estimates|statistic|statistics|stats|number|numbers|data|list|indeed|payscale|career karma|bls|bureau)\b/i;

/**
 * The acronym named just before the asking ("what does OWASP stand for", "whats quic stand for",
 * "is SQL short for something"): not "the acronym", "its letters" or "the name", which point back
 * to something else, whose acronym the question does not spell.
 */
const BEFORE_STAND = /\b([a-z][a-z0-9]{1,7})\s+(?:even\s+|actually\s+|really\s+)?(?:stands?\s+for|is\s+short\s+for|short\s+for)\b/i;
/** Capitals that are no acronym asked about. */
const NOT_ACRONYMS = new Set(['I', 'OK', 'US', 'USA', 'U', 'AM', 'PM']);
const POINTING = /^(?:it|that|this|what|does|do|they|those|acronym|abbreviation|letters?|name|names|one|word|initials|them|its|which)$/i;
/** Words an expansion may skip in its initials: "on-the-job training" is OJT. */
const SMALL = new Set(['of', 'the', 'and', 'for', 'to', 'on', 'in', 'a', 'an', '&']);

/**
 * The acronym a question asks to have spelt out, in capitals, or undefined. Typed in capitals, or
 * one the articles write in capitals (`known`): "whats quic stand for", not "what does that faster
 * protocol stand for" or "the first one".
 */
export function acronymAsked(question: string, known: (capitals: string) => boolean): string | undefined {
  const named = BEFORE_STAND.exec(question)?.[1];
  if (!named || POINTING.test(named) || NOT_ACRONYMS.has(named.toUpperCase())) return undefined;
  return named === named.toUpperCase() || known(named.toUpperCase()) ? named.toUpperCase() : undefined;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
/** The words a run of text ends with that spell an acronym (shortest first), or undefined. */
function endingThatSpells(run: string, acronym: string): string | undefined {
  const words = run.trim().split(/\s+/);
  for (let i = words.length - 1; i >= 0 && i >= words.length - 10; i--) {
    const phrase = words.slice(i).join(' ');
    if (!SMALL.has(words[i]!.toLowerCase()) && spells(wordsOf(phrase), acronym, true)) return phrase;
  }
  return undefined;
}

/**
 * The expansion of an acronym in a text, as written: "Open Web Application Security Project" before
 * "(OWASP)", "Quick UDP Internet Connections" after "QUIC (", or words whose initials spell it
 * ("model-view-controller" is MVC, "on-the-job training" OJT). Never a source in brackets.
 */
export function expansionIn(text: string, acronym: string): string | undefined {
  const acr = escapeRe(acronym);
  const after = new RegExp(`\\b${acr}s?\\s*\\(([^)]{3,80})\\)`, 'i').exec(text)?.[1];
  if (after && spells(wordsOf(after), acronym, true)) return after.trim();
  const before = new RegExp(`((?:[\\p{L}'’-]+\\s+){1,10})\\(${acr}s?\\)`, 'iu').exec(text)?.[1];
  const ending = before && endingThatSpells(before, acronym);
  if (ending) return ending;
  for (const m of text.matchAll(/[\p{L}'’&-]+(?:\s+[\p{L}'’&-]+)*/gu)) {
    const run = m[0].split(/\s+/);
    for (let i = 0; i < run.length; i++) {
      for (let j = i + 1; j <= Math.min(run.length, i + 10); j++) {
        const phrase = run.slice(i, j);
        const words = wordsOf(phrase.join(' '));
        // Never a small word on either end that the rest spells without ("the Open Web ...").
        if (words.length < 2 || !spells(words, acronym) || (SMALL.has(words[0]!) && spells(words.slice(1), acronym)) || (SMALL.has(words.at(-1)!) && spells(words.slice(0, -1), acronym))) continue;
        return phrase.join(' ').replace(/[’']s$/, '');
      }
    }
  }
  return undefined;
}

/** A figure typed in a question that asks whether it is so ("I read 40% of ... is that right?"). */
const FIGURE_TYPED = /\b(\d+(?:\.\d+)?)\s?(?:%|percent\b|hours?\b|hrs?\b|gpa\b|years? old\b|(?:in|out of) \d+\b)|\bgpa (?:of )?(\d(?:\.\d+)?)\b|\bmedian age (?:of [^?]*?)?(?:is )?(\d+)\b|\bage (?:of )?(\d{2})\b/i;
/** Asking whether a figure heard is right. */
const CONFIRMING = /\b(?:right|correct|true|accurate|legit|confirm|is that so|really)\b/i;
/** An exam's own details: how many questions, how long, its code, its passing score. */
const EXAM_DETAIL = /\bscore\b[^?.!]{0,30}\bpass\b|\bhow many (?:questions|minutes|hours|items)\b[^?.!]*\b(?:exam|test|quiz|certification|cert)\b|\b(?:exam|test) (?:code|number|format|length|duration)\b|\b(?:passing|pass|cut-?off) (?:score|mark|grade|rate)\b/i;
/** How many people work somewhere, asked ("how many engineers work on Netflix's backend team?"); not a clue ("the company used to show how many people work behind the scenes"). */
const HEADCOUNT = /^\W*(?:(?:so|ok|okay|hey|and|but|quick question|roughly|about)\W+)*how many (?:engineers|developers|devs|employees|people|staff|workers)\b[^?.!]*\b(?:work|works|working|employ|employs|employed)\b/i;
const PEOPLE_COUNTED = /\d[\d,.]*\s*(?:million\s+|thousand\s+)?(?:new\s+)?(?:engineers|developers|employees|people|workers|jobs|positions)\b/i;
/** A share asked: "what percentage of websites run on PHP?", "what share of the market". */
const SHARE_ASKED = /\bwhat (?:(?:exact|precise|rough|approximate) )?(?:percentage|percent|%|share|fraction|proportion|portion)\b|\bhow many percent\b/i;
const SHARE_SAID = /\d\s?(?:%|percent\b)|\b(?:half|a third|a quarter|one in)\b/i;
/** The outlook asked ("what's the job outlook for computer support specialists?"): a role card without growth to a year does not give it. */
const OUTLOOK_ASKED = /\b(?:job outlook|outlook|job growth|projected growth|employment growth)\b/i;
/** Whether a thing will still be around ("will Python still be popular in ten years?"): a prediction. */
const STILL_AHEAD = /\b(?:will|gonna|going to)\b[^?.!]*\bstill\b[^?.!]*\b(?:be|exist|around|used|popular|relevant|needed|alive|a thing)\b/i;
/** A prediction as a card would give one: growth to a year. */
const PREDICTED = /\b(?:grow|growth|projected|projects|expected|expects|outlook|demand)\b/i;

/** What a question asks that a text does not give, said for the reply ("who made it"), or nothing. */
export function notGiven(question: string, text: string, known: (capitals: string) => boolean): string | undefined {
  const acronym = acronymAsked(question, known);
  if (acronym) return expansionIn(text, acronym) ? undefined : `what ${acronym} stands for`;
  if (CREATOR.test(question) && !ABOUT_SOURCES.test(question) && !MAKER_SAID.test(text)) return 'who made or owns it';
  if (WHEN.test(question) && !ABOUT_SOURCES.test(question) && !YEAR_SAID.test(text)) return 'when it came about';
  if (WRITTEN_IN_ASKED.test(question) && !WRITTEN_IN.test(text)) return 'what it is written in';
  if (EXAM_DETAIL.test(question) && !/\d/.test(text)) return 'that detail of the exam';
  if (HEADCOUNT.test(question) && !PEOPLE_COUNTED.test(text)) return 'how many people work there';
  if (SHARE_ASKED.test(question) && !SHARE_SAID.test(text)) return 'what share it is';
  if (OUTLOOK_ASKED.test(question) && !(YEAR_SAID.test(text) && PREDICTED.test(text))) return 'the outlook for it';
  if (STILL_AHEAD.test(question) && !(YEAR_SAID.test(text) && PREDICTED.test(text))) return 'what will become of it';
  const figure = FIGURE_TYPED.exec(question);
  if (figure && CONFIRMING.test(question)) {
    const n = figure[1] ?? figure[2] ?? figure[3] ?? figure[4]!;
    if (!new RegExp(`(?<![\\d.,])${escapeRe(n)}(?![\\d]|\\.\\d)`).test(text)) return `that figure (${figure[0].trim()})`;
  }
  return undefined;
}
