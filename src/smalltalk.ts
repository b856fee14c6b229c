// Small talk and intents that are not questions about the articles: a greeting, thanks, "what can
// you do", "I finished step 3". Each gets a short, right reply instead of a search. Nothing here
// writes: "I finished step 3" offers `done 3`, it does not mark it.
import type { CommandContext } from './command.js';
import { planOf, pointName, stepCalled } from './answers/plans.js';
import { sourcesReply } from './commands/sources.js';
import { rememberTopic } from './commands/remember.js';
import { reply, withLead, type Reply } from './reply.js';
import { MASS_MENTION } from './search/normalize.js';

export interface Intent {
  name: string;
  pattern: RegExp;
  /** Undefined when the message is not this intent after all (it names no step): it is read as a question. */
  reply: (ctx: CommandContext, match: RegExpMatchArray) => Reply | undefined;
}

const TOPICS = 'roles, pay, the job outlook, courses and certifications, degrees and bootcamps, the roadmap, interviews and the job search';

const START = [
  { label: 'Back-end developer salary', command: 'salary' },
  { label: 'The roadmap', command: 'roadmap' },
  { label: 'How long it takes', command: 'ask how long does it take' },
];

/** Step numbers as words: "I finished step three". */
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** Each pattern must match the whole message (after trimming), so a real question is never caught. */
export const INTENTS: readonly Intent[] = [
  {
    name: 'greeting',
    // A line of nothing but a mass mention ("@everyone", Slack's "<!here>") says hello too: it asks nothing.
    pattern: new RegExp(String.raw`^(?:(?:(?:hi+|hello+|hey+|heya|hiya|yo+|howdy|sup|wh?at'?s ?up|wassup|good (?:morning|afternoon|evening)|greetings|hola|hallo)[\s,!.?]*)+(?:there|all|everyone|devpath|bot|anyone(?: there| here| around| home)?|is anyone (?:there|here|around)|${MASS_MENTION})?|(?:${MASS_MENTION})(?:[\s,!.]+(?:${MASS_MENTION}))*)[\s!.?]*$`, 'i'),
    reply: () =>
      reply({
        title: 'Hi!',
        children: [{ type: 'text', text: `Ask me anything about becoming a back-end developer: ${TOPICS}. Every answer says which article it comes from.` }],
        answered: false,
        suggestions: START,
      }),
  },
  {
    name: 'thanks',
    pattern: /^(?:(?:ok(?:ay)?|cool|great|nice|perfect|awesome|got it)[\s,!.]+)?(?:thanks?(?: you)?(?: so much| a lot| very much)?|thx|thanx|ty|tysm|cheers|much appreciated|appreciate it|nice|perfect|awesome|got it)[\s!.]*$/i,
    reply: () => reply({ title: "You're welcome!", children: [{ type: 'text', text: 'Ask another question any time.' }], answered: false }),
  },
  {
    name: 'how-are-you',
    // "good morning bot how r u": a greeting before it says nothing more.
    pattern: /^(?:(?:hi+|hello+|hey+|heya|hiya|yo+|good (?:morning|afternoon|evening))[\s,!.]+(?:(?:there|bot|devpath)[\s,!.]+)?)?(?:how (?:are|r) (?:you|u|ya)(?: doing)?(?: today)?|how'?s it going|what'?s new|you good)[\s?!.]*$/i,
    reply: () => reply({ title: 'Ready to help', children: [{ type: 'text', text: "I'm a bot, so always fine. What would you like to know about becoming a back-end developer?" }], answered: false, suggestions: START }),
  },
  {
    name: 'acknowledgement',
    pattern: /^(?:(?:lol|lmao|haha+|ok(?:ay)?|k|kk|cool|nice|great|alright|sure|i see|got it|makes sense|oh|ah|hmm+|y|yes|yeah|yep|yup|no|nope|nah)[\s,!.]*){1,3}$/i,
    reply: () => reply({ title: 'Anything else?', children: [{ type: 'text', text: 'Ask another question, or type "help" to see what I can do.' }], answered: false }),
  },
  {
    name: 'goodbye',
    pattern: /^(?:(?:ok(?:ay)?|thanks?|thx|ty|cool)[\s,!.]+)*(?:bye+|goodbye|see (?:you|ya)(?: later)?|cya|later|good night|gn)[\s!.]*$/i,
    reply: () => reply({ title: 'Good luck!', children: [{ type: 'text', text: 'Come back any time; your progress is kept.' }], answered: false }),
  },
  {
    name: 'capabilities',
    pattern: /^(?:what (?:can|do) (?:you|u) (?:do|know|help (?:me )?with)(?: about)?|what do (?:you|u) know(?: about)?|who are (?:you|u)|what are (?:you|u)|wh?at'?s (?:your|ur) name|who (?:made|built|created|wrote|designed) (?:you|u|this(?: bot| thing| app)?|devpath)|are (?:you|u) (?:a bot|a robot|human|a human|a person|real|an ai|ai|chat ?gpt|gpt|an llm|an? (?:chat ?bot|language model))|what is this(?: bot)?|how do (?:i|you) use (?:this|you)(?: bot)?|help me(?: (?:pls|plz|please|out))?|(?:can|could) (?:you|u) help(?: me)?(?: (?:pls|plz|please))?|help (?:pls|plz|please)|what can i ask(?: you)?|what should i ask)[\s?!.]*$/i,
    reply: (ctx) =>
      reply({
        title: 'What I can do',
        children: [
          { type: 'text', text: `I answer questions about becoming a back-end developer from ${ctx.knowledge.sources.length} articles: ${TOPICS}. Ask in your own words, and follow up ("and for seniors?", "what next?").` },
          { type: 'text', text: 'In a study group I also track your progress through the roadmap (done 3), keep the group\'s tips on each step, and show who is where (group).' },
        ],
        answered: false,
        suggestions: [...START, { label: 'All commands', command: 'help' }],
      }),
  },
  {
    name: 'sources',
    pattern: /^(?:(?:which|what) (?:articles|sources)(?: do (?:you|u) (?:use|know|have))?|where do (?:you|u) get (?:your|this|the) (?:info|information|data|answers|facts)(?: from)?|what are (?:your|ur) sources|(?:your|ur) sources|who (?:wrote|writes|are the (?:authors|writers) of) (?:this|these|your answers|the (?:[\w' -]{1,40} )?(?:article|articles|guide))(?: (?:articles?|guides?|sources?|pages?))?|who are the (?:authors|writers)|where (?:does|do) (?:this|the|your|these) (?:info|information|data|answers|facts)(?: \w+)? come from|what (?:are|is) (?:these|your|the) (?:answers|info|information) based on|(?:which|what) (?:article|source) is (?:the )?(?:most recent|newest|latest|oldest))[\s?!.]*$/i,
    reply: (ctx) => sourcesReply(ctx),
  },
  {
    // "Which article is most reliable?": the articles do not rate one another, and neither does the bot.
    name: 'which-to-trust',
    pattern: /^(?:(?:so|and|but|ok(?:ay)?)[\s,]+)?(?:which|what) (?:article|source)s? (?:is (?:the )?(?:most |more )?(?:reliable|trustworthy|accurate|right|correct|credible|best)|should i (?:trust|believe|go with|listen to)|do (?:i|you) (?:trust|believe)|can i trust)[\s?!.]*$/i,
    reply: (ctx) => withLead(sourcesReply(ctx), { type: 'text', text: "The articles don't rate one another, so I won't rank them. Here is who wrote each and when; where their figures differ, I show each with its source." }),
  },
  {
    name: 'finished-step',
    // Not when a question follows: "just finished a bootcamp, how do I land my first job?" asks it.
    // Nor a question that starts with "did" ("Did most of these developers get hooked on computers
    // young?", with or without its question mark); "did step 3" and "did the sql step" are news.
    pattern: /^(?!did\b(?:[^?]*\?|\s+(?:you|they|he|she|we|it|most|many|all|any|these|those|people|folks|devs?|developers?|back[\s-]?end\w*|front[\s-]?end\w*)\b))(?:i(?:'ve| have)?|just)?\s*(?:finished|completed|done with|did|am done with|'m done with|m done with)\s+(?:the\s+)?(?:step\s*#?\s*(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|((?:(?![,;:]\s*(?:how|what|where|which|when|why|who|should|can|could|do|does|is|are|will|would|any)\b|\s+(?:what(?:'s|s| is)?\s+(?:now|next)|what comes (?:after|next)|now what|what should i)\b).){2,60}?))(?:\s+step)?[\s!.]*$/i,
    reply: (ctx, m) => {
      // "step three" is step 3.
      if (m[1] && !/^\d/.test(m[1])) m[1] = String(NUMBER_WORDS.indexOf(m[1].toLowerCase()) + 1);
      // Right after an article's own plan, "I finished step 3" means that plan's step 3.
      const plan = m[1] ? planOf(ctx, ctx.conversations.previous(ctx, ctx.now())?.topic) : undefined;
      const point = plan?.points[Number(m[1]) - 1];
      if (plan && point) {
        const next = plan.points[Number(m[1])];
        rememberTopic(ctx, plan.ref, undefined, { point: Number(m[1]) });
        return reply({
          title: 'Well done!',
          children: [{ type: 'text', text: next ? `That was step ${m[1]} (${pointName(point.text)}). Next: ${stepCalled(plan, Number(m[1]) + 1)}.` : `That was the last of its ${plan.points.length} steps.` }],
          answered: false,
          suggestions: [{ label: `All ${plan.points.length} steps`, command: `more ${plan.ref}` }],
        });
      }
      // "just finished learning sql" names SQL, not the step "Keep learning".
      const what = (m[2] ?? '').replace(/^(?:learning|studying|reading about|working on|practising|practicing|the basics of)\s+/i, '');
      const named = m[1] ? undefined : ctx.search.resolve('step', what).match;
      const step = ctx.knowledge.roadmap.find((s) => (m[1] ? s.order === Number(m[1]) : s.id === named?.id));
      if (!step) {
        return reply({ title: 'Well done!', children: [{ type: 'text', text: 'Which roadmap step was it? Type "roadmap" to see the steps, then "done <number>" to mark one.' }], answered: false, suggestions: [{ label: 'The roadmap', command: 'roadmap' }] });
      }
      // "What next?" after it means the step after this one; "yes" marks it.
      rememberTopic(ctx, `step:${step.id}`, undefined, { offer: `done ${step.order}` });
      return reply({
        title: 'Well done!',
        children: [{ type: 'text', text: `Shall I mark step ${step.order}, ${step.title}, as done? Say "yes" or type "done ${step.order}" (I don't change your progress without being asked).` }],
        answered: false,
        suggestions: [{ label: `Mark step ${step.order} done`, command: `done ${step.order}` }],
      });
    },
  },
  {
    // "ok i know python and i get algorithms now", "I learned a server-side language and picked up
    // Django": a statement of what is done, not a question. It says which roadmap step that
    // reaches and which comes next, and "what next?" after it is that next step.
    name: 'progress-said',
    pattern: /^(?:(?:ok(?:ay)?|so|well|now|alright)[\s,]+)?i(?:'ve| have|'m| am)?\s+(?:now\s+|already\s+|finally\s+|just\s+)?(?:know|learned|learnt|picked up|understand|get|got|finished|completed|covered|mastered|am comfortable with|comfortable with|comfy with|done with)\b((?:(?![,;:]\s*(?:how|what|where|which|when|why|who|should|can|could|do|does|is|are|will|would|any)\b|\s+(?:what(?:'s|s| is)?\s+(?:now|next)|what comes (?:after|next)|now what|what should i)\b)[^?]){2,160})$/i,
    reply: (ctx, m) => {
      // "I know what a framework is", "I learned how to ..." say what they understand, not a step done.
      if (/^\s*(?:what|how|why|where|when|which|who|whether|if|about|nothing|none|no)\b/i.test(m[1]!)) return undefined;
      const steps = stepsNamed(ctx, m[1]!);
      const last = steps.at(-1);
      if (!last) return undefined;
      // Next is the first step after the earliest one named that the statement does not cover.
      const named = new Set(steps.map((s) => s.order));
      const next = ctx.knowledge.roadmap.find((s) => s.order > steps[0]!.order && !named.has(s.order));
      // "What next?" after it is the step this reply names as next, not the one after the last named.
      rememberTopic(ctx, `step:${last.id}`, undefined, { next: next && `step:${next.id}` });
      const orders = steps.map((s) => s.order);
      const reached = steps.length > 1 ? `steps ${orders.slice(0, -1).join(', ')} and ${orders.at(-1)}` : `step ${last.order} (${last.title})`;
      return reply({
        title: 'Well done!',
        children: [
          { type: 'text', text: next ? `That covers ${reached} of the roadmap. Next: step ${next.order}, ${next.title}.` : `That covers ${reached}: the last step of the roadmap.` },
          { type: 'note', text: `To mark ${steps.length > 1 ? 'them' : 'it'} done, type ${steps.map((s) => `"done ${s.order}"`).join(' and ')}; I don't change your progress without being asked.` },
        ],
        answered: false,
        suggestions: [...(next ? [{ label: `Step ${next.order}`, command: `roadmap ${next.order}` }] : []), ...steps.map((s) => ({ label: `Mark step ${s.order} done`, command: `done ${s.order}` }))],
      });
    },
  },
];

/** Words around what a statement of progress names ("i get", "pretty comfy with", "now"). */
const SAID_FILLER = /\b(?:i|i'm|im|i've|ive|i have|i am|also|now|too|pretty|really|quite|the basics of|basics of|the|a|an|some|my|it|with|know|learned|learnt|picked up|understand|get|got|finished|completed|covered|mastered|comfortable|comfy|done|part|stuff|well|already|finally|just)\b/gi;

/** The roadmap steps a statement names, in roadmap order: "python" is step 2, "django" step 4. */
function stepsNamed(ctx: CommandContext, said: string): { order: number; id: string; title: string }[] {
  const found = new Map<string, { order: number; id: string; title: string }>();
  for (const part of said.split(/,|;|\band\b|\bplus\b|&/i)) {
    const words = part.replace(SAID_FILLER, ' ').replace(/\s+/g, ' ').trim();
    if (words.length < 2) continue;
    // A name or one of the step's own keywords ("python"), not a guess: "html" is not a misspelt
    // server-side language.
    const r = ctx.search.resolve('step', words);
    const sure = r.match && (!r.guessed || r.match.keywords.some((k) => k.toLowerCase() === words.toLowerCase()));
    const step = sure && ctx.knowledge.roadmap.find((s) => s.id === r.match!.id);
    if (step) found.set(step.id, step);
  }
  return [...found.values()].sort((a, b) => a.order - b.order);
}

export function smallTalk(ctx: CommandContext, text: string): Reply | undefined {
  const trimmed = text.trim();
  if (trimmed.length > 120) return undefined;
  for (const intent of INTENTS) {
    const m = trimmed.match(intent.pattern);
    const said = m && intent.reply(ctx, m);
    if (said) return said;
  }
  return undefined;
}
