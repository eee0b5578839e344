import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { rankCommentsBest } from "@/lib/comment-ranking";
import { deleteUserAccount } from "@/server/accounts/account-data";
import { findSessionUser, type CurrentUser } from "@/server/auth/session";
import { setCommentVote } from "@/server/comments/comment-votes";
import { deleteComment, listPaperComments, postComment, THREADS_PER_PAGE } from "@/server/comments/comments";
import { createCommentsApiHandler } from "@/server/comments/comments-api-handler";
import { errorResponse } from "@/server/http/errors";
import { createPaper, createSignedInUser } from "../support/accounts";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
const PAPER = "2611.00001";

beforeEach(async () => {
  await t.db.$executeRawUnsafe(`TRUNCATE "Paper", "User", "RateLimitEvent" CASCADE`);
  await createPaper(t.db, PAPER);
});

/** A signed-in reader as the app sees them (what findSessionUser answers for their cookie). */
async function reader(email: string): Promise<CurrentUser> {
  const { sessionToken } = await createSignedInUser(t.db, email);
  return (await findSessionUser(t.db, sessionToken))!;
}

/** The stored counter and the vote rows behind it. */
async function counts(commentId: string) {
  const comment = await t.db.comment.findUniqueOrThrow({ where: { id: commentId }, select: { upvotes: true } });
  return { counter: comment.upvotes, rows: await t.db.commentVote.count({ where: { commentId } }) };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error, "the vote was refused").not.toBeNull();
  const answer = errorResponse(error);
  return { status: answer.status, message: ((await answer.json()) as { error: { message: string } }).error.message };
}

describe("comment votes", () => {
  it("count 50 concurrent upvotes by 50 readers as 50: the counter equals the rows", async () => {
    const writer = await reader("writer@example.com");
    const comment = await postComment(t.db, writer.id, { paperId: PAPER, body: "Worth a vote" });
    const voters = await Promise.all(Array.from({ length: 50 }, (_, index) => reader(`voter${index}@example.com`)));
    const results = await Promise.all(voters.map((voter) => setCommentVote(t.db, voter, { commentId: comment.id, upvoted: true })));
    expect(results.every((result) => result.upvoted && result.paperId === PAPER)).toBe(true);
    expect(Math.max(...results.map((result) => result.upvotes))).toBe(50);
    expect(await counts(comment.id)).toEqual({ counter: 50, rows: 50 });
  });

  it("let a second upvote by one reader change nothing, even sent concurrently, and take an upvote back once", async () => {
    const writer = await reader("writer@example.com");
    const comment = await postComment(t.db, writer.id, { paperId: PAPER, body: "Vote once" });
    const voter = await reader("voter@example.com");
    const vote = (upvoted: boolean) => setCommentVote(t.db, voter, { commentId: comment.id, upvoted });

    expect(await vote(true)).toEqual({ commentId: comment.id, paperId: PAPER, upvoted: true, upvotes: 1 });
    expect(await vote(true)).toEqual({ commentId: comment.id, paperId: PAPER, upvoted: true, upvotes: 1 });
    await Promise.all(Array.from({ length: 20 }, () => vote(true)));
    expect(await counts(comment.id)).toEqual({ counter: 1, rows: 1 });
    expect((await listPaperComments(t.db, PAPER, { viewerId: voter.id })).threads[0]).toMatchObject({ upvotes: 1, upvoted: true });
    expect((await listPaperComments(t.db, PAPER, { viewerId: writer.id })).threads[0]).toMatchObject({ upvotes: 1, upvoted: false });

    expect(await vote(false)).toEqual({ commentId: comment.id, paperId: PAPER, upvoted: false, upvotes: 0 });
    expect(await vote(false)).toEqual({ commentId: comment.id, paperId: PAPER, upvoted: false, upvotes: 0 });
    expect(await counts(comment.id)).toEqual({ counter: 0, rows: 0 });
  });

  it("keep the counter equal to the rows under a random mix of concurrent votes and unvotes", async () => {
    const writer = await reader("writer@example.com");
    const comment = await postComment(t.db, writer.id, { paperId: PAPER, body: "Contested" });
    const voters = await Promise.all(Array.from({ length: 12 }, (_, index) => reader(`crowd${index}@example.com`)));
    await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        setCommentVote(t.db, voters[index % voters.length]!, { commentId: comment.id, upvoted: Math.random() < 0.5 }),
      ),
    );
    const after = await counts(comment.id);
    expect(after.counter).toBe(after.rows);
    expect(after.rows).toBeLessThanOrEqual(voters.length);
  });

  it("refuse one's own comment, a deleted or hidden one, an unknown one and a suspended reader, with clear 4xx messages", async () => {
    const writer = await reader("writer@example.com");
    const voter = await reader("voter@example.com");
    const own = await postComment(t.db, writer.id, { paperId: PAPER, body: "Mine" });
    expect(await refusal(setCommentVote(t.db, writer, { commentId: own.id, upvoted: true }))).toEqual({
      status: 403,
      message: "You cannot upvote your own comment.",
    });
    expect(await refusal(setCommentVote(t.db, writer, { commentId: own.id, upvoted: false }))).toMatchObject({ status: 403 });

    const deleted = await postComment(t.db, writer.id, { paperId: PAPER, body: "Gone soon" });
    await deleteComment(t.db, writer.id, deleted.id);
    const hidden = await postComment(t.db, writer.id, { paperId: PAPER, body: "Hidden soon" });
    await t.db.comment.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    for (const commentId of [deleted.id, hidden.id, "no-such-comment"]) {
      expect(await refusal(setCommentVote(t.db, voter, { commentId, upvoted: true }))).toEqual({
        status: 404,
        message: "That comment is gone.",
      });
    }
    expect(await refusal(setCommentVote(t.db, voter, { commentId: "", upvoted: true }))).toMatchObject({ status: 400 });

    await t.db.user.update({ where: { id: voter.id }, data: { bannedAt: new Date() } });
    const suspended = (await t.db.session.findFirstOrThrow({ where: { userId: voter.id } })).sessionToken;
    const banned = (await findSessionUser(t.db, suspended))!;
    expect(await refusal(setCommentVote(t.db, banned, { commentId: own.id, upvoted: true }))).toMatchObject({
      status: 403,
      message: expect.stringContaining("suspended"),
    });
    expect(await t.db.commentVote.count()).toBe(0);
    expect((await t.db.comment.aggregate({ _sum: { upvotes: true } }))._sum.upvotes).toBe(0);
  });

  it("tell every instance of a vote that changed something, in the vote's own statement, and only then", async () => {
    const writer = await reader("writer@example.com");
    const voter = await reader("voter@example.com");
    const comment = await postComment(t.db, writer.id, { paperId: PAPER, body: "Listen" });
    const listener = new pg.Client({ connectionString: t.url });
    await listener.connect();
    const heard: string[] = [];
    // Notices reach a listening session in commit order: once the sentinel is in, every notice sent before it is too.
    const sentinel = new Promise<void>((resolve) =>
      listener.on("notification", ({ channel }) => (channel === "test_sentinel" ? resolve() : heard.push(channel))),
    );
    try {
      await listener.query("LISTEN papers_changed; LISTEN test_sentinel");
      for (const upvoted of [true, true, false, false]) await setCommentVote(t.db, voter, { commentId: comment.id, upvoted });
      await t.db.$executeRaw`SELECT pg_notify('test_sentinel', '')`;
      await sentinel;
      expect(heard).toEqual(["papers_changed", "papers_changed"]);
    } finally {
      await listener.end();
    }
  });

  it("are taken off the counts with the voter's account", async () => {
    const writer = await reader("writer@example.com");
    const voter = await reader("voter@example.com");
    const other = await reader("other@example.com");
    const first = await postComment(t.db, writer.id, { paperId: PAPER, body: "One" });
    const second = await postComment(t.db, writer.id, { paperId: PAPER, body: "Two" });
    for (const { id } of [first, second]) await setCommentVote(t.db, voter, { commentId: id, upvoted: true });
    await setCommentVote(t.db, other, { commentId: first.id, upvoted: true });
    await deleteUserAccount(t.db, voter.id);
    expect(await counts(first.id)).toEqual({ counter: 1, rows: 1 });
    expect(await counts(second.id)).toEqual({ counter: 0, rows: 0 });
  });
});

describe("the best order", () => {
  const now = new Date("2026-12-07T12:00:00Z");
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

  it("is the formula's order, page after page, with exact ties by id; replies stay oldest first", async () => {
    const writer = await reader("writer@example.com");
    const voters = await Promise.all(Array.from({ length: 12 }, (_, index) => reader(`voter${index}@example.com`)));
    // 25 threads over more than a page: ages from minutes to weeks, votes from none to 12, and
    // two exact ties (same age, same votes) whose ids arrive in the wrong order.
    const fixture = [
      ...Array.from({ length: 21 }, (_, index) => ({
        id: `thread-${String(index).padStart(2, "0")}`,
        ageHours: [0.2, 1, 3, 5, 8, 12, 20, 30, 47, 70, 100, 150, 200, 300, 400, 500, 700, 900, 1200, 2000, 9000][index]!,
        votes: (index * 7) % 13,
      })),
      { id: "tie-b", ageHours: 6, votes: 2 },
      { id: "tie-a", ageHours: 6, votes: 2 },
      { id: "tie-d", ageHours: 48, votes: 0 },
      { id: "tie-c", ageHours: 48, votes: 0 },
    ];
    for (const thread of fixture) {
      await t.db.comment.create({
        data: { id: thread.id, paperId: PAPER, userId: writer.id, body: thread.id, createdAt: hoursAgo(thread.ageHours) },
      });
      for (const voter of voters.slice(0, thread.votes)) await setCommentVote(t.db, voter, { commentId: thread.id, upvoted: true });
    }
    await t.db.paper.update({ where: { id: PAPER }, data: { localComments: fixture.length + 2 } });
    // Replies (oldest first under their thread whatever the order) and their votes do not move threads.
    await t.db.comment.create({
      data: { id: "reply-late", paperId: PAPER, userId: writer.id, threadId: "thread-20", body: "late", createdAt: hoursAgo(1) },
    });
    await t.db.comment.create({
      data: { id: "reply-early", paperId: PAPER, userId: writer.id, threadId: "thread-20", body: "early", createdAt: hoursAgo(8000) },
    });
    for (const voter of voters) await setCommentVote(t.db, voter, { commentId: "reply-late", upvoted: true });

    const stored = await t.db.comment.findMany({
      where: { paperId: PAPER, threadId: null },
      select: { id: true, upvotes: true, createdAt: true },
    });
    expect(stored.map((thread) => thread.upvotes).sort((a, b) => a - b)).toEqual(
      fixture.map((thread) => thread.votes).sort((a, b) => a - b),
    );
    const expected = rankCommentsBest(stored, now).map((thread) => thread.id);
    expect(expected.indexOf("tie-a")).toBe(expected.indexOf("tie-b") - 1);
    expect(expected.indexOf("tie-c")).toBe(expected.indexOf("tie-d") - 1);

    const first = await listPaperComments(t.db, PAPER, { order: "best", now });
    const second = await listPaperComments(t.db, PAPER, { order: "best", page: 1, now });
    expect(first.threads).toHaveLength(THREADS_PER_PAGE);
    expect(first.hasMore).toBe(true);
    expect(second.hasMore).toBe(false);
    expect([...first.threads, ...second.threads].map((thread) => thread.id)).toEqual(expected);
    const withReplies = [...first.threads, ...second.threads].find((thread) => thread.id === "thread-20")!;
    expect(withReplies.replies.map((reply) => reply.id)).toEqual(["reply-early", "reply-late"]);
    // It is the paper page's default; newest and oldest are still what they say.
    expect((await listPaperComments(t.db, PAPER, { now })).threads.map((thread) => thread.id)).toEqual(expected.slice(0, THREADS_PER_PAGE));
    const byAge = [...fixture].sort((a, b) => a.ageHours - b.ageHours || (a.id < b.id ? -1 : 1));
    expect((await listPaperComments(t.db, PAPER, { order: "newest" })).threads[0]!.id).toBe(byAge[0]!.id);
    expect((await listPaperComments(t.db, PAPER, { order: "oldest" })).threads[0]!.id).toBe(byAge.at(-1)!.id);

    // The API takes sort=best and answers each comment's upvotes, never who voted.
    const getComments = createCommentsApiHandler(t.db);
    const answer = await getComments(new Request(`http://localhost/api/papers/${PAPER}/comments?sort=best`), {
      params: Promise.resolve({ id: PAPER }),
    });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { comments: { id: string; upvotes: number; replies: { id: string; upvotes: number }[] }[] };
    // The API orders by its own clock: compare the stored counts, and the order by the formula at that moment.
    const apiNow = new Date();
    expect(body.comments.map((thread) => thread.id)).toEqual(
      rankCommentsBest(stored, apiNow)
        .slice(0, THREADS_PER_PAGE)
        .map((thread) => thread.id),
    );
    for (const thread of body.comments) {
      expect(thread.upvotes).toBe(stored.find((row) => row.id === thread.id)!.upvotes);
      expect(thread).not.toHaveProperty("upvoted");
    }
    const bad = await getComments(new Request(`http://localhost/api/papers/${PAPER}/comments?sort=top`), {
      params: Promise.resolve({ id: PAPER }),
    });
    expect(bad.status).toBe(400);
  });
});
