// The words that ask for more of what was just said, in one place: the chat's "tell me more", a
// follow-up's "why?", and what "more" may be followed by without naming anything ("more please");
// and a command asked for in words ("what's the roadmap?").

/** "Tell me more", "why?", "details", "like what?", "any others?": the entry just shown, in full. */
export const MORE = /^\s*(?:(?:ok(?:ay)?|and|so|but)[\s,]+)?(?:tell me more(?: about (?:it|that|this|them))?|more|more (?:details|info|please)|go on|details|why(?: (?:tho|though|exactly|so))?|why\s+(?:is )?that|why (?:does|do|is|would|should) (?:it|that|this) (?:matter|important|count)(?: (?:for|to) [\w\s-]{1,30})?|why (?:should|would|do|does) (?:i|we|you|they|anyone|(?:a |the )?(?:back ?-?end|backend|server[ -]side) (?:devs?|developers?|engineers?|people|folks)) (?:care|bother|need (?:it|that|this))(?: about (?:it|that|this|them))?|why bother(?: (?:tho|though|with (?:it|that|this|them)))?|how come(?: (?:tho|though))?|explain|elaborate|say more|and\?|like what(?: (?:specifically|exactly))?|what specifically|such as(?: what)?|for (?:example|instance)|(?:any |some |give me (?:an? |some )?)?examples?|any others?|any other ones|others|anything else|what else|any more)[\s?!.]*$/i;

/** "Tell me more", "go on": more of the last answer, and nothing else (not "why?"). */
export const PLAIN_MORE = /^\s*(?:tell me more|more (?:details|info|please)|go on|say more)[\s?!.]*$/i;

/** What `more` was followed by says nothing to show ("more please", "more about it"): the last answer is meant. */
export function isMoreFiller(what: string | undefined): boolean {
  return !what || MORE.test(`more ${what}`) || MORE.test(what) || /^(?:please|pls|plz|details?|info|(?:about |of )?(?:it|that|this|them))[\s?!.]*$/i.test(what);
}

/** A command asked for in words: "what's the roadmap?", "show me my progress", "can i see the roadmap". */
const COMMAND_ASKED = /^\s*(?:(?:so|ok(?:ay)?|hey|yo)[\s,]+)?(?:what'?s|whats|what is|what are|show(?: me)?|see|view|open|give me|list|can i see|let me see)\s+(?:the|your|ur|my)\s+(roadmap|road map|progress)(?:'s)?(?:\s+steps)?\s*[?!.]*\s*$/i;

/** "How many steps is the roadmap?", "how many steps are in the roadmap": the roadmap, which says how many first. */
const STEPS_COUNTED = /^\s*(?:(?:so|ok(?:ay)?|hey|yo)[\s,]+)?how many steps\s+(?:(?:are|is)\s+(?:there\s+)?(?:in\s+)?|does\s+|in\s+)?(?:the|your|ur|this|devpath'?s?)\s+(?:roadmap|road map|learning path)(?:\s+have)?\s*[?!.]*\s*$/i;

/** The command a line asks for in words ("roadmap" for "whats the roadmap?"), if it asks for one. */
export function commandAsked(text: string): string | undefined {
  if (STEPS_COUNTED.test(text)) return 'roadmap';
  return text.match(COMMAND_ASKED)?.[1]?.toLowerCase().replace(/\s+/g, '');
}

/**
 * "Which source says so?", "who said that?", "where's that from?", "per which source?", "source?": what the answer just
 * shown stands on. Only the words of that ask: "which source is the newest?" asks something else.
 */
export const SOURCE_OF_THAT = /^\s*(?:(?:and|so|ok(?:ay)?|but|wait|hmm+|really)[\s,]+)?(?:(?:which|what|wat|wich) (?:source|article|site|website|page|study|report)s?(?: (?:says?|said|is|was|gives?|gave|are|were|claims?|reports?)(?: (?:so|that|this|it|those|these|them))?| (?:is |was )?(?:that|this|it) (?:from|in)| (?:did |does )?(?:that|this|it) come from)?|sources?(?: (?:pls|please|plz))?|says? who|who (?:says|said|claims|reports) (?:so|that|this)|(?:who|where)(?:'s| is| does| did) (?:that|this|it) (?:from|come from|coming from)|(?:whos|wheres|who's|where's) (?:that|this|it) from|according to (?:who|whom|what|which source)|(?:per|from|by|acc(?:\.|ording)? to) (?:which|what|whose) (?:source|article)s?|(?:what'?s|whats|what is|what are) (?:the|your|ur) sources?(?: (?:for|of|on) (?:that|this|it))?|(?:where|how) (?:do|did) (?:you|u) (?:know|get) (?:that|this)|citation(?: needed)?|cite (?:that|it|your sources?))[\s?!.]*$/i;

/**
 * "Why do the numbers differ so much?", "why are the salary figures so different?": why the
 * sources disagree on pay, which the articles never explain. Not two roles' pay ("why do front-end
 * and back-end salaries differ?"): that is who earns more.
 */
export const FIGURES_DIFFER = /^(?!.{0,200}\b(?:front|full)[\s-]?(?:end|stack)\b)(?!.{0,200}\b(?:junior|juniors|senior|seniors|entry|experience|level|levels|city|cities|state|states|country|countries|location)\b).{0,120}\bwhy\b.{0,80}\b(?:numbers|figures|salaries|salary figures|pay figures|estimates|sources|averages)\b.{0,80}\b(?:differ|different|vary|disagree|so far apart|inconsistent|(?:do not|don't|dont) (?:match|agree))\b|^\s*(?:(?:and|so|but|ok)[\s,]+)?why (?:the|such a|such) (?:big |huge )?(?:difference|gap|spread)s?\b|^\s*(?:(?:and|so|but|ok)[\s,]+)?(?:why|how come)(?: are(?: they| the(?:se)? (?:numbers|figures))| is it)? so (?:different|far apart|varied)\b|^.{0,40}\b(?:why|how come)\b.{0,40}\b(?:one|indeed|payscale|the spotlight|career karma|the guide)\b.{0,40}\b(?:so much |way |much )?(?:higher|lower|bigger|smaller)\b.{0,40}\bthan\b|^.{0,40}\bhow come\b.{0,40}\bone says\b/i;

/** "Which number is right, Indeed or Career Karma?", "whose figure should I trust?": which source to believe on pay, which the articles never say. */
export const FIGURE_JUDGED = /\b(?:which|whose|what)\s+(?:one|number|figure|source|estimate|average)s?\s+(?:is|are|should i|do i|can i|to)\s+(?:(?:the\s+)?(?:right|correct|accurate|true|reliable|trust|believe|go with))\b(?!\s+for\s+(?:me|a|an|my)\b)/i;

/**
 * "By how much", "how much more", "how big is the gap": the size of a difference asked. The
 * search reads a line of these alone as a follow-up of the comparison before (BY_HOW_MUCH there);
 * the pay answer works the gap out (answers/salary.ts).
 */
export const SIZE_ASKED = String.raw`by\s+how\s+much|how\s+much\s+(?:more|less|higher|lower)|how\s+(?:big|large|wide)\s+(?:is\s+)?the\s+(?:gap|difference)`;
