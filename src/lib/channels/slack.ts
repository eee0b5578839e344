import { clip, oneLine, type ChannelPost } from "@/lib/channels/message";

// Slack incoming-webhook messages in Block Kit. Slack's documented limits: 50 blocks a message,
// 3,000 characters in a section's text, 150 in a header's; `text` is the notification fallback.
// In mrkdwn, `&`, `<` and `>` are the only control characters: escaped, `<!channel>` and
// `<@U123>` are inert text and no link can be forged; `*_~\`` are neutralised with a zero-width
// space so a title cannot restyle the message.

export const SLACK_MAX_BLOCKS = 50;
export const SLACK_MAX_SECTION_TEXT = 3000;
export const SLACK_MAX_HEADER_TEXT = 150;

export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

export type SlackBlock =
  | { type: "header"; text: { type: "plain_text"; text: string; emoji: false } }
  | { type: "section"; text: { type: "mrkdwn"; text: string } }
  | { type: "divider" };

/** Slack's three control characters as the entities Slack decodes, in every text object. */
function escapeControl(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeSlack(text: string): string {
  return escapeControl(text).replace(/([*_~`])/g, "$1\u200b");
}

/** A URL inside `<url|label>`: Slack splits on `|` and ends at `>`, so both are percent-encoded. */
function slackLink(url: string, label: string): string {
  const safeUrl = url.replace(/\|/g, "%7C").replace(/>/g, "%3E").replace(/</g, "%3C");
  return `<${safeUrl}|${label}>`;
}

/** Clips escaped text to `max` without cutting an entity (`&amp;`) in two. */
function clipEscaped(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = clip(text, max);
  const ampersand = cut.lastIndexOf("&");
  if (ampersand !== -1 && !cut.slice(ampersand).includes(";")) cut = `${cut.slice(0, ampersand)}…`;
  return cut;
}

function paperSection(paper: ChannelPost["papers"][number], rank: number): SlackBlock {
  const meta = [`${paper.upvotes} upvote${paper.upvotes === 1 ? "" : "s"}`, paper.organization].filter(Boolean).join(" · ");
  const note = paper.note ? `\n${escapeSlack(clip(oneLine(paper.note), 500))}` : "";
  // The title gets what the rest leaves of the section's limit (escaping can triple a character).
  const rest = `${rank}. ` + `\n${escapeSlack(meta)}${note}`;
  const titleBudget = Math.max(50, Math.floor((SLACK_MAX_SECTION_TEXT - rest.length - paper.url.length - 10) / 3));
  const title = escapeSlack(clip(oneLine(paper.title), titleBudget));
  return { type: "section", text: { type: "mrkdwn", text: `${rank}. *${slackLink(paper.url, title)}*\n${escapeSlack(meta)}${note}` } };
}

const SLACK_MAX_DETAILS = 1000;

/** The post as one or more messages, each within Slack's limits (a header, details, up to 47 papers and a divider each). */
export function slackMessages(post: ChannelPost): SlackMessage[] {
  const perMessage = SLACK_MAX_BLOCKS - 3;
  const messages: SlackMessage[] = [];
  for (let start = 0; start === 0 || start < post.papers.length; start += perMessage) {
    const papers = post.papers.slice(start, start + perMessage);
    // Escaping lengthens the text, so the header is clipped after it, at an entity's edge.
    const heading = clipEscaped(escapeControl(oneLine(post.heading) + (start > 0 ? " (cont.)" : "")), SLACK_MAX_HEADER_TEXT);
    messages.push({
      text: escapeSlack(`${oneLine(post.heading)}: ${papers.length} paper${papers.length === 1 ? "" : "s"}`),
      blocks: [
        { type: "header", text: { type: "plain_text", text: heading, emoji: false } },
        ...(start === 0 && post.details
          ? [
              {
                type: "section" as const,
                text: { type: "mrkdwn" as const, text: escapeSlack(clip(oneLine(post.details), SLACK_MAX_DETAILS)) },
              },
            ]
          : []),
        ...papers.map((paper, index) => paperSection(paper, start + index + 1)),
        { type: "divider" },
      ],
    });
  }
  return messages;
}
