// Reply -> Slack Block Kit, and the App Home view. Pure functions: no Bolt, no network.
//
// Every string in a card is plain text (see src/reply.ts), so everything that reaches Slack is
// escaped here: `&`, `<` and `>` become entities (no `<!channel>`, `<@U123>` or `<http://x|link>`
// can be injected), a bare `@channel`, `@here` or `@everyone` gets a zero-width space after the
// `@`, every mrkdwn text object is verbatim (no auto-parsed mentions or links), and the mrkdwn
// formatting characters `* _ ~ \`` get a zero-width space where
// they could open or close formatting, so a typed "*urgent*" stays literal. Slack's limits are the
// named constants below; every cut is made on a character boundary (never inside an entity or a
// surrogate pair) and marked with "…".
import type { types as slack } from '@slack/bolt';
import type { CommandSpec } from '../../src/command.js';
import { closingActionsAt, type Node, type Reply, type Suggestion } from '../../src/reply.js';
import { buttonCodec, encodeSuggestions } from '../buttons.js';

/** Blocks in one message. */
export const MAX_BLOCKS = 50;
/** Blocks in a Home tab view. */
export const MAX_HOME_BLOCKS = 100;
/** A header block's plain_text. */
export const HEADER_MAX = 150;
/** A section block's text. */
export const SECTION_TEXT_MAX = 3000;
/** Fields in one section block. */
export const FIELDS_PER_SECTION = 10;
/** One field's text. */
export const FIELD_TEXT_MAX = 2000;
/** One context element's text (Slack allows 3000 for a text object; a context line is small print). */
export const CONTEXT_TEXT_MAX = 2000;
/** Elements in one context block. */
export const CONTEXT_ELEMENTS_MAX = 10;
/** Elements in one actions block. */
export const ACTIONS_MAX = 25;
/** A button's label. */
export const BUTTON_TEXT_MAX = 75;
/** A button's value (the command line it runs). */
export const BUTTON_VALUE_MAX = 2000;
/** An action_id. */
export const ACTION_ID_MAX = 255;
/** Section blocks a file (an export) may fill in one message; beyond them it is cut, with a note. */
export const MAX_FILE_BLOCKS = 10;
/** A message's top-level text (the fallback, used for notifications and by clients without blocks). */
export const MESSAGE_TEXT_MAX = 40_000;
/** An uploaded picture's alt text (files.getUploadURLExternal's alt_text). */
export const UPLOAD_ALT_MAX = 1000;
/** An uploaded file's name and title. */
export const UPLOAD_NAME_MAX = 100;

/** Every button this adapter renders has an action_id starting with this; listeners match it. */
export const RUN_ACTION_PREFIX = 'devpath_run';
export const RUN_ACTION_PATTERN = new RegExp(`^${RUN_ACTION_PREFIX}`);
/**
 * A button's value: the command line it runs, whole (the shared codec, adapters/buttons.ts). No
 * prefix: the action_id already marks the button as ours, and the values sent so far are bare lines.
 */
export const BUTTON_VALUE = buttonCodec('', BUTTON_VALUE_MAX);

export type Block = slack.KnownBlock;

export interface SlackMessage {
  /** The fallback: always set, mrkdwn-escaped. */
  text: string;
  blocks: Block[];
}

/**
 * Where the door uploads the reply's pictures and files (files.uploadV2; Slack shows no picture
 * inside a message without a public URL): `here`, the conversation the message goes to; `dm`,
 * the asker's direct messages with the bot (an ephemeral message cannot carry a file, and an
 * export is private). The message says where they went.
 */
export type UploadPlace = 'here' | 'dm';

export interface RenderOptions {
  /** Where the reply's uploads go; unset, nothing is uploaded. */
  uploads?: UploadPlace | undefined;
}

/** A picture or file of a reply, as files.uploadV2 takes it. */
export interface SlackUpload {
  filename: string;
  title: string;
  data: Buffer;
  /** A picture's alt text. */
  altText?: string;
}

const IN_DM = 'in your direct messages with devpath';

// ---------------------------------------------------------------------------------------------
// Escaping and cutting

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ZWSP = '\u200B';

/** `&`, `<`, `>` as entities and bare broadcast mentions broken: what every Slack text field needs. */
export function escapeText(text: string): string {
  return neutralizeMentions(text.replace(/[&<>]/g, (c) => ENTITIES[c]!));
}

/**
 * A zero-width space after the `@` of a bare `@channel`, `@here` or `@everyone` (typed in a tip,
 * or made from `<!channel>` by fromSlackText), so it can never be read as a broadcast ping.
 */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(channel|here|everyone)/gi, `@${ZWSP}$1`);
}

/**
 * Escapes plain text for a mrkdwn field: entities, plus zero-width spaces around each of
 * `* _ ~ \`` unless it sits between two letters or digits. Slack only reads these characters as
 * formatting at a word edge, so `snake_case` and `2*3` are left alone while a typed "*urgent*"
 * or "~gone~" stays literal.
 */
export function escapeMrkdwn(text: string): string {
  return escapeText(text).replace(/(?<![\p{L}\p{N}])[*_~`]|[*_~`](?![\p{L}\p{N}])/gu, (c) => `${ZWSP}${c}${ZWSP}`);
}

/**
 * Cuts an already-escaped string to at most `max` UTF-16 units (Slack counts those), ending with
 * "…", never inside an `&amp;`-style entity or a surrogate pair.
 */
export function cut(escaped: string, max: number): string {
  if (escaped.length <= max) return escaped;
  return `${escaped.slice(0, safeEnd(escaped, Math.max(0, max - 1)))}…`;
}

/**
 * `end`, moved back when `escaped.slice(0, end)` would stop inside an `&amp;`-style entity or
 * between the two halves of a surrogate pair: where cut and splitText may end a piece.
 */
function safeEnd(escaped: string, end: number): number {
  const amp = escaped.lastIndexOf('&', end - 1);
  if (amp !== -1 && amp >= end - 4 && escaped.indexOf(';', amp) >= end) end = amp;
  const code = escaped.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

/** Splits escaped mrkdwn into pieces of at most `max`, at a line break, else a space, else anywhere safe. */
export function splitText(escaped: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = escaped;
  while (rest.length > max) {
    let at = rest.lastIndexOf('\n', max);
    if (at < max / 2) at = rest.lastIndexOf(' ', max);
    if (at < max / 2) {
      at = safeEnd(rest, max);
      pieces.push(rest.slice(0, at));
      rest = rest.slice(at);
    } else {
      pieces.push(rest.slice(0, at));
      rest = rest.slice(at + 1);
    }
  }
  pieces.push(rest);
  return pieces.filter((p) => p.trim().length > 0);
}

const plain = (text: string, max: number): slack.PlainTextElement => ({ type: 'plain_text', text: cut(escapeText(text), max) || ' ', emoji: false });
/** verbatim: Slack must not auto-link or resolve mentions in text it did not write. */
const mrkdwn = (escaped: string): slack.MrkdwnElement => ({ type: 'mrkdwn', text: escaped, verbatim: true });

// ---------------------------------------------------------------------------------------------
// Reply -> blocks

/**
 * A file as Slack shows it: its name, then its content in code blocks (entities and broadcast
 * mentions escaped, no two backticks side by side), at most MAX_FILE_BLOCKS sections, then a note
 * when it was cut. No upload.
 */
function fileBlocks(node: Extract<Node, { type: 'file' }>, uploads: UploadPlace | undefined): Block[] {
  const fence = '```';
  const escaped = escapeText(node.content).replace(/`(?=`)/g, `\`${ZWSP}`);
  const pieces = splitText(escaped, SECTION_TEXT_MAX - 2 * fence.length - 2);
  const shown = pieces.slice(0, MAX_FILE_BLOCKS);
  const blocks: Block[] = [
    { type: 'section', text: mrkdwn(cut(`*${escapeMrkdwn(node.name)}*`, SECTION_TEXT_MAX)) },
    ...shown.map((p): Block => ({ type: 'section', text: mrkdwn(`${fence}\n${p}\n${fence}`) })),
  ];
  const whole = uploads === 'dm' ? `The whole file is ${IN_DM}.` : uploads === 'here' ? 'The whole file follows as a file.' : 'The terminal (devpath) shows the whole file.';
  if (pieces.length > shown.length) {
    blocks.push({ type: 'context', elements: [mrkdwn(escapeMrkdwn(`Cut: ${shown.length} of ${pieces.length} parts shown, as much as a Slack message holds. ${whole}`))] });
  } else if (uploads) {
    blocks.push({ type: 'context', elements: [mrkdwn(cut(escapeMrkdwn(uploads === 'dm' ? `I have also sent you ${node.name} as a file, ${IN_DM}.` : `${node.name} follows as a file.`), CONTEXT_TEXT_MAX))] });
  }
  return blocks;
}

/** A picture as the message shows it: a line with its alt text, and where the picture is. */
function imageBlock(node: Extract<Node, { type: 'image' }>, uploads: UploadPlace | undefined): Block {
  const lead = uploads === 'dm' ? `Picture, ${IN_DM}: ` : 'Picture: ';
  return { type: 'context', elements: [mrkdwn(cut(escapeMrkdwn(`${lead}${node.alt}`), CONTEXT_TEXT_MAX))] };
}

/** A name Slack shows as it is: letters, digits, `-`, `_`, `.`. */
const uploadName = (name: string): string => name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, UPLOAD_NAME_MAX) || 'file';

/** The reply's pictures and files, to upload where its message says (RenderOptions.uploads). */
export function slackUploads(reply: Reply): SlackUpload[] {
  const out: SlackUpload[] = [];
  for (const node of reply.card.children) {
    if (node.type === 'image') {
      const filename = uploadName(node.name);
      out.push({ filename, title: filename, data: Buffer.from(node.png.buffer, node.png.byteOffset, node.png.byteLength), altText: cut(node.alt.replace(/\s+/g, ' ').trim(), UPLOAD_ALT_MAX) });
    } else if (node.type === 'file') {
      const filename = uploadName(node.name);
      out.push({ filename, title: filename, data: Buffer.from(node.content, 'utf8') });
    }
  }
  return out;
}

function lineFor(node: Exclude<Node, { type: 'fields' } | { type: 'note' } | { type: 'file' } | { type: 'image' } | { type: 'actions' }>): string {
  switch (node.type) {
    case 'text':
      return escapeMrkdwn(node.text);
    case 'section':
      return `*${escapeMrkdwn(node.title)}*`;
    case 'list':
      return node.items.map((i) => `• ${escapeMrkdwn(i)}`).join('\n');
  }
}

function fieldBlocks(fields: { label: string; value: string }[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < fields.length; i += FIELDS_PER_SECTION) {
    const chunk = fields.slice(i, i + FIELDS_PER_SECTION);
    out.push({
      type: 'section',
      fields: chunk.map((f) => mrkdwn(cut(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`, FIELD_TEXT_MAX))),
    });
  }
  return out;
}

function bodyBlocks(children: Node[], uploads: UploadPlace | undefined, buttons: MessageButtons): Block[] {
  const blocks: Block[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (!lines.length) return;
    for (const piece of splitText(lines.join('\n'), SECTION_TEXT_MAX)) blocks.push({ type: 'section', text: mrkdwn(piece) });
    lines = [];
  };
  for (const node of children) {
    if (node.type === 'fields') {
      flush();
      if (node.fields.length) blocks.push(...fieldBlocks(node.fields));
    } else if (node.type === 'file') {
      flush();
      blocks.push(...fileBlocks(node, uploads));
    } else if (node.type === 'image') {
      flush();
      blocks.push(imageBlock(node, uploads));
    } else if (node.type === 'actions') {
      flush();
      const elements = buttons(node.items);
      if (elements.length) blocks.push({ type: 'actions', elements });
    } else if (node.type === 'note') {
      flush();
      if (node.text.trim()) blocks.push({ type: 'context', elements: [mrkdwn(cut(escapeMrkdwn(node.text), CONTEXT_TEXT_MAX))] });
    } else {
      const line = lineFor(node);
      if (line.trim()) lines.push(line);
    }
  }
  flush();
  return blocks;
}

function sourcesBlock(reply: Reply): Block | undefined {
  if (!reply.sources.length) return undefined;
  const list = reply.sources.map((s) => `${escapeMrkdwn(s.short)}, “${escapeMrkdwn(s.title)}”`).join('; ');
  return { type: 'context', elements: [mrkdwn(cut(`Sources: ${list}`, CONTEXT_TEXT_MAX))] };
}

/**
 * Buttons for the suggestions; a command too long to carry whole is dropped, never truncated, and a
 * repeat is dropped. Their action_ids are numbered from `first`.
 */
export function suggestionButtons(suggestions: readonly Suggestion[], first = 0): slack.Button[] {
  return encodeSuggestions(suggestions, BUTTON_VALUE, ACTIONS_MAX).map(({ suggestion: s, data }, i) => ({
    type: 'button',
    text: plain(s.label || s.command, BUTTON_TEXT_MAX),
    value: data,
    // Far inside ACTION_ID_MAX.
    action_id: `${RUN_ACTION_PREFIX}_${first + i}`,
  }));
}

/** The buttons of one actions node, given in the message's order: each command once in the message, action_ids unique in it. */
type MessageButtons = (items: readonly Suggestion[]) => slack.Button[];

function messageButtons(): MessageButtons {
  const offered = new Set<string>();
  return (items) => {
    const elements = suggestionButtons(items.filter((s) => !offered.has(s.command)), offered.size);
    for (const b of elements) offered.add(b.value!);
    return elements;
  };
}

const TRUNCATED_NOTE: Block = { type: 'context', elements: [mrkdwn('… (the answer was too long for one Slack message and was shortened)')] };

/**
 * Reply -> `{ text, blocks }` for chat.postMessage, respond(), or a slash command's ack body.
 * `options.uploads` says where the door uploads the reply's pictures and files (slackUploads), so
 * the message can say where they are.
 */
export function renderSlack(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const header: Block = { type: 'header', text: plain(reply.card.title || 'devpath', HEADER_MAX) };
  // Blocks in the card's order; the sources line closes its content, before its closing actions.
  const buttons = messageButtons();
  const at = closingActionsAt(reply.card.children);
  let body = bodyBlocks(reply.card.children.slice(0, at), options.uploads, buttons);
  const tail = [sourcesBlock(reply), ...bodyBlocks(reply.card.children.slice(at), options.uploads, buttons)].filter((b): b is Block => b !== undefined);
  if (1 + body.length + tail.length > MAX_BLOCKS) {
    body = [...body.slice(0, MAX_BLOCKS - 1 - tail.length - 1), TRUNCATED_NOTE];
  }
  const fallback = reply.text.trim() || reply.card.title.trim() || 'devpath';
  return { text: cut(escapeMrkdwn(fallback), MESSAGE_TEXT_MAX), blocks: [header, ...body, ...tail] };
}

// ---------------------------------------------------------------------------------------------
// App Home

/** The commands that get a button of their own on the Home tab (the first example of each). */
export const HOME_BUTTON_COMMANDS = ['help', 'salary', 'roadmap', 'learn', 'role', 'interview', 'sources'];

/** The Home tab: what the bot can do, from the command specs, with a button per main command. */
export function renderHome(commands: readonly CommandSpec[]): slack.HomeView {
  const blocks: Block[] = [
    { type: 'header', text: plain('devpath: your guide to becoming a back-end developer', HEADER_MAX) },
    {
      type: 'section',
      text: mrkdwn(
        escapeMrkdwn('Ask me about the career in plain words (mention me in a channel or write to me here in Messages), or use /devpath <command>. Every answer names the articles it comes from.'),
      ),
    },
  ];
  const main = HOME_BUTTON_COMMANDS.map((name) => commands.find((c) => c.name === name)).filter((c): c is CommandSpec => c !== undefined);
  const buttons = suggestionButtons(main.map((c) => ({ label: c.name, command: c.examples[0] ?? c.name })));
  if (buttons.length) blocks.push({ type: 'actions', elements: buttons });
  blocks.push({ type: 'divider' });
  for (const spec of commands) {
    if (blocks.length >= MAX_HOME_BLOCKS - 1) break;
    const names = [spec.name, ...(spec.subcommands ?? []).map((s) => `${spec.name} ${s.name}`)];
    blocks.push({ type: 'section', text: mrkdwn(cut(`*${escapeMrkdwn(names.join(', '))}*\n${escapeMrkdwn(spec.description)}`, SECTION_TEXT_MAX)) });
    const examples = [...spec.examples, ...(spec.subcommands ?? []).flatMap((s) => s.examples)].slice(0, 3);
    if (examples.length) {
      blocks.push({ type: 'context', elements: [mrkdwn(cut(`Try: ${examples.map((e) => `/devpath ${escapeMrkdwn(e)}`).join('  ·  ')}`, CONTEXT_TEXT_MAX))] });
    }
  }
  return { type: 'home', blocks: blocks.slice(0, MAX_HOME_BLOCKS) };
}
