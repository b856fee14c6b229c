// Named rule "which one is not": a question that names its options and asks which of them the
// articles do not list ("Django, Laravel or Terraform: which isn't a framework the guide names?",
// "Decisiveness, customer service, graphic design, flexibility: one of these isn't among the soft
// skills. Which?") gets that option first: the one the answer never names, when it names every
// other. Two missing, or none, answers no "which one": then no word, only the card.
import { pointTexts, type Node, type Reply } from '../reply.js';
import { listed, loose, namesIn } from './yes-no.js';

/** The question asks what is NOT among them (or of them: "which of those isn't about cloud?", list-items.ts). */
export const NOT_ASKED = /\b(?:not|isn['’]?t|aren['’]?t|doesn['’]?t|don['’]?t|wasn['’]?t|weren['’]?t|never|missing|left out|odd one out)\b/i;
/** Where a clause ends: a list of options is read inside one. */
const CLAUSE_END = /[:;?!]|\s[—–-]+\s|\.(?:\s|$)/;
/** Between options: "A, B, or C", "A, B and C". */
const BETWEEN = /\s*,\s*(?:(?:or|and)\s+)?|\s+(?:or|and)\s+/i;
/** The asking around the options, not part of one ("Among Django", "Jenkins the one not listed"). */
const FILLER = new Set(
  `i i'm im me my you your we which what who whose is are was were be been the a an of these those this that among between from
  not isn't isnt aren't arent wasn't doesn't don't never one ones option options choice choices item items thing things
  listed list lists in on for to does do did by mentioned mention mentions named name names recommended recommend recommends
  suggested suggest suggests article articles guide guides page site it its them they there here has have tell please pick
  odd out belong belongs missing left off also both all any so ok hey quick question which's`.split(/\s+/),
);
/** An option is a name or a short phrase. */
const MAX_OPTION_WORDS = 4;

const filler = (word: string) => FILLER.has(word.toLowerCase().replace(/[’]/g, "'").replace(/[^\w']/g, ''));

/** The options a "which is not" question names, as written (three or more), or none. */
export function optionsAsked(question: string): string[] {
  if (!NOT_ASKED.test(question)) return [];
  for (const clause of question.split(CLAUSE_END)) {
    const pieces = clause.split(BETWEEN).map((p) => p.trim().split(/\s+/).filter(Boolean));
    if (pieces.length < 3) continue;
    // The asking before the first option and after the last is no part of them: the first is
    // the words after the last asking word ("Among Django"), the last those before the first
    // ("Jenkins the one not listed").
    const first = pieces[0]!;
    const asking = first.findLastIndex(filler);
    first.splice(0, asking + 1);
    const last = pieces[pieces.length - 1]!;
    const after = last.findIndex(filler);
    if (after >= 0) last.splice(after);
    // "..., Terraform, which isn't mentioned": a clause of asking words alone closes the list.
    const options = pieces.filter((p, i) => p.length || (i > 0 && i < pieces.length - 1));
    if (options.length < 3 || options.some((p) => !p.length || p.length > MAX_OPTION_WORDS || filler(p[0]!) || filler(p[p.length - 1]!))) continue;
    return options.map((p) => p.join(' ').replace(/^["'“‘]+|["'”’.]+$/g, ''));
  }
  return [];
}

/** A name as the articles may write it: as asked, or without a plural's s ("frameworks", "Rails"). */
const forms = (option: string): string[] => [option, ...(/[^s]s$/i.test(option) ? [option.slice(0, -1)] : [])];

/**
 * The option the answer does not name, first, with the ones it does; else nothing. `spellings`
 * gives a name's other spellings ("PTO", "paid time off").
 */
export function notAmongLead(question: string, answer: Reply, spellings: (name: string) => readonly string[] = (name) => [name]): Node | undefined {
  const options = optionsAsked(question);
  if (!options.length) return undefined;
  const said = loose(pointTexts(answer.card.children).join('\n'));
  const named = (option: string) => forms(option).some((f) => spellings(f).some((s) => namesIn(said, s)));
  const missing = options.filter((o) => !named(o));
  if (missing.length !== 1) return undefined;
  const others = options.filter((o) => o !== missing[0]);
  return { type: 'text', text: `${missing[0]} is the one the articles do not name here; they do name ${listed(others)}, as below.` };
}
