// Named rule "named by its letter": a question that picks a name by how it is spelt ("Which DevOps
// tool starting with J is mentioned?", "which job board has 'Zip' in its name?") asks for a name
// the closest entry lists. The words of the question find the entry; the spelling picks the name
// among the things it lists (Jenkins, ZipRecruiter), which leads the answer.
import { pointTexts, type Reply } from '../reply.js';
import { bare, pointItems } from './list-items.js';
import { STARTING_LETTER } from '../search/normalize.js';

/** How a name is picked: its first letter, or a word or part of a word it holds. */
export type Spelling = { letter: string } | { part: string };

// Quotes may be gone by the time a question is read (the chat's markup is no part of it): "has
// the word X" or "has X in its name" says it without them.
const PART = /\b(?:with|has|have|having|holds?|contains?|containing)\s+(?:(?:the|a)\s+)?(?:(?:word|term)\s+["'“‘]?([\w.+#-]{2,24})["'”’]?|["'“‘]?([\w.+#-]{2,24})["'”’]?\s+in\s+(?:its|the|their|it)\s+(?:name|title)s?)\b/i;

/** A question that asks for a name: "which tool ...", "name a ...", "for devops, which tool ...". */
const ASKS_NAME = /(?:^\W*|[,;:]\s*)(?:(?:and|so|ok(?:ay)?|hey|quick q)[\s,:-]+)?(?:which|what(?:'s|s| is| are)?|name|list|give me|tell me)\b/i;

/** The spelling a question picks a name by, if any (only of a question asking for a name). */
export function spellingAsked(question: string): Spelling | undefined {
  if (!ASKS_NAME.test(question)) return undefined;
  const m = STARTING_LETTER.exec(question);
  const letter = m?.[1] ?? m?.[2] ?? m?.[3];
  if (letter) return { letter: letter.toLowerCase() };
  const p = PART.exec(question);
  const part = (p?.[1] ?? p?.[2])?.trim();
  return part ? { part: part.toLowerCase() } : undefined;
}

/** A list's item short enough to be a name ("Jenkins", "Google PageSpeed Insights"). */
const MAX_NAME_WORDS = 4;

/**
 * The things an answer lists that fit the spelling, in the order it gives them: the items of its
 * points' lists ("Job boards: Indeed, Monster, ZipRecruiter ...") and of its bulleted lists of
 * names (the Examples). Only listed things: a capitalised word of a sentence ("Starting pay",
 * "Developers") is no name asked for.
 */
export function namesSpelt(answer: Reply, spelling: Spelling): string[] {
  const fits = (name: string) => ('letter' in spelling ? name.toLowerCase().startsWith(spelling.letter) : name.toLowerCase().includes(spelling.part) && name.toLowerCase() !== spelling.part);
  const lists = answer.card.children.flatMap((n) => (n.type === 'list' ? n.items : []));
  const items = [...pointTexts(answer.card.children).flatMap(pointItems), ...lists.map(bare)];
  // Each name once, as first written ("Indeed" in a point and again in the Examples).
  const names = new Map<string, string>();
  for (const item of items) {
    const name = item.trim();
    // A name is written as one: a capital or a digit first ("Jenkins", "XAMPP"), not "languages" or "step 5".
    if (/^[\p{Lu}\d]/u.test(name) && name.split(/\s+/).length <= MAX_NAME_WORDS && fits(name) && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
  }
  return [...names.values()];
}
