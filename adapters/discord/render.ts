// Reply -> Discord message payload. Pure. Every card string is plain text, so everything taken
// from the card is escaped here: markdown cannot format, link or hide, and mentions cannot ping
// (allowedMentions parse [] is the second lock on the same door). Every Discord limit is a named
// constant below; a long answer is split on line boundaries across embeds, and what still does not
// fit is cut with an ellipsis. Nothing this returns is over a limit. A reply's pictures and files
// become attachments (discordFiles), which the door sends with the message; a picture is shown
// by an embed (`image: attachment://<name>`), with its alt text as the attachment's description.
import { suggestionsOf, type Field, type Node, type Reply, type Suggestion } from '../../src/reply.js';
import { buttonCodec, encodeSuggestions } from '../buttons.js';

export const MAX_CONTENT = 2000;
export const MAX_TITLE = 256;
export const MAX_DESCRIPTION = 4096;
export const MAX_FIELDS = 25;
export const MAX_FIELD_NAME = 256;
export const MAX_FIELD_VALUE = 1024;
export const MAX_FOOTER = 2048;
/** Sum of every embed's title, description, field names and values and footer in one message. */
export const MAX_EMBED_TOTAL = 6000;
export const MAX_EMBEDS = 10;
export const MAX_BUTTONS_PER_ROW = 5;
export const MAX_ROWS = 5;
export const MAX_CUSTOM_ID = 100;
/** The most of a file (an export) shown in a message: one description, with its fences, name and the note that it was cut. */
export const MAX_FILE_SHOWN = 3500;
export const MAX_BUTTON_LABEL = 80;
/** Files attached to one message. */
export const MAX_ATTACHMENTS = 10;
/** An attachment's description (a picture's alt text). */
export const MAX_ATTACHMENT_DESCRIPTION = 1024;
/** The largest file attached (Discord's limit for a bot without boosts is 10 MiB): a bigger one is shown inline only. */
export const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024;

/** A button's custom_id: `dp:` and the command line the button runs (the shared codec, adapters/buttons.ts). */
export const CUSTOM_ID = buttonCodec('dp:', MAX_CUSTOM_ID);
/** Message flag: only the person who asked sees it. */
export const EPHEMERAL = 64;
const ELLIPSIS = '…';
const ZWSP = '\u200b';

const COLORS = { answer: 0x2b8a3e, unanswered: 0xf08c00, error: 0xe03131 } as const;

export interface ApiEmbedField {
  name: string;
  value: string;
  inline?: boolean;
}
export interface ApiEmbed {
  title?: string;
  description?: string;
  color?: number;
  fields?: ApiEmbedField[];
  footer?: { text: string };
  /** A picture attached to the same message: `attachment://<its file name>`. */
  image?: { url: string };
}

/**
 * A file to attach to the message (the door makes an AttachmentBuilder of each): the reply's
 * pictures, shown in the embeds, and its files (an export), which the message also shows inline.
 */
export interface DiscordFile {
  name: string;
  data: Uint8Array;
  /** Alt text, for a picture. */
  description?: string;
}
export interface ApiButton {
  type: 2;
  style: 2;
  label: string;
  custom_id: string;
}
export interface ApiActionRow {
  type: 1;
  components: ApiButton[];
}
export interface DiscordPayload {
  content?: string;
  embeds: ApiEmbed[];
  components: ApiActionRow[];
  flags?: number;
  /** No pings at all, not even the author of a message the bot replies to. */
  allowedMentions: { parse: []; repliedUser: false };
}

/** Makes mentions inert: @everyone/@here get a zero-width space, and so does `<` before `@`, `#`, `:`, `/`, so no `<@id>`, `<@&id>`, `<#id>` forms. */
function neutralizeMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<(?=[@#:/!&])/g, `<${ZWSP}`);
}

const URL = /(https?:\/\/[^\s<]+[^<.,:;"')\]\s])/;

/**
 * Escapes Discord markdown and neutralises mentions, so plain text shows exactly as written:
 * `\` before each of \ * _ ~ | > # [ ] ` <, and before a line-leading `-`, `+` or `1.` (lists).
 * Bare URLs are left whole (Discord links them before it reads escapes, so an escape would break them).
 * Parentheses are left too: with [ and ] escaped they cannot make a masked link, and an escape next
 * to a URL ("(see https://x.example/guide)") would land inside the link.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    .split(URL)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/[\\*_~|>#[\]`<]/g, '\\$&')
            .replace(/(^|\n)([ \t]*)([-+])(?=[ \t])/g, '$1$2\\$3')
            .replace(/(^|\n)([ \t]*\d+)\.(?=[ \t])/g, '$1$2\\.'),
    )
    .join('');
}

/** The longest prefix length n of `text` (≥ 1) with format(text.slice(0, n) + suffix) no longer than max; 0 if none. */
function longestFit(text: string, max: number, format: (s: string) => string, suffix = ''): number {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (format(`${text.slice(0, mid).trimEnd()}${suffix}`).length <= max) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Moves a cut back to the last space when one is near, so words stay whole. */
function atWord(text: string, cut: number): number {
  if (cut >= text.length) return cut;
  const space = text.lastIndexOf(' ', cut);
  return space > cut * 0.8 ? space : cut;
}

/**
 * Fits plain text into `max` characters after formatting: when `format(text)` is too long, the text
 * is cut (at a word boundary when one is near) and ends in an ellipsis. Cutting before formatting
 * keeps escapes and emphasis markers whole.
 */
function fit(text: string, max: number, format: (s: string) => string = (s) => s): string {
  const whole = format(text);
  if (whole.length <= max) return whole;
  const cut = atWord(text, longestFit(text, max, format, ELLIPSIS));
  const out = format(`${text.slice(0, cut).trimEnd()}${ELLIPSIS}`);
  return out.length <= max ? out : ELLIPSIS.slice(0, max);
}

/** Splits plain text into pieces whose formatted form fits `max`, preferring word boundaries. */
function splitToFit(text: string, max: number, format: (s: string) => string): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest && format(rest).length > max) {
    const cut = Math.max(1, atWord(rest, longestFit(rest, max, format)));
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}

/** One displayable line of the description, built from a plain string and its formatting. */
interface Line {
  plain: string;
  format: (s: string) => string;
  /** A section heading: after fields it opens a new embed instead of continuing the last one. */
  section?: boolean;
}

const bold = (s: string) => `**${escapeMarkdown(s)}**`;
const italic = (s: string) => `*${escapeMarkdown(s)}*`;
const bullet = (s: string) => `• ${escapeMarkdown(s)}`;

/** No two backticks side by side, so a file's content cannot close its code block. */
const breakFences = (s: string) => s.replace(/`(?=`)/g, `\`${ZWSP}`);
const codeBlock = (s: string) => `\`\`\`\n${neutralizeMentions(breakFences(s))}\n\`\`\``;

/**
 * A file as Discord shows it: its name, then its content in a code block (not escaped: code is
 * shown as written), cut to MAX_FILE_SHOWN with a note saying how much is shown. The whole file
 * is attached to the message too (discordFiles).
 */
function fileLines(node: Extract<Node, { type: 'file' }>): Line[] {
  const lines: Line[] = [{ plain: node.name.replace(/\s+/g, ' '), format: bold }];
  const { content } = node;
  if (content.length <= MAX_FILE_SHOWN) return [...lines, { plain: content, format: codeBlock }];
  const nl = content.lastIndexOf('\n', MAX_FILE_SHOWN);
  let end = nl > MAX_FILE_SHOWN / 2 ? nl : MAX_FILE_SHOWN;
  const code = content.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return [
    ...lines,
    { plain: content.slice(0, end), format: codeBlock },
    {
      plain: `Cut: the first ${end} of ${content.length} characters, as much as a Discord message shows. ${attachable(node) ? 'The attached file has all of it.' : 'The terminal (devpath) shows the whole file.'}`,
      format: italic,
    },
  ];
}

function linesOf(node: Exclude<Node, { type: 'fields' }>): Line[] {
  const split = (text: string, format: (s: string) => string): Line[] =>
    text.split('\n').filter((l, i, all) => l.trim() || (i > 0 && i < all.length - 1)).map((l) => ({ plain: l, format }));
  switch (node.type) {
    case 'text':
      return split(node.text, escapeMarkdown);
    case 'section':
      return [{ plain: node.title.replace(/\s+/g, ' '), format: bold, section: true }];
    case 'list':
      return node.items.map((item) => ({ plain: item.replace(/\s+/g, ' '), format: bullet }));
    case 'note':
      return split(node.text, italic);
    case 'file':
      return fileLines(node);
    case 'image':
      // Shown as the embed's image (renderDiscord), its alt text the attachment's description.
      return [];
    case 'actions':
      // Buttons (renderButtons): Discord shows a message's buttons under its embeds, wherever they sit in the card.
      return [];
  }
}

type Attachable = Extract<Node, { type: 'file' } | { type: 'image' }>;

const bytesOf = (node: Attachable): Uint8Array => (node.type === 'image' ? node.png : Buffer.from(node.content, 'utf8'));
const attachable = (node: Attachable): boolean => (node.type === 'image' ? node.png.byteLength : Buffer.byteLength(node.content, 'utf8')) <= MAX_ATTACHMENT_BYTES;

/** A name Discord keeps as it is (it would rewrite others, and `attachment://` must match): letters, digits, `-`, `_`, `.`. */
function attachmentName(name: string, taken: Set<string>): string {
  const base = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 80) || 'file';
  let out = base;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = base.replace(/(\.[A-Za-z0-9]+)?$/, (ext) => `-${i}${ext}`);
  taken.add(out.toLowerCase());
  return out;
}

/** The reply's pictures and files that are attached, with their names: at most MAX_ATTACHMENTS, none over MAX_ATTACHMENT_BYTES. */
function attachments(reply: Reply): { node: Attachable; name: string }[] {
  const taken = new Set<string>();
  return reply.card.children
    .filter((n): n is Attachable => (n.type === 'file' || n.type === 'image') && attachable(n))
    .slice(0, MAX_ATTACHMENTS)
    .map((node) => ({ node, name: attachmentName(node.name, taken) }));
}

/** The files to attach to the message renderDiscord(reply) makes: its pictures (which its embeds show) and files. */
export function discordFiles(reply: Reply): DiscordFile[] {
  return attachments(reply).map(({ node, name }) => ({
    name,
    data: bytesOf(node),
    ...(node.type === 'image' ? { description: fit(node.alt.replace(/\s+/g, ' ').trim(), MAX_ATTACHMENT_DESCRIPTION) } : {}),
  }));
}

/** Builds embeds under every per-embed and whole-message limit. */
class EmbedWriter {
  readonly embeds: ApiEmbed[] = [];
  private lines: string[] = [];
  private current: ApiEmbed;
  private used = 0;
  private trailing: ApiEmbedField | undefined;
  truncated = false;

  constructor(title: string, color: number) {
    this.current = { color };
    const flat = title.replace(/\s+/g, ' ').trim();
    if (flat) {
      this.current.title = fit(flat, MAX_TITLE, escapeMarkdown);
      this.used = this.current.title.length;
    }
  }

  /** Characters still free in the whole message, keeping room for the footer and an ellipsis. */
  private left(reserve: number): number {
    return MAX_EMBED_TOTAL - this.used - reserve;
  }

  private descriptionLength(): number {
    return this.lines.length ? this.lines.join('\n').length : 0;
  }

  private flushDescription(): void {
    if (this.lines.length) this.current.description = this.lines.join('\n');
    this.lines = [];
  }

  /** Starts a continuation embed (no title); false when the message has no room for one. */
  private next(): boolean {
    this.flushDescription();
    if (this.embeds.length + 2 > MAX_EMBEDS) return false;
    this.embeds.push(this.current);
    this.current = { color: this.current.color };
    return true;
  }

  addLine(line: Line, reserve: number): boolean {
    if (this.truncated) return false;
    // An embed shows its description above its fields, so to keep the card's order, text after
    // fields goes into untitled fields below them, and a new section opens a new embed.
    if (this.current.fields?.length) {
      if (!line.section) return this.addTrailing(line, reserve);
      if (!this.next()) return this.stop();
    }
    for (const piece of splitToFit(line.plain, MAX_DESCRIPTION, line.format)) {
      const text = line.format(piece);
      const sep = this.lines.length ? 1 : 0;
      if (this.descriptionLength() + sep + text.length > MAX_DESCRIPTION && !this.next()) return this.stop();
      const sep2 = this.lines.length ? 1 : 0;
      if (text.length + sep2 > this.left(reserve)) {
        const room = this.left(reserve) - sep2;
        if (room > 20) {
          const cut = fit(piece, room, line.format);
          this.lines.push(cut);
          this.used += cut.length + sep2;
        }
        return this.stop();
      }
      this.lines.push(text);
      this.used += text.length + sep2;
    }
    return true;
  }

  /** Text after fields: appended to an untitled field (a new one when full). */
  private addTrailing(line: Line, reserve: number): boolean {
    const pieces = splitToFit(line.plain, MAX_FIELD_VALUE, line.format);
    for (let i = 0; i < pieces.length; i++) {
      const text = line.format(pieces[i]!);
      const fields = this.current.fields!;
      const last = fields[fields.length - 1];
      if (last && last === this.trailing && last.value.length + 1 + text.length <= MAX_FIELD_VALUE) {
        if (text.length + 1 > this.left(reserve)) return this.stop();
        last.value += `\n${text}`;
        this.used += text.length + 1;
        continue;
      }
      if (fields.length >= MAX_FIELDS) {
        if (!this.next()) return this.stop();
        return this.addLine({ ...line, plain: pieces.slice(i).join(' ') }, reserve);
      }
      if (text.length + ZWSP.length > this.left(reserve)) return this.stop();
      this.trailing = { name: ZWSP, value: text, inline: false };
      fields.push(this.trailing);
      this.used += text.length + ZWSP.length;
    }
    return true;
  }

  addField(field: Field, inline: boolean, reserve: number): boolean {
    if (this.truncated) return false;
    if ((this.current.fields?.length ?? 0) >= MAX_FIELDS && !this.next()) return this.stop();
    const name = fit(field.label.replace(/\s+/g, ' ').trim() || ZWSP, MAX_FIELD_NAME, escapeMarkdown);
    const value = fit(field.value.trim() || ZWSP, MAX_FIELD_VALUE, escapeMarkdown);
    if (name.length + value.length > this.left(reserve)) {
      const room = this.left(reserve) - name.length;
      if (room > 20) {
        const cut = fit(field.value, room, escapeMarkdown);
        (this.current.fields ??= []).push({ name, value: cut, inline: false });
        this.used += name.length + cut.length;
      }
      return this.stop();
    }
    (this.current.fields ??= []).push({ name, value, inline });
    this.used += name.length + value.length;
    return true;
  }

  private stop(): false {
    this.truncated = true;
    return false;
  }

  finish(footer: string | undefined): ApiEmbed[] {
    if (this.truncated) {
      // Say so, in the room the reserve kept free.
      const fields = this.current.fields;
      const last = fields?.[fields.length - 1];
      if (this.lines.length) {
        if (this.descriptionLength() + 1 + ELLIPSIS.length > MAX_DESCRIPTION) this.lines.pop();
        this.lines.push(ELLIPSIS);
      } else if (last) {
        if (!last.value.endsWith(ELLIPSIS) && last.value.length < MAX_FIELD_VALUE) last.value += ELLIPSIS;
      } else {
        this.lines.push(ELLIPSIS);
      }
    }
    this.flushDescription();
    if (footer) this.current.footer = { text: footer };
    if (!this.current.title && !this.current.description && !this.current.fields?.length && !this.current.footer) {
      this.current.description = ELLIPSIS;
    }
    this.embeds.push(this.current);
    return this.embeds;
  }
}

function footerText(reply: Reply): string | undefined {
  if (!reply.sources.length) return undefined;
  const names = reply.sources.map((s) => (s.title && s.title !== s.short ? `${s.short}: "${s.title}"` : s.short));
  return fit(`Sources: ${names.join(' · ')}`.replace(/\s+/g, ' '), MAX_FOOTER, neutralizeMentions);
}

/** A custom_id that runs `command`, or undefined when it would not fit (never cut: a cut command is another command). */
export const customIdFor = (command: string): string | undefined => CUSTOM_ID.encode(command);

/** The command line a button's custom_id runs, or undefined if it is not one of ours. */
export const commandFromCustomId = (customId: string): string | undefined => CUSTOM_ID.decode(customId);

/** Suggestions as grey buttons, at most 5 a row and 5 rows; duplicates and over-long commands are left out. */
function renderButtons(suggestions: readonly Suggestion[]): ApiActionRow[] {
  const buttons: ApiButton[] = encodeSuggestions(suggestions, CUSTOM_ID, MAX_BUTTONS_PER_ROW * MAX_ROWS).map(({ suggestion: s, data }) => ({
    type: 2,
    style: 2,
    label: fit((s.label || s.command).replace(/\s+/g, ' ').trim() || s.command, MAX_BUTTON_LABEL, neutralizeMentions),
    custom_id: data,
  }));
  const rows: ApiActionRow[] = [];
  for (let i = 0; i < buttons.length; i += MAX_BUTTONS_PER_ROW) {
    rows.push({ type: 1, components: buttons.slice(i, i + MAX_BUTTONS_PER_ROW) });
  }
  return rows;
}

/** Short fields (a label and a number, say) sit side by side; anything longer gets a full line. */
const isInline = (fields: Field[]) => fields.length > 1 && fields.every((f) => f.value.length <= 30 && f.label.length <= 30 && !f.value.includes('\n'));

export function renderDiscord(reply: Reply): DiscordPayload {
  const color = reply.error ? COLORS.error : reply.answered ? COLORS.answer : COLORS.unanswered;
  const footer = footerText(reply);
  const reserve = (footer?.length ?? 0) + 2;
  const writer = new EmbedWriter(reply.card.title, color);
  for (const node of reply.card.children) {
    if (node.type === 'image') continue;
    if (node.type === 'fields') {
      const inline = isInline(node.fields);
      for (const field of node.fields) if (!writer.addField(field, inline, reserve)) break;
    } else {
      for (const line of linesOf(node)) if (!writer.addLine(line, reserve)) break;
    }
    if (writer.truncated) break;
  }
  const embeds = writer.finish(footer);
  // Pictures after the text, as in the card: the last embed shows the first, new embeds any others.
  for (const { node, name } of attachments(reply)) {
    if (node.type !== 'image') continue;
    const last = embeds[embeds.length - 1]!;
    if (!last.image) last.image = { url: `attachment://${name}` };
    else if (embeds.length < MAX_EMBEDS) embeds.push({ color, image: { url: `attachment://${name}` } });
  }
  const payload: DiscordPayload = {
    embeds,
    components: renderButtons(suggestionsOf(reply)),
    allowedMentions: { parse: [], repliedUser: false },
  };
  if (reply.ephemeral) payload.flags = EPHEMERAL;
  return payload;
}

/** Characters counted against MAX_EMBED_TOTAL, as Discord counts them. */
export function embedChars(embeds: readonly ApiEmbed[]): number {
  return embeds.reduce(
    (n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.fields ?? []).reduce((m, f) => m + f.name.length + f.value.length, 0),
    0,
  );
}
