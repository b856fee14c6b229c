// Stage 5 of understanding, compose: the card for the entry the pipeline chose, with its sources.
import type { Services } from '../command.js';
import type { SalaryLevel } from '../knowledge/schema.js';
import type { Reply, Suggestion } from '../reply.js';
import { learningCard, questionCard, skillCard } from './entries.js';
import { stepCard } from './roadmap.js';
import { roleCard } from './role.js';
import { outlookCard, salaryCard } from './salary.js';

/**
 * The answer card for an entry (`kind:id`); a salary card shows only `level` when one is asked. A
 * role card also shows the points `picked` names (a question asked about them; see pickPoints).
 */
export function compose(services: Services, ref: string, level: SalaryLevel | undefined, related: Suggestion[] = [], picked?: string): Reply | undefined {
  const { knowledge: kb } = services;
  const doc = services.search.get(ref);
  if (!doc) return undefined;
  const id = doc.id;
  switch (doc.kind) {
    case 'salary': {
      const role = kb.roles.find((r) => r.id === id);
      // The national median (no role) is shown with the outlook, first.
      return role ? salaryCard(services, role, level) : outlookCard(services, true);
    }
    case 'outlook':
      return outlookCard(services);
    case 'role': {
      const role = kb.roles.find((r) => r.id === id);
      return role && roleCard(services, role, undefined, picked);
    }
    case 'learning': {
      const l = kb.learning.find((x) => x.id === id);
      return l && learningCard(services, l);
    }
    case 'skill': {
      const s = kb.skills.find((x) => x.id === id);
      return s && skillCard(services, s);
    }
    case 'step': {
      const s = kb.roadmap.find((x) => x.id === id);
      return s && stepCard(services, s);
    }
    case 'question': {
      const q = kb.questions.find((x) => x.id === id);
      return q && questionCard(services, q, related);
    }
  }
}
