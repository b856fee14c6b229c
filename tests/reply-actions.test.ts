// Suggestions live inside the reply tree: one 'actions' node, drawn where it sits by every renderer,
// and nothing beside the card.
import { describe, expect, it } from 'vitest';
import { renderDiscord } from '../adapters/discord/render.js';
import { renderSlack } from '../adapters/slack/render.js';
import { renderTerminal } from '../adapters/terminal/render.js';
import { replyText } from '../bench/facts.js';
import { fitLines, linesOf, shorten, totalLines } from '../src/brief.js';
import { reply, suggestionsOf, withSuggestions, type Node, type Reply } from '../src/reply.js';

const src = { id: 'indeed', short: 'Indeed', title: 'Learn About Being a Back-End Developer' };
const text = (t: string): Node => ({ type: 'text', text: t });

describe('the actions node', () => {
  it('reply() puts the suggestions, each command once, in one actions node at the end of the card', () => {
    const r = reply({ title: 't', children: [text('a')], suggestions: [{ label: 'A', command: 'roadmap' }, { label: 'B', command: 'roadmap' }, { label: 'C', command: 'salary' }] });
    expect(r.card.children).toEqual([text('a'), { type: 'actions', items: [{ label: 'A', command: 'roadmap' }, { label: 'C', command: 'salary' }] }]);
    expect('suggestions' in r).toBe(false);
    expect(suggestionsOf(r)).toEqual([{ label: 'A', command: 'roadmap' }, { label: 'C', command: 'salary' }]);
  });

  it('no suggestions, no actions node', () => {
    const r = reply({ title: 't', children: [text('a')], suggestions: [] });
    expect(r.card.children).toEqual([text('a')]);
    expect(suggestionsOf(r)).toEqual([]);
  });

  it('plain text: the card, its sources, then its closing actions, as before', () => {
    const r = reply({ title: 't', children: [text('a')], sources: [src], suggestions: [{ label: 'R', command: 'roadmap' }] });
    expect(r.text).toBe('t\na\nSources: Indeed, "Learn About Being a Back-End Developer"\nTry: roadmap');
  });

  it('suggestionsOf reads every actions node in order, each command once; plain text draws each where it sits', () => {
    const r = reply({ title: 't', children: [text('a'), { type: 'actions', items: [{ label: 'R', command: 'roadmap' }] }, text('b')], suggestions: [{ label: 'R', command: 'roadmap' }, { label: 'S', command: 'salary' }] });
    expect(suggestionsOf(r).map((s) => s.command)).toEqual(['roadmap', 'salary']);
    expect(r.text).toBe('t\na\nTry: roadmap\nb\nTry: roadmap | salary');
  });

  it('withSuggestions replaces them (one node, last) and keeps the plain text in step', () => {
    const r = reply({ title: 't', children: [text('a')], sources: [src], suggestions: [{ label: 'R', command: 'roadmap' }] });
    const more = withSuggestions(r, [...suggestionsOf(r), { label: 'More', command: 'more x' }]);
    expect(more.card.children).toEqual([text('a'), { type: 'actions', items: [{ label: 'R', command: 'roadmap' }, { label: 'More', command: 'more x' }] }]);
    expect(more.text).toBe(reply({ title: 't', children: [text('a')], sources: [src], suggestions: [{ label: 'R', command: 'roadmap' }, { label: 'More', command: 'more x' }] }).text);
    const none = withSuggestions(r, []);
    expect(none.card.children).toEqual([text('a')]);
    expect(none.text).not.toContain('Try:');
    expect(suggestionsOf(r).map((s) => s.command)).toEqual(['roadmap']);
  });

  it('is not a fact (bench) and takes no lines of a short answer', () => {
    const r = reply({ title: 't', children: [text('a')], suggestions: [{ label: 'R', command: 'roadmap' }] });
    expect(replyText(r)).toBe('t\na');
    expect(linesOf(r.card.children[1]!)).toBe(0);
    expect(totalLines(r.card.children)).toBe(1);
    expect(fitLines(r.card.children)).toEqual({ shown: [text('a')], cut: false, left: [] });
  });

  it('a short answer keeps the card\'s own suggestions first and More last, in one actions node after its note', () => {
    const items = Array.from({ length: 30 }, (_, i) => `point ${i}`);
    const full = reply({ title: 't', children: [{ type: 'list', items }], suggestions: [{ label: 'R', command: 'roadmap' }] });
    const short = shorten(full, 'roadmap')!;
    expect(short.card.children.at(-2)?.type).toBe('note');
    expect(short.card.children.at(-1)).toEqual({ type: 'actions', items: [{ label: 'R', command: 'roadmap' }, { label: 'More', command: 'more roadmap' }] });
    expect(short.card.children.filter((n) => n.type === 'actions')).toHaveLength(1);
  });
});

describe('each door draws the actions where they sit', () => {
  const closing: Reply = reply({ title: 't', children: [text('a')], sources: [src], suggestions: [{ label: 'R', command: 'roadmap' }, { label: 'S', command: 'salary' }] });
  const inside: Reply = reply({
    title: 't',
    children: [text('a'), { type: 'actions', items: [{ label: 'R', command: 'roadmap' }] }, text('b')],
    sources: [src],
    suggestions: [{ label: 'R', command: 'roadmap' }, { label: 'S', command: 'salary' }],
  });

  it('terminal: numbered across the reply as suggestionsOf lists them, so a typed number runs the line shown with it', () => {
    expect(renderTerminal(closing, false)).toBe('t\na\nSources: Indeed\nTry: [1] roadmap | [2] salary');
    expect(renderTerminal(inside, false)).toBe('t\na\nTry: [1] roadmap\nb\nSources: Indeed\nTry: [2] salary');
  });

  it('Slack: an actions block where the node sits, each command once, action_ids unique in the message', () => {
    const blocks = renderSlack(inside).blocks as { type: string; elements?: { value?: string; action_id?: string }[] }[];
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'actions', 'section', 'context', 'actions']);
    const buttons = blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements!);
    expect(buttons.map((b) => b.value)).toEqual(['roadmap', 'salary']);
    expect(new Set(buttons.map((b) => b.action_id)).size).toBe(2);
    expect(renderSlack(closing).blocks.map((b) => b.type)).toEqual(['header', 'section', 'context', 'actions']);
  });

  it('Discord: buttons under the embeds, each command once; no text in the embeds', () => {
    const p = renderDiscord(inside);
    expect(p.components.flatMap((row) => row.components.map((b) => b.custom_id))).toEqual(['dp:roadmap', 'dp:salary']);
    expect(p.embeds[0]!.description).toBe('a\nb');
  });
});
