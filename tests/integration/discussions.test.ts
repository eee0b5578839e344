import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { commenterName } from "@/server/accounts/commenter-name";
import { deleteComment } from "@/server/comments/comments";
import type { Db } from "@/server/db";
import { listActiveThreads, THREADS_PER_PAGE, threadsCursor, threadsCursorSchema } from "@/server/discussions/active-threads";
import { createDiscussionsFeedHandler } from "@/server/discussions/discussions-feed-handler";
import { moderate } from "@/server/moderation/moderate";
import { createPaper, createSignedInUser } from "../support/accounts";
import { serveRouteHandler, type FetchServer } from "../support/fetch-server";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
const SITE = "https://papers.example.org";
const at = (minute: number) => new Date(Date.UTC(2026, 10, 3, 12, minute));

/** A comment written at `when`, counted on its paper as postComment counts it. */
async function comment(db: Db, paperId: string, userId: string, when: Date, body = `Comment at ${when.toISOString()}`) {
  const row = await db.comment.create({ data: { paperId, userId, body, createdAt: when } });
  await db.paper.update({ where: { id: paperId }, data: { localComments: { increment: 1 } } });
  return row;
}

/** Every page of /discussions, following `next`, as paper ids per page. */
async function allPages(db: Db) {
  const pages: string[][] = [];
  let before = null;
  for (;;) {
    const page = await listActiveThreads(db, before);
    pages.push(page.threads.map((thread) => thread.paper.id));
    if (!page.next) return pages;
    before = threadsCursorSchema.parse(page.next);
  }
}

let ada: { id: string };
let quiet: { id: string };

beforeEach(async () => {
  await t.db.$executeRawUnsafe(`TRUNCATE "Paper", "User", "ModerationAction", "RateLimitEvent" CASCADE`);
  ada = (await createSignedInUser(t.db, "ada@example.com")).user;
  await t.db.user.update({ where: { id: ada.id }, data: { handle: "ada" } });
  quiet = (await createSignedInUser(t.db, "quiet@example.com")).user;
});

describe("/discussions", () => {
  it("lists papers by their latest live comment, newest first, with the count, a plain-text excerpt and the author as comments name them", async () => {
    for (const id of ["2611.00001", "2611.00002", "2611.00003"]) await createPaper(t.db, id);
    await comment(t.db, "2611.00001", quiet.id, at(0));
    await comment(t.db, "2611.00002", quiet.id, at(10), "Is the **baseline**\n\ntuned?  $x^2$ <think>");
    const latest = await comment(t.db, "2611.00001", ada.id, at(20), `A long one. ${"word ".repeat(100)}`);

    const { threads, next } = await listActiveThreads(t.db);
    expect(next).toBeNull();
    expect(threads.map((thread) => thread.paper.id)).toEqual(["2611.00001", "2611.00002"]);
    expect(threads[0]).toMatchObject({
      paper: { id: "2611.00001", title: "Paper 2611.00001", comments: 2 },
      latest: { id: latest.id, author: "ada", authorHandle: "ada", createdAt: at(20).toISOString() },
    });
    expect(threads[0]!.latest.excerpt.length).toBeLessThanOrEqual(240);
    expect(threads[0]!.latest.excerpt).toMatch(/^A long one\. word word .*…$/);
    // The Markdown as text on one line: no HTML, nothing rendered.
    expect(threads[1]!.latest).toMatchObject({
      author: commenterName(quiet.id),
      authorHandle: null,
      excerpt: "Is the **baseline** tuned? $x^2$ <think>",
    });
    expect(JSON.stringify(threads)).not.toContain("@example.com");
  });

  it("falls back to the previous live comment when the latest is hidden or deleted, and leaves out hidden papers and papers with no live comment", async () => {
    for (const id of ["2611.00001", "2611.00002", "2611.00003", "2611.00004"]) await createPaper(t.db, id);
    const olderOnFirst = await comment(t.db, "2611.00001", quiet.id, at(0));
    const hidden = await comment(t.db, "2611.00001", quiet.id, at(30));
    const olderOnSecond = await comment(t.db, "2611.00002", ada.id, at(10));
    const deleted = await comment(t.db, "2611.00002", ada.id, at(40));
    await comment(t.db, "2611.00003", ada.id, at(50));
    const onlyOne = await comment(t.db, "2611.00004", ada.id, at(60));
    expect((await listActiveThreads(t.db)).threads.map((thread) => thread.paper.id)).toEqual([
      "2611.00004",
      "2611.00003",
      "2611.00002",
      "2611.00001",
    ]);

    await moderate(t.db, "mod@example.com", { kind: "HIDE_COMMENT", target: hidden.id, reason: "Spam" });
    await deleteComment(t.db, ada.id, deleted.id);
    await moderate(t.db, "mod@example.com", { kind: "HIDE_PAPER", target: "2611.00003", reason: "Not a paper" });
    await deleteComment(t.db, ada.id, onlyOne.id);

    const { threads } = await listActiveThreads(t.db);
    expect(threads.map((thread) => [thread.paper.id, thread.latest.id, thread.paper.comments])).toEqual([
      ["2611.00002", olderOnSecond.id, 1],
      ["2611.00001", olderOnFirst.id, 1],
    ]);
  });

  it(`pages ${THREADS_PER_PAGE} papers at a time, never repeating or skipping one, even with older comments of listed papers further down`, async () => {
    const ids = Array.from({ length: 70 }, (_, index) => `2611.${String(index + 1).padStart(5, "0")}`);
    for (const id of ids) await createPaper(t.db, id);
    // Paper i's latest comment is at minute 200 + i (the newest first: 2611.00070), but the 31st
    // newest shares the 30th's minute, where the first page ends; every paper also has an old
    // comment at minute i, which sorts among the later pages' comments.
    for (const [index, id] of ids.entries()) {
      await comment(t.db, id, ada.id, at(index));
      await comment(t.db, id, quiet.id, at(200 + (index === 39 ? 40 : index)));
    }
    // Equal times are ordered by id, and still listed once each.
    await createPaper(t.db, "2611.09998");
    await createPaper(t.db, "2611.09999");
    await comment(t.db, "2611.09998", ada.id, at(150));
    await comment(t.db, "2611.09999", ada.id, at(150));

    const pages = await allPages(t.db);
    expect(pages.map((page) => page.length)).toEqual([30, 30, 12]);
    const newestFirst = [...ids].reverse();
    expect(pages.flat()).toHaveLength(72);
    expect(new Set(pages.flat()).size).toBe(72);
    const listed = pages.flat().filter((id) => !id.startsWith("2611.0999"));
    // The two of equal time are in the order of their comments' ids, one on each page.
    expect([...listed.slice(29, 31)].sort()).toEqual(newestFirst.slice(29, 31).sort());
    expect([...listed.slice(0, 29), ...listed.slice(31)]).toEqual([...newestFirst.slice(0, 29), ...newestFirst.slice(31)]);
    expect(pages[2]!.slice(-2).sort()).toEqual(["2611.09998", "2611.09999"]);
  });

  it("reads at most 2,000 comments for a page, and the next page goes on from the last comment read", async () => {
    await createPaper(t.db, "2611.00001");
    await createPaper(t.db, "2611.00002");
    await comment(t.db, "2611.00002", quiet.id, at(0));
    // One busy thread with more comments than two pages may read, all newer than the quiet paper's.
    await t.db.comment.createMany({
      data: Array.from({ length: 4_100 }, (_, index) => ({
        paperId: "2611.00001",
        userId: ada.id,
        body: `Busy ${index}`,
        createdAt: new Date(at(10).getTime() + index * 1000),
      })),
    });
    await t.db.paper.update({ where: { id: "2611.00001" }, data: { localComments: 4_100 } });

    const first = await listActiveThreads(t.db);
    expect(first.threads.map((thread) => [thread.paper.id, thread.latest.excerpt])).toEqual([["2611.00001", "Busy 4099"]]);
    expect(first.next).not.toBeNull();
    // 2,000 more of the busy paper's comments: nothing new to list, but not the end either.
    const second = await listActiveThreads(t.db, threadsCursorSchema.parse(first.next));
    expect(second.threads).toEqual([]);
    expect(second.next).not.toBeNull();
    const third = await listActiveThreads(t.db, threadsCursorSchema.parse(second.next));
    expect(third.threads.map((thread) => thread.paper.id)).toEqual(["2611.00002"]);
    expect(third.next).toBeNull();
  });

  it("takes only its own positions as `before`", () => {
    const position = { at: at(5), id: "cmabc123" };
    expect(threadsCursorSchema.parse(threadsCursor(position))).toEqual(position);
    for (const bad of ["", "abc", "123", "123.", ".abc", "1.a b", "1.a'b", `${"9".repeat(16)}.x`]) {
      expect(threadsCursorSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe("the discussions feeds", () => {
  let rss: FetchServer;
  let json: FetchServer;
  beforeAll(async () => {
    const serve = (handler: ReturnType<typeof createDiscussionsFeedHandler>) => serveRouteHandler((request) => handler(request, undefined));
    rss = await serve(createDiscussionsFeedHandler("rss", { db: t.db, siteUrl: SITE }));
    json = await serve(createDiscussionsFeedHandler("json", { db: t.db, siteUrl: SITE }));
  });
  afterAll(async () => {
    await Promise.all([rss.close(), json.close()]);
  });

  // \u0008 is text PostgreSQL stores and XML 1.0 forbids.
  const HOSTILE = "Let's <think> & </description>]]><script>alert(1)</script> \u0008 done";

  it("is RSS a parser accepts: one item per live comment, newest first, every text escaped", async () => {
    await createPaper(t.db, "2611.00001");
    await createPaper(t.db, "2611.00002");
    await t.db.paper.update({ where: { id: "2611.00001" }, data: { title: "Attention <is> all & you need" } });
    const first = await comment(t.db, "2611.00001", quiet.id, at(0), "First!");
    const hostile = await comment(t.db, "2611.00001", ada.id, at(10), HOSTILE);
    const hidden = await comment(t.db, "2611.00002", ada.id, at(20), "Spam");
    await moderate(t.db, "mod@example.com", { kind: "HIDE_COMMENT", target: hidden.id, reason: "Spam" });
    await comment(t.db, "2611.00002", ada.id, at(30), "On a paper about to be hidden");
    await moderate(t.db, "mod@example.com", { kind: "HIDE_PAPER", target: "2611.00002", reason: "Not a paper" });

    const response = await fetch(`${rss.url}/discussions/feed.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("public");
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false, processEntities: true }).parse(xml);
    const channel = feed.rss.channel;
    expect(channel.link).toBe(`${SITE}/discussions`);
    const items = [channel.item].flat();
    expect(items.map((item: { link: string }) => item.link)).toEqual([
      `${SITE}/papers/2611.00001#comment-${hostile.id}`,
      `${SITE}/papers/2611.00001#comment-${first.id}`,
    ]);
    expect(items[0]).toMatchObject({
      title: "ada on Attention <is> all & you need",
      description: "Let's <think> & </description>]]><script>alert(1)</script>  done",
      "dc:creator": "ada",
    });
    expect(items[1]["dc:creator"]).toBe(commenterName(quiet.id));
    expect(xml).not.toContain("<script>");
    expect(xml).not.toContain("@example.com");

    const again = await fetch(`${rss.url}/discussions/feed.xml`, { headers: { "If-None-Match": response.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });

  it("is JSON Feed 1.1 with the same items", async () => {
    await createPaper(t.db, "2611.00001");
    const only = await comment(t.db, "2611.00001", ada.id, at(0), HOSTILE);
    const response = await fetch(`${json.url}/discussions/feed.json`);
    expect(response.headers.get("content-type")).toBe("application/feed+json; charset=utf-8");
    const feed = await response.json();
    expect(feed).toMatchObject({ version: "https://jsonfeed.org/version/1.1", home_page_url: `${SITE}/discussions` });
    expect(feed.items).toEqual([
      {
        id: `${SITE}/papers/2611.00001#comment-${only.id}`,
        url: `${SITE}/papers/2611.00001#comment-${only.id}`,
        title: "ada on Paper 2611.00001",
        content_text: HOSTILE,
        date_published: at(0).toISOString(),
        authors: [{ name: "ada", url: `${SITE}/users/ada` }],
      },
    ]);
  });
});
