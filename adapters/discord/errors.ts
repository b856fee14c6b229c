// Why a call to Discord failed, in words a user can act on. One explanation for both doors that
// talk to Discord: the adapter's start() and the discord:register script wrap the same message in
// their own error class. Never the token, never a stack trace.
import { DiscordjsErrorCodes } from 'discord.js';

/** ECONNREFUSED, ENOTFOUND and the like, on the error or its cause. */
function networkCode(error: unknown): string | undefined {
  for (const e of [error, (error as { cause?: unknown })?.cause]) {
    const code = (e as { code?: unknown })?.code;
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
  }
  return undefined;
}

/**
 * The explanation for a rejected token (HTTP 401, gateway close 4004), refused intents (4014), an
 * unreachable Discord (a network code) or a timeout (AbortError); undefined for anything else.
 * `restUrl` is DISCORD_REST_URL, named when set because it is the usual culprit.
 */
export function explainDiscordError(error: unknown, restUrl?: string): string | undefined {
  const code = (error as { code?: unknown })?.code;
  const status = (error as { status?: unknown })?.status;
  if (status === 401 || code === DiscordjsErrorCodes.TokenInvalid || code === 4004) {
    return 'Discord rejected DISCORD_TOKEN (401). Check the bot token in the developer portal (Bot page, "Reset Token").';
  }
  if (code === DiscordjsErrorCodes.DisallowedIntents || code === 4014) {
    return 'Discord refused the gateway intents devpath asked for. Check the bot settings in the developer portal.';
  }
  const where = restUrl ? ` at ${restUrl}` : '';
  const network = networkCode(error);
  if (network) return `Could not reach Discord${where}: ${network}. Check the network connection${restUrl ? ' and DISCORD_REST_URL' : ''}.`;
  if ((error as { name?: unknown })?.name === 'AbortError') return `Discord${where} did not answer in time. Try again in a moment.`;
  return undefined;
}
