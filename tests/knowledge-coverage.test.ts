// Coverage: a hand-written list of facts from the four source articles, each of which must be
// findable in the knowledge base with the right source. The schema tests prove the files are
// well formed; this proves they say what the articles say, so a deleted entry, a dropped
// platform or a fact re-attributed to the wrong article fails here with the fact's name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_DIR, KnowledgeError, loadKnowledge, validateKnowledge } from '../src/knowledge/load.js';
import { FILES, type FileName, type Knowledge } from '../src/knowledge/schema.js';

type File = keyof Knowledge;
type SourceId = 'indeed' | 'spotlight' | 'career-karma' | 'backend-guide';

interface Row {
  /** The fact in words, as the test's name. */
  fact: string;
  file: File;
  /** Must match a title, an alias or an item's text (or a salary's quoted figure, ...). */
  find: RegExp;
  source: SourceId;
}

// ---------------------------------------------------------------------------------------------
// Loading. loadKnowledge() is the real loader; while another file is still being written (it is
// "missing"), the files that do exist are validated on their own so their rows still report
// honestly, and the rows for the missing file fail with its name. A file that exists but is
// invalid is never skipped: that error is thrown as is.
// ---------------------------------------------------------------------------------------------
const FILE_OF: Record<File, FileName> = {
  sources: 'sources.json',
  roles: 'roles.json',
  salaries: 'salaries.json',
  outlook: 'outlook.json',
  learning: 'learning.json',
  skills: 'skills.json',
  roadmap: 'roadmap.json',
  questions: 'questions.json',
  lexicon: 'lexicon.json',
};

function load(): { kb: Knowledge; missing: FileName[] } {
  try {
    return { kb: loadKnowledge(), missing: [] };
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    const missing = error.problems.map((p) => /^knowledge\/(\S+\.json): file is missing$/.exec(p)?.[1] as FileName | undefined);
    if (missing.some((m) => m === undefined)) throw error;
    const files: Partial<Record<FileName, unknown>> = {};
    for (const file of Object.keys(FILES) as FileName[]) {
      files[file] = missing.includes(file) ? [] : JSON.parse(readFileSync(join(KNOWLEDGE_DIR, file), 'utf8'));
    }
    return { kb: validateKnowledge(files), missing: missing as FileName[] };
  }
}

const { kb, missing } = load();

// ---------------------------------------------------------------------------------------------
// What counts as "saying" a fact: the text of an Item carries its own source; the entry's
// title, aliases and other plain text fields (a salary's quoted figure and subject, a source's
// summary and citations) carry the entry's sources / source field (a role, which has neither,
// the sources its items cite). Keywords are search words,
// not facts, and never count. Numbers count in both plain and grouped form (25500, 25,500).
// ---------------------------------------------------------------------------------------------
interface Said {
  text: string;
  source: string;
  entry: string;
}

const NOT_TEXT = new Set(['id', 'keywords', 'sources', 'source', 'skills', 'related', 'role', 'seed', 'date', 'kind', 'category', 'level', 'measure', 'currency', 'period', 'order', 'approximate']);

function isItem(value: unknown): value is { text: string; source: string } {
  return typeof value === 'object' && value !== null && typeof (value as { text?: unknown }).text === 'string' && typeof (value as { source?: unknown }).source === 'string';
}

function said(file: File, entry: Record<string, unknown>): Said[] {
  const id = String(entry.id);
  // A role has no sources field: its title and aliases are credited to the articles its items cite.
  const cited = [...new Set(Object.values(entry).flatMap((v) => (Array.isArray(v) ? v.filter(isItem).map((i) => i.source) : [])))];
  const own: string[] =
    file === 'sources' ? [id] : Array.isArray(entry.sources) ? (entry.sources as string[]) : typeof entry.source === 'string' ? [entry.source] : cited;
  const out: Said[] = [];
  const plain = (text: string) => own.forEach((source) => out.push({ text, source, entry: id }));
  for (const [key, value] of Object.entries(entry)) {
    if (NOT_TEXT.has(key)) continue;
    if (typeof value === 'string') plain(value);
    else if (typeof value === 'number') [String(value), value.toLocaleString('en-US')].forEach(plain);
    else if (Array.isArray(value)) {
      for (const element of value) {
        if (typeof element === 'string') plain(element);
        else if (isItem(element)) out.push({ text: element.text, source: element.source, entry: id });
      }
    }
  }
  return out;
}

function saidIn(file: File): Said[] {
  return (kb[file] as unknown as Record<string, unknown>[]).flatMap((entry) => said(file, entry));
}

// ---------------------------------------------------------------------------------------------
// The facts. Rows for roles, salaries, outlook and questions check the other half of the
// knowledge base; they fail until those files exist.
// ---------------------------------------------------------------------------------------------
const ROWS: Row[] = [
  // sources.json
  { fact: 'Indeed is the publisher of the first article', file: 'sources', find: /Indeed/, source: 'indeed' },
  { fact: 'Career Karma wrote the how-to guide', file: 'sources', find: /Career Karma/, source: 'career-karma' },
  { fact: 'Career Karma cites PayScale', file: 'sources', find: /PayScale/, source: 'career-karma' },
  { fact: 'The spotlight cites Tutorials Point', file: 'sources', find: /Tutorials Point/, source: 'spotlight' },
  { fact: 'The backend guide cites the BLS', file: 'sources', find: /Bureau of Labor Statistics/, source: 'backend-guide' },

  // roles.json
  { fact: 'Backend Engineer is another title for the job', file: 'roles', find: /Backend Engineer/i, source: 'spotlight' },
  { fact: 'Server-Side Developer is another title', file: 'roles', find: /Server-Side Developer/i, source: 'spotlight' },
  { fact: 'API Developer is another title', file: 'roles', find: /API Developer/i, source: 'spotlight' },
  { fact: 'Database Developer is another title', file: 'roles', find: /Database Developer/i, source: 'spotlight' },
  { fact: 'System Integration Engineer is another title', file: 'roles', find: /System Integration Engineer/i, source: 'spotlight' },
  { fact: 'Indeed defines front-end developers (responsive user interfaces)', file: 'roles', find: /responsive user interfaces?/i, source: 'indeed' },
  { fact: 'Indeed: full-stack developers do both front- and back-end duties', file: 'roles', find: /full[- ]stack/i, source: 'indeed' },
  { fact: 'Indeed: back-end developers back up files and help with restorations', file: 'roles', find: /back(ing)?[- ]?up|backups?/i, source: 'indeed' },
  { fact: 'Career Karma: database administrators are a related career', file: 'roles', find: /database administrat/i, source: 'career-karma' },
  { fact: 'Career Karma: solutions architects are a related career', file: 'roles', find: /solutions? architect/i, source: 'career-karma' },
  { fact: 'Spotlight: Chief Technology Officer lies beyond senior roles', file: 'roles', find: /Chief Technology Officer/i, source: 'spotlight' },
  { fact: 'Spotlight: information security analysts are an alternative career', file: 'roles', find: /Information Security Analyst/i, source: 'spotlight' },
  { fact: 'Spotlight: healthcare employs back-end developers', file: 'roles', find: /healthcare/i, source: 'spotlight' },
  { fact: 'Backend guide: backend developers work with front-end programmers', file: 'roles', find: /front[- ]?end/i, source: 'backend-guide' },

  // salaries.json
  { fact: 'Indeed: average salary $124,303', file: 'salaries', find: /\$?124,303/, source: 'indeed' },
  { fact: 'Career Karma: average salary $81,161 (PayScale)', file: 'salaries', find: /\$?81,161/, source: 'career-karma' },
  { fact: 'Career Karma: entry-level salary around $61,042', file: 'salaries', find: /\$?61,042/, source: 'career-karma' },
  { fact: 'Career Karma: around $95,000 after five to nine years', file: 'salaries', find: /\$?95,000/, source: 'career-karma' },
  { fact: 'Career Karma: front end developers make $75,310', file: 'salaries', find: /\$?75,310/, source: 'career-karma' },
  { fact: 'Career Karma: national median salary $56,310', file: 'salaries', find: /\$?56,310/, source: 'career-karma' },
  { fact: 'Spotlight: new workers start around $101K', file: 'salaries', find: /101K|101,000/i, source: 'spotlight' },
  { fact: 'Spotlight: median pay $132K', file: 'salaries', find: /132K|132,000/i, source: 'spotlight' },
  { fact: 'Spotlight: highly experienced around $167K', file: 'salaries', find: /167K|167,000/i, source: 'spotlight' },
  { fact: 'Backend guide: average $82,326', file: 'salaries', find: /\$?82,326/, source: 'backend-guide' },
  { fact: 'Backend guide: entry level $72,514', file: 'salaries', find: /\$?72,514/, source: 'backend-guide' },
  { fact: 'Backend guide: early career $75,435', file: 'salaries', find: /\$?75,435/, source: 'backend-guide' },
  { fact: 'Backend guide: mid-career $83,789', file: 'salaries', find: /\$?83,789/, source: 'backend-guide' },
  { fact: 'Backend guide: experienced $87,979', file: 'salaries', find: /\$?87,979/, source: 'backend-guide' },

  // outlook.json
  { fact: 'Career Karma: web developer jobs to grow 13 percent', file: 'outlook', find: /13 ?(percent|%)/i, source: 'career-karma' },
  { fact: 'Career Karma: 25,500 new jobs', file: 'outlook', find: /25,?500/, source: 'career-karma' },
  { fact: 'Career Karma: growth by 2030', file: 'outlook', find: /2030/, source: 'career-karma' },
  { fact: 'Backend guide: 13% increase in demand', file: 'outlook', find: /13 ?(percent|%)/i, source: 'backend-guide' },
  { fact: 'Backend guide: demand increase by 2030', file: 'outlook', find: /2030/, source: 'backend-guide' },

  // questions.json
  { fact: 'Interview question: what is a deadlock', file: 'questions', find: /deadlock/i, source: 'career-karma' },
  { fact: "Interview question: finding an application's expensive queries", file: 'questions', find: /expensive quer/i, source: 'career-karma' },
  { fact: 'Interview question: performance testing best practices', file: 'questions', find: /performance testing/i, source: 'career-karma' },
  { fact: 'FAQ: you can become a backend developer without a degree', file: 'questions', find: /without (a )?(formal )?(computer science )?degree/i, source: 'career-karma' },
  { fact: 'FAQ: is it hard to become a backend developer', file: 'questions', find: /hard/i, source: 'career-karma' },
  { fact: 'FAQ: who earns more, front end or backend', file: 'questions', find: /earns? more/i, source: 'career-karma' },
  { fact: "FAQ: is a front end developer's job easier", file: 'questions', find: /easier/i, source: 'career-karma' },
  { fact: 'Job search: take the TripleByte Quiz', file: 'questions', find: /TripleByte/i, source: 'spotlight' },
  { fact: 'Job search: look on ZipRecruiter and Glassdoor', file: 'questions', find: /ZipRecruiter|Glassdoor/i, source: 'spotlight' },
  { fact: 'Resume: keep a master copy', file: 'questions', find: /master (copy|resume)/i, source: 'spotlight' },
  { fact: "Resume: VelvetJobs' resume examples", file: 'questions', find: /VelvetJobs/i, source: 'spotlight' },
  { fact: 'Experience: freelance on Upwork or Freelancer', file: 'questions', find: /Upwork/i, source: 'spotlight' },
  { fact: 'Trend: GraphQL', file: 'questions', find: /GraphQL/, source: 'spotlight' },
  { fact: 'Trend: AI and natural language processing', file: 'questions', find: /natural language processing|\bNLP\b/i, source: 'spotlight' },
  { fact: 'Community: Stack Overflow', file: 'questions', find: /Stack Overflow/i, source: 'spotlight' },
  { fact: 'Stress: expectations and stress run high', file: 'questions', find: /stress/i, source: 'spotlight' },
  { fact: 'Schedule: expect full-time work', file: 'questions', find: /full[- ]time/i, source: 'spotlight' },
  { fact: 'Promotion: speak to your boss about promotion', file: 'questions', find: /promot/i, source: 'spotlight' },
  { fact: 'Reasons: a huge community to lean on', file: 'questions', find: /community/i, source: 'career-karma' },

  // learning.json: platforms (spotlight)
  { fact: 'Betamore is a course site', file: 'learning', find: /Betamore/, source: 'spotlight' },
  { fact: 'Bloc.io is a course site', file: 'learning', find: /Bloc\.io/, source: 'spotlight' },
  { fact: 'CompTIA is a course site', file: 'learning', find: /CompTIA/, source: 'spotlight' },
  { fact: 'Coursera is a course site', file: 'learning', find: /Coursera/, source: 'spotlight' },
  { fact: 'edX is a course site', file: 'learning', find: /edX/, source: 'spotlight' },
  { fact: 'General Assembly is a course site', file: 'learning', find: /General Assembly/, source: 'spotlight' },
  { fact: 'LinkedIn Learning is a course site', file: 'learning', find: /LinkedIn Learning/, source: 'spotlight' },
  { fact: 'Pluralsight is a course site', file: 'learning', find: /Pluralsight/, source: 'spotlight' },
  { fact: 'Udacity is a course site', file: 'learning', find: /Udacity/, source: 'spotlight' },
  { fact: 'Udemy is a course site', file: 'learning', find: /Udemy/, source: 'spotlight' },
  // learning.json: certificates and certifications
  { fact: 'The backend guide recommends the Meta Back-End Developer Professional Certificate', file: 'learning', find: /Meta Back-End Developer Professional Certificate/, source: 'backend-guide' },
  { fact: 'AWS Certified Developer is a certification', file: 'learning', find: /AWS Certified Developer/, source: 'career-karma' },
  { fact: 'AWS holds a large share of the IaaS market', file: 'learning', find: /infrastructure as a service|IaaS/, source: 'career-karma' },
  { fact: 'Microsoft Azure offers a cloud application developer certification', file: 'learning', find: /cloud application developer certification/i, source: 'career-karma' },
  { fact: 'Azure is the closest competitor to AWS', file: 'learning', find: /closest competitor/i, source: 'career-karma' },
  { fact: 'Oracle Certified Professional (OCP) MySQL Developer is a certification', file: 'learning', find: /Oracle Certified Professional \(OCP\) MySQL Developer/, source: 'career-karma' },
  { fact: 'The OCP MySQL Developer certification has no prerequisites', file: 'learning', find: /no prerequisites/i, source: 'career-karma' },
  { fact: 'Certifications are not necessary but can boost earning potential', file: 'learning', find: /earning potential/i, source: 'career-karma' },
  // learning.json: degrees
  { fact: "Spotlight: a bachelor's in computer programming or computer science", file: 'learning', find: /bachelor's degree in computer programming/i, source: 'spotlight' },
  { fact: "Backend guide: a bachelor's in software engineering is desirable, not essential", file: 'learning', find: /software engineering/i, source: 'backend-guide' },
  { fact: "Career Karma: a CS bachelor's opens more doors", file: 'learning', find: /computer science bachelor's degree/i, source: 'career-karma' },
  { fact: "Career Karma: a master's for the theoretical side", file: 'learning', find: /theoretical side/i, source: 'career-karma' },
  { fact: 'Career Karma: community colleges offer two-year associate degrees', file: 'learning', find: /two-year associate degrees/i, source: 'career-karma' },
  { fact: 'Indeed: a two- or four-year degree or certification program', file: 'learning', find: /two- or four-year degree/i, source: 'indeed' },
  // learning.json: paths
  { fact: 'Coding bootcamps are a path without a CS degree', file: 'learning', find: /coding bootcamps?/i, source: 'career-karma' },
  { fact: 'Read third-party reviews of bootcamps', file: 'learning', find: /third-party reviews/i, source: 'career-karma' },
  { fact: "Community college is a middle ground between bootcamps and bachelor's degrees", file: 'learning', find: /middle ground/i, source: 'career-karma' },
  { fact: 'Learn from home with remote bootcamps and free online courses', file: 'learning', find: /free online courses/i, source: 'career-karma' },
  { fact: 'Online courses teach SQL-driven databases and Flask', file: 'learning', find: /Flask/, source: 'career-karma' },
  { fact: 'It takes three months to four years', file: 'learning', find: /three months to four years/i, source: 'career-karma' },
  { fact: 'There is no "Back-End Development" major', file: 'learning', find: /no specific major/i, source: 'spotlight' },
  { fact: 'Check faculty bios when choosing a program', file: 'learning', find: /faculty bios/i, source: 'spotlight' },
  { fact: 'Make sure the institution is fully accredited', file: 'learning', find: /accredited/i, source: 'spotlight' },
  { fact: "U.S. News & World Report's 2020 Best Computer Science Programs", file: 'learning', find: /U\.S\. News & World Report's 2020/, source: 'spotlight' },
  { fact: 'Compare tuition, scholarships and career services', file: 'learning', find: /scholarship/i, source: 'spotlight' },
  { fact: 'Indeed: decide on a junior-level or mid-career start', file: 'learning', find: /mid-career/i, source: 'indeed' },
  { fact: 'Backend guide: self-study and on-the-job training', file: 'learning', find: /on-the-job training/i, source: 'backend-guide' },
  { fact: 'Spotlight: courses for organizational, time-management and communication skills', file: 'learning', find: /time-management/i, source: 'spotlight' },
  { fact: 'Spotlight: ROTC leadership classes as a non-cadet', file: 'learning', find: /ROTC/, source: 'spotlight' },
  { fact: 'Career Karma: cyber security bootcamps', file: 'learning', find: /cyber security bootcamps?/i, source: 'career-karma' },
  { fact: 'Backend guide: a solid background in programming and computer science is usually required', file: 'learning', find: /solid background in programming/i, source: 'backend-guide' },
  { fact: 'Career Karma: a bit of formal training can increase your earning power', file: 'learning', find: /earning power/i, source: 'career-karma' },

  // skills.json
  { fact: 'Indeed: server-side languages Java, C++, Ruby, Python, C#', file: 'skills', find: /^C\+\+$/, source: 'indeed' },
  { fact: 'Indeed: C# is a server-side language', file: 'skills', find: /^C#$/, source: 'indeed' },
  { fact: 'Spotlight: .NET is a technical skill', file: 'skills', find: /\.NET/, source: 'spotlight' },
  { fact: 'Career Karma: SQL has long been the preferred language', file: 'skills', find: /preferred language/i, source: 'career-karma' },
  { fact: 'Backend guide: JavaScript is a back-end language', file: 'skills', find: /JavaScript/, source: 'backend-guide' },
  { fact: 'Spotlight: front-end languages HTML, JavaScript, CSS', file: 'skills', find: /HTML/, source: 'spotlight' },
  { fact: 'Indeed: Django and Ruby on Rails are common frameworks', file: 'skills', find: /Django/, source: 'indeed' },
  { fact: 'Indeed: frameworks are model-view-controller (MVC)', file: 'skills', find: /MVC/, source: 'indeed' },
  { fact: 'Backend guide: Express is a web framework', file: 'skills', find: /^Express$/, source: 'backend-guide' },
  { fact: 'Spotlight: Laravel is a framework to learn', file: 'skills', find: /Laravel/, source: 'spotlight' },
  { fact: 'Spotlight: Nest.js is a TypeScript framework trend', file: 'skills', find: /Nest\.js/, source: 'spotlight' },
  { fact: 'Spotlight: CMS framework is a technical skill', file: 'skills', find: /CMS/, source: 'spotlight' },
  { fact: 'Career Karma: Agile and DevOps development frameworks', file: 'skills', find: /Agile/, source: 'career-karma' },
  { fact: 'Backend guide: MongoDB is a database to know', file: 'skills', find: /MongoDB/, source: 'backend-guide' },
  { fact: 'Spotlight: PostgreSQL is a database to learn', file: 'skills', find: /PostgreSQL/, source: 'spotlight' },
  { fact: 'Backend guide: both SQL and NoSQL are required', file: 'skills', find: /NoSQL/, source: 'backend-guide' },
  { fact: 'Backend guide: database schemas, queries and tuning', file: 'skills', find: /schemas/i, source: 'backend-guide' },
  { fact: 'Indeed: manage the data lifecycle', file: 'skills', find: /data lifecycle/i, source: 'indeed' },
  { fact: 'Spotlight: Apache and NGINX web servers', file: 'skills', find: /NGINX/, source: 'spotlight' },
  { fact: 'Backend guide: HTTP, HTTPS, REST and SOAP', file: 'skills', find: /SOAP/, source: 'backend-guide' },
  { fact: 'Career Karma: RESTful APIs are the fastest route to employment', file: 'skills', find: /fastest route to employment/i, source: 'career-karma' },
  { fact: 'Spotlight: GraphQL is an API query language', file: 'skills', find: /GraphQL/, source: 'spotlight' },
  { fact: 'Spotlight: HTTP/3 uses QUIC', file: 'skills', find: /QUIC/, source: 'spotlight' },
  { fact: 'Indeed: integrate APIs with server-side components', file: 'skills', find: /APIs with server-side components/i, source: 'indeed' },
  { fact: 'Backend guide: Docker, Kubernetes and Jenkins', file: 'skills', find: /Jenkins/, source: 'backend-guide' },
  { fact: 'Spotlight: microservice platforms Docker and Kubernetes', file: 'skills', find: /microservice platforms/i, source: 'spotlight' },
  { fact: 'Indeed: integrate servers with the cloud', file: 'skills', find: /servers with the cloud/i, source: 'indeed' },
  { fact: 'Career Karma: AWS and Azure', file: 'skills', find: /Azure/, source: 'career-karma' },
  { fact: 'Spotlight: Sourcetree and the GitHub client', file: 'skills', find: /Sourcetree/, source: 'spotlight' },
  { fact: 'Spotlight: local environments WampServer, Laragon, XAMPP', file: 'skills', find: /XAMPP/, source: 'spotlight' },
  { fact: 'Indeed: OWASP security guidelines', file: 'skills', find: /OWASP/, source: 'indeed' },
  { fact: 'Spotlight: security compliance', file: 'skills', find: /security compliance/i, source: 'spotlight' },
  { fact: 'Spotlight: user authentication/authorization', file: 'skills', find: /authentication/i, source: 'spotlight' },
  { fact: 'Career Karma: web accessibility is essential', file: 'skills', find: /accessib/i, source: 'career-karma' },
  { fact: 'Indeed: stacks, searching and sorting, trees and graphs', file: 'skills', find: /searching and sorting/i, source: 'indeed' },
  { fact: 'Indeed: keep up with operating systems', file: 'skills', find: /operating systems/i, source: 'indeed' },
  { fact: 'Backend guide: debugging and troubleshooting', file: 'skills', find: /debugging/i, source: 'backend-guide' },
  { fact: 'Backend guide: scalability', file: 'skills', find: /scalab/i, source: 'backend-guide' },
  { fact: 'Spotlight: session management', file: 'skills', find: /session management/i, source: 'spotlight' },
  { fact: 'Spotlight: setup and administration of backups', file: 'skills', find: /backups/i, source: 'spotlight' },
  { fact: 'Spotlight: data migration', file: 'skills', find: /data migration/i, source: 'spotlight' },
  { fact: 'Spotlight: testing platforms', file: 'skills', find: /testing platforms/i, source: 'spotlight' },
  { fact: 'Spotlight: Google PageSpeed Insights', file: 'skills', find: /PageSpeed/, source: 'spotlight' },
  { fact: 'Spotlight: Jira and Slack', file: 'skills', find: /Jira/, source: 'spotlight' },
  { fact: 'Career Karma: a team player attitude', file: 'skills', find: /team player/i, source: 'career-karma' },
  { fact: 'Spotlight: mobile platforms', file: 'skills', find: /mobile platforms/i, source: 'spotlight' },

  // roadmap.json
  { fact: 'Step: decide which path fits your goals', file: 'roadmap', find: /which path fits your goals/i, source: 'career-karma' },
  { fact: 'Step: consider an education program', file: 'roadmap', find: /education program/i, source: 'indeed' },
  { fact: "Step: Hackernoon's post helps decide between back-end, front-end and full-stack", file: 'roadmap', find: /Hackernoon/, source: 'spotlight' },
  { fact: 'Step: learn a server-side language like Java or C++', file: 'roadmap', find: /Java or C\+\+/, source: 'indeed' },
  { fact: 'Step: begin your studies', file: 'roadmap', find: /Begin your studies/i, source: 'career-karma' },
  { fact: 'Step: understand algorithms and data structures', file: 'roadmap', find: /link trees and graphs/i, source: 'indeed' },
  { fact: 'Step: learn a framework, pick one and practise', file: 'roadmap', find: /pick one framework/i, source: 'indeed' },
  { fact: 'Step: know a web framework such as Flask or Express', file: 'roadmap', find: /Flask/, source: 'backend-guide' },
  { fact: 'Step: get current on database knowledge', file: 'roadmap', find: /database knowledge/i, source: 'indeed' },
  { fact: 'Step: RESTful API architecture principles', file: 'roadmap', find: /RESTful API/i, source: 'backend-guide' },
  { fact: 'Step: consider security, OWASP', file: 'roadmap', find: /OWASP/, source: 'indeed' },
  { fact: 'Step: DevOps tools Docker, Kubernetes, Jenkins', file: 'roadmap', find: /Jenkins/, source: 'backend-guide' },
  { fact: 'Step: local development environments', file: 'roadmap', find: /WampServer/, source: 'spotlight' },
  { fact: 'Step: practise regularly and build a portfolio', file: 'roadmap', find: /portfolio/i, source: 'indeed' },
  { fact: 'Step: earn experience with a team on a tight deadline', file: 'roadmap', find: /tight deadline/i, source: 'career-karma' },
  { fact: 'Step: try to get an internship', file: 'roadmap', find: /internship/i, source: 'spotlight' },
  { fact: 'Step: job search on Indeed, Monster, ZipRecruiter, LinkedIn, Glassdoor', file: 'roadmap', find: /Monster/, source: 'spotlight' },
  { fact: "Step: FullStack's 47 interview questions", file: 'roadmap', find: /FullStack's 47/, source: 'spotlight' },
  { fact: 'Step: continue learning, a lifelong process', file: 'roadmap', find: /lifelong/i, source: 'career-karma' },
  { fact: 'Step: attend conferences and study papers', file: 'roadmap', find: /conferences/i, source: 'backend-guide' },
];

// ---------------------------------------------------------------------------------------------

describe('knowledge coverage: the fact list itself', () => {
  it('has at least 90 facts', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(90);
  });

  it('covers every knowledge file of facts and every article', () => {
    // The lexicon holds the words people type, not facts from the articles.
    expect(new Set(ROWS.map((r) => r.file))).toEqual(new Set(Object.keys(FILE_OF).filter((f) => f !== 'lexicon')));
    const perSource = new Map<string, number>();
    for (const r of ROWS) perSource.set(r.source, (perSource.get(r.source) ?? 0) + 1);
    for (const source of ['indeed', 'spotlight', 'career-karma', 'backend-guide']) expect(perSource.get(source) ?? 0).toBeGreaterThanOrEqual(15);
  });

  it('names each fact once and uses no global regexes (they keep state between tests)', () => {
    expect(new Set(ROWS.map((r) => r.fact)).size).toBe(ROWS.length);
    expect(ROWS.filter((r) => r.find.global || r.find.sticky).map((r) => r.fact)).toEqual([]);
  });
});

describe('knowledge coverage: files', () => {
  it('loads every knowledge file with loadKnowledge()', () => {
    expect(missing, 'knowledge files not written yet').toEqual([]);
  });
});

describe('knowledge coverage: facts', () => {
  it.each(ROWS)('$file: $fact', (row) => {
    expect(missing, `knowledge/${FILE_OF[row.file]} is missing`).not.toContain(FILE_OF[row.file]);
    const all = saidIn(row.file);
    const hits = all.filter((s) => row.find.test(s.text));
    const right = hits.filter((s) => s.source === row.source);
    const wrong = [...new Set(hits.map((s) => `${s.entry} (${s.source}): ${s.text}`))].slice(0, 5);
    expect(
      right.length,
      hits.length
        ? `${row.find} is in ${row.file} but not with source "${row.source}":\n  ${wrong.join('\n  ')}`
        : `${row.find} matches nothing in ${row.file}`,
    ).toBeGreaterThan(0);
  });
});
