// How many columns text takes in a terminal (its display width), as opposed to its length in
// UTF-16 code units. A terminal shows East Asian Wide and Fullwidth characters (Chinese, Japanese,
// Korean) and emoji in 2 columns each, and combining marks, zero-width joiners and variation
// selectors in none. No width package is installed, so this is a small version of what
// `string-width` does: the text is cut into grapheme clusters (what a reader sees as one
// character: "é" as e + accent, 👩‍💻 as three code points joined), and each cluster is 0, 1 or 2
// columns wide. Used to wrap the terminal's lines (adapters/terminal/render.ts) and to count a
// reply's lines (brief.ts), so the two agree.

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Printable ASCII only: one column a character, the common case, measured without segmenting. */
const ASCII = /^[\x20-\x7e]*$/;

/**
 * A cluster shown as an emoji, 2 columns: a character that is an emoji by default (😀, ⌚), a
 * pictograph asked to look like one (❤ followed by U+FE0F), a keycap (1️⃣) or a flag (two
 * regional indicators). A pictograph without U+FE0F that is text by default (©, ☺) is 1 column.
 */
const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\uFE0F?\u20E3|\p{Regional_Indicator}/u;

/**
 * A cluster that takes no column: combining marks with no character to sit on, zero-width spaces
 * and joiners, variation selectors and other invisible format characters, and control characters.
 */
const ZERO = /^[\p{M}\p{Default_Ignorable_Code_Point}\p{Cc}]+$/u;

/**
 * East Asian Wide (W) and Fullwidth (F) code points (Unicode's EastAsianWidth.txt), apart from
 * the emoji, which EMOJI finds. JavaScript regexes have no East_Asian_Width property, so these are
 * the blocks, as [first, last] pairs in order.
 */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo, leading consonants
  [0x2329, 0x232a], // angle brackets
  [0x2e80, 0x303e], // CJK radicals, Kangxi radicals, ideographic description, CJK symbols and punctuation
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, enclosed CJK, CJK compatibility
  [0x3400, 0x4dbf], // CJK unified ideographs extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo extended A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // fullwidth forms (F)
  [0xffe0, 0xffe6], // fullwidth signs (F)
  [0x16fe0, 0x16fe4], // ideographic symbols
  [0x17000, 0x18cff], // Tangut, Khitan
  [0x1aff0, 0x1b2ff], // Kana supplement and extensions, Nushu
  [0x1f200, 0x1f2ff], // enclosed ideographic supplement
  [0x20000, 0x3fffd], // CJK unified ideographs extensions B onwards (planes 2 and 3)
];

function isWide(code: number): boolean {
  for (const [first, last] of WIDE) {
    if (code < first) return false;
    if (code <= last) return true;
  }
  return false;
}

/** The columns one grapheme cluster takes: 0, 1 or 2. */
function clusterWidth(cluster: string): number {
  if (ZERO.test(cluster)) return 0;
  if (EMOJI.test(cluster)) return 2;
  // Otherwise the width of the cluster's first visible character; the marks on it add nothing.
  for (const char of cluster) {
    if (ZERO.test(char)) continue;
    return isWide(char.codePointAt(0)!) ? 2 : 1;
  }
  return 0;
}

/** The grapheme clusters of text, in order: the pieces a line may be cut between. */
export function graphemes(text: string): string[] {
  if (ASCII.test(text)) return [...text];
  return [...segmenter.segment(text)].map((s) => s.segment);
}

/** The columns text takes in a terminal (one line of it: a newline counts for nothing). */
export function displayWidth(text: string): number {
  if (ASCII.test(text)) return text.length;
  let width = 0;
  for (const { segment } of segmenter.segment(text)) width += clusterWidth(segment);
  return width;
}

/**
 * Wraps one line at `width` display columns (displayWidth: a CJK character or an emoji takes 2,
 * a combining mark none) between words. Continuation lines start under the text after the line's
 * leading marker ("  • ", "Label: "), given as `hang` columns. A word wider than a line (a long
 * URL, a run of Chinese with no spaces) is the one thing cut: it is cut at the width, between
 * characters, rather than running past the edge.
 */
export function wrapLine(line: string, width: number, hang = 0): string[] {
  if (displayWidth(line) <= width) return [line];
  const lead = line.match(/^\s*/)![0];
  const words = line.slice(lead.length).split(/ +/);
  const pad = ' '.repeat(Math.min(hang, Math.floor(width / 2)));
  const out: string[] = [];
  let current = lead;
  let used = displayWidth(lead);
  let fresh = true; // nothing on the current line yet but its indent
  const newLine = () => {
    out.push(current);
    current = pad;
    used = pad.length;
    fresh = true;
  };
  for (const word of words) {
    const w = displayWidth(word);
    if (!fresh && used + 1 + w <= width) {
      current += ` ${word}`;
      used += 1 + w;
      continue;
    }
    if (fresh ? used + w <= width : w <= width - pad.length) {
      if (!fresh) newLine();
      current += word;
      used += w;
      fresh = false;
      continue;
    }
    // Too wide for any line: cut between characters (grapheme clusters), filling each line to
    // the width, starting on this one (so a bullet or a label is never left alone on its line).
    let space = fresh ? '' : ' ';
    for (const char of graphemes(word)) {
      const cw = displayWidth(char);
      if (!fresh && used + space.length + cw > width) {
        newLine();
        space = '';
      }
      current += space + char;
      used += space.length + cw;
      space = '';
      fresh = false;
    }
  }
  out.push(current);
  return out;
}
