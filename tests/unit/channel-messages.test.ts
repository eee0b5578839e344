import { describe, expect, it } from "vitest";
import {
  DISCORD_MAX_DESCRIPTION,
  DISCORD_MAX_EMBED_TOTAL,
  DISCORD_MAX_EMBEDS,
  DISCORD_MAX_TITLE,
  discordMessages,
} from "@/lib/channels/discord";
import { MATRIX_MAX_EVENT_BYTES, matrixMessages } from "@/lib/channels/matrix";
import type { ChannelPaper, ChannelPost } from "@/lib/channels/message";
import { SLACK_MAX_BLOCKS, SLACK_MAX_HEADER_TEXT, SLACK_MAX_SECTION_TEXT, slackMessages } from "@/lib/channels/slack";

const HOSTILE_TITLES = [
  "<!channel> read this now",
  "@everyone @here <@123456789> <@&987654321>",
  "**Bold** _claims_ ~~struck~~ `code` [a link](https://evil.example/) > quote",
  '<script>alert(1)</script> <a href="https://evil.example/">x</a> &amp; <b>bold</b>',
  `A very long title ${"x".repeat(10_000)}`,
  "Emoji at the cut 😀".repeat(300),
];

function paper(index: number, title: string): ChannelPaper {
  return {
    id: `2606.${String(10000 + index)}`,
    title,
    url: `https://papers.example.org/papers/2606.${String(10000 + index)}`,
    upvotes: index,
    organization: index % 2 ? "Org <!here> & co" : null,
    note: index % 3 ? "Similar to a paper you saved: “<@U1>”" : undefined,
  };
}

const hostilePost = (count: number): ChannelPost => ({
  heading: "Top papers of 2026-06-16 <!channel> & friends",
  url: "https://papers.example.org/papers/date/2026-06-16",
  papers: Array.from({ length: count }, (_, index) => paper(index + 1, HOSTILE_TITLES[index % HOSTILE_TITLES.length]!)),
});

describe("Slack messages", () => {
  it("keep hostile titles inert and every block within Slack's limits", () => {
    const messages = slackMessages(hostilePost(12));
    expect(messages).toHaveLength(1);
    const json = JSON.stringify(messages);
    expect(json).not.toMatch(/<!channel|<!here|<@\d|<script|<a href/);
    expect(json).toContain("&lt;!channel&gt;");
    for (const message of messages) {
      expect(message.blocks.length).toBeLessThanOrEqual(SLACK_MAX_BLOCKS);
      for (const block of message.blocks) {
        if (block.type === "section") expect(block.text.text.length).toBeLessThanOrEqual(SLACK_MAX_SECTION_TEXT);
        if (block.type === "header") expect(block.text.text.length).toBeLessThanOrEqual(SLACK_MAX_HEADER_TEXT);
      }
    }
    // Every link is ours: the only `<...|` in the text are the papers' own URLs.
    const links = [...json.matchAll(/<(https?:[^|>]*)\|/g)].map((match) => match[1]);
    expect(links).toHaveLength(12);
    expect(links.every((url) => url!.startsWith("https://papers.example.org/papers/"))).toBe(true);
    // Emphasis characters are broken up so a title cannot restyle the message.
    expect(json).not.toContain("**Bold**");
  });

  it("split a long list into messages of at most 50 blocks, numbering on", () => {
    const messages = slackMessages(hostilePost(120));
    expect(messages).toHaveLength(3);
    expect(messages.every((message) => message.blocks.length <= SLACK_MAX_BLOCKS)).toBe(true);
    const ranks = messages.flatMap((message) =>
      message.blocks.flatMap((block) => (block.type === "section" ? [Number(/^(\d+)\./.exec(block.text.text)![1])] : [])),
    );
    expect(ranks).toEqual(Array.from({ length: 120 }, (_, index) => index + 1));
  });
});

describe("Discord messages", () => {
  it("mention nobody, escape Markdown, and stay within the embed limits", () => {
    const messages = discordMessages(hostilePost(25));
    expect(messages.length).toBeGreaterThanOrEqual(3);
    for (const message of messages) {
      expect(message.allowed_mentions).toEqual({ parse: [] });
      expect(message.embeds.length).toBeLessThanOrEqual(DISCORD_MAX_EMBEDS);
      expect(message.embeds.reduce((sum, embed) => sum + embed.title.length + (embed.description?.length ?? 0), 0)).toBeLessThanOrEqual(
        DISCORD_MAX_EMBED_TOTAL,
      );
      for (const embed of message.embeds) {
        expect(embed.title.length).toBeLessThanOrEqual(DISCORD_MAX_TITLE);
        expect(embed.description!.length).toBeLessThanOrEqual(DISCORD_MAX_DESCRIPTION);
        expect(embed.title).not.toMatch(/(^|[^\\])\*\*/);
        expect(embed.title).not.toMatch(/\\…$/);
      }
    }
    const titles = messages.flatMap((message) => message.embeds.map((embed) => embed.title));
    expect(titles[1]).toContain("\\@everyone");
    expect(titles[2]).toContain("\\[a link\\]\\(https\\://evil.example/\\)");
    expect(messages.flatMap((message) => message.embeds)).toHaveLength(25);
  });
});

describe("Matrix events", () => {
  it("carry escaped HTML only, under the event size limit, split when long", () => {
    const messages = matrixMessages(hostilePost(200));
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(Buffer.byteLength(JSON.stringify(message))).toBeLessThan(MATRIX_MAX_EVENT_BYTES);
      expect(message.formatted_body).not.toMatch(/<script|<a href="https:\/\/evil|<b>/);
      expect(message.formatted_body).toContain("&lt;script&gt;");
      expect(message.msgtype).toBe("m.notice");
    }
    const starts = messages.map((message) => Number(/<ol start="(\d+)">/.exec(message.formatted_body)![1]));
    expect(starts[0]).toBe(1);
    expect(messages.reduce((sum, message) => sum + (message.formatted_body.match(/<li>/g)?.length ?? 0), 0)).toBe(200);
  });
});
