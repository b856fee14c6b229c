// The terminal's renderer: wrapping between words at the terminal's width, hanging list items,
// one compact Sources line, numbered suggestions, and no colour unless asked for.
import { describe, expect, it } from 'vitest';
import { picturePath, safeFileName } from '../adapters/terminal/pictures.js';
import { renderTerminal } from '../adapters/terminal/render.js';
import { reply, type Node } from '../src/reply.js';
import { displayWidth, wrapLine } from '../src/width.js';

describe('wrapLine', () => {
  it.each([
    ['short stays', 'a short line', 20, 0, ['a short line']],
    ['wraps between words', 'one two three four five six', 10, 0, ['one two', 'three four', 'five six']],
    ['hangs under its marker', '  • alpha beta gamma delta', 14, 4, ['  • alpha beta', '    gamma', '    delta']],
    ['a word wider than a line is cut at the width', 'see https://example.com/a/very/long/path now', 12, 0, ['see https://', 'example.com/', 'a/very/long/', 'path now']],
    ['a cut word hangs under its marker too', '  • https://example.com/abcdef', 12, 4, ['  • https://', '    example.', '    com/abcd', '    ef']],
    ['CJK counts 2 columns a character, and is cut between characters', '中文字符测试内容', 10, 0, ['中文字符测', '试内容']],
    ['an emoji counts 2 columns, with its joiners and selectors', 'ok 👩‍💻 ❤️ 🇫🇷 go', 9, 0, ['ok 👩‍💻 ❤️', '🇫🇷 go']],
    ['combining marks and zero-width characters count nothing', 'cafe\u0301 x\u200b y', 8, 0, ['cafe\u0301 x\u200b y']],
  ])('%s', (_name, line, width, hang, out) => {
    expect(wrapLine(line, width, hang)).toEqual(out);
  });
});

describe('displayWidth', () => {
  it.each([
    ['ascii', 'hello', 5],
    ['Chinese', '你好，世界', 10],
    ['Japanese kana and Korean', 'かなハングル한국어', 18],
    ['fullwidth forms', 'ＡＢ！', 6],
    ['emoji, a ZWJ sequence, a flag, a keycap', '😀👩‍💻🇯🇵1️⃣', 8],
    ['a pictograph with VS16 is an emoji; without it, text', '❤️ ©', 4],
    ['combining marks, ZWJ, variation selectors, zero-width space', 'e\u0301\u200d\ufe0f\u200b', 1],
  ])('%s', (_name, text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});

describe('renderTerminal: display width', () => {
  const url = `https://example.com/${'a'.repeat(100)}`;
  const wide = reply({
    title: '后端开发者的职业道路 🚀',
    children: [
      { type: 'text', text: '后端开发者负责服务器、应用程序代码和数据库，这是一个需要不断学习新技术并且耐心解决问题的职业，很多人从自学或培训班开始。' },
      { type: 'text', text: '🎉 Congrats! 🚀🚀 You finished step 3 👩‍💻 of the roadmap ✅ — keep going 💪💪💪 and celebrate 🎂🎈🎁 with friends 👨‍👩‍👧‍👦 today!' },
      { type: 'list', items: [`Read ${url} before you start`, '数据库：学习 SQL 和 NoSQL，了解索引、事务和备份，以及如何让查询变快。'] },
      { type: 'fields', fields: [{ label: 'Link', value: url }] },
    ],
  });

  it.each([80, 40, 57])('no line is wider than %i columns, CJK and emoji at 2, a 120-character URL cut', (columns) => {
    expect(url).toHaveLength(120);
    const out = renderTerminal(wide, false, columns);
    for (const line of out.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
    // Nothing is lost: the text is all there, only cut into lines.
    const squeezed = out.replace(/\n\s*/g, '');
    expect(squeezed).toContain(url);
    expect(squeezed).toContain('很多人从自学或培训班开始。');
  });

  it('a Chinese sentence under 80 characters is still wider than 80 columns, so it is wrapped', () => {
    const chinese = wide.card.children[0]!.type === 'text' ? wide.card.children[0]!.text : '';
    expect(chinese.length).toBeLessThanOrEqual(80);
    expect(displayWidth(chinese)).toBeGreaterThan(80);
    expect(renderTerminal(wide, false, 80).split('\n').filter((l) => /[\u4e00-\u9fff]/.test(l)).length).toBeGreaterThan(3);
  });
});

describe('renderTerminal', () => {
  const r = reply({
    title: 'Back-End Developer salary',
    children: [{ type: 'list', items: ['Entry-level salary for backend developers: around $61,042 a year (PayScale, cited by Career Karma)'] }],
    sources: [
      { id: 'indeed', short: 'Indeed', title: 'Learn About Being a Back-End Developer' },
      { id: 'career-karma', short: 'Career Karma', title: 'How to Become a Back End Developer' },
    ],
    suggestions: [
      { label: 'Entry', command: 'salary entry' },
      { label: 'Roadmap', command: 'roadmap' },
    ],
  });

  it('fits the width given, with one compact Sources line and numbered suggestions', () => {
    const out = renderTerminal(r, false, 50);
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(50);
    expect(out).toContain('Sources: Indeed; Career Karma');
    expect(out).not.toContain('Learn About Being');
    expect(out).toContain('Try: [1] salary entry | [2] roadmap');
    expect(out).not.toMatch(/\u001b\[/);
  });

  it('leaves the suggestions of a numbered list unnumbered (a number typed next picks an item of the list)', () => {
    const out = renderTerminal({ ...r, numbered: true }, false, 80);
    expect(out).toContain('Try: salary entry | roadmap');
    expect(out).not.toContain('[1]');
  });

  it('colours only when asked, and never lets card text repaint the screen', () => {
    const hostile = reply({ title: 'x\u001b[2Jcleared', children: [{ type: 'text', text: 'a\u001b]0;title\u0007b' }] });
    const out = renderTerminal(hostile, true, 80);
    expect(out).toMatch(/\u001b\[1m/);
    expect(out).not.toMatch(/\u001b\[2J|\u001b\]0;/);
  });
});

describe('renderTerminal: a file (an export)', () => {
  it('prints the content whole and unwrapped in a fenced block, escapes stripped', () => {
    const content = `{"format":"devpath-export","text":"${'word\\u0020'.repeat(40)}"}\nsecond line \u001b[31mred`;
    const out = renderTerminal(reply({ title: 'Your export (json)', children: [{ type: 'file', name: 'devpath-export.json', mime: 'application/json', content }] }), false, 50);
    expect(out).toContain('devpath-export.json:\n```\n');
    expect(out).toContain(content.split('\n')[0]);
    expect(out).toContain('second line red\n```');
    expect(out).not.toMatch(/\u001b/);
  });

  it('a fence longer than any run of backticks in the content', () => {
    const out = renderTerminal(reply({ title: 't', children: [{ type: 'file', name: 'a.md', mime: 'text/markdown', content: 'a ```` b' }] }), false);
    expect(out).toContain('`````\na ```` b\n`````');
  });
});

describe('renderTerminal: a picture', () => {
  const picture: Node = { type: 'image', name: 'progress-local-ana.png', alt: 'Roadmap progress of ana: 2 of 12 steps done \u001b[31mred', width: 800, height: 400, png: new Uint8Array([1]) };
  const r = reply({ title: 'Your progress', children: [picture] });

  it('saved: its alt text, then the path of its file on a line of its own', () => {
    const out = renderTerminal(r, false, 80, new Map([[picture, { path: '/data/cards/progress-local-ana.png' }]]));
    expect(out).toContain('Picture: Roadmap progress of ana: 2 of 12 steps done red');
    expect(out.split('\n')).toContain('Saved as /data/cards/progress-local-ana.png');
  });

  it('not saved: the alt text, and why', () => {
    expect(renderTerminal(r, false, 80)).toContain('[picture: Roadmap progress of ana: 2 of 12 steps done red]');
    expect(renderTerminal(r, false, 80, new Map([[picture, { error: 'EROFS' }]]))).toContain('(not saved: EROFS)');
  });

  it('a picture file is always written inside DATA_DIR/cards, under a safe name', () => {
    expect(safeFileName('progress-local-ana.png')).toBe('progress-local-ana.png');
    expect(safeFileName('../../etc/passwd')).toBe('passwd.png');
    expect(safeFileName('..')).toBe('picture.png');
    expect(safeFileName('a b\u0000c.png')).toBe('a_b_c.png');
    for (const name of ['../../x.png', '/etc/x.png', '..\\..\\x.png', '.png', 'cards/../../x.png']) {
      expect(picturePath('/srv/data', name).startsWith('/srv/data/cards/')).toBe(true);
    }
  });
});
