// A Reply as what discord.js sends, with its pictures and files as attachments. Both the replies
// to commands and the scheduler's reminders and digests go through it, so a picture reaches the
// user the same way whichever path sent it.
import { AttachmentBuilder } from 'discord.js';
import type { Reply } from '../../src/reply.js';
import { discordFiles, renderDiscord, type DiscordPayload } from './render.js';

/**
 * The rendered message and, when the reply has pictures or files, those as attachments
 * (multipart), which the embeds point at with attachment://<name>. An ephemeral interaction reply
 * carries them privately too.
 */
export function messageOf(reply: Reply): DiscordPayload & { files?: AttachmentBuilder[] } {
  const payload = renderDiscord(reply);
  const files = discordFiles(reply).map((f) => new AttachmentBuilder(Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength), { name: f.name, ...(f.description ? { description: f.description } : {}) }));
  return files.length ? { ...payload, files } : payload;
}
