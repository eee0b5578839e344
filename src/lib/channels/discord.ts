import { clip, oneLine, type ChannelPost } from "@/lib/channels/message";

// Discord webhook messages with embeds. Discord's documented limits: 10 embeds a message, 6,000
// characters across a message's embeds, 256 in an embed title, 4,096 in a description, 2,000 in
// `content`. `allowed_mentions: { parse: [] }` makes every @everyone, @here, <@id> and <@&role>
// inert whatever the text says; Markdown characters are backslash-escaped so a title cannot
// restyle or mask a link.

export const DISCORD_MAX_EMBEDS = 10;
export const DISCORD_MAX_EMBED_TOTAL = 6000;
export const DISCORD_MAX_TITLE = 256;
export const DISCORD_MAX_DESCRIPTION = 4096;
export const DISCORD_MAX_CONTENT = 2000;

export interface DiscordEmbed {
  title: string;
  url: string;
  description?: string;
}

export interface DiscordMessage {
  content: string;
  embeds: DiscordEmbed[];
  allowed_mentions: { parse: [] };
}

export function escapeDiscord(text: string): string {
  return text.replace(/([\\*_~`|>#\-[\]()<@:])/g, "\\$1");
}

/** Clips escaped text without leaving a lone backslash (half of an escape) before the ellipsis. */
function clipEscaped(text: string, max: number): string {
  const cut = clip(text, max);
  if (cut.length === text.length) return cut;
  const body = cut.slice(0, -1);
  const trailing = /\\*$/.exec(body)![0].length;
  return `${trailing % 2 === 1 ? body.slice(0, -1) : body}…`;
}

function embedLength(embed: DiscordEmbed): number {
  return embed.title.length + (embed.description?.length ?? 0);
}

function paperEmbed(paper: ChannelPost["papers"][number], rank: number): DiscordEmbed {
  const meta = [
    `${paper.upvotes} upvote${paper.upvotes === 1 ? "" : "s"}`,
    paper.organization ? escapeDiscord(oneLine(paper.organization)) : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const note = paper.note ? `\n${escapeDiscord(clip(oneLine(paper.note), 500))}` : "";
  return {
    // An embed title is not parsed for Markdown links, but is for emphasis: escaped as the rest.
    title: clipEscaped(`${rank}. ${escapeDiscord(oneLine(paper.title))}`, DISCORD_MAX_TITLE),
    url: paper.url,
    description: clipEscaped(`${meta}${note}`, DISCORD_MAX_DESCRIPTION),
  };
}

/** The post as one or more messages, each within Discord's limits. */
export function discordMessages(post: ChannelPost): DiscordMessage[] {
  const details = post.details ? `\n${escapeDiscord(oneLine(post.details))}` : "";
  const content = clipEscaped(`**${escapeDiscord(oneLine(post.heading))}** ${post.url}${details}`, DISCORD_MAX_CONTENT);
  const messages: DiscordMessage[] = [];
  let current: DiscordEmbed[] = [];
  let total = 0;
  post.papers.forEach((paper, index) => {
    const embed = paperEmbed(paper, index + 1);
    if (current.length === DISCORD_MAX_EMBEDS || total + embedLength(embed) > DISCORD_MAX_EMBED_TOTAL) {
      messages.push({ content: messages.length === 0 ? content : "", embeds: current, allowed_mentions: { parse: [] } });
      current = [];
      total = 0;
    }
    current.push(embed);
    total += embedLength(embed);
  });
  messages.push({ content: messages.length === 0 ? content : "", embeds: current, allowed_mentions: { parse: [] } });
  return messages;
}
