// Named rule "whom an article cites": "which salary data provider does the bootcamp-matching site
// rely on?", "who does the spotlight quote?", "what source does the guide use for its outlook?"
// ask which sources one article draws on, which each source's `cites` lists. Not "what does
// Career Karma say?" (its points), nor a question naming the cited survey itself ("PayScale's
// figures"), which the pay rules answer.
import type { Knowledge, Source } from '../knowledge/schema.js';
import { sourcesNamed } from './named-source.js';

/**
 * Asking which sources, surveys or sites an article draws on. "Quote" only of a person or body
 * ("who does the spotlight quote?"): "what average does it quote?" asks the figure.
 */
const CITES_ASKED = /\b(?:which|what|who|whom|whose)\b[^?.!]{0,60}\b(?:cite|cites|cited|citing|rel(?:y|ies|ied|ying) on|draws? on|drew on|leans? on|bas(?:e|es|ed) (?:its|their) \w+ on|gets? (?:its|their) (?:data|figures|numbers|salary data|pay data|stats)|borrows?|borrowed)\b|\b(?:who|whom)\b[^?.!]{0,40}\b(?:quote|quotes|quoted|quoting)\b|\b(?:which|what)\s+(?:(?:salary|pay|data|outside|third-party|external)\s+)*(?:sources?|surveys?|providers?|outlets?|studies|research firms?|data sources?)\s+(?:does|did|do)\b/i;

/** The one article a question asks the cited sources of, or undefined. */
export function citesAsked(knowledge: Knowledge, question: string): Source | undefined {
  if (!CITES_ASKED.test(question)) return undefined;
  const named = sourcesNamed(knowledge, question);
  // One article, named as itself (not through a survey it cites: "PayScale" names Career Karma's figures).
  if (named.length !== 1) return undefined;
  const [{ source, name }] = named as [(typeof named)[number]];
  return source.cites.includes(name) || !source.cites.length ? undefined : source;
}
