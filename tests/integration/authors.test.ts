import { beforeEach, describe, expect, it } from "vitest";
import { getAuthorPapers } from "@/server/papers/authors";
import { listCursorSchema } from "@/server/papers/list-pages";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();

async function paper(id: string, authors: string[], publishedAt: string, upvotes: number) {
  await t.db.paper.create({
    data: {
      id,
      title: `Paper ${id}`,
      abstract: "An abstract.",
      authors,
      publishedAt: new Date(publishedAt),
      feedDate: new Date(publishedAt.slice(0, 10)),
      source: "ARXIV",
      upstreamUpvotes: upvotes,
    },
  });
}

beforeEach(async () => {
  await t.db.$executeRawUnsafe(`TRUNCATE "Paper" CASCADE`);
});

describe("getAuthorPapers", () => {
  it("lists the papers naming exactly that author, newest first, with their count and upvotes, a page at a time", async () => {
    await paper("2611.00001", ["Ada Lovelace", "Charles Babbage"], "2026-11-01T10:00:00Z", 5);
    await paper("2611.00002", ["Charles Babbage"], "2026-11-03T10:00:00Z", 7);
    await paper("2611.00003", ["Ada Lovelace-King"], "2026-11-04T10:00:00Z", 100);
    await paper("2611.00004", ["Ada Lovelace"], "2026-11-05T10:00:00Z", 1);

    const page = await getAuthorPapers(t.db, "Ada Lovelace");
    expect(page).toMatchObject({ author: "Ada Lovelace", total: 2, totalUpvotes: 6, nextCursor: null });
    expect(page!.papers.map((p) => p.id)).toEqual(["2611.00004", "2611.00001"]);

    const first = await getAuthorPapers(t.db, "Charles Babbage", { limit: 1 });
    expect(first!.papers.map((p) => p.id)).toEqual(["2611.00002"]);
    const second = await getAuthorPapers(t.db, "Charles Babbage", { cursor: listCursorSchema.parse(first!.nextCursor), limit: 1 });
    expect(second!.papers.map((p) => p.id)).toEqual(["2611.00001"]);

    expect(await getAuthorPapers(t.db, "Ada")).toBeNull();
    expect(await getAuthorPapers(t.db, "ada lovelace")).toBeNull();
  });

  it("finds the name through the GIN index on the author lists", async () => {
    await paper("2611.00005", ["Grace Hopper"], "2026-11-01T10:00:00Z", 0);
    // Few rows here, so the planner would rather scan; forbidding that shows the index can answer.
    const plan = await t.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT id FROM "Paper" p WHERE p."authors" @> ARRAY['Grace Hopper']::text[]`,
      );
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("Paper_authors_idx");
  });
});
