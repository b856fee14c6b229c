// Named rule "named by its letter": a question that picks a name by how it is spelt ("Which DevOps
// tool starting with J is mentioned?", "which job board has 'Zip' in its name?", "the title with
// the word 'integration' in it") asks for a name the closest entry lists. The words of the
// question find the entry; the spelling picks the name in it (Jenkins, ZipRecruiter, System
// Integration Engineer), which leads the answer.
import { pointTexts, type Reply } from '../reply.js';
import { commonWords } from '../search/english.js';
import { STARTING_LETTER } from '../search/normalize.js';

/** How a name is picked: its first letter, or a word or part of a word it holds. */
export type Spelling = { letter: string } | { part: string };

// Quotes may be gone by the time a question is read (the chat's markup is no part of it): "has
// the word X" or "has X in its name" says it without them.
const PART = /\b(?:with|has|have|having|holds?|contains?|containing|includes?|including)\s+(?:(?:the|a)\s+)?(?:(?:word|term)\s+["'“‘]?([\w.+#-]{2,24})["'”’]?|["'“‘]?([\w.+#-]{2,24})["'”’]?\s+in\s+(?:its|the|their|it)\s+(?:name|title)s?)\b/i;

/** The spelling a question picks a name by, if any. */
export function spellingAsked(question: string): Spelling | undefined {
  const m = STARTING_LETTER.exec(question);
  const letter = m?.[1] ?? m?.[2] ?? m?.[3];
  if (letter) return { letter: letter.toLowerCase() };
  const p = PART.exec(question);
  const part = (p?.[1] ?? p?.[2])?.trim();
  return part ? { part: part.toLowerCase() } : undefined;
}

/** A name as written: capitalised words in a row ("Stack Overflow", "ZipRecruiter", "Ruby on Rails"). */
const NAME = /(?<![\w.])[A-Z][\w.+#'’-]*(?:\s+(?:of\s+|on\s+)?[A-Z][\w.+#'’-]*)*/g;
/** Capitalised words that start sentences, not names. */
const NOT_NAMES = new Set(`A An The It Its They Their This That These Those There Then If In On At For From To As By Of Or And But So You Your We Our Some Many Most Even Like Also Other When While With Without After Before Because Be Being Do Does Can Could Should Would Will Learn Learning Take Make Use Using Find Get Look Know Knowing Build Building Tell Ask Keep Start Pick Choose Step Job Jobs Why What How Where Who Which Backend Back-end Back-End Front-end Front-End Full-stack Full-Stack`.split(/\s+/));
/** The article a point cites, at its end: no name asked for. */
const CITED = /\s*\([^()]*\)\s*\.?\s*$/;

/** The names of an answer that fit the spelling, in the order it gives them. */
export function namesSpelt(answer: Reply, spelling: Spelling): string[] {
  const names = new Set<string>();
  for (const point of pointTexts(answer.card.children)) {
    // A sentence's first word is capitalised whatever it is: an everyday word there ("Starting
    // pay for ...") is no name.
    const text = point.replace(CITED, '').replace(/(^|[.!?:;]\s+)([A-Z][a-z]+)\b/g, (m, before: string, word: string) => (commonWords().has(word.toLowerCase()) ? `${before}${word.toLowerCase()}` : m));
    for (const m of text.matchAll(NAME)) {
      // "Then Jenkins": a sentence's capitalised first word is no part of the name after it.
      const words = m[0].split(/\s+/);
      while (words.length && NOT_NAMES.has(words[0]!)) words.shift();
      const name = words.join(' ').replace(/[.'’]+$/, '');
      // The asked word alone names nothing new ("Integration." beside "System Integration Engineer").
      if (!name || ('part' in spelling && name.toLowerCase() === spelling.part)) continue;
      const fits = 'letter' in spelling ? name.toLowerCase().startsWith(spelling.letter) : name.toLowerCase().includes(spelling.part);
      if (fits) names.add(name);
    }
  }
  return [...names];
}
