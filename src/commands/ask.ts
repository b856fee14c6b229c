import type { CommandContext, CommandSpec } from '../command.js';
import { questionCard, learningCard, skillCard } from '../answers/entries.js';
import { roleCard } from '../answers/role.js';
import { stepCard } from '../answers/roadmap.js';
import { outlookCard, salaryCard } from '../answers/salary.js';
import { reply, type Reply, type Suggestion } from '../reply.js';
import type { Answer, Hit } from '../search/index.js';
import { recordUnanswered } from '../store/community.js';
import { nowIso, userWrite } from './community.js';

/** Topics offered when a question matches nothing at all. */
const STARTERS = [
  { label: 'Back-end developer salary', command: 'salary' },
  { label: 'The roadmap', command: 'roadmap' },
  { label: 'How long it takes', command: 'ask how long does it take' },
];

function card(ctx: CommandContext, hit: Hit, answer: Answer): Reply | undefined {
  const { knowledge: kb } = ctx;
  const id = hit.doc.id;
  switch (hit.doc.kind) {
    case 'salary': {
      const role = kb.roles.find((r) => r.id === id);
      return role ? salaryCard(ctx, role, answer.level) : outlookCard(ctx);
    }
    case 'outlook':
      return outlookCard(ctx);
    case 'role': {
      const role = kb.roles.find((r) => r.id === id);
      return role && roleCard(ctx, role);
    }
    case 'learning': {
      const l = kb.learning.find((x) => x.id === id);
      return l && learningCard(ctx, l);
    }
    case 'skill': {
      const s = kb.skills.find((x) => x.id === id);
      return s && skillCard(ctx, s);
    }
    case 'step': {
      const s = kb.roadmap.find((x) => x.id === id);
      return s && stepCard(ctx, s);
    }
    case 'question': {
      const q = kb.questions.find((x) => x.id === id);
      return q && questionCard(ctx, q, related(answer, hit));
    }
  }
}

/**
 * A button that asks about an entry by its title. Never cut: a cut command is another command, and
 * each platform's renderer leaves out a suggestion too long for its buttons.
 */
const askAbout = (h: Hit): Suggestion => ({ label: h.doc.title, command: `ask ${h.doc.title}` });

/** The next-best hits as "see also" buttons. */
function related(answer: Answer, top: Hit) {
  return answer.hits
    .filter((h) => h !== top)
    .slice(0, 2)
    .map(askAbout);
}

export function unknownAnswer(answer: Answer): Reply {
  const closest = answer.hits.slice(0, 3).map(askAbout);
  return reply({
    title: "I don't know that yet",
    children: [
      {
        type: 'text',
        text: "I couldn't find that in the articles I know, so I won't guess. I can answer questions about becoming a back-end developer: roles, pay, learning, the roadmap, interviews and the job search.",
      },
      ...(closest.length ? [{ type: 'note' as const, text: `Closest topics: ${closest.map((c) => c.label).join(', ')}` }] : []),
    ],
    answered: false,
    suggestions: closest.length ? closest : STARTERS,
  });
}

export const ask: CommandSpec = {
  name: 'ask',
  aliases: ['question', 'q'],
  description: 'Ask anything about becoming a back-end developer, in plain words.',
  options: [{ name: 'question', kind: 'string', description: 'Your question', required: true, rest: true }],
  examples: ['ask how much do backend developers earn starting out', 'ask do I need a degree', 'ask how long does it take'],
  async run(ctx, { question }) {
    const answer = ctx.search.ask(String(question));
    const top = answer.hits[0];
    const out = answer.confident && top ? card(ctx, top, answer) : undefined;
    if (!out || !top) {
      recordQuestion(ctx, String(question));
      return unknownAnswer(answer);
    }
    return { ...out, topic: top.doc.ref };
  },
};

let recordFailureLogged = false;

/**
 * Keeps a question we could not answer (per community) for moderators' `unanswered` list. Not
 * awaited: the user gets "I don't know" without waiting for the disk. Under the per-user rate limit,
 * with an allowance of its own (asking must not use up the user's changes), and silently skipped
 * over it. A failing store must not cost the user their answer: it is logged, once.
 */
function recordQuestion(ctx: CommandContext, question: string): void {
  const now = nowIso(ctx); // when it was asked, not when the write runs
  userWrite(ctx, (c) => recordUnanswered(c, question, now), 'questions').catch((error: unknown) => {
    if (recordFailureLogged) return;
    recordFailureLogged = true;
    console.error(`devpath: could not record an unanswered question (later failures are not logged): ${error instanceof Error ? error.message : String(error)}`);
  });
}
