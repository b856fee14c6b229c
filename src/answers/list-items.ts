// Named rule "the second one": after an answer that lists things ("Backend developers can become
// backend engineers, database administrators or solutions architects"), "what does the second one
// do?" or "tell me more about the last one" picks an item of that list by its place. The words
// alone name nothing (they had got the list again, or the job-search tips); the item's own words,
// put in their place, are the question.
import { pointTexts, type Node } from '../reply.js';
import { NOT_ASKED } from './not-among.js';
import { ORDINALS } from '../search/normalize.js';

/** "the second one", "the last option", "the 3rd one": a place in the list shown before. */
// "The" right before it, or nothing before it: "which is the best first one to learn?" picks nothing.
const ORDINAL = new RegExp(String.raw`(?:\bthe\s+|^\s*(?:and\s+|what about\s+)?)(${ORDINALS.join('|')}|\d{1,2}(?:st|nd|rd|th)|last|final)(?:\s+(?:one|option|item|choice)\b|\s*[?!.]*\s*$)`, 'i');

/** The place "the second one" names (1-based; -1 for the last), if the question names one. */
export function placeAsked(question: string): number | undefined {
  const word = ORDINAL.exec(question)?.[1]?.toLowerCase();
  if (!word) return undefined;
  if (word === 'last' || word === 'final') return -1;
  return /^\d/.test(word) ? parseInt(word, 10) : ORDINALS.indexOf(word) + 1;
}
/** Where a sentence's list starts: after a colon, or the verb that introduces it. */
const LIST_LEAD = /:\s+|\b(?:include|includes|including|such as|can become|are|like|namely)\s+/gi;
/** A piece opening a clause ("but if you have...", "even though...") is no item of a list. */
const CLAUSE = /^(?:but|if|so|while|which|even|because|though|although|when|where|that|you|it|they)\b/i;
/** An item of a list is a name or a short phrase ("what a deadlock is and how to solve it"). */
const MAX_ITEM_WORDS = 10;
const SHORT_ITEM_WORDS = 4;
/** The article a point cites, at its end: no item. */
const CITATION = /\s*\([^()]*\)\s*\.?\s*$/;

/**
 * The items of the first point that lists three or more things (two after a colon), as written;
 * else the points of the first bulleted list of three or more (the perks, one a point). With
 * `related` (how many of the question's words a point holds), the list that holds the most of
 * them: "what additional responsibilities do they have?" means that list, not the duties before it.
 */
export function listItems(nodes: readonly Node[], related?: (point: string) => number): string[] {
  let best: string[] = [];
  let bestScore = -1;
  for (const point of pointTexts(nodes)) {
    const items = itemsOf(bare(point));
    if (!items.length) continue;
    if (!related) return items;
    const score = related(point);
    if (score > bestScore) [best, bestScore] = [items, score];
  }
  if (best.length) return best;
  const bullets = nodes.find((n): n is Extract<Node, { type: 'list' }> => n.type === 'list' && n.items.length >= 3);
  return bullets ? bullets.items.map(bare) : [];
}

/** A point without the article it cites and its full stop. */
export const bare = (point: string): string => point.replace(CITATION, '').replace(/[.;]\s*$/, '');

/** The things one point lists ("Job boards: Indeed, Monster and Glassdoor."), as written; none when it lists nothing. */
export function pointItems(point: string): string[] {
  return itemsOf(bare(point));
}

function itemsOf(sentence: string): string[] {
  // The last lead word before the first comma: "... certifications are A, B and C".
  const comma = sentence.search(/,\s/);
  let start = -1;
  let colon = false;
  for (const m of sentence.matchAll(LIST_LEAD)) {
    if (comma >= 0 && m.index > comma) break;
    start = m.index + m[0].length;
    colon = m[0].startsWith(':');
  }
  if (start < 0) return [];
  // One sentence of short things: "Step 1: Decide which path fits your goals. A formal degree ..., while ..." lists nothing.
  const list = sentence.slice(start);
  if (/[.!?;]\s/.test(list)) return [];
  // Split at ", " ("$5,000" is one figure).
  const pieces = list.split(/,\s+/).map((p) => p.trim()).filter(Boolean);
  const last = pieces.pop();
  if (last === undefined) return [];
  // "A, B, and C" (the last already on its own) or "A, B and C" / "A or B" (split it once).
  const oxford = /^(?:and|or)\s+/i.test(last);
  const tail = oxford ? [last.replace(/^(?:and|or)\s+/i, '')] : splitLast(last);
  const items = [...pieces, ...tail];
  if (items.some((p) => p.split(/\s+/).length > MAX_ITEM_WORDS || CLAUSE.test(p))) return [];
  // Two after a colon only when both are names or short phrases ("Job boards: Indeed and Monster"), not a clause.
  return items.length >= 3 || (colon && items.length === 2 && items.every((p) => p.split(/\s+/).length <= SHORT_ITEM_WORDS)) ? items : [];
}

/** "B and C" -> B, C (at its last "and"/"or"); a piece without one stays whole. */
function splitLast(piece: string): string[] {
  const m = /^(.*)\s+(?:and|or)\s+(.+)$/i.exec(piece);
  return m ? [m[1]!, m[2]!] : [piece];
}

/**
 * The item "the second one" picks of the list shown before, and the question with the item in
 * its place; nothing when it names no place or the list has no such item.
 */
export function itemAsked(question: string, items: readonly string[] | undefined): { item: string; question: string; said?: string } | undefined {
  const m = items?.length ? ORDINAL.exec(question) : null;
  const place = placeAsked(question);
  if (!m || !items || place === undefined) return undefined;
  const item = place < 0 ? items.at(-1) : items[place - 1];
  if (!item) return undefined;
  return { item, said: m[0].trim().replace(/^(?:and\s+|what about\s+)?(?:the\s+)?/i, ''), question: `${question.slice(0, m.index)} ${one(item)} ${question.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').replace(/\s+([?!.,])/g, '$1').trim() };
}

/**
 * "Any of those", "which one", "which of them", "the one involving security": a pick among what
 * was just listed.
 */
const AMONG = /\b(?:(?:any|one|which|either) of (?:those|them|these)|which (?:one|ones)|any ones?|the (?:one|ones) (?:involving|about|covering|on|for|with|in|dealing with|that'?s about|that is about))\b/i;

/**
 * Named rule "any of those about X": after a list, "any of those focus on security?" picks the one
 * item whose words hold the question's own ("Information Security Analysts"), and "which of those
 * isn't about cloud?" the one item whose words do not (the MySQL certification beside AWS and
 * Azure); nothing when no item or more than one does. `terms` reads words as the search does;
 * `field` are words every item shares in meaning (developer, backend), which pick nothing.
 */
export function itemNamed(question: string, items: readonly string[] | undefined, terms: (text: string) => string[], field: ReadonlySet<string>): { item: string; question: string; said?: string } | undefined {
  const holding = picked(question, items, terms, field);
  if (!items || !holding) return undefined;
  // One item of several: a one-item list picks nothing it did not already say, and "not about
  // cloud" of a list none of which is about it picks nothing (every item would do).
  return holding.length === 1 && items.length > 1 ? { item: holding[0]!, question: one(holding[0]!) } : undefined;
}

/**
 * "Which of those isn't about security?" when several are not: those items, to say before the
 * list again (the search would otherwise pick the one that is). Nothing when it is not asked.
 */
export function itemsWithout(question: string, items: readonly string[] | undefined, terms: (text: string) => string[], field: ReadonlySet<string>): string[] | undefined {
  const among = items?.length ? AMONG.exec(question) : null;
  if (!items || !among || !NOT_ASKED.test(pickClause(question, among.index))) return undefined;
  const without = picked(question, items, terms, field);
  return without && without.length > 1 && without.length < items.length ? without : undefined;
}

/** The clause of the pick: from "which of those" to the first stop ("which of those is about cloud? I'm not sure": not the "not"). */
const pickClause = (question: string, at: number) => question.slice(at).split(/[?.!;,]/)[0] ?? '';

/** The items a pick among them takes: holding the question's own words, or not holding them when it asks what is not. */
function picked(question: string, items: readonly string[] | undefined, terms: (text: string) => string[], field: ReadonlySet<string>): string[] | undefined {
  const among = items?.length ? AMONG.exec(question) : null;
  if (!items || !among) return undefined;
  const asked = new Set(terms(question.replace(AMONG, ' ')).filter((t) => !field.has(t)));
  if (!asked.size) return undefined;
  // The "not" of the pick itself ("which of those isn't about cloud?"), not of the words before
  // it ("I don't know much, which of those is about cloud?") or after it ("..., not databases").
  const negated = NOT_ASKED.test(pickClause(question, among.index));
  return items.filter((item) => terms(item).some((t) => asked.has(t)) !== negated);
}

/**
 * An item as one of it: "backend engineers" -> "backend engineer" (the search reads "engineers" as
 * any developer, and "engineer" as the Backend Engineer). Only a plain -s plural.
 */
const one = (item: string): string => item.replace(/(?<=[a-z]{3}[^s])s$/i, '');
