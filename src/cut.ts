// Cutting text to a length without cutting a character in two: a surrogate pair cut in half is a
// lone surrogate, which Slack and Discord reject or show as garbage, and an emoji sequence cut in
// the middle shows as a different emoji. Cuts fall between grapheme clusters (Intl.Segmenter).
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** `text` in at most `max` UTF-16 units, cut between characters, with `more` added when it was cut. */
export function cutText(text: string, max: number, more = ''): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - more.length);
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    if (out.length + segment.length > room) break;
    out += segment;
  }
  return out + more;
}
