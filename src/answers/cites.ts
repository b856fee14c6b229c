// Named rule "whom an article cites": "which salary data provider does the bootcamp-matching site
// rely on?", "who does the spotlight quote?", "what source does the guide use for its outlook?"
// ask which sources one article draws on, which each source's `cites` lists. Not "what does
// Career Karma say?" (its points), nor a question naming the cited survey itself ("PayScale's
// figures"), which the pay rules answer.
import type { Knowledge, Source } from '../knowledge/schema.js';
import { sourcesNamed } from './named-source.js';

/**
 * Asking which sources, surveys or bodies an article draws on: who or whom it cites or quotes, or
 * which source, survey or provider it relies on. Not what figure, skill or tool it cites ("what
 * entry-level salary does Career Karma cite?", "which frameworks does the guide cite?"): those
 * ask its points, which the other rules answer.
 */
const SOURCE_NOUN = String.raw`(?:(?:salary|pay|data|outside|third-party|external|statistics|stats)\s+)*(?:sources?|surveys?|providers?|outlets?|agenc(?:y|ies)|organi[sz]ations?|firms?|companies|publications?|studies|research(?:ers)?)`;
const CITES_ASKED = new RegExp(String.raw`\b(?:who|whom)\b[^?.!]{0,40}\b(?:cite|cites|cited|citing|quote|quotes|quoted|quoting|rel(?:y|ies|ied|ying) on|draws? on|drew on|leans? on)\b|\b(?:which|what)\s+${SOURCE_NOUN}\s+(?:does|did|do)\b`, 'i');

/** The one article a question asks the cited sources of, or undefined. */
export function citesAsked(knowledge: Knowledge, question: string): Source | undefined {
  if (!CITES_ASKED.test(question)) return undefined;
  const named = sourcesNamed(knowledge, question);
  // One article, named as itself (not through a survey it cites: "PayScale" names Career Karma's figures).
  if (named.length !== 1) return undefined;
  const [{ source, name }] = named as [(typeof named)[number]];
  return source.cites.includes(name) || !source.cites.length ? undefined : source;
}
