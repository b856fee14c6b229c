// The Slack renderer on its own: every Block Kit limit, escaping of everything a user could type,
// and the fallback text that must always be there.
import { describe, expect, it } from 'vitest';
import {
  ACTION_ID_MAX,
  ACTIONS_MAX,
  BUTTON_TEXT_MAX,
  BUTTON_VALUE_MAX,
  CONTEXT_TEXT_MAX,
  cut,
  escapeMrkdwn,
  escapeText,
  FIELD_TEXT_MAX,
  FIELDS_PER_SECTION,
  HEADER_MAX,
  MAX_FILE_BLOCKS,
  MAX_BLOCKS,
  MAX_HOME_BLOCKS,
  renderHome,
  renderSlack,
  SECTION_TEXT_MAX,
  slackUploads,
  splitText,
  UPLOAD_ALT_MAX,
} from '../adapters/slack/render.js';
import type { Logger } from '@slack/bolt';
import { DmChannels, fromSlackText, UserDirectory, type WebClient } from '../adapters/slack/listeners/shared.js';
import { commands } from '../src/commands/index.js';
import { reply, type Node } from '../src/reply.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyBlock = { type: string; [key: string]: any };
const loose = (blocks: readonly unknown[]) => blocks as AnyBlock[];

/** Every text string anywhere in the blocks, with the limit that applies to it. */
function texts(blocks: readonly unknown[]): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const b of loose(blocks)) {
    if (b.text?.text !== undefined) out.push({ where: b.type, text: b.text.text });
    for (const f of b.fields ?? []) out.push({ where: 'field', text: f.text });
    for (const e of b.elements ?? []) {
      if (e.type === 'button') out.push({ where: 'button', text: e.text.text }, { where: 'value', text: e.value });
      else out.push({ where: 'context', text: e.text });
    }
  }
  return out;
}

/** Every mrkdwn text object anywhere in the blocks. */
function mrkdwnObjects(blocks: readonly unknown[]): AnyBlock[] {
  const out: AnyBlock[] = [];
  for (const b of loose(blocks)) {
    for (const o of [b.text, ...(b.fields ?? []), ...(b.elements ?? [])]) if (o?.type === 'mrkdwn') out.push(o);
  }
  return out;
}

const LIMITS: Record<string, number> = {
  header: HEADER_MAX,
  section: SECTION_TEXT_MAX,
  field: FIELD_TEXT_MAX,
  button: BUTTON_TEXT_MAX,
  value: BUTTON_VALUE_MAX,
  context: CONTEXT_TEXT_MAX,
};

function expectWithinLimits(blocks: readonly unknown[]): void {
  expect(blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
  for (const { where, text } of texts(blocks)) {
    expect(text.length, `${where} text`).toBeLessThanOrEqual(LIMITS[where]!);
    expect(text.length, `${where} text is empty`).toBeGreaterThan(0);
  }
  for (const b of loose(blocks)) {
    if (b.fields) expect(b.fields.length).toBeLessThanOrEqual(FIELDS_PER_SECTION);
    if (b.type === 'actions') {
      expect(b.elements.length).toBeLessThanOrEqual(ACTIONS_MAX);
      const ids = b.elements.map((e: any) => e.action_id as string);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id.length).toBeLessThanOrEqual(ACTION_ID_MAX);
    }
  }
}

const make = (children: Node[], extra: Partial<Parameters<typeof reply>[0]> = {}) => reply({ title: 'A title', children, ...extra });
const long = (n: number, word = 'word ') => word.repeat(Math.ceil(n / word.length)).slice(0, n);

describe('renderSlack: a file (an export)', () => {
  const file = (content: string): Node => ({ type: 'file', name: 'devpath-export.csv', mime: 'text/csv', content });
  it.each([
    ['a short file is shown whole in a code block, entities escaped', 'a,b\n1,<x> & y', (t: string) => expect(t).toContain('```\na,b\n1,&lt;x&gt; &amp; y\n```')],
    ['backticks in the content cannot close the block', 'x ``` y', (t: string) => expect(t.slice(4, -4)).not.toMatch(/``/)],
    ['a broadcast mention in it cannot ping', 'say @channel', (t: string) => expect(t).not.toMatch(/@channel/)],
  ])('%s', (_name, content, check) => {
    const m = renderSlack(make([file(content)]));
    expectWithinLimits(m.blocks);
    const sections = loose(m.blocks).filter((b) => b.type === 'section');
    expect(sections[0]!.text.text).toContain('devpath-export.csv');
    check(sections[1]!.text.text as string);
  });

  it('a long file fills at most MAX_FILE_BLOCKS sections, nothing lost between them, then says it was cut', () => {
    const content = Array.from({ length: 3000 }, (_, i) => `row ${i},value`).join('\n');
    const m = renderSlack(make([file(content)]));
    expectWithinLimits(m.blocks);
    const code = loose(m.blocks).filter((b) => b.type === 'section' && String(b.text.text).startsWith('```'));
    expect(code).toHaveLength(MAX_FILE_BLOCKS);
    const shown = code.map((b) => String(b.text.text).slice(4, -4)).join('\n');
    expect(content.startsWith(shown)).toBe(true);
    expect(texts(m.blocks).some((t) => t.where === 'context' && /^Cut: 10 of \d+ parts shown/.test(t.text))).toBe(true);
  });

  it('a whole file fits when it is short enough', () => {
    const content = Array.from({ length: 100 }, (_, i) => `row ${i}`).join('\n');
    const m = renderSlack(make([file(content)]));
    expect(texts(m.blocks).some((t) => /^Cut:/.test(t.text))).toBe(false);
    expect(m.text).toContain('row 99');
  });
});

describe('renderSlack: pictures and files to upload', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
  const image = (alt: string, name = 'progress-u1.png'): Node => ({ type: 'image', name, alt, width: 800, height: 400, png });
  const file: Node = { type: 'file', name: 'devpath-export.json', mime: 'application/json', content: '{"a":1}' };

  it('a picture is a line with its alt text, escaped, saying where the picture is', () => {
    const r = make([{ type: 'text', text: 'before' }, image('Roadmap of <@U1> *bold* @channel')]);
    for (const [uploads, lead] of [[undefined, 'Picture: '], ['here', 'Picture: '], ['dm', 'Picture, in your direct messages with devpath: ']] as const) {
      const m = renderSlack(r, { uploads });
      expectWithinLimits(m.blocks);
      const line = texts(m.blocks).find((t) => t.where === 'context')!.text;
      expect(line.startsWith(lead)).toBe(true);
      expect(line).toContain('&lt;@U1&gt;');
      expect(line).not.toMatch(/<@|@channel/);
    }
  });

  it('a file uploaded to the DM: the message says so, and a cut file says where the whole one is', () => {
    const m = renderSlack(make([file]), { uploads: 'dm' });
    expect(texts(m.blocks).some((t) => t.text === 'I have also sent you devpath-export.json as a file, in your direct messages with devpath.')).toBe(true);
    const big: Node = { ...file, content: Array.from({ length: 3000 }, (_, i) => `row ${i},value`).join('\n') };
    const cutNote = texts(renderSlack(make([big]), { uploads: 'dm' }).blocks).find((t) => /^Cut:/.test(t.text))!.text;
    expect(cutNote).toMatch(/The whole file is in your direct messages with devpath\.$/);
  });

  it('slackUploads: the PNG and the file, with safe names and the alt text cut to the limit', () => {
    const uploads = slackUploads(make([image(`alt ${'x'.repeat(3000)}`, '../a b.png'), file, { type: 'text', text: 'not uploaded' }]));
    expect(uploads.map((u) => u.filename)).toEqual(['a_b.png', 'devpath-export.json']);
    expect([...uploads[0]!.data]).toEqual([...png]);
    expect(uploads[0]!.altText!.length).toBeLessThanOrEqual(UPLOAD_ALT_MAX);
    expect(uploads[1]!.data.toString('utf8')).toBe('{"a":1}');
    expect(uploads[1]!.altText).toBeUndefined();
  });
});

describe('renderSlack: limits', () => {
  const cases: { name: string; r: ReturnType<typeof reply>; check: (blocks: AnyBlock[]) => void }[] = [
    {
      name: 'a 400-character title is cut to 150 with an ellipsis',
      r: reply({ title: long(400, 'title '), children: [] }),
      check: (b) => {
        expect(b[0]!.type).toBe('header');
        expect(b[0]!.text.type).toBe('plain_text');
        expect(b[0]!.text.text.length).toBe(HEADER_MAX);
        expect(b[0]!.text.text.endsWith('…')).toBe(true);
      },
    },
    {
      name: 'a title of exactly 150 is kept whole',
      r: reply({ title: 'x'.repeat(HEADER_MAX), children: [] }),
      check: (b) => expect(b[0]!.text.text).toBe('x'.repeat(HEADER_MAX)),
    },
    {
      name: 'a 7000-character text is split across three sections, nothing lost',
      r: make([{ type: 'text', text: long(7000) }]),
      check: (b) => {
        const sections = b.filter((x) => x.type === 'section');
        expect(sections.length).toBe(3);
        const joined = sections.map((s) => s.text.text as string).join(' ');
        expect(joined.replace(/\s+/g, ' ').trim()).toBe(long(7000).replace(/\s+/g, ' ').trim());
      },
    },
    {
      name: 'a 5000-character word with no spaces is split on hard boundaries',
      r: make([{ type: 'text', text: 'a'.repeat(5000) }]),
      check: (b) => {
        const sections = b.filter((x) => x.type === 'section');
        expect(sections.map((s) => s.text.text.length)).toEqual([3000, 2000]);
      },
    },
    {
      name: 'a text of "&" characters is split without breaking an entity',
      r: make([{ type: 'text', text: '&'.repeat(1000) }]),
      check: (b) => {
        for (const s of b.filter((x) => x.type === 'section')) expect(s.text.text).toMatch(/^(&amp;)+$/);
      },
    },
    {
      name: '23 fields become three sections of at most 10',
      r: make([{ type: 'fields', fields: Array.from({ length: 23 }, (_, i) => ({ label: `L${i}`, value: `V${i}` })) }]),
      check: (b) => {
        const withFields = b.filter((x) => x.fields);
        expect(withFields.map((x) => x.fields.length)).toEqual([10, 10, 3]);
        expect(withFields[0]!.fields[0]).toEqual({ type: 'mrkdwn', text: '*L0*\nV0', verbatim: true });
      },
    },
    {
      name: 'a 2500-character field value is cut to 2000',
      r: make([{ type: 'fields', fields: [{ label: 'Long', value: long(2500) }] }]),
      check: (b) => {
        const f = b.find((x) => x.fields)!.fields[0];
        expect(f.text.length).toBe(FIELD_TEXT_MAX);
        expect(f.text.endsWith('…')).toBe(true);
      },
    },
    {
      name: '200 notes are cut to 50 blocks with a final "…" note, sources and buttons kept',
      r: make(
        Array.from({ length: 200 }, (_, i): Node => ({ type: 'note', text: `note ${i}` })),
        { sources: [{ id: 's', short: 'Src', title: 'Source title' }], suggestions: [{ label: 'help', command: 'help' }] },
      ),
      check: (b) => {
        expect(b.length).toBe(MAX_BLOCKS);
        expect(b[0]!.type).toBe('header');
        expect(b.at(-1)!.type).toBe('actions');
        expect(b.at(-2)!.elements[0].text).toContain('Src');
        expect(b.at(-3)!.elements[0].text.startsWith('…')).toBe(true);
      },
    },
    {
      name: 'exactly 50 blocks are not truncated',
      r: make(Array.from({ length: 49 }, (_, i): Node => ({ type: 'note', text: `note ${i}` }))),
      check: (b) => {
        expect(b.length).toBe(50);
        expect(b.at(-1)!.elements[0].text).toBe('note 48');
      },
    },
    {
      name: 'a 120-character button label is cut to 75; the command rides whole in value',
      r: make([], { suggestions: [{ label: long(120, 'label '), command: 'ask ' + long(300, 'why ') }] }),
      check: (b) => {
        const button = b.find((x) => x.type === 'actions')!.elements[0];
        expect(button.text.text.length).toBe(BUTTON_TEXT_MAX);
        expect(button.value).toBe('ask ' + long(300, 'why '));
        expect(button.action_id).toMatch(/^devpath_run/);
      },
    },
    {
      name: '30 suggestions become 25 buttons with distinct action_ids',
      r: make([], { suggestions: Array.from({ length: 30 }, (_, i) => ({ label: `s${i}`, command: `help ${i}` })) }),
      check: (b) => expect(b.find((x) => x.type === 'actions')!.elements.length).toBe(ACTIONS_MAX),
    },
    {
      name: 'a command longer than a button value is dropped, never truncated into another command',
      r: make([], { suggestions: [{ label: 'too long', command: 'ask ' + 'x'.repeat(BUTTON_VALUE_MAX) }, { label: 'ok', command: 'help' }] }),
      check: (b) => expect(b.find((x) => x.type === 'actions')!.elements.map((e: any) => e.value)).toEqual(['help']),
    },
    {
      name: 'sources go in a context block',
      r: make([{ type: 'text', text: 'x' }], { sources: [{ id: 'ck', short: 'Career Karma', title: 'How to become a back-end developer' }] }),
      check: (b) => {
        const ctx = b.find((x) => x.type === 'context')!;
        expect(ctx.elements[0].text).toBe('Sources: Career Karma, “How to become a back-end developer”');
      },
    },
  ];
  it.each(cases)('$name', ({ r, check }) => {
    const { blocks, text } = renderSlack(r);
    expectWithinLimits(blocks);
    check(loose(blocks));
    expect(text.length).toBeGreaterThan(0);
  });
});

describe('renderSlack: escaping', () => {
  const hostile = [
    { input: '<!channel> look', mustNot: '<!channel>', expected: '&lt;!channel&gt; look' },
    { input: 'ping <@U1>', mustNot: '<@U1>', expected: 'ping &lt;@U1&gt;' },
    { input: 'Q&A', mustNot: 'Q&A', expected: 'Q&amp;A' },
    { input: '<https://evil.example|click me>', mustNot: '<https://', expected: '&lt;https://evil.example|click me&gt;' },
    { input: '<!here|here> <!everyone>', mustNot: '<!', expected: '&lt;!here|here&gt; &lt;!everyone&gt;' },
    { input: '@channel hi', mustNot: '@channel', expected: '@channel hi' },
    { input: '@here', mustNot: '@here', expected: '@here' },
    { input: '@everyone', mustNot: '@everyone', expected: '@everyone' },
    // What fromSlackText makes of a typed <!channel> (e.g. a question echoed back in the answer).
    { input: fromSlackText('<!channel> please'), mustNot: '@channel', expected: '@channel please' },
  ];
  it.each(hostile)('$input is escaped in every place a card string goes', ({ input, mustNot, expected }) => {
    const r = reply({
      title: input,
      children: [
        { type: 'text', text: input },
        { type: 'section', title: input },
        { type: 'list', items: [input] },
        { type: 'fields', fields: [{ label: input, value: input }] },
        { type: 'note', text: input },
      ],
      sources: [{ id: 'x', short: input, title: input }],
      suggestions: [{ label: input, command: 'help' }],
    });
    const { text, blocks } = renderSlack(r);
    for (const t of [text, ...texts(blocks).filter((x) => x.where !== 'value').map((x) => x.text)]) {
      expect(t).not.toContain(mustNot);
      expect(t.replace(/\u200B/g, '')).toContain(expected);
    }
  });

  it('every mrkdwn text object is verbatim, in messages and on the Home tab', () => {
    const r = reply({
      title: 'T',
      children: [
        { type: 'text', text: 'see https://example.com @channel' },
        { type: 'fields', fields: [{ label: 'L', value: 'V' }] },
        { type: 'note', text: 'n' },
      ],
      sources: [{ id: 's', short: 'S', title: 'Source' }],
    });
    const objects = [...mrkdwnObjects(renderSlack(r).blocks), ...mrkdwnObjects(renderHome(commands).blocks)];
    expect(objects.length).toBeGreaterThan(5);
    for (const o of objects) expect(o.verbatim, o.text).toBe(true);
  });

  it.each([
    ['*bold*', /(^|\s)\*[^\u200B]/],
    ['_italic_', /(^|\s)_[^\u200B]/],
    ['~strike~', /(^|\s)~[^\u200B]/],
    ['`code`', /(^|\s)`[^\u200B]/],
  ])('formatting %s is neutralised with zero-width spaces', (input, opening) => {
    const out = escapeMrkdwn(`say ${input} now`);
    expect(out).not.toMatch(opening);
    expect(out.replace(/\u200B/g, '')).toBe(`say ${input} now`);
  });

  it('leaves characters inside words alone', () => {
    expect(escapeMrkdwn('node_modules and 2*3')).toBe('node_modules and 2*3');
  });

  it('escapeText escapes exactly & < >', () => {
    expect(escapeText('a & b < c > d "e" \'f\'')).toBe('a &amp; b &lt; c &gt; d "e" \'f\'');
  });

  it('cut never ends inside an entity or a surrogate pair', () => {
    for (let max = 2; max < 30; max++) {
      const c = cut(escapeText('a&b'.repeat(20)), max);
      expect(c.length).toBeLessThanOrEqual(max);
      expect(c.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
      const e = cut('😀'.repeat(20), max);
      expect(e.length).toBeLessThanOrEqual(max);
      expect(e.endsWith('…')).toBe(true);
      expect(e.slice(0, -1)).toBe('😀'.repeat((e.length - 1) / 2));
    }
  });

  it('splitText pieces are each within the limit and keep all the text', () => {
    const text = escapeText(long(10_000, 'a < b & c\n'));
    const pieces = splitText(text, SECTION_TEXT_MAX);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
    expect(pieces.join('\n').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });

  it('splitText breaks a text with no spaces neither inside an entity nor inside a surrogate pair', () => {
    for (const max of [7, 8, 9, 10, 11]) {
      const entities = splitText(escapeText('a&b<c'.repeat(10)), max);
      for (const p of entities) expect(p.replace(/&(amp|lt|gt);/g, ''), p).not.toContain('&');
      expect(entities.join('')).toBe(escapeText('a&b<c'.repeat(10)));
      const emoji = splitText('😀'.repeat(20), max);
      for (const p of emoji) expect(p).toBe('😀'.repeat(p.length / 2));
      expect(emoji.join('')).toBe('😀'.repeat(20));
    }
  });
});

describe('renderSlack: fallback text', () => {
  it.each([
    ['a card with content', make([{ type: 'text', text: 'hello' }])],
    ['an empty card', reply({ title: 'Only a title' })],
    ['a card with no title', reply({ title: '', children: [] })],
    ['an error reply', { ...make([]), error: 'internal' as const, ephemeral: true }],
  ])('%s has fallback text', (_name, r) => {
    const { text, blocks } = renderSlack(r);
    expect(text.trim().length).toBeGreaterThan(0);
    expectWithinLimits(blocks);
  });

  it('the fallback is the plain text, escaped', () => {
    const r = make([{ type: 'text', text: 'a <b>' }], { suggestions: [{ label: 'help', command: 'help' }] });
    expect(renderSlack(r).text).toBe('A title\na &lt;b&gt;\nTry: help');
  });
});

describe('renderHome', () => {
  it('is a home view listing every command with buttons for the main ones', () => {
    const view = renderHome(commands);
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(MAX_HOME_BLOCKS);
    const all = JSON.stringify(view.blocks);
    for (const c of commands) expect(all).toContain(`*${c.name}`);
    const actions = view.blocks.find((b) => b.type === 'actions') as AnyBlock;
    const values = actions.elements.map((e: any) => e.value as string);
    expect(values).toContain('help');
    expect(values.some((v: string) => v.startsWith('salary'))).toBe(true);
    expect(values.some((v: string) => v.startsWith('roadmap'))).toBe(true);
    expectWithinLimits(view.blocks.filter((b) => b.type !== 'divider'));
  });

  it('escapes descriptions', () => {
    const view = renderHome([{ name: 'x', description: '<!channel> & co', examples: ['x <@U1>'] }]);
    const all = JSON.stringify(view.blocks);
    expect(all).not.toContain('<!channel>');
    expect(all).not.toContain('<@U1>');
  });
});

describe('fromSlackText: Slack markup in, plain text for the core out', () => {
  it.each([
    ['<@UBOT> salary entry', 'salary entry'],
    ['<@UBOT|devpath> roadmap', 'roadmap'],
    ['what about <@U123|bob> and <@U456>?', 'what about @bob and @U456?'],
    ['see <#C1|general> or <#C2>', 'see #general or #C2'],
    ['<!here> <!channel> <!subteam^S1|@devs>', '@here @channel @devs'],
    ['read <https://example.com|this> and <https://x.test>', 'read this and https://x.test'],
    ['a &lt;b&gt; &amp;amp; c', 'a <b> &amp; c'],
  ])('%s -> %s', (input, expected) => {
    expect(fromSlackText(input, 'UBOT')).toBe(expected);
  });
});

describe('UserDirectory: admin status cached per user', () => {
  const silent = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => 'info', setName() {} } as unknown as Logger;
  function client(answers: Record<string, { is_admin?: boolean; is_owner?: boolean } | Error>) {
    const calls: string[] = [];
    const users = {
      info: async ({ user }: { user: string }) => {
        calls.push(user);
        const a = answers[user];
        if (a instanceof Error) throw a;
        return { ok: true, user: { id: user, name: user, ...a } };
      },
    };
    return { calls, client: { users } as unknown as WebClient };
  }

  it.each([
    ['an admin', { is_admin: true }, true],
    ['an owner', { is_owner: true }, true],
    ['a member', {}, false],
    ['a failed lookup', new Error('ratelimited'), false],
  ])('%s is a moderator: %s', async (_name, answer, expected) => {
    const { client: c } = client({ U1: answer });
    expect((await new UserDirectory(silent).lookup(c, 'U1')).isAdmin).toBe(expected);
  });

  it('asks once per TTL, again after it, and sooner after a failure', async () => {
    let now = 0;
    const dir = new UserDirectory(silent, { ttlMs: 1000, failureTtlMs: 100, now: () => now });
    const { client: c, calls } = client({ U1: { is_admin: true }, U2: new Error('boom') });
    await Promise.all([dir.lookup(c, 'U1'), dir.lookup(c, 'U1'), dir.lookup(c, 'U2')]);
    expect(calls).toEqual(['U1', 'U2']);
    now = 500;
    await dir.lookup(c, 'U1');
    await dir.lookup(c, 'U2');
    expect(calls).toEqual(['U1', 'U2', 'U2']);
    now = 1500;
    await dir.lookup(c, 'U1');
    expect(calls).toEqual(['U1', 'U2', 'U2', 'U1']);
  });

  it('forgets the oldest user beyond maxEntries', async () => {
    const dir = new UserDirectory(silent, { maxEntries: 2 });
    const { client: c, calls } = client({});
    for (const u of ['U1', 'U2', 'U3', 'U1']) await dir.lookup(c, u);
    expect(calls).toEqual(['U1', 'U2', 'U3', 'U1']);
  });
});

describe('DmChannels: one conversations.open per user', () => {
  it('reuses a known channel and forgets the oldest user beyond maxEntries', async () => {
    const opened: string[] = [];
    const c = { conversations: { open: async ({ users }: { users: string }) => (opened.push(users), { ok: true, channel: { id: `D${users}` } }) } } as unknown as WebClient;
    const dms = new DmChannels(2);
    for (const u of ['U1', 'U1', 'U2', 'U3', 'U3', 'U1']) expect(await dms.open(c, u)).toBe(`D${u}`);
    expect(opened).toEqual(['U1', 'U2', 'U3', 'U1']);
  });
});
