// The pure Discord parts: Reply -> message payload (every limit, escaping, mentions) and
// CommandSpec -> application-command JSON.
import { readFileSync } from 'node:fs';
import { PermissionFlagsBits } from 'discord.js';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  commandFromCustomId,
  customIdFor,
  embedChars,
  escapeMarkdown,
  EPHEMERAL,
  MAX_BUTTON_LABEL,
  MAX_BUTTONS_PER_ROW,
  MAX_CUSTOM_ID,
  MAX_DESCRIPTION,
  MAX_EMBED_TOTAL,
  MAX_EMBEDS,
  MAX_FIELD_NAME,
  MAX_FIELD_VALUE,
  MAX_FIELDS,
  MAX_FILE_SHOWN,
  MAX_FOOTER,
  MAX_ROWS,
  MAX_TITLE,
  renderDiscord,
  MAX_CONTENT,
  MAX_ATTACHMENT_DESCRIPTION,
  MAX_ATTACHMENTS,
  discordFiles,
  type DiscordPayload,
} from '../adapters/discord/render.js';
import { commandRoutes, toApiCommand, toApiCommands, OptionType } from '../adapters/discord/commands.js';
import { computeDifferences } from '../adapters/discord/register.js';
import type { CommandSpec } from '../src/command.js';
import { commands } from '../src/commands/index.js';
import { errorReply, reply, type Node, type SourceRef, type Suggestion } from '../src/reply.js';

const src = (n: number): SourceRef => ({ id: `s${n}`, short: `Source ${n}`, title: `Article number ${n}` });

/** Every limit Discord enforces on a message payload. */
function expectWithinLimits(p: DiscordPayload): void {
  expect(p.allowedMentions).toEqual({ parse: [], repliedUser: false });
  if (p.content !== undefined) expect(p.content.length).toBeLessThanOrEqual(MAX_CONTENT);
  expect(p.embeds.length).toBeGreaterThan(0);
  expect(p.embeds.length).toBeLessThanOrEqual(MAX_EMBEDS);
  expect(embedChars(p.embeds)).toBeLessThanOrEqual(MAX_EMBED_TOTAL);
  for (const e of p.embeds) {
    expect(e.title || e.description || e.fields?.length || e.footer || e.image).toBeTruthy();
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(MAX_TITLE);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(MAX_DESCRIPTION);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(MAX_FIELDS);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(MAX_FIELD_NAME);
      expect(f.value.length).toBeLessThanOrEqual(MAX_FIELD_VALUE);
    }
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(MAX_FOOTER);
  }
  expect(p.components.length).toBeLessThanOrEqual(MAX_ROWS);
  const ids = new Set<string>();
  for (const row of p.components) {
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(MAX_BUTTONS_PER_ROW);
    for (const b of row.components) {
      expect(b.label.length).toBeGreaterThan(0);
      expect(b.label.length).toBeLessThanOrEqual(MAX_BUTTON_LABEL);
      expect(b.custom_id.length).toBeLessThanOrEqual(MAX_CUSTOM_ID);
      expect(ids.has(b.custom_id)).toBe(false);
      ids.add(b.custom_id);
    }
  }
}

const allText = (p: DiscordPayload) =>
  p.embeds.map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].join('\n')).join('\n');

const words = (n: number, prefix = 'word') => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' ');

describe('renderDiscord: shape', () => {
  test('a small answer: title, description, sources in the footer, suggestions as buttons', () => {
    const p = renderDiscord(
      reply({
        title: 'Back-end developer salary',
        children: [{ type: 'section', title: 'Entry level' }, { type: 'list', items: ['$60,000 a year'] }, { type: 'note', text: 'Figures differ.' }],
        sources: [src(1), src(2)],
        suggestions: [{ label: 'Roadmap', command: 'roadmap' }],
      }),
    );
    expectWithinLimits(p);
    expect(p.embeds).toHaveLength(1);
    expect(p.embeds[0]!.title).toBe('Back-end developer salary');
    expect(p.embeds[0]!.description).toBe('**Entry level**\n• $60,000 a year\n*Figures differ.*');
    expect(p.embeds[0]!.footer?.text).toBe('Sources: Source 1: "Article number 1" · Source 2: "Article number 2"');
    expect(p.components).toEqual([{ type: 1, components: [{ type: 2, style: 2, label: 'Roadmap', custom_id: 'dp:roadmap' }] }]);
    expect(p.flags).toBeUndefined();
    expect(p.content).toBeUndefined();
  });

  test('an ephemeral reply (errors) carries flag 64; others none', () => {
    expect(renderDiscord(errorReply('Unknown command', 'No such command.', 'unknown-command')).flags).toBe(EPHEMERAL);
    expect(renderDiscord(reply({ title: 'Yours only', ephemeral: true })).flags).toBe(EPHEMERAL);
    expect(renderDiscord(reply({ title: 'Everyone' })).flags).toBeUndefined();
  });

  test('fields become embed fields, in card order: text after them goes below in an untitled field, a new section opens a new embed', () => {
    const p = renderDiscord(
      reply({
        title: 'Sources',
        children: [
          { type: 'section', title: 'Indeed' },
          { type: 'fields', fields: [{ label: 'Date', value: '2020' }, { label: 'Publisher', value: 'Indeed' }] },
          { type: 'text', text: 'About Indeed.' },
          { type: 'note', text: 'A note.' },
          { type: 'section', title: 'Career Karma' },
          { type: 'text', text: 'About Career Karma.' },
        ],
      }),
    );
    expectWithinLimits(p);
    expect(p.embeds).toHaveLength(2);
    expect(p.embeds[0]!.description).toBe('**Indeed**');
    expect(p.embeds[0]!.fields).toEqual([
      { name: 'Date', value: '2020', inline: true },
      { name: 'Publisher', value: 'Indeed', inline: true },
      { name: '\u200b', value: 'About Indeed.\n*A note.*', inline: false },
    ]);
    expect(p.embeds[1]!.description).toBe('**Career Karma**\nAbout Career Karma.');
  });

  test('text after 25 fields continues in the next embed', () => {
    const fields = Array.from({ length: 25 }, (_, i) => ({ label: `F${i}`, value: `v${i}` }));
    const p = renderDiscord(reply({ title: 't', children: [{ type: 'fields', fields }, { type: 'text', text: 'After.' }] }));
    expectWithinLimits(p);
    expect(p.embeds[0]!.fields).toHaveLength(25);
    expect(p.embeds[1]!.description).toBe('After.');
  });

  test('a long text after fields fills untitled fields of at most 1024 characters', () => {
    const p = renderDiscord(reply({ title: 't', children: [{ type: 'fields', fields: [{ label: 'a', value: 'b' }] }, { type: 'text', text: words(400) }] }));
    expectWithinLimits(p);
    expect(p.embeds[0]!.fields!.length).toBeGreaterThan(2);
  });

  test('an empty field label or value is replaced, never sent empty', () => {
    const p = renderDiscord(reply({ title: 't', children: [{ type: 'fields', fields: [{ label: '', value: '  ' }] }] }));
    expectWithinLimits(p);
  });
});

describe('renderDiscord: a file (an export)', () => {
  const file = (content: string): Node => ({ type: 'file', name: 'devpath-export.json', mime: 'application/json', content });
  test.each([
    ['a short file is shown whole in a code block, unescaped', '{"a":"b_c*d"}', (d: string) => expect(d).toContain('```\n{"a":"b_c*d"}\n```')],
    ['backticks in the content cannot close the block', 'x ``` y', (d: string) => expect(d.split('```\n')[1]!.split('\n```')[0]).not.toMatch(/``/)],
    ['mentions in it cannot ping', '@everyone <@123>', (d: string) => expect(d).not.toMatch(/@everyone|<@/)],
  ])('%s', (_name, content, check) => {
    const p = renderDiscord(reply({ title: 'Your export (json)', children: [file(content)], ephemeral: true }));
    expectWithinLimits(p);
    expect(p.flags).toBe(EPHEMERAL);
    expect(allText(p)).toContain('**devpath-export.json**');
    check(allText(p));
  });

  test('a long file is cut at a line to what one message shows, with a note saying how much', () => {
    const content = Array.from({ length: 400 }, (_, i) => `line ${i},${'x'.repeat(20)}`).join('\n');
    const p = renderDiscord(reply({ title: 'Your export (csv)', children: [{ type: 'text', text: 'Your data.' }, file(content), { type: 'note', text: 'after' }] }));
    expectWithinLimits(p);
    const text = allText(p);
    const shown = text.slice(text.indexOf('```\n') + 4, text.lastIndexOf('\n```'));
    expect(shown.length).toBeLessThanOrEqual(MAX_FILE_SHOWN);
    expect(content.startsWith(shown)).toBe(true);
    expect(content.charAt(shown.length)).toBe('\n');
    expect(text).toMatch(new RegExp(`Cut: the first ${shown.length} of ${content.length} characters`));
    expect(text).toContain('*after*');
  });

  test('the whole file is attached too, even when the message shows only its start, and the note says so', () => {
    const content = Array.from({ length: 400 }, (_, i) => `line ${i},${'x'.repeat(20)}`).join('\n');
    const r = reply({ title: 'Your export (csv)', children: [file(content)], ephemeral: true });
    expect(discordFiles(r).map((f) => [f.name, Buffer.from(f.data).toString('utf8') === content])).toEqual([['devpath-export.json', true]]);
    expect(allText(renderDiscord(r))).toContain('The attached file has all of it.');
    // A file is not a picture: no embed shows it.
    expect(renderDiscord(r).embeds.some((e) => e.image)).toBe(false);
  });

  test('a huge file without line breaks still stays within every limit', () => {
    expectWithinLimits(renderDiscord(reply({ title: 't', children: [{ type: 'fields', fields: [{ label: 'a', value: 'b' }] }, file('y'.repeat(50_000)), file('z'.repeat(50_000))] })));
  });
});

describe('renderDiscord: limits', () => {
  const cases: { name: string; children: Node[]; title?: string; sources?: SourceRef[]; suggestions?: Suggestion[] }[] = [
    { name: 'a 300-character title', title: 'T'.repeat(300), children: [] },
    { name: 'one 5000-character paragraph', children: [{ type: 'text', text: words(900) }] },
    { name: 'one 20000-character word (no spaces)', children: [{ type: 'text', text: 'x'.repeat(20_000) }] },
    { name: '400 list items', children: [{ type: 'list', items: Array.from({ length: 400 }, (_, i) => `Item ${i}: ${words(8)}`) }] },
    { name: '60 fields', children: [{ type: 'fields', fields: Array.from({ length: 60 }, (_, i) => ({ label: `Field ${i}`, value: `Value ${i}` })) }] },
    { name: 'a 2000-character field value and 300-character label', children: [{ type: 'fields', fields: [{ label: 'L'.repeat(300), value: words(400) }] }] },
    { name: 'markdown-heavy text that doubles when escaped', children: [{ type: 'text', text: '*_'.repeat(4000) }] },
    { name: '40 alternating text and fields nodes', children: Array.from({ length: 40 }, (_, i): Node => (i % 2 ? { type: 'text', text: words(50) } : { type: 'fields', fields: [{ label: 'a', value: words(30) }] })) },
    { name: '200 sources in the footer', children: [{ type: 'text', text: 'hi' }], sources: Array.from({ length: 200 }, (_, i) => src(i)) },
    { name: 'a long answer with a long footer', children: [{ type: 'text', text: words(3000) }], sources: Array.from({ length: 200 }, (_, i) => src(i)) },
  ];
  test.each(cases)('$name stays within every limit', ({ title, children, sources }) => {
    expectWithinLimits(renderDiscord(reply({ title: title ?? 'Title', children, sources: sources ?? [] })));
  });

  test('a long answer splits on line boundaries across embeds, every line whole', () => {
    const items = Array.from({ length: 70 }, (_, i) => `Step ${i}: ${words(10, 'step')}`);
    expect(items.join('\n').length).toBeGreaterThan(MAX_DESCRIPTION); // needs two embeds
    expect(items.join('\n').length).toBeLessThan(MAX_EMBED_TOTAL - 200); // but fits the message
    const p = renderDiscord(reply({ title: 'Roadmap', children: [{ type: 'list', items }] }));
    expectWithinLimits(p);
    expect(p.embeds.length).toBeGreaterThan(1);
    const lines = p.embeds.flatMap((e) => e.description?.split('\n') ?? []);
    expect(lines).toEqual(items.map((i) => `• ${i}`));
    expect(p.embeds[0]!.title).toBe('Roadmap');
    expect(p.embeds.slice(1).every((e) => e.title === undefined)).toBe(true);
  });

  test('what does not fit is cut with an ellipsis, and the sources footer survives', () => {
    const p = renderDiscord(reply({ title: 'Long', children: [{ type: 'text', text: Array.from({ length: 400 }, () => words(20)).join('\n') }], sources: [src(1)] }));
    expectWithinLimits(p);
    const last = p.embeds[p.embeds.length - 1]!;
    expect(last.description?.endsWith('…')).toBe(true);
    expect(last.footer?.text).toContain('Source 1');
  });

  test('over 25 fields continue in another embed', () => {
    const fields = Array.from({ length: 30 }, (_, i) => ({ label: `F${i}`, value: `v${i}` }));
    const p = renderDiscord(reply({ title: 'Fields', children: [{ type: 'fields', fields }] }));
    expectWithinLimits(p);
    expect(p.embeds.flatMap((e) => e.fields ?? []).map((f) => f.name)).toEqual(fields.map((f) => f.label));
  });

  test('a long field value is truncated with an ellipsis', () => {
    const p = renderDiscord(reply({ title: 't', children: [{ type: 'fields', fields: [{ label: 'Long', value: words(500) }] }] }));
    const value = p.embeds[0]!.fields![0]!.value;
    expect(value.length).toBeLessThanOrEqual(MAX_FIELD_VALUE);
    expect(value.endsWith('…')).toBe(true);
  });
});

describe('renderDiscord: any card', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.string({ unit: fc.constantFrom('*', '_', '@everyone', '<@1>', '\\', '\n', ' ', 'word', '-', '1.', '`'), maxLength: 400 }),
    fc.string({ unit: fc.constantFrom('a', ' ', '\n', 'é', '*'), minLength: 1000, maxLength: 9000 }),
  );
  const node: fc.Arbitrary<Node> = fc.oneof(
    text.map((t) => ({ type: 'text' as const, text: t })),
    text.map((t) => ({ type: 'section' as const, title: t })),
    text.map((t) => ({ type: 'note' as const, text: t })),
    fc.array(text, { maxLength: 40 }).map((items) => ({ type: 'list' as const, items })),
    fc.array(fc.record({ label: text, value: text }), { maxLength: 40 }).map((fields) => ({ type: 'fields' as const, fields })),
  );
  test('every generated card renders within every limit, with no live mention', () => {
    fc.assert(
      fc.property(
        text,
        fc.array(node, { maxLength: 30 }),
        fc.array(fc.record({ label: text, command: text }), { maxLength: 30 }),
        fc.array(fc.record({ id: fc.string(), short: text, title: text }), { maxLength: 5 }),
        fc.boolean(),
        (title, children, suggestions, sources, ephemeral) => {
          const p = renderDiscord(reply({ title, children, suggestions, sources, ephemeral }));
          expectWithinLimits(p);
          expect(allText(p)).not.toMatch(/@everyone|(^|[^\\])<@/);
          expect(p.flags).toBe(ephemeral ? EPHEMERAL : undefined);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('renderDiscord: buttons', () => {
  test('more than 5 suggestions make rows of at most 5; at most 5 rows', () => {
    const s = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `Topic ${i}`, command: `ask topic ${i}` }));
    const seven = renderDiscord(reply({ title: 't', suggestions: s(7) }));
    expectWithinLimits(seven);
    expect(seven.components.map((r) => r.components.length)).toEqual([5, 2]);
    const forty = renderDiscord(reply({ title: 't', suggestions: s(40) }));
    expectWithinLimits(forty);
    expect(forty.components.map((r) => r.components.length)).toEqual([5, 5, 5, 5, 5]);
  });

  test('a command too long for a custom_id is left out, never cut into another command', () => {
    const long = `ask ${'x'.repeat(120)}`;
    const p = renderDiscord(reply({ title: 't', suggestions: [{ label: 'Long', command: long }, { label: 'Short', command: 'roadmap' }] }));
    expectWithinLimits(p);
    expect(p.components[0]!.components.map((b) => b.custom_id)).toEqual(['dp:roadmap']);
    expect(customIdFor(long)).toBeUndefined();
    expect(customIdFor('x'.repeat(MAX_CUSTOM_ID - 3))).toHaveLength(MAX_CUSTOM_ID);
  });

  test('long labels are shortened with an ellipsis; duplicate commands appear once', () => {
    const p = renderDiscord(reply({ title: 't', suggestions: [{ label: 'L'.repeat(200), command: 'salary' }, { label: 'again', command: 'salary' }] }));
    expectWithinLimits(p);
    expect(p.components[0]!.components).toHaveLength(1);
    expect(p.components[0]!.components[0]!.label.endsWith('…')).toBe(true);
  });

  test('custom_id round-trips the command line; foreign ids are not ours', () => {
    expect(commandFromCustomId(customIdFor('salary backend entry')!)).toBe('salary backend entry');
    expect(commandFromCustomId('other-app:thing')).toBeUndefined();
  });

  test('no suggestions, no components', () => {
    expect(renderDiscord(reply({ title: 't' })).components).toEqual([]);
  });
});

describe('renderDiscord: escaping and mentions', () => {
  const nasty = '@everyone @here <@123> <@!123> <@&456> <#789> **bold** _it_ ~~s~~ ||spoiler|| `code` > quote # head [link](http://x.y) \\';
  test.each([
    ['title', reply({ title: nasty })],
    ['text', reply({ title: 't', children: [{ type: 'text', text: nasty }] })],
    ['section', reply({ title: 't', children: [{ type: 'section', title: nasty }] })],
    ['list', reply({ title: 't', children: [{ type: 'list', items: [nasty] }] })],
    ['note', reply({ title: 't', children: [{ type: 'note', text: nasty }] })],
    ['fields', reply({ title: 't', children: [{ type: 'fields', fields: [{ label: nasty, value: nasty }] }] })],
    ['footer', reply({ title: 't', sources: [{ id: 'x', short: nasty, title: nasty }] })],
    ['button label', reply({ title: 't', suggestions: [{ label: nasty.slice(0, 70), command: 'help' }] })],
  ])('%s: no live mention and no markdown from card text', (_where, r) => {
    const p = renderDiscord(r);
    expectWithinLimits(p);
    const text = `${allText(p)}\n${p.components.flatMap((row) => row.components.map((b) => b.label)).join('\n')}`;
    expect(text).not.toMatch(/@everyone|@here/);
    expect(text).not.toMatch(/(^|[^\\])<[@#]/);
    expect(p.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  test.each([
    ['**bold**', '\\*\\*bold\\*\\*'],
    ['_it_ ~~s~~', '\\_it\\_ \\~\\~s\\~\\~'],
    ['||spoiler||', '\\|\\|spoiler\\|\\|'],
    ['`code`', '\\`code\\`'],
    ['> quote', '\\> quote'],
    ['# heading', '\\# heading'],
    ['[link](http://evil.example)', '\\[link\\](http://evil.example)'],
    ['(see https://docs.example.com/guide)', '(see https://docs.example.com/guide)'],
    ['- not a list', '\\- not a list'],
    ['1. not a list', '1\\. not a list'],
    ['a\\b', 'a\\\\b'],
    ['<@123>', '\\<@123\\>'],
    ['@everyone', '@\u200beveryone'],
    ['see https://example.com/a_b_c for more', 'see https://example.com/a_b_c for more'],
    ['back-end developer', 'back-end developer'],
  ])('escapeMarkdown(%j) = %j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });

});

describe('slash-command JSON', () => {
  test('the real commands: lowercase names ≤32, descriptions ≤100, typed options, autocomplete, choices', () => {
    const json = toApiCommands(commands);
    expect(json.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    for (const c of json) {
      expect(c.type).toBe(1);
      expect(c.name).toMatch(/^[a-z0-9_-]{1,32}$/);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(100);
      let seenOptional = false;
      for (const o of c.options ?? []) {
        expect([1, 3, 4, 6]).toContain(o.type);
        expect(o.name).toMatch(/^[a-z0-9_-]{1,32}$/);
        expect(o.description.length).toBeLessThanOrEqual(100);
        if (!o.required) seenOptional = true;
        else expect(seenOptional).toBe(false); // required options come first
        expect(o.choices && o.autocomplete).toBeFalsy();
        expect((o.choices ?? []).length).toBeLessThanOrEqual(25);
      }
    }
    const salary = json.find((c) => c.name === 'salary')!;
    expect(salary.options).toEqual([
      { type: OptionType.STRING, name: 'role', description: 'The role (back-end developer if left out)', autocomplete: true, max_length: 100 },
      expect.objectContaining({ type: OptionType.STRING, name: 'level', choices: expect.arrayContaining([{ name: 'Entry level', value: 'entry' }]) }),
    ]);
    expect(json.find((c) => c.name === 'ask')!.options).toEqual([{ type: 3, name: 'question', description: 'Your question', required: true }]);
    expect(json.find((c) => c.name === 'interview')!.options![0]).toMatchObject({ type: 4, min_value: 1, max_value: 99 });
    // Aliases are not registered.
    expect(json.some((c) => c.name === 'salaries' || c.name === 'q')).toBe(false);
  });

  const groups: CommandSpec = {
    name: 'Group',
    aliases: ['groups'],
    description: `Study groups: ${'long description '.repeat(10)}`,
    examples: [],
    defaultSubcommand: 'show',
    subcommands: [
      { name: 'create', description: 'Create a group', examples: [], options: [{ name: 'name', kind: 'string', description: 'Group name', required: true, maxLength: 50 }], run: () => reply({ title: 'x' }) },
      {
        name: 'show',
        description: 'Show a group',
        examples: [],
        options: [
          { name: 'who', kind: 'user', description: 'A member' },
          { name: 'group', kind: 'string', description: 'Which group', autocomplete: 'group', required: true },
        ],
        run: () => reply({ title: 'x' }),
      },
      { name: 'leave', description: 'Leave', examples: [], run: () => reply({ title: 'x' }) },
    ],
  };

  test('subcommands become type 1 options (default first), with their own typed options', () => {
    const json = toApiCommand(groups);
    expect(json.name).toBe('group');
    expect(json.description.length).toBeLessThanOrEqual(100);
    expect(json.description.endsWith('…')).toBe(true);
    expect(json.options!.map((o) => [o.type, o.name])).toEqual([
      [1, 'show'],
      [1, 'create'],
      [1, 'leave'],
    ]);
    expect(json.options![0]!.options).toEqual([
      { type: 3, name: 'group', description: 'Which group', required: true, autocomplete: true },
      { type: 6, name: 'who', description: 'A member' },
    ]);
    expect(json.options![1]!.options).toEqual([{ type: 3, name: 'name', description: 'Group name', required: true, max_length: 50 }]);
    expect(json.options![2]!.options).toBeUndefined();
  });

  test('commandRoutes maps exactly the registered Discord names back to specs, sub-commands and options', () => {
    const shadow: CommandSpec = { ...groups, name: 'group', description: 'Same Discord name, declared later' };
    const specs = [groups, shadow, ...commands];
    const routes = commandRoutes(specs);
    const json = toApiCommands(specs);
    expect([...routes.keys()]).toEqual(json.map((c) => c.name));
    expect(routes.get('group')!.spec).toBe(groups); // the first declaration wins, as in registration
    for (const c of json) {
      const route = routes.get(c.name)!;
      const subs = (c.options ?? []).filter((o) => o.type === OptionType.SUB_COMMAND);
      const leaves = subs.length ? subs.map((o) => [o.name, o.options ?? []] as const) : [['', c.options ?? []] as const];
      for (const [sub, options] of leaves) {
        const leaf = route.leaves.get(sub)!;
        expect(leaf).toBeDefined();
        for (const o of options) expect(leaf.options.get(o.name)).toBeDefined();
      }
    }
    const show = routes.get('group')!.leaves.get('show')!;
    expect(show.spec.name).toBe('show');
    expect(show.options.get('group')?.autocomplete).toBe('group');
    expect(routes.get('salary')!.leaves.get('')!.options.get('role')?.name).toBe('role');
  });

  test('more than 25 choices stay a free string option (Discord allows 25)', () => {
    const many: CommandSpec = {
      name: 'pick',
      description: 'd',
      examples: [],
      options: [{ name: 'x', kind: 'choice', description: 'x', choices: Array.from({ length: 30 }, (_, i) => ({ value: `v${i}`, label: `V${i}` })) }],
    };
    expect(toApiCommand(many).options).toEqual([{ type: 3, name: 'x', description: 'x' }]);
  });

  test('a choice whose value is over 100 characters is dropped, not cut into another value', () => {
    const spec: CommandSpec = {
      name: 'pick',
      description: 'd',
      examples: [],
      options: [{ name: 'x', kind: 'choice', description: 'x', choices: [{ value: 'v'.repeat(101), label: 'Long' }, { value: 'short', label: 'Short' }] }],
    };
    expect(toApiCommand(spec).options).toEqual([{ type: 3, name: 'x', description: 'x', choices: [{ name: 'Short', value: 'short' }] }]);
  });

  test('computeDifferences ignores Discord-added defaults and command order, sees real changes', () => {
    const wanted = toApiCommands(commands);
    const echoed = [...wanted].reverse().map((c) => ({
      ...c,
      id: '1',
      version: '2',
      default_member_permissions: null,
      name_localizations: null,
      options: c.options?.map((o) => ({ ...o, required: o.required ?? false, name_localizations: null })),
    }));
    expect(computeDifferences(echoed, wanted)).toEqual([]);
    const edited = echoed.map((c) => (c.name === 'ask' ? { ...c, description: 'old text' } : c)).filter((c) => c.name !== 'help');
    expect(computeDifferences([...edited, { name: 'retired', description: 'gone', type: 1 }], wanted).sort()).toEqual(['ask', 'help', 'retired']);
  });
});

describe('README: the invite link', () => {
  test('its permissions number is exactly the five permissions it names', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const named = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.SendMessagesInThreads | PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.ReadMessageHistory;
    const numbers = [...readme.matchAll(/permissions[ =`]+(\d+)/g)].map((m) => m[1]);
    expect(numbers.length).toBeGreaterThanOrEqual(2); // the prose and the link
    for (const n of numbers) expect(n).toBe(String(named));
    expect(readme).toContain('scope=bot%20applications.commands');
  });
});

describe('renderDiscord: pictures', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  const image = (name: string, alt = 'A card'): Node => ({ type: 'image', name, alt, width: 800, height: 400, png });

  test('a picture is shown by the last embed as attachment://<name>, and attached with its alt text as description', () => {
    const r = reply({ title: 'Your progress', children: [{ type: 'text', text: '2/12 steps' }, image('progress-1.png', 'Roadmap progress of ana')] });
    const p = renderDiscord(r);
    expectWithinLimits(p);
    expect(p.embeds.at(-1)!.image).toEqual({ url: 'attachment://progress-1.png' });
    expect(discordFiles(r)).toEqual([{ name: 'progress-1.png', data: png, description: 'Roadmap progress of ana' }]);
    // The text shows no "[picture: ...]": the picture is there.
    expect(allText(p)).not.toContain('picture');
  });

  test('names Discord would rewrite are made safe, and two pictures of one name get two names', () => {
    const r = reply({ title: 't', children: [image('../we ird/näme.png'), image('a b.png'), image('a_b.png'), image('.hidden')] });
    const names = discordFiles(r).map((f) => f.name);
    expect(names).toEqual(['we_ird_n_me.png', 'a_b.png', 'a_b-2.png', 'hidden']);
    const p = renderDiscord(r);
    expect(p.embeds.map((e) => e.image?.url).filter(Boolean)).toEqual(names.map((n) => `attachment://${n}`));
    for (const n of names) expect(n).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
  });

  test('alt text is cut to the description limit; at most MAX_ATTACHMENTS files', () => {
    const r = reply({ title: 't', children: Array.from({ length: 12 }, (_, i) => image(`c${i}.png`, `alt ${'w'.repeat(2000)}`)) });
    const files = discordFiles(r);
    expect(files).toHaveLength(MAX_ATTACHMENTS);
    for (const f of files) expect(f.description!.length).toBeLessThanOrEqual(MAX_ATTACHMENT_DESCRIPTION);
    const p = renderDiscord(r);
    expectWithinLimits(p);
    expect(p.embeds.filter((e) => e.image)).toHaveLength(Math.min(MAX_ATTACHMENTS, MAX_EMBEDS));
  });
});
