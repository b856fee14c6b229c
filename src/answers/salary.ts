// The salary card: every figure for the role and level, each with its source, then the outlook.
// The articles disagree, so nothing is averaged or merged: the disagreement is the answer.
import type { Services } from '../command.js';
import type { Role, Salary, SalaryLevel } from '../knowledge/schema.js';
import { reply, type Node, type Reply } from '../reply.js';
import { attribution, citeAll, dollars, salaryLine, sourceRefs } from './cite.js';
import { saidAs, sourcesNamed } from './named-source.js';
import { SIZE_ASKED } from '../more-words.js';

type NamedSource = ReturnType<typeof sourcesNamed>[number];

export const LEVEL_LABELS: Record<SalaryLevel, string> = {
  overall: 'Overall (average or median)',
  entry: 'Entry level',
  early: 'Early career',
  mid: 'Mid-career',
  experienced: 'Experienced',
};

const LEVEL_ORDER: SalaryLevel[] = ['overall', 'entry', 'early', 'mid', 'experienced'];

function figureLine(services: Services, s: Salary): string {
  const years = s.years && !s.subject.includes(s.years) ? ` (${s.years})` : '';
  return `${s.subject}${years}: ${salaryLine(services, s)}`;
}

/** "around $61,042 (PayScale, cited by Career Karma)", "$72,514 for 0-1 year (...)": one figure in a line of several. */
function figureInLine(services: Services, s: Salary): string {
  const measure = s.measure === 'median' ? ' median' : s.measure === 'average' ? ' average' : '';
  const years = s.years ? ` for ${s.years}` : '';
  return `${s.approximate ? 'around ' : ''}${s.quoted}${measure}${years} (${attribution(services, s.source, s.attribution)})`;
}

/** "For comparison, national median salary for all occupations: $56,310 a year (...)". */
/**
 * The national median in a line; beside the back-end figures (`ofPay`), with what the article
 * says of it ("entry-level back-end pay is almost $5,000 above it"). Under the outlook, plain.
 */
function nationalLine(services: Services, s: Salary, ofPay = false): string {
  const line = `For comparison, ${s.subject.charAt(0).toLowerCase()}${s.subject.slice(1)}: ${salaryLine(services, s)}`;
  return ofPay && s.notes.length ? [`${line}.`, ...citeAll(services, s.notes)].join(' ') : line;
}

/**
 * The outlook figures and the national median. `ofPay`: asked about the national median itself
 * ("how far above it is beginner pay?"): the median comes first, with what the article says of it.
 */
export function outlookNodes(services: Services, withNotes = true, ofPay = false, withGrowth = true): { nodes: Node[]; sources: string[] } {
  const { salaries } = services.knowledge;
  const outlook = withGrowth ? services.knowledge.outlook : [];
  const medians = salaries.filter((s) => !s.role);
  const national = medians.map((s) => nationalLine(services, s, ofPay));
  const growth = outlook.map((o) => {
    const jobs = o.newJobs ? `, ${o.newJobs.toLocaleString('en-US')} new jobs` : '';
    return `${o.subject}: ${o.quoted} growth by ${o.horizonYear}${jobs} (${attribution(services, o.source, o.attribution)})`;
  });
  const lines = ofPay ? [...national, ...growth] : [...growth, ...national];
  const notes = withNotes ? outlook.flatMap((o) => citeAll(services, o.notes)) : [];
  if (!lines.length) return { nodes: [], sources: [] };
  return {
    nodes: [{ type: 'section', title: withGrowth ? 'Job outlook' : 'National median' }, { type: 'list', items: [...lines, ...notes] }],
    sources: [...outlook.map((o) => o.source), ...(withNotes ? outlook.flatMap((o) => o.notes.map((n) => n.source)) : []), ...medians.flatMap((s) => [s.source, ...(ofPay ? s.notes.map((n) => n.source) : [])])],
  };
}

export function salaryCard(services: Services, role: Role, level?: SalaryLevel): Reply {
  const all = services.knowledge.salaries.filter((s) => s.role === role.id);
  const figures = level ? all.filter((s) => s.level === level) : all;
  // What Career Karma says of the national median compares its entry-level back-end figure: it
  // comes along where that figure is shown, not beside senior, front-end or DBA pay.
  const entryShown = figures.some((s) => s.level === 'entry' && s.source === 'career-karma');
  // For a role the articles give no figure for, the web developers' outlook is beside the point.
  // One level asked ("what do juniors make?"): the national median to compare with, not the web
  // developers' job growth, which a newcomer read as part of that level's pay.
  const outlook = figures.length ? outlookNodes(services, false, entryShown, !level) : { nodes: [], sources: [] };
  const children: Node[] = [];
  if (!figures.length) {
    const have = [...new Set(all.map((s) => s.level))].sort((x, y) => LEVEL_ORDER.indexOf(x) - LEVEL_ORDER.indexOf(y));
    children.push({
      type: 'text',
      text: all.length
        ? `The articles give no ${LEVEL_LABELS[level!].toLowerCase()} figure for ${role.title}. They do give: ${have.map((l) => LEVEL_LABELS[l].toLowerCase()).join(', ')}.`
        : `The articles give no salary figure for ${role.title}.`,
    });
  }
  for (const l of LEVEL_ORDER) {
    const at = figures.filter((s) => s.level === l);
    if (at.length) children.push({ type: 'section', title: LEVEL_LABELS[l] }, { type: 'list', items: at.map((s) => figureLine(services, s)) });
  }
  if (figures.length > 1) {
    children.push({ type: 'note', text: 'The articles disagree: each figure as its source gives it, never averaged.' });
  }
  // Short form: every level in a line of its own, every figure in it with its source, so a short
  // answer never leaves a level's figures behind "more"; the outlook waits.
  // The national median for all jobs comes along in a line: "is that a lot?" is the next question.
  const levels = LEVEL_ORDER.filter((l) => figures.some((s) => s.level === l));
  const national = services.knowledge.salaries.filter((s) => !s.role);
  const brief: Node[] | undefined =
    levels.length > 1
      ? [
          {
            type: 'list',
            items: [
              ...levels.map((l) => `${LEVEL_LABELS[l]}: ${figures.filter((s) => s.level === l).map((s) => figureInLine(services, s)).join('; ')}`),
              ...national.map((s) => nationalLine(services, s, entryShown)),
            ],
          },
          ...children.filter((n) => n.type === 'note'),
        ]
      : undefined;
  children.push(...outlook.nodes);
  const title = `${role.title} salary${level ? `: ${LEVEL_LABELS[level].toLowerCase()}` : ''}`;
  return reply({
    title,
    children,
    ...(brief ? { brief, briefComplete: true } : {}),
    answered: figures.length > 0,
    sources: sourceRefs(services, [...figures.map((s) => s.source), ...outlook.sources]),
    // No button to a level the articles give no figure for: it would be a dead end.
    suggestions: [
      ...(level && all.length ? [{ label: 'All levels', command: `salary ${role.id}` }] : []),
      ...(!level && all.some((s) => s.level === 'entry') ? [{ label: 'Entry level', command: `salary ${role.id} entry` }] : []),
      { label: role.title, command: `role ${role.id}` },
    ],
  });
}

/** The figures a pay card for `role` at `level` (every level when none) shows. */
const figuresFor = (services: Services, role: Role, level: SalaryLevel | undefined): Salary[] => services.knowledge.salaries.filter((s) => s.role === role.id && (!level || s.level === level));

/** "Which source quotes the highest pay?", "the lowest starting salary anywhere?": asks the extreme figure. */
const HIGHEST = /\b(?:highest|biggest|largest|max(?:imum)?|best[\s-]paying|most generous)\b/i;
const LOWEST = /\b(?:lowest|smallest|min(?:imum)?|worst[\s-]paying)\b/i;
/** Not a figure of the articles' kind: a share of earners, a company, or which role, language or city pays most. */
const NOT_A_FIGURE = /%|\bpercent|\bpercentile|\bcompan(?:y|ies)\b|\bfirms?\b|\bfaang\b|\bpaying\b|\b(?:roles?|jobs?|positions?|careers?|fields?|certifications?|certs?|languages?|frameworks?|cit(?:y|ies)|states?|countr(?:y|ies)|kinds?|types?)\b/i;

/**
 * Named rule "the highest figure": a pay question asking for the highest or lowest figure gets it
 * first, read off the figures the card shows (the articles' own numbers, compared, never averaged):
 * "The highest figure: $167K, experienced (Back-End Developer Spotlight)".
 */
export function extremeLead(services: Services, role: Role, level: SalaryLevel | undefined, question: string): Node | undefined {
  const high = HIGHEST.test(question);
  const low = LOWEST.test(question);
  if (high === low || NOT_A_FIGURE.test(question)) return undefined;
  // "The highest average": among the averages ("median" among the medians), as the figures say what they are.
  const measure = /\baverage|\bavg\b|\bmean\b/i.test(question) ? 'average' : /\bmedian\b/i.test(question) ? 'median' : undefined;
  const figures = figuresFor(services, role, level).filter((s) => s.period === 'year' && (!measure || s.measure === measure));
  if (figures.length < 2) return undefined;
  const pick = figures.reduce((a, b) => ((high ? b.amount > a.amount : b.amount < a.amount) ? b : a));
  const at = level ? '' : `, ${LEVEL_LABELS[pick.level].toLowerCase()}`;
  return { type: 'text', text: `The ${high ? 'highest' : 'lowest'} figure${level ? ` at this level` : ''} in the articles: ${figureInLine(services, pick)}${at}.` };
}

/** "Is that per year?", "are those annual?": whether the figures are a year's pay. */
export const YEARLY_ASKED = /^\s*(?:(?:and|so|but|ok(?:ay)?)[\s,]+)?(?:is|are|was|were)\s+(?:that|this|it|those|these|they|the\s+(?:figures?|numbers?|salar(?:y|ies)|pay))\s+(?:(?:per|a|each|every)\s+(?:year|annum)|yearly|annual(?:ly)?|an\s+annual|a\s+yearly)(?:\s+(?:salary|salaries|pay|figures?|numbers?|income|amounts?|wages?))?\s*\??\s*$/i;

/**
 * Named rule "is that per year?": after pay, the yes, read off the figures the card shows (every
 * figure the articles give is a year's pay; were one not, there would be no plain yes).
 */
export function yearlyLead(services: Services, role: Role, level: SalaryLevel | undefined, question: string): Node | undefined {
  if (!YEARLY_ASKED.test(question)) return undefined;
  const figures = figuresFor(services, role, level);
  if (!figures.length || figures.some((s) => s.period !== 'year')) return undefined;
  return { type: 'text', text: 'Yes: every figure here is pay per year, as the articles give it (they give no monthly or hourly figures).' };
}

const NOT_ONE_SOURCE = /\b(?:or|vs\.?|versus|than(?!\s+(?:a|one|1|12|twelve)\s+(?:full\s+|whole\s+)?(?:years?|yrs?|months?)\b)|compared?|compares|comparing|bigger|higher|lower|national|all (?:occupations|workers|jobs)|both)\b/i;

/**
 * Named rule "PayScale's figures": a pay question naming a source ("and payscale?", "what does
 * Career Karma say they make?") gets that source's figures first, in a line, each as the source
 * gives it; the card below still shows every source beside them.
 */
/** The figures a named source gives: by the survey named ("payscale": PayScale's, cited by Career Karma), else by the article. */
const givenBy = ({ source, name }: NamedSource) => (s: Salary) => (source.cites.includes(name) ? s.attribution === name : s.source === source.id);

export function sourceFiguresLead(services: Services, role: Role, level: SalaryLevel | undefined, question: string): Node | undefined {
  // Not when the question weighs figures against each other or asks the national median: those lines are what it asks.
  if (NOT_ONE_SOURCE.test(question)) return undefined;
  const named = sourcesNamed(services.knowledge, question);
  if (named.length !== 1) return undefined;
  const [{ source, name }] = named as [(typeof named)[number]];
  const shown = figuresFor(services, role, level).filter((s) => s.period === 'year');
  const picked = shown.filter(givenBy({ source, name }));
  // Nothing to pick out: no figure of it here, or it gives every figure shown.
  if (!picked.length || picked.length === shown.length) return undefined;
  const line = picked.map((s) => `${LEVEL_LABELS[s.level].toLowerCase()}, ${figureInLine(services, s)}`).join('; ');
  const called = saidAs(name);
  return { type: 'text', text: `${called[0]!.toUpperCase()}${called.slice(1)}'s figures: ${line}.` };
}

/** Words asking which of two figures is the larger: "which is higher", "is Indeed's more than...". */
const WHICH_LARGER = /\b(?:higher|lower|bigger|smaller|larger|more|less|greater|above|below|beats?)\b/i;
const LOWER = /^(?:lower|smaller|less|below)$/i;
/** The overall figures named: "average", "median". */
const OVERALL_NAMED = /\b(?:average|avg|mean|median|overall)\b/i;
/** A level named in words: "starting", "entry level", "seniors", "5-9 years". */
const LEVEL_NAMED = /\b(?:entry|starting|start|junior|juniors|beginners?|new|early|mid|mid-career|senior|seniors|experienced|veterans?|top|first[\s-]year|\d+\s*(?:-|to)\s*\d+|\d+\+?\s*(?:years?|yrs?))\b/i;
/** Words asking more than which figure is higher: by how much, or the order negated. */
const BEYOND_ORDER = /\b(?:double|twice|triple|half|times|percent|not|only|slightly|much|far|way)\b|%|n't\b/i;

/**
 * Named rule "two sources weighed": "which is higher, the Indeed average or the spotlight median?"
 * names two sources and asks which figure is larger: the answer first, read off the one overall
 * yearly figure each gives ("The spotlight's $132K median is higher than Indeed's $124,303
 * average."). A source with several such figures, or none, is left to the card below.
 */
export function sourcesComparedLead(services: Services, role: Role, level: SalaryLevel | undefined, question: string): Node | undefined {
  // Only the figures the line itself names as overall ("the Indeed average or the spotlight
  // median"): a level named beside them, or carried from the turn before ("entry level salary" /
  // "which is higher, the spotlight or payscale?"), may be another figure than the one compared.
  // No verdict, only the plain statement of which is higher: "is it more than double?", "is it
  // not lower?" ask more than the order (a reviewer found a "Yes" that was false for those).
  if (!WHICH_LARGER.test(question) || !OVERALL_NAMED.test(question) || LEVEL_NAMED.test(question) || BEYOND_ORDER.test(question) || (level && level !== 'overall')) return undefined;
  const named = sourcesNamed(services.knowledge, question);
  if (named.length !== 2) return undefined;
  const shown = figuresFor(services, role, 'overall').filter((f) => f.period === 'year');
  const one = named.map((n) => {
    const own = shown.filter(givenBy(n));
    return { figure: own.length === 1 ? own[0] : undefined, called: saidAs(n.name) };
  });
  const [a, b] = one as [(typeof one)[number], (typeof one)[number]];
  if (!a.figure || !b.figure || a.figure.amount === b.figure.amount) return undefined;
  const [high, low] = a.figure.amount > b.figure.amount ? [a, b] : [b, a];
  const said = (x: typeof a) => `${x.called}'s ${x.figure!.quoted}${x.figure!.measure === 'median' || x.figure!.measure === 'average' ? ` ${x.figure!.measure}` : ''}`;
  // "Which is lower?" is answered with the lower one.
  const text = LOWER.test(WHICH_LARGER.exec(question)![0]) ? `${said(low)} is lower than ${said(high)}.` : `${said(high)} is higher than ${said(low)}.`;
  return { type: 'text', text: text[0]!.toUpperCase() + text.slice(1) };
}

/** Tens in words: "eighty thousand". */
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const UNITS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const WORDED_SUM = new RegExp(`\\b(?:(${Object.keys(TENS).join('|')})(?:[\\s-](${Object.keys(UNITS).join('|')}))?|(?:a|one)\\s+hundred(?:\\s+and\\s+(${Object.keys(TENS).join('|')}))?)\\s+(?:thousand|grand|k)\\b`, 'i');
const GRAND = /\b(\d{2,3})\s*grand\b/i;
/** "Six figures": at least $100,000. */
const SIX_FIGURES = /\b(?:six|6)[\s-]figures?\b/i;

/** The sum a question names, in figures or words ("$80k", "80,000", "eighty thousand dollars", "100 grand"), or undefined. */
function sumNamed(question: string): number | undefined {
  const m = SUM_TYPED.exec(question);
  if (m) return sumOf(m);
  const grand = GRAND.exec(question);
  if (grand) return Number(grand[1]) * 1000;
  const w = WORDED_SUM.exec(question);
  if (!w) return undefined;
  if (w[1]) return (TENS[w[1].toLowerCase()]! + (w[2] ? UNITS[w[2].toLowerCase()]! : 0)) * 1000;
  return (100 + (w[3] ? TENS[w[3].toLowerCase()]! : 0)) * 1000;
}

/** A sum asked as a line to clear: "above or below $80k", "over 100k", "more than seventy thousand", "at least 60 grand". */
const THRESHOLD = /\b(?:above|over|more than|greater than|higher than|at least|exceeds?|exceeding|north of|cross(?:es)?|clears?|top(?:s)?|below|under|less than|lower than|south of|beneath|short of)\b/i;

/** The line said just before a sum ("over 100k", "above or below $80,000"); not "$132K is 30% above average", nor "over 5 years". */
const THRESHOLD_BEFORE = new RegExp(`${THRESHOLD.source}(?:\\s+or\\s+(?:${THRESHOLD.source}))?\\s+(?:about\\s+|around\\s+|roughly\\s+)?(?=\\$|\\d+(?:,\\d{3}|\\s?k\\b|\\s?grand\\b|\\d{3})|(?:${Object.keys(TENS).join('|')}|a hundred|one hundred)\\b)`, 'i');
/** The line's own words, taken out before reading its sum ("over" is no part of "$100k"). */
const THRESHOLD_WORDS = new RegExp(THRESHOLD.source, 'gi');

/**
 * Named rule "above or below a sum": "does PayScale's average land above or below eighty thousand
 * dollars?", "is the Indeed average over 100k?", "do juniors make six figures?" get each figure
 * of that level (of the source named, if one is) said against the sum, not a yes or no about a
 * figure that happens to be near it.
 */
export function thresholdLead(services: Services, role: Role, level: SalaryLevel | undefined, question: string): Node | undefined {
  const six = SIX_FIGURES.test(question);
  const asked = THRESHOLD_BEFORE.exec(question);
  // The sum the line names, just after it: "is Indeed's $124,303 over 100k?" weighs 100k.
  const sum = six ? 100_000 : asked ? sumNamed(asked[0].replace(THRESHOLD_WORDS, ' ') + question.slice(asked.index + asked[0].length)) : undefined;
  if (!sum) return undefined;
  const named = sourcesNamed(services.knowledge, question);
  const all = figuresFor(services, role, level ?? 'overall').filter((s) => s.period === 'year');
  const figures = named.length ? all.filter((s) => named.some((n) => givenBy(n)(s))) : all;
  if (!figures.length) return undefined;
  const line = `$${sum.toLocaleString('en-US')}`;
  const said = (s: Salary) => `${figureInLine(services, s)} is ${s.amount > sum ? 'above' : s.amount < sum ? 'below' : 'exactly'} ${line}`;
  const at = levelSaid(level ?? 'overall');
  return { type: 'text', text: `${at[0]!.toUpperCase()}${at.slice(1)}: ${figures.map(said).join('; ')}.` };
}

/** What a pay answer says first, if anything: the highest or lowest figure, that they are yearly, or one source's figures. */
export function payLead(services: Services, role: Role, level: SalaryLevel | undefined, question: string): Node | undefined {
  return thresholdLead(services, role, level, question) ?? claimLead(services, role, level, question) ?? sourcesComparedLead(services, role, level, question) ?? extremeLead(services, role, level, question) ?? yearlyLead(services, role, level, question) ?? sourceFiguresLead(services, role, level, question);
}

/** A sum typed in a question: "$200k", "124K", "150,000", "$61,042". */
const SUM_TYPED = /\$?\b(\d{2,3})(?:,(\d{3})|\s?(k)\b)|\$(\d{2,3})(\d{3})\b|\b(\d{2,3})(000)\b/i;
/** The dollars of a SUM_TYPED match. */
const sumOf = (m: RegExpExecArray): number => (m[1] ? Number(m[1]) * 1000 + (m[2] ? Number(m[2]) : 0) : m[4] ? Number(m[4]) * 1000 + Number(m[5]) : Number(m[6]) * 1000);
/** Whether the question asks to confirm what it says: "right?", "is that correct?", "is it true...". */
const CONFIRM = /\b(?:right|correct|true|accurate|really|legit|confirm|isn'?t it|am i right)\b|^\W*(?:so\s+)?(?:do|does|is|are|can|could|will|would)\b/i;
/**
 * A judgement of a sum ("is $60k a good salary for a junior?"): no claim of what the articles
 * say, and one they never make; the figures answer it, with no yes or no.
 */
const JUDGED = /\b(?:good|bad|fair|decent|enough|lowball|reasonable|livable|liveable|competitive|normal|realistic|worth)\b/i;
/** A level as said in a sentence: "overall (all levels)", "entry level". */
const levelSaid = (l: SalaryLevel) => (l === 'overall' ? 'overall (all levels)' : LEVEL_LABELS[l].toLowerCase());
/** How far a typed sum may be from a figure and still be it: "124k" is Indeed's $124,303. */
const SAME_SUM = 0.02;

/**
 * Named rule "is that figure right?": a question that states a sum and asks whether it is so
 * ("the article says backend devs make 200k right?", "indeed says entry level is 124k correct?")
 * gets the plain yes or no first, read off the figures: no article gives that sum, or it is a
 * figure of another level than the one said.
 */
export function claimLead(services: Services, role: Role, level: SalaryLevel | undefined, question: string): Node | undefined {
  const m = SUM_TYPED.exec(question);
  // "Is it over 100k?" weighs a line, not a figure said (thresholdLead).
  // A share said beside it ("30% above average") is a claim the figures do not settle.
  if (!m || !CONFIRM.test(question) || JUDGED.test(question) || THRESHOLD.test(question) || /\d\s?(?:%|percent\b)/i.test(question)) return undefined;
  const sum = sumOf(m);
  const all = services.knowledge.salaries.filter((s) => s.role === role.id && s.period === 'year');
  if (!all.length) return undefined;
  const same = all.filter((s) => Math.abs(s.amount - sum) / s.amount <= SAME_SUM);
  const typed = `$${sum.toLocaleString('en-US')}`;
  if (!same.length) {
    const low = all.reduce((a, b) => (b.amount < a.amount ? b : a));
    const high = all.reduce((a, b) => (b.amount > a.amount ? b : a));
    return { type: 'text', text: `No: no article gives ${typed}. Their figures for ${role.title}s run from ${figureInLine(services, low)}, ${levelSaid(low.level)}, to ${figureInLine(services, high)}, ${levelSaid(high.level)}.` };
  }
  const atLevel = level ? same.filter((s) => s.level === level) : same;
  if (atLevel.length) return { type: 'text', text: `Yes: ${atLevel.map((s) => `${figureInLine(services, s)}, ${levelSaid(s.level)}`).join('; ')}.` };
  return { type: 'text', text: `No: ${same.map((s) => `${figureInLine(services, s)} is ${levelSaid(s.level)}`).join('; ')}, not ${levelSaid(level!)}.` };
}

const GROWTH_PER_YEAR = /^\s*(?:(?:and|so|but|ok(?:ay)?)[\s,]+)?(?:is|are|was)\s+(?:that|this|it|(?:the\s+)?(?:\d+\s?(?:%|percent)\s*)?(?:growth|figure|number|percentage|rate)|(?:the\s+)?\d+\s?(?:%|percent))\s+(?:growth\s+)?(?:(?:per|a|each|every)\s+year|yearly|annual(?:ly)?|per\s+annum)\s*\??\s*$/i;

/**
 * Named rule "is that per year?" of the outlook: the growth is given to a year (13 percent by
 * 2030), not per year; the plain no, read off the outlook figures.
 */
export function outlookPeriodLead(services: Services, question: string): Node | undefined {
  // "Is that per year?", "is 13% per year?", "is the 13% growth annual?"; not "does it grow every year?".
  if (!YEARLY_ASKED.test(question) && !GROWTH_PER_YEAR.test(question)) return undefined;
  const figures = services.knowledge.outlook.filter((o) => o.growthPercent !== undefined && o.horizonYear !== undefined);
  if (!figures.length) return undefined;
  const said = [...new Set(figures.map((o) => `${o.growthPercent} percent by ${o.horizonYear}`))].join(', ');
  return { type: 'text', text: `No: the articles give the growth over the whole period (${said}), not per year.` };
}

/** The outlook card; `ofPay` when it answers a question about the national median (see outlookNodes). */
export function outlookCard(services: Services, ofPay = false): Reply {
  const outlook = outlookNodes(services, true, ofPay);
  return reply({
    title: 'Job outlook',
    // The card's title says it: no "Job outlook:" heading again under it.
    children: outlook.nodes.length ? outlook.nodes.filter((n) => n.type !== 'section') : [{ type: 'text', text: 'The articles give no outlook figures.' }],
    answered: outlook.nodes.length > 0,
    sources: sourceRefs(services, outlook.sources),
    suggestions: [{ label: 'Salary', command: 'salary' }],
  });
}

/** The size of a difference in pay asked, in a line of its own or not: those, "what's the gap?", "the difference in pay". */
const GAP_ASKED = new RegExp(String.raw`\b(?:${SIZE_ASKED}|what'?s\s+the\s+(?:gap|difference)|(?:gap|difference)\s+in\s+(?:pay|salary|salaries))\b`, 'i');

/**
 * Named rule "by how much": "by how much?" after who earns more, front end or back end, is the
 * difference of the two figures one source gives for both (PayScale's, via Career Karma), worked
 * out and shown beside them. Never between two sources' figures: they measure differently.
 */
export function gapLead(services: Services, question: string): Node | undefined {
  if (!GAP_ASKED.test(question)) return undefined;
  const overall = (role: string) => services.knowledge.salaries.filter((s) => s.role === role && s.level === 'overall' && s.period === 'year');
  const lines = overall('backend-developer').flatMap((back) => {
    const front = overall('frontend-developer').find((f) => f.source === back.source && f.attribution === back.attribution);
    if (!front) return [];
    const gap = back.amount - front.amount;
    const more = gap >= 0 ? 'more' : 'less';
    return [`Back-end developers make ${dollars(Math.abs(gap))} a year ${more} than front-end developers: ${back.quoted} against ${front.quoted} (${attribution(services, back.source, back.attribution)}).`];
  });
  if (!lines.length) return undefined;
  const only = lines.length === 1 ? ' No other article gives both.' : '';
  return { type: 'text', text: `${lines.join(' ')}${only}` };
}
