import pg from "pg";
import { describe, expect, it } from "vitest";
import { castUpvote, getUpvotedPaperIds, listUpvotedPapers, removeUpvote, setUpvote } from "@/server/votes/votes";
import { createPaper, createSignedInUser } from "../support/accounts";
import { useTestDatabase } from "../support/test-db";

const database = useTestDatabase();

async function counts(paperId: string) {
  const paper = await database.db.paper.findUniqueOrThrow({ where: { id: paperId } });
  const rows = await database.db.upvote.count({ where: { paperId } });
  return { local: paper.localUpvotes, rows };
}

describe("upvotes", () => {
  it("adds and removes one vote per user, idempotently, and reports the shown count", async () => {
    await createPaper(database.db, "2611.00001", 40);
    const { user } = await createSignedInUser(database.db, "voter@example.com");

    expect(await castUpvote(database.db, user.id, "2611.00001")).toEqual({ paperId: "2611.00001", upvoted: true, upvotes: 41 });
    expect(await castUpvote(database.db, user.id, "2611.00001")).toEqual({ paperId: "2611.00001", upvoted: true, upvotes: 41 });
    expect(await counts("2611.00001")).toEqual({ local: 1, rows: 1 });
    expect(await getUpvotedPaperIds(database.db, user.id, ["2611.00001", "2611.99999"])).toEqual(new Set(["2611.00001"]));

    expect(await removeUpvote(database.db, user.id, "2611.00001")).toEqual({ paperId: "2611.00001", upvoted: false, upvotes: 40 });
    expect(await removeUpvote(database.db, user.id, "2611.00001")).toEqual({ paperId: "2611.00001", upvoted: false, upvotes: 40 });
    expect(await counts("2611.00001")).toEqual({ local: 0, rows: 0 });
    expect(await getUpvotedPaperIds(database.db, null, ["2611.00001"])).toEqual(new Set());
  });

  it("tells every instance of a vote that changed something, in the vote's own statement, and only then", async () => {
    await createPaper(database.db, "2611.00009", 0);
    const { user } = await createSignedInUser(database.db, "notifier@example.com");
    const listener = new pg.Client({ connectionString: database.url });
    await listener.connect();
    const heard: string[] = [];
    // Notices reach a listening session in commit order: once the sentinel is in, every notice sent before it is too.
    const sentinel = new Promise<void>((resolve) =>
      listener.on("notification", ({ channel }) => (channel === "test_sentinel" ? resolve() : heard.push(channel))),
    );
    try {
      await listener.query("LISTEN papers_changed; LISTEN test_sentinel");
      await castUpvote(database.db, user.id, "2611.00009");
      await castUpvote(database.db, user.id, "2611.00009");
      await removeUpvote(database.db, user.id, "2611.00009");
      await removeUpvote(database.db, user.id, "2611.00009");
      await database.db.$executeRaw`SELECT pg_notify('test_sentinel', '')`;
      await sentinel;
      expect(heard).toEqual(["papers_changed", "papers_changed"]);
    } finally {
      await listener.end();
    }
  });

  it("answers null for an unknown paper and writes nothing", async () => {
    const { user } = await createSignedInUser(database.db, "lost@example.com");
    expect(await castUpvote(database.db, user.id, "2611.09999")).toBeNull();
    expect(await removeUpvote(database.db, user.id, "2611.09999")).toBeNull();
    expect(await database.db.upvote.count({ where: { userId: user.id } })).toBe(0);
  });

  it("moves the count by exactly one for 100 concurrent upvotes by one user", async () => {
    await createPaper(database.db, "2611.00002", 7);
    const { user } = await createSignedInUser(database.db, "eager@example.com");
    const results = await Promise.all(Array.from({ length: 100 }, () => castUpvote(database.db, user.id, "2611.00002")));
    expect(results.every((result) => result?.upvoted)).toBe(true);
    expect(await counts("2611.00002")).toEqual({ local: 1, rows: 1 });
  });

  it("keeps the count equal to the rows under a random mix of concurrent votes and unvotes", async () => {
    await createPaper(database.db, "2611.00003");
    const users = await Promise.all(Array.from({ length: 12 }, (_, index) => createSignedInUser(database.db, `crowd${index}@example.com`)));
    const operations = Array.from({ length: 300 }, (_, index) => {
      const { user } = users[index % users.length]!;
      return () => setUpvote(database.db, user.id, "2611.00003", Math.random() < 0.5);
    });
    await Promise.all(operations.map((operation) => operation()));
    const after = await counts("2611.00003");
    expect(after.local).toBe(after.rows);
    expect(after.rows).toBeLessThanOrEqual(users.length);
  });
});

describe("listUpvotedPapers", () => {
  it("lists the user's upvoted papers as cards, most recent vote first", async () => {
    await createPaper(database.db, "2611.00004", 2);
    await createPaper(database.db, "2611.00005", 0);
    const { user } = await createSignedInUser(database.db, "reader@example.com");
    await castUpvote(database.db, user.id, "2611.00005");
    await castUpvote(database.db, user.id, "2611.00004");
    const papers = await listUpvotedPapers(database.db, user.id);
    expect(papers.map((paper) => [paper.id, paper.upvotes])).toEqual([
      ["2611.00004", 3],
      ["2611.00005", 1],
    ]);
  });
});
