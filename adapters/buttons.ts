// A suggestion as a button, and the click back to its command line: one encoding for every door.
// A button's data is the door's prefix (what marks the button as devpath's) followed by the
// command line exactly as the core wrote it; the click's data minus the prefix is the line to run.
// Each door passes in its platform's prefix and length limit (Discord: `dp:` in a 100-character
// custom_id; Slack: the whole 2000-character value, its action_id marking it as ours). A line
// that does not fit, or is blank, gets no button: it is left out, never cut, because a cut or
// altered command line is another command. Buttons sent before this codec decode unchanged: they
// were made the same way.
import type { Suggestion } from '../src/reply.js';

export interface ButtonCodec {
  /** Marks a button's data as ours. */
  readonly prefix: string;
  /** The platform's limit on a button's data, prefix included. */
  readonly maxLength: number;
  /** The data a button running `line` carries, or undefined when the line is blank or would not fit. */
  encode(line: string): string | undefined;
  /** The command line a clicked button's data runs, or undefined when the button is not ours. */
  decode(data: string | undefined): string | undefined;
}

export function buttonCodec(prefix: string, maxLength: number): ButtonCodec {
  return {
    prefix,
    maxLength,
    encode(line) {
      if (!line.trim()) return undefined;
      const data = `${prefix}${line}`;
      return data.length <= maxLength ? data : undefined;
    },
    decode(data) {
      return data !== undefined && data.startsWith(prefix) ? data.slice(prefix.length) : undefined;
    },
  };
}

/** A suggestion that becomes a button, with the data the button carries. */
export interface EncodedSuggestion {
  suggestion: Suggestion;
  data: string;
}

/**
 * The suggestions that become buttons, in order: each with its encoded data; one whose line the
 * codec refuses (blank, too long) is left out, a repeat of the same line too; at most `max`.
 */
export function encodeSuggestions(suggestions: readonly Suggestion[], codec: ButtonCodec, max: number): EncodedSuggestion[] {
  const out: EncodedSuggestion[] = [];
  const seen = new Set<string>();
  for (const suggestion of suggestions) {
    if (out.length >= max) break;
    const data = codec.encode(suggestion.command);
    if (data === undefined || seen.has(data)) continue;
    seen.add(data);
    out.push({ suggestion, data });
  }
  return out;
}
