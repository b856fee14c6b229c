// When @napi-rs/canvas cannot load (no binary for this platform, a broken install), progress and
// group answers still come, whole, without their picture, and the log says why, once.
import { describe, expect, it, vi } from 'vitest';
import { Bot } from '../src/bot.js';
import type { Context } from '../src/command.js';
import { createLog, useLog } from '../src/log.js';

vi.mock('@napi-rs/canvas', () => {
  throw new Error('Cannot find native binding (a test stands in for a missing binary)');
});

const ana: Context = { platform: 'terminal', userId: 'local:ana', userName: 'ana', isModerator: true, communityId: 'local', operator: true };

describe('without @napi-rs/canvas', () => {
  it('progress and group answer without a picture, and one warning is logged', async () => {
    const lines: string[] = [];
    useLog(createLog('info', { write: (line: string) => void lines.push(line) }));
    try {
      const bot = new Bot();
      await bot.dispatchText('done 1', ana);
      const progress = await bot.dispatchText('progress', ana);
      expect(progress.card.title).toBe('Your progress');
      expect(progress.text).toContain('1/12 steps');
      expect(progress.card.children.some((n) => n.type === 'image')).toBe(false);
      expect(progress.text).not.toContain('[picture:');
      await bot.dispatchText('group create nocanvas-club', ana);
      const board = await bot.dispatchText('group nocanvas-club', ana);
      expect(board.text).toContain('ana: 1/12 steps');
      expect(board.card.children.some((n) => n.type === 'image')).toBe(false);
      const warnings = lines.map((l) => JSON.parse(l) as { level: number; msg: string; err?: { message: string } }).filter((l) => l.level === 40);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.msg).toMatch(/pictures are off/);
      expect(warnings[0]!.err?.message).toMatch(/native binding/);
    } finally {
      useLog(createLog('silent'));
    }
  });
});
