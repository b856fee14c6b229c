// Text -> words, the part of understanding that is grammar, not vocabulary. What people call the
// knowledge base's concepts ("UI folks", "comp", "k8s") is data: knowledge/lexicon.json, applied by
// analyse.ts. What stays here are the few question forms that change what a question asks, each a
// named rule with its own test (tests/search-stages.test.ts).

/** A rule that rewrites a question form before the lexicon reads it. */
export interface Rule {
  name: string;
  pattern: RegExp;
  to: string | ((match: string, ...groups: string[]) => string);
}

const NUMBER_WORDS: Readonly<Record<string, string>> = { one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12' };
const NUMBER = Object.keys(NUMBER_WORDS).join('|');

/** Question forms (order matters: a more specific form first). */
/** The verbs of moving from one work into another ("switch", "transitioning", "moved", "pivot"): one list for the rules that read them. */
const MOVE_INTO = String.raw`(?:switch(?:ing|ed)?|transition(?:ing|ed)?|mov(?:e|ed|ing)|pivot(?:ing|ed)?)`;

/**
 * "Starting with J", "beginning with the letter B": a name picked by its first letter (see
 * answers/named-by.ts), the letter in the first group that holds one. Not "should I start with C?"
 * or "begin with R": a language asked about, not a letter. "A" and "I" are words too: alone they
 * must end the phrase ("starting with A pays", "...with A?"), so "starting with a bootcamp" picks nothing.
 */
export const STARTING_LETTER = /\b(?:starts|starting|begins|beginning)\s+with\s+(?:(?:the\s+)?(?:letter|initial)\s+["'“‘]?([a-z])["'”’]?(?![\w'’])|["'“‘]?([b-hj-z])["'”’]?(?![\w'’])|["'“‘]?([ai])["'”’]?(?=\s*(?:[?!.,;:)]|$)|\s+(?:is|are|was|in|on|from|that|which|the|mentioned|listed|named|pays?|earns?)\b))/i;

/** "First" to "twelfth": a place counted in words (a list's item, a plan's step, a year on the job). */
export const ORDINALS: readonly string[] = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];

/** A mass mention (Discord's "@everyone", Slack's "<!here>" or "<!channel|channel>"): it pings, it asks nothing. */
export const MASS_MENTION = String.raw`(?:@(?:everyone|here|channel)|<!(?:everyone|here|channel)(?:\|[^>]*)?>)`;

/** A line that asks nothing once a name is taken out: "tell me about ___", "what is ___?", "and ___?". */
const ABOUT_NOTHING = /^[\s?!.,]*(?:(?:and|so|ok(?:ay)?|what about|how about|tell me about|what(?:'s| is)(?: in)?|summari[sz]e|explain|describe)\s*)*(?:about)?[\s?!.,]*$/;

export const RULES: readonly Rule[] = [
  // Markdown and links say nothing asked: "**bold** [click](http://x.example) what is a backend dev?"
  // is the question after them (a link's words stay; its address goes).
  { name: 'markup', pattern: /\]\([^)\s]*\)|\bhttps?:\/\/\S+|\bwww\.\S+|[*_`~[\]]+|(?:^|\s)[#>]+(?=\s)/g, to: ' ' },
  // "@everyone how much do juniors make": a mass mention (Discord's, Slack's <!here>) is no word of the question.
  { name: 'mass-mention', pattern: new RegExp(MASS_MENTION, 'g'), to: ' ' },
  // Any other markup in angle brackets is no word either: a mention or a channel ("<@&123> salary
  // please", "<!subteam^s1|@devs>"), a formatting tag ("<b>salary</b>"); not "<html>" or "<senior>",
  // which name what is asked.
  { name: 'angle-markup', pattern: /<(?:[@#!][^<>\s]{1,80}|\/?(?:a|b|i|u|s|em|strong|br|p|span|code|pre|div|font|script|style|img|h[1-6])(?:\s[^<>]{0,80})?\/?)>/g, to: ' ' },
  // A link's address and a fenced code block say nothing the articles could answer: "[click](http://x)
  // salary?" asks the salary. (Single-backtick code stays: "`django`" names a framework.)
  { name: 'links-and-code', pattern: /\bhttps?:\/\/[^\s)]{1,300}|\bwww\.[^\s)]{1,300}|```[^`]{0,500}```/g, to: ' ' },
  // Chat shorthand the question forms below must read: "wat do juniors start at", "w/o a degree",
  // "keep up w new tech".
  { name: 'what-typed-short', pattern: /\b(?:wat|wut|wht|waht|wot)\b/g, to: 'what' },
  // British spellings are the American ones: the articles and a learner may spell "practise",
  // "specialise", "programme", "behaviour", "modelling" either way, and the stemmer keeps them apart
  // ("practis" is no "practic"). Both sides pass through the rules, so one spelling meets the other.
  { name: 'british-spelling', pattern: /\bpractis(e|es|ed|ing)\b|\b(organ|special|optim|real|recogn|priorit|standard|minim|maxim|custom|author|util|visual|summar|categor|emphas|familiar|memor|normal|central|serial|modern|character|personal|apolog|critic|final|formal|local|global|virtual|stabil|container|docker)is(e|es|ed|ing|ation|ations|ational)\b|\banalys(e|es|ed|ing)\b|\b(behavi|col|fav|hon|lab|neighb|flav|endeav)our(s|ed|ing|ite|ites|able|al)?\b|\bprogramme(s)?\b|\bcentre(s)?\b|\blicence(s|d)?\b|\bdefence\b|\bjudgement(s)?\b|\benrol(ment|ments|s)?\b|\b(model|travel|label|cancel|signal)l(ing|ed|er|ers)\b/g, to: (m: string, ...g: (string | undefined)[]) => {
    const w = m.toLowerCase();
    if (w.startsWith('practis')) return `practic${g[0]}`;
    if (g[1]) return `${g[1]}iz${g[2]}`;
    if (w.startsWith('analys')) return `analyz${g[3]}`;
    if (g[4]) return `${g[4]}or${g[5] ?? ''}`;
    if (w.startsWith('programme')) return `program${g[6] ?? ''}`;
    if (w.startsWith('centre')) return `center${g[7] ?? ''}`;
    if (w.startsWith('licence')) return `license${g[8] ?? ''}`;
    if (w === 'defence') return 'defense';
    if (w.startsWith('judgement')) return `judgment${g[9] ?? ''}`;
    if (w.startsWith('enrol')) return `enroll${g[10] ?? ''}`;
    return `${g[11]}${g[12]}`;
  } },
  // Short words typed fast ("hwo long dose it tak to lern"): too short for the spelling
  // corrector (it leaves words under five letters alone), and the question forms below need them.
  // "do i ned a degre", "is bootcamp wroth it", "hows much": the same, each a slip of a common word.
  { name: 'short-typos', pattern: /\b(?:hwo|dose|lern|tak|wich|whta|lvl|exec|ned|wroth|hows(?= much\b)|whos)\b/g, to: (m: string) => ({ whos: 'who is', hwo: 'how', dose: 'does', lern: 'learn', tak: 'take', wich: 'which', whta: 'what', lvl: 'level', exec: 'executive', ned: 'need', wroth: 'worth', hows: 'how' })[m] ?? m },
  // "How fast is web dev job growth?" asks the rate of growth (the outlook), not how long it takes;
  // "how fast can I get hired in a growing field?" is still how long it takes. So is "jobs grow how fast?".
  { name: 'growth-speed', pattern: /\bhow (?:fast|quickly)\b(?!\s+(?:can|could|do|will|would|should|might|am)\s+(?:i|you|someone|one|u|we)\b)(?=[^?.!]{0,60}\b(?:grow|grows|growing|growth|increas\w*|rising|expand\w*)\b)|(?<=\b(?:grow|grows|growing|growth|increas\w*|rising|expand\w*)\b[^?.!]{0,20}?)\bhow (?:fast|quickly)\b/g, to: ' ' },
  { name: 'with-typed-short', pattern: /\bw\/o\b|\bw\/out\b/g, to: ' without ' },
  { name: 'with-typed-short-2', pattern: /\bw\/(?!e\b)(?=\s|\w)|\bw(?=\s+(?:a|an|the|my|new|no|some|\w+ing)\b)/g, to: ' with ' },
  // "Positions beyond senior usually demand...": a verb, what they require; not the job market's demand.
  { name: 'demand-verb', pattern: /(?<!\bthere(?:'s|\s+is|\s+are)?\s+)\b(usually|typically|often|generally) demand\b/g, to: '$1 require' },
  // "Non-developer colleagues", "non-technical people": others than developers; "non" alone is no word of NoSQL's "non-relational".
  { name: 'non-developer', pattern: /\bnon[\s-](?=(?:developer|developers|dev|devs|coder|coders|programmer|programmers|engineer|engineers)\b)/g, to: ' other than ' },
  // "Named next to the container tools": beside, not the step after (see stepAfter's "next").
  { name: 'next-to', pattern: /\b(named|lists?|listed|mentioned|appears?|appearing|shows? up|showing up|sits?|sitting|placed|written|given|cited|put|right) next to\b/g, to: '$1 beside ' },
  // "Why do they bring up Netflix?": mention it, a word about the articles, not a question's subject.
  { name: 'bring-up', pattern: /\b(?:bring|brings|bringing|brought) up\b(?! (?:the (?:topic|subject) of )?(?:salary|salaries|pay|money|raise|raises|compensation|benefits)\b)/g, to: ' mention ' },
  // "Define API", "meaning of REST": what it is, asked as the definition questions ask it.
  // "Per the spotlight", "per the bootcamp matcher": where it is said, as "according to" is; not
  // "per year", "per hour" (a period of pay).
  { name: 'per-source', pattern: /\bper (?=(?:the |a |that |this |their |its |indeed's |payscale's )?(?:(?!(?:year|years|yr|yrs|hour|hours|hr|month|months|week|weeks|day|days|annum|person|head|second|minute|role|level|project|request|requests)\b)[\w'-]+ ){0,2}?(?:article|articles|guide|profile|piece|site|spotlight|indeed|payscale|karma|ck|bls|write-?up|page|source|sources|matcher|explainer|post|blog|report|survey|list|section|overview)\b)/g, to: 'according to ' },
  { name: 'define', pattern: /^ (?:please |pls )?(?:define|definition of|meaning of)\b/g, to: ' what is ' },
  // "One to three years under their belt": of experience.
  { name: 'under-belt', pattern: /\bunder (?:their|your|my|his|her|one's|the|ur) belts?\b/g, to: ' of experience ' },
  // "And technical ones?" after soft skills: technical skills.
  { name: 'skill-ones', pattern: /\b(technical|tech|soft|interpersonal|people) ones\b/g, to: '$1 skills' },
  // "What's an API in a backend context?": where it is asked, not what.
  { name: 'in-context', pattern: /\bin (?:a |the |this |that )?(?:[\w-]+ )?context\b/g, to: ' ' },
  // "Between one and three years in": a span of years said as the pay levels' brackets are ("1 to 3 years").
  { name: 'years-between', pattern: /\bbetween (\d+|one|two|three|four|five|six|seven|eight|nine|ten) and (\d+|one|two|three|four|five|six|seven|eight|nine|ten) (years?|yrs?)\b/g, to: '$1 to $2 $3' },
  // "Short answer: is it hard?", "quick q -", "tl;dr": how to answer, not what is asked.
  { name: 'answer-form', pattern: /^ ?(?:short answer|quick (?:q|question)|honest answer|real quick|tl;?dr|yes or no|one word|in (?:one|1) (?:line|sentence|word)) ?[:,\-–—] ?|[ ,(]+(?:in (?:one|1) (?:line|sentence|word)|short answer(?: please| pls)?|yes or no)[ )?!.]*$/g, to: ' ' },
  // "Noob question:", "I'm a total newbie": who asks, not what: the level is the one asked about.
  { name: 'self-description', pattern: /\b(?:(?:i'?m|i am|im) (?:a |an )?(?:total |complete |absolute )?(?:noob|newb|n00b|newbie|beginner)|(?:noob|newbie|beginner) (?:question|here|q)\b)[:,!.]?/g, to: ' ' },
  // "How much do I need to care about security?" asks how much it matters, not about pay.
  { name: 'how-much-matters', pattern: /\bhow much (?:do|does|should|must) (?:i|you|we|one) (?:need|have) to\b/g, to: ' ' },
  // "How much more do back-end devs make than front-end ones?" compares pay, like "who earns more"
  // ("how much more do I need to learn before I get paid" does not: "make" or "earn" comes next).
  { name: 'how-much-more-pay', pattern: /\bhow much (?:more|less)(?: (?:per|a|each) year| annually| yearly)?\b(?= (?:do|does|did|will|would|can)\s+(?!i\b|you\b)[^?.!]{1,40}?\b(?:make|makes|earn|earns|get paid)\b)/g, to: ' salary comparison ' },
  { name: 'how-much-time', pattern: /\bhow much time\b/g, to: ' duration ' },
  // "How many hours do backend devs work?" asks the working hours, not how long it takes to learn.
  { name: 'hours-worked', pattern: /\bhow many hours\b(?=[^?.!]{0,40}?\b(?:work|works|working|worked|on the job)\b)/g, to: ' schedule ' },
  // "How is that different from a regular backend developer?": "regular" there is the plain kind
  // of developer, not regular working hours (the schedule card's word).
  { name: 'plain-role', pattern: /\b(?:regular|normal|ordinary|plain|standard|generic)\s+(?=(?:(?:back[\s-]?end|server[\s-]side|web|software|front[\s-]?end|full[\s-]?stack)\s+)?(?:devs?|developers?|engineers?|programmers?|coders?)\b\s*(?:[?.!,;:]|$|(?:and|or|like|who|that|would|does|do|is|are|role|job|position|in|at|for|from|of|with|than)\b))/g, to: ' ' },
  // "How much does a bootcamp cost?" asks a price, which is not pay.
  { name: 'how-much-cost', pattern: /\bhow much (?=(?:\S+\s+){0,6}?(?:cost|costs|charge|charges|fee|fees|tuition|price)\b)/g, to: ' cost ' },
  // "What does General Assembly charge?", "does triplebyte charge anything?": a price asked in
  // other words. Not who is "in charge of" something, nor criminal charges.
  { name: 'charge-price', pattern: /(?<!\b(?:in|criminal|felony|dropped|pressed|facing|face)\s)\b(?:charge|charges|charging)\b(?!\s+(?:of|against|dropped)\b)/g, to: ' cost ' },
  // "How much is the number of web jobs expected to go up?": growth, not a price nor pay.
  { name: 'how-much-growth', pattern: /\bhow much\b(?=[^?.!]{0,60}\b(?:grow|grows|growing|growth|go up|goes up|going up|increase|increases|increasing|rise|rises|rising|expand|expands|expanding)\b)(?![^?.!]*\b(?:salary|salaries|pay|paid|wages?|earn|earns|earnings|income|make|makes)\b)/g, to: ' ' },
  // "How much is the General Assembly bootcamp?" asks a price, unless it names pay or growth
  // ("how much is employment projected to grow").
  { name: 'how-much-is', pattern: /\bhow much (?:is|are|was|will)\b(?![^.?!]*\b(?:paid|pay|pays|salary|salaries|earn|earns|make|makes|wage|income|grow|grows|growth|growing|increase|rise|projected|expected|demand)\b)/g, to: ' cost ' },
  // "How much experience do I need?", "how much data do they handle?", "how much server-side work
  // hides behind an app?": an amount of something that is not money; "how much" says nothing of pay
  // there. One word may stand between, not a verb's ("how much do they work?" stays pay's), and
  // then not before a word of pay ("how much senior python devs make" is pay by level).
  { name: 'how-much-of', pattern: /\bhow much (?=(?:(?!(?:do|does|did|can|could|would|will|should|is|are|was|were|i|you|they|we|a|an|the|more|less)\b)[\w-]+ (?![^.?!]*\b(?:make|makes|making|earn|earns|earning|paid|pay|pays|salary|salaries|wages?|income)\b))?(?:data|staffing|traffic|storage|memory|experience|exp|math|maths|mathematics|coding|code|work|practice|effort|studying|study|homework|reading|sql|javascript|python|knowledge|stress|pressure|freedom|responsibility|travel|traveling|travelling|overtime|teamwork|collaboration|schooling|education|training|background|theory|calculus|statistics|stats|english|security|testing|devops|cloud|networking)\b)/g, to: ' ' },
  { name: 'how-much-pay', pattern: /\bhow much\b/g, to: ' salary ' },
  // "Starting salary", "what do new ppl start at": pay at the entry level, both at once ("where
  // do I start at" is not).
  { name: 'starting-pay', pattern: /\b(?:starting|start(?:er)?|beginning|first[\s-]year) (?:(?:back[\s-]?end|server[\s-]side|web|dev|devs|developer|developers|engineer|engineers)\s+){0,2}(?:salary|salaries|pay|wage|wages|income|comp|figure|figures|number|numbers|amount)\b|(?<=\b(?:devs?|developers?|engineers?|juniors?|grads?|newbies?|beginners?|people|ppl|folks|they|salary|salaries|pay|workers|hires|newcomers)\s+)start(?:s)? (?:off |out )?(?:at|around|near) what\b(?!\s+(?:level|age|price|cost|time|month|date|point|stage|step|year))|(?<=\bwhat\b[^?.!]{0,60})\bstart(?:s)? (?:off |out )?(?:at|around|near)(?=(?:\s+(?:in|per|according to|from|by)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}(?:spotlight|profile|article|guide|indeed|payscale|karma|ck|piece|page|site|survey|data|table|source))?[\s?!.\p{Extended_Pictographic}\uFE0F\u200D]*$)/gu, to: (m: string) => {
    // The subject between stays: "starting backend salary" is a back-end developer's.
    const between = m.split(/\s+/).slice(1, -1).filter((w) => /^(?:back[\s-]?end|server[\s-]side|web|devs?|developers?|engineers?)$/.test(w)).join(' ');
    return ` entry ${between ? `${between} ` : ''}salary `;
  } },
  // "If I work for a big company on salary": paid a salary, as the articles' "salaried" (hours,
  // overtime), not a question about pay.
  { name: 'on-salary', pattern: /\b(?:work(?:s|ing|ed)?|employed|hired|am|are|be|being|i'm|im|on staff)\s+(?:(?:for|at|with|in) (?:a |an |the )?(?:big |large |small |huge )?(?:company|companies|employer|employers|firm|firms|corporation|corp|business|org|organization) )?on (?:a )?salary\b/g, to: (m: string) => m.replace(/\s*on (?:a )?salary$/, ' salaried ') },
  // "Pay attention to" is not about pay; "beyond the salary" asks what else a job gives.
  { name: 'pay-attention', pattern: /\bpay(?:ing)? (?:close )?attention\b/g, to: ' attention ' },
  { name: 'beyond-pay', pattern: /\bnon[\s-]?(?:salary|pay|cash|monetary|money|wage)\b|\b(?:beyond|besides|apart from|other than|aside from|on top of|except(?: for)?) (?:the |their |my |a |your )?(?:base |basic |regular )?(?:(?:salary|sal|pay|paycheck|paycheque|money|wage|comp(?! sci| time)|compensation|income)s?(?: itself)?\b|\$\$+)/g, to: ' benefit ' },
  // "The $81k-ish average", "the $124,303 figure": every dollar figure in the articles is pay, so
  // one in a question asks about pay, unless a price is named beside it. Written without its
  // thousands comma ("$124303"): its two halves would be two words no entry uses.
  { name: 'money-figure', pattern: /(?<!\b(?:cost|costs|costing|price|priced|spend|spent|saved|save|savings|budget|tuition|fee|fees|loan|loans|debt|owe)\b[^?.!]{0,20})(?:\$\s?[1-9]\d{1,2},\d{3}|\$?\b(?!401k)[1-9]\d{1,2}(?:\.\d)?\s?k\b|\b[1-9]\d{1,2},?000\b)(?![^?.!]{0,20}\b(?:bootcamp|course|tuition|loan|debt|cost|costs|fee|fees|price|saved|savings|budget|users|companies|people|views|followers|subscribers|downloads|lines)\b)/g, to: (m: string) => ` ${m.replace(/,/g, '')} salary ` },
  { name: 'spend-money', pattern: /\b(?:hand(?:ing)? over|spend(?:ing)?|pay(?:ing)?(?: for)?|invest(?:ing)?) (?:my |the |your |any |much |that )?(?:money|cash|savings)\b/g, to: ' cost ' },
  { name: 'out-earn', pattern: /\bout[\s-]?(?:earns?|earning|paid|pay)\b/g, to: ' salary comparison ' },
  // "Who earns more" compares pay: the FAQ that compares it, not one role's figures.
  { name: 'pay-comparison', pattern: /\b(?:earns?|earning|makes?|making|paid|pays?|salary|salaries) (?:more|better|less|higher|lower)\b/g, to: ' salary comparison ' },
  // "Is full stack better paid than backend?", "the higher-paying one": the same comparison.
  // Only against something ("...than backend"): "are highly experienced devs better paid?" asks their pay.
  { name: 'better-paid', pattern: /\b(?:better|higher|worse|lower|more|less)[\s-](?:paid|paying)\b(?=[^?.!]*\bthan\b)/g, to: ' salary comparison ' },
  // "Difference between front end and back end pay", "compare frontend and backend salaries": the
  // two sides weighed, not full stack (which "front end and back end" alone names).
  { name: 'front-and-back-weighed', pattern: /\b(?<=\b(?:between|compare|comparing|comparison of|contrast)\s+(?:the\s+)?)(front[\s-]?end|back[\s-]?end)((?:\s+(?:devs?|developers?|engineers?|roles?|jobs?|people|folks))?)\s+(?:and|&)\s+(back[\s-]?end|front[\s-]?end)\b/g, to: (_m, a: string, who: string, b: string) => ` ${a}${who} vs ${b} ` },
  { name: 'front-and-back-pay', pattern: /\b(front[\s-]?end|back[\s-]?end)((?:\s+(?:devs?|developers?|engineers?))?)\s+(?:and|&)\s+(back[\s-]?end|front[\s-]?end)\b(?=(?:\s+(?:devs?|developers?|engineers?))?(?:\s+(?:pay|paid|salar(?:y|ies)|earnings?|incomes?|wages?|compensation)\b|\s*[,;:-]?\s*(?:which|who)(?: one| of them| side)?\s+(?:pays?|earns?|makes?|gets? paid|salary)\b))/g, to: (_m, a: string, who: string, b: string) => ` ${a}${who} vs ${b} ` },
  // "Can I switch to backend?", "transitioning into server-side work": moving into the field is
  // becoming a back-end developer (not the careers a back-end developer can move on to).
  // "Finished the bootcamp, now what?", "done with databases what now": what comes next.
  // Only after something said to be done: "small company, no promotions, now what?" asks what to do there.
  { name: 'what-now', pattern: /(?<=\b(?:finished|done|completed|graduated|through|already know|learned|learnt|mastered)\b[^?]{0,60})\b(?:what now|now what|what (?:should|do|can) i do now)\b/g, to: ' next ' },
  // "I'm a frontend dev, how do I switch to backend?": the role one has is where one comes from,
  // not what is asked (the front-end card had answered it).
  { name: 'coming-from-role', pattern: new RegExp(String.raw`\b(?:i'?m|i am|im)\s+(?:a|an)\s+(?:[\w/-]+\s+){0,2}?(?:dev|devs|developer|engineer|programmer|tester|coder)\b[\s,;.]*(?=[^?!.]{0,80}\b${MOVE_INTO}(?: over)? (?:to|into) (?:back[\s-]?end|server[\s-]side))`, 'g'), to: ' ' },
  { name: 'switch-into-backend', pattern: new RegExp(String.raw`\b(?:${MOVE_INTO}|chang(?:e|ing) careers?)(?: over)?(?: from (?:a |an |the )?[\w/-]+(?: [\w/-]+){0,2}?)? (?:to|into) (?:a |an )?(?:career (?:in|as) (?:a |an )?)?(?:back[\s-]?end|server[\s-]side)(?: (?:dev|devs|developer|developers|development|engineer|engineering|work|role|job|programming))?\b`, 'g'), to: ' become backend developer ' },
  // "Someone with less than a year of experience", "under a year on the job", "6 months of
  // experience": the first level (0-1 year), as 'years-on-the-job' reads a count of years; here,
  // before 'comparison' reads "less than" as weighing two things. Not "in less than a year" (how long).
  { name: 'under-a-year', pattern: /\b(?:(?:less than|under|fewer than|not even|below)\s+(?:a|one|1|12|twelve)\s+(?:full\s+|whole\s+)?(?:years?|yrs?|months?)|(?:(?:just|only|about|around|roughly)\s+)?(?:[1-9]|1[01]|a few|three|six|nine|several)\s+months?)(?=\s+(?:of\s+)?(?:experience|exp|work experience|on the job|in the field|in the industry)\b)/g, to: () => ` ${levelOfYears(0)} ` },
  // "The middle number in the spotlight's salary section", "the middle salary": the median, not
  // mid-career ("the middle of my career" stays a level).
  { name: 'middle-median', pattern: /\b(?:the |a )?middle[\s-](?:number|figure|value|salary|salaries|pay|wage|amount|point of (?:the )?(?:pay|salar(?:y|ies)|wages?))\b/g, to: ' median salary ' },
  { name: 'comparison', pattern: /\b(?:vs\.?|versus|compar(?:ed?|es|ing) (?:to|with)|(?:more|better|less|higher|lower) than|difference between|differences between|diff between|spread between|gap between|split between|divide between|gulf between)\b/g, to: ' comparison ' },
  // "Is front end easier than back end?" compares, and still asks how hard.
  { name: 'comparison-of', pattern: /\b(easier|harder|tougher|simpler|faster|slower|cheaper) than\b/g, to: ' $1 comparison ' },
  // "What does a DBA make?" asks pay (while "make a portfolio" does not).
  { name: 'what-does-x-make', pattern: /\bwhat\s+(?:do|does|did|would|will|can|could)\s+(?!(?:i|you|we)\s+make\s+(?:a|an|my|the)\b)(.{1,60}?)\s+(?:make|makes|earn|earns|pull in|take home)\b/g, to: ' $1 salary ' },
  // "Which DevOps tool starting with J?": the letter picks a name in the answer (answers/named-by.ts);
  // it is no word of what is asked ("which company starting with A pays the most?" asks company pay).
  { name: 'starting-letter', pattern: new RegExp(STARTING_LETTER.source, 'gi'), to: ' ' },
  // "What should I look at about the teachers when choosing a CS program?": a school's teachers
  // are its faculty (whose bios and awards the spotlight says to read), not teaching as a career
  // ("how much do teachers at a university make?" still asks of the profession).
  { name: 'school-teachers', pattern: /(?<=\b(?:programs?|programmes?|schools?|courses?|college|colleges|university|universities|bootcamps?|classes|degree)\b[^?.!]{0,90})\b(?:teachers|professors|instructors|lecturers)\b(?![^?.!]*\b(?:make|makes|earn|earns|paid|pay|salary|salaries|become|job|jobs|work as)\b)|\b(?:teachers|professors|instructors|lecturers)\b(?![^?.!]*\b(?:make|makes|earn|earns|paid|pay|salary|salaries|become|job|jobs|work as)\b)(?=[^?.!]{0,40}\b(?:programs?|programmes?|schools?|college|colleges|university|universities|bootcamps?)\b)/g, to: 'faculty' },
  // "After-hours incident duty", "work after hours": a time of day, not what comes after a step.
  { name: 'after-hours', pattern: /\bafter[\s-]hours\b/g, to: 'out of hours' },
  // "An interview next week", "starting next month": when, not the roadmap's next step.
  { name: 'next-when', pattern: /\bnext (?:week|weekend|month|few (?:days|weeks|months)|couple (?:of )?(?:days|weeks|months)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|semester|term|summer|fall|autumn|spring|winter)\b/g, to: ' ' },
  // "Experienced pros", "seasoned pros": professionals, not the pros and cons (perks).
  { name: 'pros-people', pattern: /\b(experienced|seasoned|veteran|senior|junior|working|industry|fellow) pros\b(?!\s+(?:and|&|vs\.?|or)\s+cons\b)/g, to: '$1 professionals' },
  // "Entry level devs make what?", "someone in year 2 makes roughly what?": the same question,
  // with the asking word last.
  { name: 'makes-what', pattern: /\b(?:make|makes|making|earn|earns|earning|pull in|pulls in|take home|takes home)\s+(?:(?:roughly|about|around|approximately|like|typically|usually)\s+)?what\b(?=\s*(?:$|[?!.,]|a year|per year|annually|yearly|according|per\b))/g, to: ' salary ' },
  // "What does a DBA do?" asks for the role's duties; without it, it reads as "what is a DBA?".
  // "What is the work of a back-end developer in a company?", "what's the role of a backend dev": its duties.
  { name: 'work-of-x', pattern: /\bwhat(?:'s| is| are)\s+(?:the\s+)?(?:work|job|role|duties|tasks)\s+of\s+(?:a|an|the)?\s*(?=(?:back[\s-]?end|server[\s-]side|front[\s-]?end|full[\s-]?stack|dba|devops|database|web)\b)/g, to: ' duty of ' },
  { name: 'what-does-x-do', pattern: /\bwhat\s+(?:does|dose|do)\s+(?!(?:i|you|we)\s)(.+?)\s+(?:do|do all day|do at work|actually do|(?:actually |really )?work on(?= *[?!.]*\s*$))\b/g, to: ' $1 duty ' },
  // "frontend devs do what again", "backend ppl do what all day": the same, typed the other way round.
  { name: 'x-does-what', pattern: /(?<!\b(?:i|you|we|should|can|could|would|will)\s+)\b(?:do|does)\s+what(?=\s+(?:again|exactly|all day|at work|tho|though|actually|even)\b|\s*[?!.]*\s*$)/g, to: ' duty ' },
  // "The benefits of certifications", "upsides of a bootcamp", "pros of getting a degree": why that
  // thing is worth having, not the job's perks and benefits (which "benefits" alone asks).
  { name: 'good-of-thing', pattern: /\b(?:the )?(?:benefits?|advantages?|upsides?|pros|perks|plus(?:es| sides?)|good things) (?:of|from|in) (?!(?:being|working|becoming|(?:a |the |this |that |my |your )?(?:job|jobs|role|roles|career|careers|field|work|position|company|employer|employers|industry|profession|path)\b|(?:a |the )?(?:back[\s-]?end|server[\s-]side|front[\s-]?end|full[\s-]?stack|web)\b|(?:a |the )?(?:dev|devs|developer|developers|engineer|engineers|programmer|programmers|coder|coders)\b|(?:it|that|this|them|those)\b))/g, to: ' why ' },
  { name: 'worth-the-money', pattern: /\bworth (?:the|my|your) (?:money|price|cost)\b/g, to: ' worth ' },
  // "a future backend dev" is a person, not the job outlook.
  { name: 'future-person', pattern: /\bfuture\s+(?=backend|back[\s-]end|frontend|fullstack|developer|dev\b|devs\b|engineer|programmer|employer|student)/g, to: ' ' },
  // The articles described rather than named ("the job-listing site", "the pay-survey site",
  // "the bootcamp-matching article", "the career profile", "the guide that recommends Meta's
  // certificate"): the source's name (the guide names no publisher, so it is only taken out), so
  // the describing words ("bootcamp", "meta", "profile") do not pull the question to an entry about them.
  { name: 'indeed-described', pattern: /\bthe (?:20\d\d |big |large |huge |popular |major |well-known )*(?:job|jobs)[\s-]?(?:listings?|search(?:ing)?|boards?|postings?|hunting|seekers?|ads?|search engine)?[\s-](?:site|website|board|company|platform|portal|engine)(?:'s)?\b(?! (?:at|on|of|in|for) (?:my|your|our|the|a)\b)|\bthe (?:20\d\d |big |large |huge |popular |major |well-known )*job[\s-]?(?:board|listing|search|posting)s?(?:'s)?(?= (?:write[\s-]?up|article|guide|explainer|piece|page|roadmap|comparison|profile)\b)/g, to: ' indeed ' },
  // Indeed's guide is the one article dated (April 17, 2020): "the April 2020 guide", "the article from 2020".
  { name: 'indeed-dated', pattern: /\b(?:the|that)\s+(?:(?:april|apr\.?|spring)\s+(?:17(?:th)?,?\s+)?)?2020\s+(?:guide|article|piece|post|write-?up|page|explainer)\b|\b(?:the|that)\s+(?:guide|article|piece|post|write-?up|page|one)\s+(?:from|dated|published\s+(?:in|on)|written\s+in)\s+(?:april\s+(?:17(?:th)?,?\s+)?)?2020\b/g, to: ' indeed ' },
  // Career Karma's page is the one written for 2021 ("Top Reasons to Become a Backend Developer in
  // 2021"): "the 2021 guide", "the article from 2021", "the piece written for 2021".
  { name: 'career-karma-dated', pattern: /\b(?:the|that)\s+2021\s+(?:guide|article|piece|post|write-?up|page|explainer|one)\b|\b(?:the|that)\s+(?:guide|article|piece|post|write-?up|page|one)\s+(?:from|dated|written\s+(?:in|for)|aimed\s+at|for)\s+2021\b/g, to: ' career karma ' },
  // The guide by its pay table ("the salary-tier guide", "the guide with the salary tiers", "the
  // pay-band guide"): the guide, said plainly, so "salary" is no subject.
  { name: 'guide-by-tiers', pattern: /\b(?:the|that)\s+(?:salary|pay|wage)[\s-](?:tiers?|bands?|brackets?|levels?|breakdown|by[\s-]experience)[\s-](?:guide|article|page|piece|post|one)\b|\b(?:the|that)\s+(?:guide|article|page|piece|post|one)\s+(?:with|that\s+has|having|featuring)\s+(?:the\s+|its\s+)?(?:salary|pay|wage)[\s-](?:tiers?|bands?|brackets?|levels?|breakdown)\b/g, to: ' the guide ' },
  { name: 'payscale-described', pattern: /\b(?:the|that|same) (?:pay|salary|compensation|wage|comp|survey)(?:[\s-](?:survey|data|research|comparison|tracking|reporting|report))?[\s-](?:site|website|firm|company|service|platform|database)(?:'s)?\b/g, to: ' payscale ' },
  { name: 'career-karma-described', pattern: /\bthe (?:coding[\s-])?(?:bootcamp|school|camp)s?(?:[\s-](?:matching|match|focused|oriented|review|comparison|directory|finder|advice))?[\s-](?:site|website|article|platform|company|guide|page|piece|write[\s-]?up)(?:'s)?\b|\bthe (?:guide|article|site|website|piece|page|one) (?:that|which) (?:matches|pairs|connects|links) (?:readers|people|students|learners) (?:up )?with (?:coding )?(?:schools|bootcamps|camps)\b/g, to: ' career karma ' },
  // "The lowest starting salary quoted anywhere in the material": where to look is the articles,
  // which every answer is from; the words say nothing of what is asked.
  { name: 'in-the-articles', pattern: /\b(?:(?:quoted|given|listed|cited|stated) )?(?:anywhere |somewhere )?(?:in|across|from|among) (?:the|these|all the|any of the|all of the|all|any) (?:material|materials|articles|sources|readings)\b/g, to: ' ' },
  // "Indeed.com", "payscale.com", "careerkarma.com": the article's publisher by its site's name.
  { name: 'source-domain', pattern: /\b(?:www\.)?(indeed|payscale|career\s?karma)\.com\b/g, to: (_m: string, name: string) => ` ${name.replace(/career\s?karma/, 'career karma')} ` },
  // "acc 2 indeed", "acording to": as "according to" is spelt.
  { name: 'according-to', pattern: /\b(?:acc|accdg|acording|accoring|accordin)\.?\s*(?:2|to)\b/g, to: ' according to ' },
  // "The CK guide", "ck's steps": the only name the Career Karma page gives itself is its logo.
  { name: 'career-karma-initials', pattern: /\b(?:the\s+)?ck(?:'s)?(?:[\s-](?:guide|article|piece|page|site|post|write[\s-]?up|one)(?:'s)?)?(?=[\s?!.,:;]|$)/g, to: ' career karma ' },
  // "The article that cites PayScale", "the piece quoting Tutorials Point": an article described by
  // a source only it cites (sources.json: Career Karma cites PayScale; the spotlight cites Tutorials
  // Point, Hackernoon, U.S. News, VelvetJobs; Indeed cites OWASP). Not the BLS, which two cite.
  { name: 'cited-by-described', pattern: /\b(?:the|that) (?:article|guide|piece|page|one|site|write-?up|post|source)(?: that| which)? (?:cites|cited|citing|quotes|quoted|quoting|uses|using|references|referencing|draws on|drawing on|relies on|relying on|leans on|mentions|mentioning)(?: the)? (payscale|pay scale|tutorials ?point|hacker ?noon|velvet ?jobs|u\.?s\.? news(?: (?:&|and) world report)?|owasp)(?:'s)?(?: top (?:10|ten))?(?: (?:data|figures|numbers|survey|salary data|definition|guidelines))?\b/g, to: (_m: string, cited: string) => (/pay ?scale/.test(cited) ? ' career karma ' : /owasp/.test(cited) ? ' indeed ' : ' spotlight ') },
  // More of the articles described by what is on them: the job site by its other names ("the
  // recruiting site", "the employment website", the "Finding a Job" section it is filed under), the
  // bootcamp matcher by its trade ("the bootcamp marketplace") or its questions-and-answers ending,
  // the spotlight by its list of other job titles.
  { name: 'indeed-described-more', pattern: /\bthe (?:recruiting|recruitment|employment|hiring|job[\s-]?hunting|job[\s-]search)[\s-](?:site|website|platform|portal|board|engine)(?:'s)?(?:[\s-](?:guide|article|page|piece|explainer|write[\s-]?up))?\b|\b(?:the )?(?:article|guide|page|piece|explainer) (?:from|in|under) (?:the )?['"“]?finding a job['"”]? (?:section|category|part)\b|\bthe ['"“]?finding a job['"”]? (?:article|guide|page|piece|explainer|section)\b/g, to: ' indeed ' },
  { name: 'career-karma-described-more', pattern: /\bthe (?:coding[\s-])?bootcamp[\s-](?:matcher|marketplace|matching service|broker)(?:'s)?\b|\bthe (?:article|guide|piece|page|one) (?:with|that has|ending with|that ends with) (?:the |an? )?(?:faqs?|q\s?&\s?as?|questions[\s-]and[\s-]answers)(?: section)?(?: at the end)?\b|\bthe (?:article|guide|piece|page|one) that says ['"“]?get matched to top bootcamps['"”]?/g, to: ' career karma ' },
  { name: 'spotlight-by-titles', pattern: /\bthe (?:article|page|piece|one|profile|write[\s-]?up) (?:listing|that lists|with|that has|starting with|opening with) (?:the |a |all the |a long list of |a list of )?(?:alternative|alternate|other) (?:job )?titles\b/g, to: ' spotlight ' },
  { name: 'spotlight-described', pattern: /\b(?:the|that) (?:(?:long|longest|lengthy|big|detailed|full|same|title[\s-]list|career|job|role|occupation|occupational)[\s-])*(?:profile|spotlight)(?:[\s-](?:page|article|piece|site|write[\s-]?up))?(?:'s)?(?![\s-](?:pic|picture|photo|image|on|of)\b)/g, to: ' spotlight ' },
  // "Profile median vs Indeed average?", "per the profile's list": "profile" is no word of the
  // articles; alone (not someone's LinkedIn or GitHub profile) it is the career profile, the spotlight.
  { name: 'profile-alone', pattern: /(?<!\b(?:my|your|our|their|his|her|a|an|one's|linkedin|github|social|online|public|user|company|dev|developer|personal|professional|job|career|role)[\s-])\bprofile(?:'s|s')?\b(?!\s+(?:pic|picture|photo|image|page\s+on|on\s+(?:linkedin|github)))/g, to: ' spotlight ' },
  // "The (short) guide that recommends / ends by plugging / with Meta's certificate", "the Meta
  // cert guide", "the Meta-credential piece".
  { name: 'guide-described', pattern: /\b(?:the|that)(?:\s+short(?:est)?|\s+brief|\s+little|\s+small|\s+last|\s+fourth)?\s+(?:guide|article|page|one|piece|post|write[\s-]?up)(?:\s+that|\s+which)?(?:\s+also)?(?:\s+(?:ends|closes|finishes|wraps\s+up)\s+(?:by|with))?\s+(?:recommends|recommended|recommending|recs|rec'?d|plugs|plugging|pushes|pushing|suggests|suggesting|promotes|promoting|mentions|mentioning|backs|endorses|names|naming|touts|likes|(?:points|pointing|sends|sending|steers|steering|directs|directing)(?:\s+(?:readers|people|you|learners|students))?\s+(?:to|toward|towards))(?:\s+the|\s+a|\s+an)?\s+(?:meta|facebook|social[\s-](?:network(?:ing)?|media)(?:\s+giant|\s+company)?)(?:'s)?[^,.?!]{0,40}?(?:cert(?:ificate|ification)?|credential)s?\b|\b(?:the|that)(?:\s+short(?:est)?|\s+brief)?\s+(?:guide|article|page|piece|post|write[\s-]?up)\s+(?:with|w\/?|that\s+has|having|featuring)(?:\s+the|\s+a|\s+an)?\s+(?:meta|facebook)(?:'s)?[^,.?!]{0,40}?(?:cert(?:ificate|ification)?|credential)s?\s+(?:recommendation|tip|pick|plug|at\s+the\s+end)\b|\b(?:the\s+|that\s+)?(?:meta|facebook)(?:'s)?(?:[\s-](?:back[\s-]?end|professional|pro))*[\s-](?:cert(?:ificate|ification)?|credential)s?[\s-](?:guide|article|page|piece|post|write[\s-]?up)\b|\b(?:the|that)(?:\s+short(?:est)?|\s+brief)?\s+(?:guide|article|page|piece|post|write[\s-]?up)\s+(?:with|w\/?)\s+the\s+meta\s+cert(?:ificate)?s?(?=\s*[?!.]*\s*$|\s+(?:say|says|said|tell|tells|give|gives|list|lists|mention|mentions|have|has|put|puts|think|thinks|claim|claims)\b)|\bthe\s+(?:short|shortest|brief)\s+(?:guide|article|piece)\b|\b(?:the|that)\s+(?:guide|article|page|piece|post|one)\s+(?:with|w\/?|that\s+has|having|featuring)\s+(?:the\s+|a\s+)?(?:salary|salaries|pay)(?:[\s-]by[\s-]experience)?[\s-]tables?\b|\b(?:the|that)\s+(?:salary|pay)[\s-]tables?\s+(?:guide|article|page|piece|post|one)\b|\b(?:the|that)\s+(?:guide|article|piece)\s+(?:with|that\s+has|having|featuring)\s+the\s+(?:cert(?:ificate|ification)?|credential)\s+(?:recommendation|tip|pick|plug)\b/g, to: ' ' },
  // "The Meta guide", "Meta's article": the guide named by the certificate it recommends (Meta
  // wrote no article), not a question about the certificate; like "the Meta cert guide" above,
  // it says only where, which the question's other words answer ("the guide" alone would read as
  // Career Karma's step-by-step guide).
  // Asked of nothing else ("tell me about the Meta guide"), it stays as typed.
  { name: 'meta-guide', pattern: /\b(?:the\s+|that\s+)?(?:meta|facebook)(?:'s)?[\s-](?:guide|article|piece|write[\s-]?up)\b/g, to: (m: string, ...rest: string[]) => {
    // (No groups: the replacer's next arguments are the offset and the whole text.)
    const at = Number(rest[0]);
    const text = String(rest[1]);
    return ABOUT_NOTHING.test(text.slice(0, at) + text.slice(at + m.length)) ? m : ' ';
  } },
  // More of the guide described: "guide with the Meta credential", "the short guide ending with a comment form".
  // The guide described by the certificate it recommends or ends with, without naming its maker:
  // "the certificate-recommending guide", "the guide that recommends a professional certificate",
  // "the guide ending with the Meta certificate": the guide, said plainly (the source rules read
  // "the guide"), not a question about certificates.
  { name: 'guide-by-certificate', pattern: /\b(?:the|that)\s+(?:guide|article|page|piece|post|write[\s-]?up)\s+(?:that\s+)?(?:ends|ending|closes|closing|finishes|finishing|wraps\s+up|wrapping\s+up)\s+(?:with|on|by\s+(?:recommending|plugging|pushing|suggesting))\s+(?:the\s+|a\s+)?(?:meta|facebook)(?:'s)?[^,.?!]{0,30}?(?:cert(?:ificate|ification)?|credential)s?\b|\b(?:the|that)\s+(?:cert(?:ificate|ification)?|credential)[\s-](?:recommending|pushing|plugging|touting|promoting)\s+(?:guide|article|page|piece|post|write[\s-]?up)\b|\b(?:the|that)\s+(?:guide|article|page|piece|post|write[\s-]?up)\s+(?:that\s+|which\s+)?(?:recommends|recommending|recommended|pushes|pushing|plugs|plugging|promotes|promoting|touts|touting)\s+(?:a|the|one)\s+(?:professional\s+|specific\s+|particular\s+)?(?:cert(?:ificate|ification)?|credential)\b(?!\s+(?:from|by|made\s+by|of)\b)/g, to: ' the guide ' },
  // The guide by the comment box it ends with ("the comment-box guide", "the guide with the comment
  // box at the end", "the one with the leave-a-reply form"): the guide, said plainly, so the source
  // rules read it and "box" is no subject.
  { name: 'guide-by-comments', pattern: /\b(?:the|that)\s+(?:comment|comments|reply|leave[\s-]a[\s-]reply)[\s-]?(?:box|form|section)[\s-]+(?:guide|article|page|piece|post|one|write[\s-]?up)\b|\b(?:the|that)\s+(?:guide|article|page|piece|post|one|write[\s-]?up)\s+(?:with|w\/|that\s+has|having|featuring|ending\s+(?:with|in)|that\s+ends\s+(?:with|in))\s+(?:the\s+|a\s+|an\s+)?(?:comment|comments|reply|leave[\s-]a[\s-]reply)[\s-]?(?:box|form|section)(?:\s+at\s+the\s+(?:end|bottom))?\b/g, to: ' the guide ' },
  { name: 'guide-described-more', pattern: /\b(?:the|that)\s+(?:short(?:est)?\s+|brief\s+)?(?:guide|article|page|piece|post|write[\s-]?up)\s+(?:that\s+|which\s+)?(?:also\s+)?(?:recommends|recommending|pushes|pushing|plugs|plugging|suggests|suggesting|promotes|promoting|mentions|mentioning|names|naming)\s+(?:a|the|one)\s+(?:professional\s+)?(?:cert(?:ificate|ification)?|credential)\s+(?:from|by|made\s+by|of)\s+(?:meta|facebook)(?:'s)?(?:\s+parent(?:\s+company)?)?\b|\b(?:the\s+|that\s+)?(?:short(?:est)?\s+|brief\s+)?(?:guide|article|page|piece|post|write[\s-]?up)\s+(?:with|w\/|that\s+has|having|featuring|about|plugging|recommending)\s+(?:the\s+|a\s+)?(?:meta|facebook)(?:'s)?(?:[\s-](?:back[\s-]?end|professional|pro|developer|dev))*[\s-](?:cert(?:ificate|ification)?|credential)s?\b|\b(?:the|that)\s+(?:short(?:est)?\s+|brief\s+)?(?:guide|article|page|piece)\s+(?:that\s+)?(?:ends|ending|closes|closing|finishes|finishing)\s+(?:with|in|on)\s+(?:a\s+)?(?:comment|comments|reply|feedback)\s+(?:form|section|box)\b|\b(?:that\s+)?(?:ends|ending|closes|closing|finishes|finishing)\s+(?:with|in|on)\s+(?:a\s+)?(?:comment|comments|reply|feedback)\s+(?:form|section|box)\b|\b(?:with|w\/|that\s+has|having|featuring|that\s+gives|giving)\s+(?:the\s+|a\s+|its\s+)?(?:meta|facebook)(?:'s)?\s+(?:recommendation|rec|tip|pick|plug|shout-?out)\b/g, to: ' ' },
  // "In the profile that lists Betamore and Udacity, what do newcomers start around?": a clause
  // describing the source, set off from the question by a comma or colon, says no more than its name.
  // A clause that describes the source by its pay ("the profile with the $101K starting pay,
  // what's the median there?") still says the question is about pay.
  { name: 'described-clause', pattern: /\b(indeed|payscale|career karma|spotlight)(?:'s)?\s+(?:that|which|where|with|whose)\s+([^,:;?!.\u2014]{1,80}?)(?=\s*[,:;\u2014]\s*(?:what|what's|whats|how|where|which|who|when|why|is|are|does|do|can|should|would|give|name|list|tell)\b)/g, to: (_m: string, source: string, clause: string) => ` ${source} ${/\b(?:pay|paid|salary|salaries|earn\w*|\d+k)\b|\$/.test(clause) ? 'salary ' : ''}` },
  // "Does this role involve mentoring?", "what do these developers do with storage?": in a guide to
  // becoming a back-end developer, the role meant is that one.
  { name: 'this-role', pattern: /\b(?:this|the same|this same|that same) (?:role|job|line of work|specialty|specialism|occupation|position|kind of work)\b|\b(?:these|such) (?:developers|devs|engineers|coders|programmers|specialists)\b|\b(?:people|someone|somebody|anyone|folks|those) (?:in|doing) (?:this|that) (?:role|job|line of work|specialty|field|work)\b/g, to: ' backend developer ' },
  // "From a non-tech job", "a non-technical background": where the asker comes from ("non" had
  // pulled NoSQL, the non-relational databases).
  // "Non-technical coursework" is soft skills, and stays.
  { name: 'non-tech', pattern: /\bnon[\s-]?(?:tech|technical|it|programming|coding|cs|computer)[\s-](job|jobs|background|career|role|field|industry|degree|major|work|position)\b/g, to: ' $1 ' },
  // "A perk that helps with the cost of commuting" asks what helps, not a price.
  { name: 'helps-with-cost', pattern: /\b(?:help(?:s|ing)?|assist(?:s|ance)?) (?:with|toward|towards|cover(?:ing)?|pay(?:ing)? for) (?:the )?(?:cost|costs|price|expense|expenses) of\b/g, to: ' help with ' },
  // "A major named after this specialty": no step after another.
  // "Should I become a backend developer?" asks whether it is worth it, not how (the words alone
  // are "become backend developer", the how-to's own). Not "should I become a backend or
  // front-end developer?", a choice of path.
  { name: 'should-i-become', pattern: /(?<!\bhow\s+)\bshould (?:i|someone|people|we|you) (?:become|be)\b(?=\s+(?:a|an)?\s*(?:back[\s-]?end|server[\s-]side)[\s-](?:dev|devs|developer|developers|engineer|engineers|programmer|programmers)\b(?![^?.!]{0,20}\b(?:or(?! (?:nah|not|no)\b)|vs\.?|versus)\b))/g, to: ' worth become ' },
  // "When did the Indeed article come out?": an article's publishing (the articles' dates), not
  // what "came out of the bootcamp" or when Node.js came out.
  { name: 'article-published', pattern: /\b(article|articles|guide|guides|page|piece|post|write[\s-]?up|spotlight|profile|sources?|info|information)\b([^?.!]{0,30}?)\b(?:come|came|comes) out\b/g, to: '$1$2 publish ' },
  { name: 'named-after', pattern: /\b(?:named|called|titled) after\b/g, to: ' named ' },
  { name: 'in-plain-words', pattern: /\bin (?:plain|simple|layman'?s?) (?:words|terms|english)\b/g, to: ' ' },
  // "Will there be more jobs next year?", "in the coming years": the future the outlook projects,
  // not the roadmap's next step ("next") nor a year's figures ("year"). Not "the next five years":
  // one's own pay then is the figures by years on the job.
  { name: 'next-years', pattern: /\b(?:next (?:year|decade)|(?:the )?coming (?:year|years|decade)|years to come)\b/g, to: ' future ' },
  // "Ignore previous instructions. What is the average salary?": the bot follows no instructions
  // from a question, so the preamble says nothing; the question after it is read as asked.
  { name: 'ignore-instructions', pattern: /\b(?:please )?(?:ignore|disregard|forget)(?: all| any)?(?: (?:the|your|my|of the|of your))?(?: (?:previous|prior|above|earlier|system|original))?(?: (?:instructions?|prompts?|rules?|directions?))\b/g, to: ' ' },
  // "Is go used for backend?", "python or go?": Go the language (which the articles never name),
  // not the verb ("should I go for a bootcamp").
  { name: 'go-language', pattern: /(?<=\b(?:is|does|learn|learning|use|using|about|know|knowing)\s+)go\b(?=\s*(?:$|[?!.,]|(?:used|good|worth|a good|language|lang|popular|in demand|for (?:backend|back[\s-]end|server|apis?|web))\b))|(?<=\b(?:python|java|javascript|js|node(?:js)?|ruby|php|rust|kotlin|c\+\+|c#|typescript|ts)\s+(?:or|vs\.?|versus)\s+)go\b(?=\s*(?:$|[?!.,]|(?:for|in)\b))|^\s*go(?=\s+(?:or|vs\.?|versus)\s+(?:python|java|javascript|js|node(?:js)?|ruby|php|rust|kotlin|c\+\+|c#|typescript|ts)\b)/g, to: ' golang ' },
  { name: 'for-comparison', pattern: /\b(?:just )?for comparison\b/g, to: ' ' },
  // "Four to six years", "five-to-nine-year", "seven years in": a span of experience, as the
  // articles write it (4-6), so the level is read. Only beside years or another number: "which one" stays a word.
  {
    name: 'number-words',
    pattern: new RegExp(`\\b(${NUMBER})(?=(?:\\s*(?:-to-|to|-|or)\\s*(?:${NUMBER}|\\d+)\\b)|\\s+(?:\\w+\\s+)?(?:years?|yrs?)\\b)|(?<=\\b(?:${NUMBER}|\\d+)\\s*(?:-to-|to|-|or)\\s*)(${NUMBER})\\b`, 'g'),
    to: (word) => NUMBER_WORDS[word] ?? word,
  },
  // "Five years in", "at 8 years of experience", "with 3 yrs exp": a count of years on the job is
  // a pay level, read by the articles' bands (0-1 entry, 1-3 early, 4-6 mid, 7-9 and on
  // experienced). Years of college, or a span ("4 to 6 years", "4 and 6 years", the lexicon's),
  // are not; "and 3 yrs in?" after pay is (a line of years alone after pay: see the search's read).
  {
    name: 'years-on-the-job',
    pattern: /(?<!\b(?:to|or|through|-)\s+(?:(?:nearly|almost|about|around|roughly|maybe)\s+)?|\b\d{1,2}\s+and\s+|[\d-]\s*)\b(\d{1,2})\+?\s*(?:years?|yrs?)(?=\s+(?:of\s+)?(?:experience|exp|work(?:ing)?|on the job)\b|\s+in(?:to)?(?=\s*(?:[:,;?!.]|$)|\s+(?:the |this |my )?(?:field|industry|job|role|career|line of work)\b))|(?<=\b(?:at|with|having)\s+)(\d{1,2})\+?\s*(?:years?|yrs?)\b(?!\s+(?:old|of age|left|at\b|in (?:a |the )?(?:school|college|uni|university|bootcamp)|of\s+(?:college|school|university|uni|study|studying|degree|classes|course|age)))/g,
    to: (_m: string, a?: string, b?: string) => ` ${levelOfYears(Number(a ?? b))} `,
  },
  // "How much after 5 years?", "salary after 3 years": after so many years, in a pay question,
  // is a pay level too; "can I become a senior after 5 years?" is not.
  {
    name: 'pay-after-years',
    pattern: /(?<=\b(?:make|makes|making|earn|earns|earning|salary|salaries|pay|paid|how much)\b[^?.!]{0,40}\bafter\s+)(\d{1,2})\+?\s*(?:years?|yrs?)\b|\bafter\s+(\d{1,2})\+?\s*(?:years?|yrs?)\b(?=[^?.!]{0,40}\b(?:make|earn|salary|pay|paid|how much)\b)/g,
    to: (_m: string, a?: string, b?: string) => (a ? ` ${levelOfYears(Number(a))} ` : ` after ${levelOfYears(Number(b))} `),
  },
  // "Someone in year 2 of their career", "in my third year on the job": that year on the job is a
  // pay level too. Only of a career or job: "the second year of the degree" is school.
  {
    name: 'year-of-career',
    pattern: new RegExp(String.raw`\b(?:year\s+(\d{1,2})|(${ORDINALS.join('|')}|\d{1,2}(?:st|nd|rd|th))\s+year)\s+(?:of|in|on|into)\s+(?:my|their|your|his|her|one's|the|a)\s+(?:career|job)\b`, 'g'),
    to: (_m: string, a?: string, b?: string) => ` ${levelOfYears(a ? Number(a) : /^\d/.test(b!) ? Number.parseInt(b!, 10) : ORDINALS.indexOf(b!) + 1)} `,
  },
];

/** A number of years on the job -> the level whose band holds it (the articles' bands). */
export function levelOfYears(years: number): string {
  if (years <= 1) return 'entry';
  if (years <= 3) return 'early';
  if (years <= 6) return 'mid';
  return 'experienced';
}

/**
 * The words of the 'this-role' rule ("this role", "these engineers"), in any case: after another
 * role's card they mean that role, so the search puts its name in their place before analysing.
 */
export const THIS_ROLE = new RegExp(RULES.find((r) => r.name === 'this-role')!.pattern.source, 'gi');

/**
 * Words that carry no topic. Kept short: "how", "long", "much" are read by the rules above.
 * "Lowest" is one (the lowest figure is read off the question itself, src/answers/salary.ts);
 * "highest" is not: the experienced figures name themselves by it.
 */
export const STOP_WORDS = new Set(
  `a an the and or but if then so of to in on at by for with from as is are was were be been being am
  do does did doing done have has having had i me my we our you your he she it its they them their this that these those
  his her hers him himself herself yourself ourselves themselves ours yours theirs
  what which whom whose how can could should would will shall may might must
  there here about into over under again very just also too not no any some all more most much many
  get got getting go going want wanted like really please tell know let us up out
  s t d ll m re ve im id hey hi hello thanks thank yes ok okay
  come comes came explain explained explanation basic basics overview intro introduction review reviews
  exactly actually stuff sort lot lots handful bunch say tell one ones every each else still already even ever
  eventually little bit way ways guys folks people person someone anyone anybody something thing things
  mean means meant kinda sorta pretty quite ask asking question honestly literally basically
  wat wut whats u ur r pls plz thx ty abt bc cuz gonna wanna gotta dunno waht hw teh lol tbh idk imo til correct accurate
  though although rn ngl fr btw omg yall guy yo yoo sup wtf shld shud smth sth tho ya w b4 4 2 n y k
  bro bruh dude yeah yea yep nope nah gud pls plss plz halp hmm hmmm uh um umm ah oh ohh wow haha hahaha lmao
  alright anyway anyways guess maybe probably kind sure cool thx tnx thnx ppl sb smb someone's named unnamed untitled mentioned overall mention mentions describe describes describing article articles piece explainer typically usually liking appear appears appeared
  acc accdg tldr lowest specifically particularly section sections variant variants flavor flavors flavour flavours label labels
  described paragraph paragraphs actual regarding recur recurs recurring characterized characterised itemized itemised breakdown bracket brackets`.split(/\s+/),
);

/** Words that may stand before "guide" and still name the Guide: "the unnamed guide", "the backend guide". */
const GUIDE_WORDS = String.raw`(?:(?:unnamed|untitled|anonymous|short|shorter|shortest|fourth|backend|back-end)\s+|(?:salary|pay|wage)[\s-](?:tiers?|bands?|brackets?|levels?)[\s-]+|(?:comment|comments|reply)[\s-]?(?:box|form|section)[\s-]+|(?:meta|facebook)(?:'s)?[\s-]+(?:cert(?:ificate|ification)?s?|credentials?)[\s-]+|(?:cert(?:ificate|ification)?|credential)[\s-](?:recommending|pushing|plugging|touting|promoting)[\s-]+)?`;
/**
 * "The guide", "per the guide", "the guide's figures", "the unnamed guide": the Guide article, which has no publisher to
 * be called by. Not "guide me", "a study guide", "Indeed's guide" or "the step-by-step guide" (each
 * another word before "guide", or none).
 */
const THE_GUIDE = new RegExp(String.raw`\bthe\s+${GUIDE_WORDS}guide(?:'s|’s|s')?(?![a-z0-9+#-])(?!\s+(?:me|us|you|them)\b)|(?<!\b(?:indeed|karma|spotlight|payscale|step|study|interview|meta|my|your|a|an|this|that)(?:'s|’s)?[\s-]+)\bguide(?:'s|’s)\s`, 'i');
/** The Guide asked of as where an answer comes from: "what does the guide say", "per the guide", "the guide says". */
const GUIDE_ASKED = new RegExp(String.raw`\b(?:per|according to|acc(?:ording|\.)? (?:to|2)|accdg to)\s+the\s+${GUIDE_WORDS}guide\b|\b(?:does|did) the ${GUIDE_WORDS}guide (?:say|think|claim|suggest|recommend|advise|describe|define|put)\b|\bthe ${GUIDE_WORDS}guide (?:says|said|thinks|claims|suggests|recommends|advises|describes|defines|puts)\b`, 'i');

/**
 * The one rule for the Guide, in two strengths: 'asked' when it is asked of as a source (its word
 * is then no subject to rank by), 'named' when it is only named ("the guide's figures"), else none.
 */
export function guideNamed(text: string): 'asked' | 'named' | undefined {
  if (!THE_GUIDE.test(text)) return undefined;
  return GUIDE_ASKED.test(text) ? 'asked' : 'named';
}

/** Whether a source is the Guide article: the one with no publisher, whose title starts "Guide". */
export const isTheGuide = (src: { publisher: string | null; short: string }): boolean => !src.publisher && /^guide\b/i.test(src.short);

export function namesTheGuide(text: string): boolean {
  return guideNamed(text) !== undefined;
}

export function fold(text: string): string {
  return text
    .replace(/\p{Pd}/gu, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/** Folds plurals and a few endings so "developers" and "developer" meet. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is|os)$/.test(word)) return word.slice(0, -1);
  // "learning" meets "learn", "testing" meets "test"; short words ("string", "thing") are left.
  // A verb ending -ce, -ze or -ve drops its e before -ing: "practicing" meets "practice",
  // "optimizing" "optimize", "solving" "solve" (no English word ends in a bare c, z or v; "sync"
  // is the one a learner types: "syncing" is "sync").
  if (word.length >= 7 && /[^cvz][cvz]ing$/.test(word) && !word.endsWith('syncing')) return word.slice(0, -3) + 'e';
  if (word.length >= 7 && word.endsWith('ing')) return word.slice(0, -3);
  return word;
}

/** Applies the question-form rules to folded text. */
export function applyRules(folded: string, rules: readonly Rule[] = RULES): string {
  // One space between words: the rules then never scan a long run of blanks (nor is one a pattern).
  let t = ` ${folded.replace(/\s+/g, ' ').trim()} `;
  for (const rule of rules) t = typeof rule.to === 'string' ? t.replace(rule.pattern, rule.to) : t.replace(rule.pattern, rule.to);
  return t;
}

/** Splits text into words (letters and digits). */
export function split(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Each name's pattern for setAside, made once (the sources' names: a handful). */
const asidePatterns = new Map<string, RegExp>();
/**
 * A source set aside ("job boards besides Indeed", "other than LinkedIn and Indeed", "apart from
 * the spotlight"): named as a thing, not as where an answer comes from.
 */
export function setAside(question: string, name: string): boolean {
  let p = asidePatterns.get(name);
  if (!p) {
    const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    asidePatterns.set(name, (p = new RegExp(`\\b(?:besides|other than|except(?: for)?|apart from|aside from|beyond|instead of)\\s+(?:the\\s+)?(?:[\\w.]+\\s+(?:and|or|&)\\s+)?(?:the\\s+)?(?:[\\w.]+\\s+)?${n}\\b`, 'i')));
  }
  return p.test(question);
}
