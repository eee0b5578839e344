import { beforeEach, describe, expect, it } from "vitest";
import { parsePeriod } from "@/lib/periods";
import { deleteUserAccount } from "@/server/accounts/account-data";
import { createAuthOptions } from "@/server/auth/options";
import { assertMayContribute, findSessionUser } from "@/server/auth/session";
import { listPaperComments, postComment } from "@/server/comments/comments";
import { loadDigestCandidates } from "@/server/digest/candidates";
import { createSmtpMailer } from "@/server/email/mailer";
import { moderate } from "@/server/moderation/moderate";
import { getModerationQueue } from "@/server/moderation/queue";
import { reportItem } from "@/server/moderation/reports";
import { getAuthorPapers } from "@/server/papers/authors";
import { getPaperById, getPeriodFeed, getRecentPapers, getTrendingPapers } from "@/server/papers/feed";
import { searchPapers } from "@/server/papers/search";
import { createUpvoteHandler } from "@/server/votes/upvote-handler";
import { castUpvote } from "@/server/votes/votes";
import { createSignedInUser } from "../support/accounts";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
const SITE_URL = "http://localhost:3000";
const NOW = new Date("2026-11-03T12:00:00Z");

async function paper(id: string, title: string) {
  await t.db.paper.create({
    data: {
      id,
      title,
      abstract: "A study of gradient descent on quasar spectra.",
      authors: ["Vera Rubin"],
      publishedAt: new Date("2026-11-02T08:00:00Z"),
      feedDate: new Date("2026-11-02"),
      source: "ARXIV",
      upstreamUpvotes: 3,
    },
  });
}

beforeEach(async () => {
  await t.db.$executeRawUnsafe(`TRUNCATE "Paper", "User", "ModerationAction", "RateLimitEvent", "FeedSnapshot" CASCADE`);
  await paper("2611.00001", "Quasar spectra, visible");
  await paper("2611.00002", "Quasar spectra, to be hidden");
});

/** Which of the two papers each reader-facing query returns. */
async function shownEverywhere() {
  const ids = (papers: { id: string }[]) => papers.map((p) => p.id).sort();
  return {
    day: ids((await getPeriodFeed(t.db, parsePeriod("date", "2026-11-02")!, "trending", NOW)).papers),
    trending: ids((await getTrendingPapers(t.db, NOW)).papers),
    search: ids((await searchPapers(t.db, "quasar")).hits.map((hit) => hit.paper)),
    feeds: ids(await getRecentPapers(t.db)),
    api: ids([await getPaperById(t.db, "2611.00001"), await getPaperById(t.db, "2611.00002")].filter((p) => p !== null)),
    author: ids((await getAuthorPapers(t.db, "Vera Rubin"))?.papers ?? []),
    digest: ids(
      await loadDigestCandidates(t.db, {
        cadence: "DAILY",
        key: "2026-11-02",
        firstDay: "2026-11-02",
        lastDay: "2026-11-02",
        rankedAt: NOW,
      }),
    ),
  };
}

describe("moderation", () => {
  it("a hidden paper is absent from every feed, search, the API, RSS, author pages and the next digest, and comes back when unhidden", async () => {
    const both = ["2611.00001", "2611.00002"];
    expect(Object.values(await shownEverywhere())).toEqual(Array(7).fill(both));

    await moderate(t.db, "mod@example.com", { kind: "HIDE_PAPER", target: "2611.00002", reason: "Not a research paper" }, NOW);
    expect(await shownEverywhere()).toEqual({
      day: ["2611.00001"],
      trending: ["2611.00001"],
      search: ["2611.00001"],
      feeds: ["2611.00001"],
      api: ["2611.00001"],
      author: ["2611.00001"],
      digest: ["2611.00001"],
    });
    const { user } = await createSignedInUser(t.db, "voter@example.com");
    expect(await castUpvote(t.db, user.id, "2611.00002")).toBeNull();
    expect(await t.db.paper.findUniqueOrThrow({ where: { id: "2611.00002" } })).toMatchObject({ localUpvotes: 0 });

    await moderate(t.db, "mod@example.com", { kind: "UNHIDE_PAPER", target: "2611.00002", reason: "Appeal accepted" }, NOW);
    expect(Object.values(await shownEverywhere())).toEqual(Array(7).fill(both));
    const log = (await getModerationQueue(t.db)).log;
    expect(log.map((entry) => [entry.moderator, entry.kind, entry.target, entry.reason])).toEqual([
      ["mod@example.com", "UNHIDE_PAPER", "2611.00002", "Appeal accepted"],
      ["mod@example.com", "HIDE_PAPER", "2611.00002", "Not a research paper"],
    ]);
  });

  it("reports are taken once per reader and item, queue up, and are resolved by hiding; a hidden comment is a tombstone", async () => {
    const { user: author } = await createSignedInUser(t.db, "author@example.com");
    const { user: reader } = await createSignedInUser(t.db, "reader@example.com");
    const comment = await postComment(t.db, author.id, { paperId: "2611.00001", body: "Buy cheap pills" });
    await reportItem(t.db, reader.id, { commentId: comment.id }, "Spam");
    await expect(reportItem(t.db, reader.id, { commentId: comment.id }, "Spam again")).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(reportItem(t.db, reader.id, { commentId: comment.id }, "x")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await reportItem(t.db, reader.id, { paperId: "2611.00001" }, "Duplicate of another paper");

    const queue = await getModerationQueue(t.db);
    expect(queue.reports.map((report) => report.target.type).sort()).toEqual(["comment", "paper"]);
    const commentReport = queue.reports.find((report) => report.target.type === "comment")!;
    expect(commentReport.target).toMatchObject({ excerpt: "Buy cheap pills", authorEmail: "author@example.com" });

    await moderate(t.db, "mod@example.com", { kind: "HIDE_COMMENT", target: comment.id, reason: "Spam" });
    const page = await listPaperComments(t.db, "2611.00001");
    expect(page.total).toBe(0);
    expect(page.threads).toEqual([]);
    expect((await getModerationQueue(t.db)).reports.map((report) => report.target.type)).toEqual(["paper"]);
    await moderate(t.db, "mod@example.com", {
      kind: "DISMISS_REPORT",
      target: (await getModerationQueue(t.db)).reports[0]!.id,
      reason: "Not a duplicate",
    });
    expect((await getModerationQueue(t.db)).reports).toEqual([]);

    await moderate(t.db, "mod@example.com", { kind: "UNHIDE_COMMENT", target: comment.id, reason: "Mistake" });
    expect((await listPaperComments(t.db, "2611.00001")).total).toBe(1);
    await expect(moderate(t.db, "mod@example.com", { kind: "HIDE_COMMENT", target: "no-such-comment", reason: "x" })).rejects.toMatchObject(
      {
        code: "NOT_FOUND",
      },
    );
  });

  it("a reader can file 20 reports an hour; the 21st gets 429 with the wait, and a repeated report costs nothing", async () => {
    const { user: reader } = await createSignedInUser(t.db, "reporter@example.com");
    for (let index = 0; index < 22; index++) await paper(`2611.${String(index + 100).padStart(5, "0")}`, `Paper ${index}`);
    await reportItem(t.db, reader.id, { paperId: "2611.00100" }, "Spam", NOW);
    await expect(reportItem(t.db, reader.id, { paperId: "2611.00100" }, "Spam", NOW)).rejects.toMatchObject({ code: "CONFLICT" });
    for (let index = 1; index < 20; index++)
      await reportItem(t.db, reader.id, { paperId: `2611.${String(index + 100).padStart(5, "0")}` }, "Spam", NOW);
    const refused = reportItem(t.db, reader.id, { paperId: "2611.00120" }, "Spam", NOW);
    await expect(refused).rejects.toMatchObject({ code: "RATE_LIMITED", details: { retryAfterSeconds: 3600 } });
    await expect(reportItem(t.db, reader.id, { paperId: "2611.00120" }, "Spam", NOW)).rejects.toThrow(/20 reports in the last hour/);
    expect(await t.db.report.count({ where: { reporterId: reader.id } })).toBe(20);
    await reportItem(t.db, reader.id, { paperId: "2611.00120" }, "Spam", new Date(NOW.getTime() + 3_600_001));
  });

  it("a banned user is signed out, cannot sign in again, and their vote, comment or submission gets 403", async () => {
    const { user, sessionToken, cookie } = await createSignedInUser(t.db, "troll@example.com");
    await moderate(t.db, "mod@example.com", { kind: "BAN_USER", target: "Troll@Example.com", reason: "Abuse" });
    expect(await findSessionUser(t.db, sessionToken)).toBeNull();

    const options = createAuthOptions({
      db: t.db,
      mailer: createSmtpMailer("smtp://127.0.0.1:9", "Daily Papers <papers@test.localhost>"),
      siteUrl: SITE_URL,
      secret: "integration-test-secret-0123456789",
      linkTtlHours: 24,
    });
    const signIn = options.callbacks!.signIn!;
    expect(await signIn({ user: { id: user.id, email: "troll@example.com" } } as never)).toBe(false);
    expect(await signIn({ user: { id: "x", email: "someone-else@example.com" } } as never)).toBe(true);

    // A session that outlived the ban (made before it took effect) is still refused.
    const session = await t.db.session.create({
      data: { sessionToken: `${sessionToken}-2`, userId: user.id, expires: new Date(Date.now() + 86_400_000) },
    });
    const signedIn = await findSessionUser(t.db, session.sessionToken);
    expect(signedIn).toMatchObject({ banned: true });
    const forbidden = () => assertMayContribute(signedIn!);
    expect(forbidden).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));

    const handler = createUpvoteHandler({
      db: t.db,
      siteUrl: SITE_URL,
      rateLimit: { limit: 10, windowMs: 60_000 },
      onChange: async () => undefined,
    });
    const vote = await handler(
      new Request(`${SITE_URL}/api/papers/2611.00001/upvote`, {
        method: "POST",
        headers: { cookie: cookie.replace(sessionToken, session.sessionToken), origin: SITE_URL },
      }),
      { params: Promise.resolve({ id: "2611.00001" }) },
    );
    expect(vote.status).toBe(403);
    expect((await vote.json()).error.message).toContain("suspended");

    await moderate(t.db, "mod@example.com", { kind: "UNBAN_USER", target: "troll@example.com", reason: "Served" });
    expect(await signIn({ user: { id: user.id, email: "troll@example.com" } } as never)).toBe(true);
  });

  it("deleting an account turns its comments into tombstones and lowers the counts", async () => {
    const { user } = await createSignedInUser(t.db, "leaving@example.com");
    const thread = await postComment(t.db, user.id, { paperId: "2611.00001", body: "My thoughts" });
    const { user: other } = await createSignedInUser(t.db, "staying@example.com");
    await postComment(t.db, other.id, { paperId: "2611.00001", replyTo: thread.id, body: "A reply" });
    await deleteUserAccount(t.db, user.id);
    const page = await listPaperComments(t.db, "2611.00001");
    expect(page.total).toBe(1);
    expect(page.threads[0]).toMatchObject({ deleted: true, body: "", author: "[deleted]" });
    expect(page.threads[0]!.replies[0]).toMatchObject({ body: "A reply" });
    expect(await t.db.comment.count({ where: { body: "My thoughts" } })).toBe(0);
  });
});
