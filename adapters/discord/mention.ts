// Discord's user mention syntax, read for the core: `<@123>`, or `<@!123>` (a nickname mention).
// The core knows no platform's syntax; this door gives it this reader in every Context it builds.

/** The user id a Discord mention names, or undefined when the text is not one mention. */
export function readDiscordMention(text: string): string | undefined {
  return /^<@!?(\d{1,20})>$/.exec(text.trim())?.[1];
}
