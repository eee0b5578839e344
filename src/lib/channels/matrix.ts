import { clip, oneLine, type ChannelPost } from "@/lib/channels/message";

// Matrix `m.room.message` events (msgtype m.notice, so bots do not answer bots): a plain `body`
// and an HTML `formatted_body` (format org.matrix.custom.html). Both are text-escaped: the HTML
// one so a title cannot inject markup, and neither links a user (a mention is a link to
// matrix.to, which escaping rules out). The spec caps an event at 65,536 bytes as JSON; a post is
// split to stay well under it.

export const MATRIX_MAX_EVENT_BYTES = 65_536;
/** Room for the event's envelope (ids, signatures, timestamps) the homeserver adds. */
const MATRIX_CONTENT_BUDGET = 48_000;
const MATRIX_MAX_TITLE = 1_000;

export interface MatrixMessage {
  msgtype: "m.notice";
  body: string;
  format: "org.matrix.custom.html";
  formatted_body: string;
  "m.relates_to"?: { rel_type: "m.thread"; event_id: string; is_falling_back: true; "m.in_reply_to": { event_id: string } };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function paperLines(paper: ChannelPost["papers"][number], rank: number) {
  const title = clip(oneLine(paper.title), MATRIX_MAX_TITLE);
  const meta = [`${paper.upvotes} upvote${paper.upvotes === 1 ? "" : "s"}`, paper.organization ? oneLine(paper.organization) : null]
    .filter(Boolean)
    .join(" · ");
  const note = paper.note ? clip(oneLine(paper.note), 500) : null;
  return {
    text: `${rank}. ${title} (${meta}) ${paper.url}${note ? `\n   ${note}` : ""}`,
    html: `<li><a href="${escapeHtml(paper.url)}">${escapeHtml(title)}</a> <em>${escapeHtml(meta)}</em>${note ? `<br>${escapeHtml(note)}` : ""}</li>`,
  };
}

function message(
  heading: string,
  url: string,
  lines: { text: string; html: string }[],
  start: number,
  details: string | null,
  threadRoot: string | null,
): MatrixMessage {
  const shownDetails = start === 1 ? details : null;
  return {
    msgtype: "m.notice",
    body: [`${heading} ${url}`, ...(shownDetails ? [shownDetails] : []), ...lines.map((line) => line.text)].join("\n"),
    format: "org.matrix.custom.html",
    formatted_body: `<p><strong><a href="${escapeHtml(url)}">${escapeHtml(heading)}</a></strong></p>${shownDetails ? `<p>${escapeHtml(shownDetails)}</p>` : ""}${lines.length > 0 ? `<ol start="${start}">${lines.map((line) => line.html).join("")}</ol>` : ""}`,
    // A reply in the thread, with the fallback clients without threads show as a plain reply.
    ...(threadRoot
      ? { "m.relates_to": { rel_type: "m.thread", event_id: threadRoot, is_falling_back: true, "m.in_reply_to": { event_id: threadRoot } } }
      : {}),
  };
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), "utf8");

/**
 * The post as one or more events, each's content under MATRIX_CONTENT_BUDGET bytes. Papers with a
 * `threadRoot` go in messages in that thread, a message per run of papers with the same root.
 */
export function matrixMessages(post: ChannelPost): MatrixMessage[] {
  const heading = oneLine(post.heading);
  const details = post.details ? clip(oneLine(post.details), MATRIX_MAX_TITLE) : null;
  const messages: MatrixMessage[] = [];
  let lines: { text: string; html: string }[] = [];
  let start = 1;
  let thread: string | null = post.papers[0]?.threadRoot ?? null;
  post.papers.forEach((paper, index) => {
    const line = paperLines(paper, index + 1);
    const paperThread = paper.threadRoot ?? null;
    const full = bytes(message(heading, post.url, [...lines, line], start, details, thread)) > MATRIX_CONTENT_BUDGET;
    if (lines.length > 0 && (full || paperThread !== thread)) {
      messages.push(message(heading, post.url, lines, start, details, thread));
      start = index + 1;
      lines = [];
    }
    thread = paperThread;
    lines.push(line);
  });
  messages.push(message(heading, post.url, lines, start, details, thread));
  return messages;
}
