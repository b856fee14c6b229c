// Slack's user mention syntax, read for the core: `<@U123>` or `<@U123|name>`. Message text is
// turned into plain words first (fromSlackText makes a mention `@name`), so this reads what is
// left in Slack's own markup. The door gives it to the core in every Context it builds.

/** The user id a Slack mention names, or undefined when the text is not one mention. */
export function readSlackMention(text: string): string | undefined {
  return /^<@([A-Z0-9]{1,40})(?:\|[^>]*)?>$/.exec(text.trim())?.[1];
}
