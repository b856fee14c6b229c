// The terminal's renderer: wrapping between words at the terminal's width, hanging list items,
// one compact Sources line, numbered suggestions, and no colour unless asked for.
import { describe, expect, it } from 'vitest';
import { picturePath, safeFileName } from '../adapters/terminal/pictures.js';
import { renderTerminal, wrapLine } from '../adapters/terminal/render.js';
import { reply, type Node } from '../src/reply.js';

describe('wrapLine', () => {
  it.each([
    ['short stays', 'a short line', 20, 0, ['a short line']],
    ['wraps between words', 'one two three four five six', 10, 0, ['one two', 'three four', 'five six']],
    ['hangs under its marker', '  • alpha beta gamma delta', 14, 4, ['  • alpha beta', '    gamma', '    delta']],
    ['a word longer than the line stays whole', 'see https://example.com/a/very/long/path now', 12, 0, ['see', 'https://example.com/a/very/long/path', 'now']],
  ])('%s', (_name, line, width, hang, out) => {
    expect(wrapLine(line, width, hang)).toEqual(out);
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
