import { beforeEach, describe, expect, it } from "vitest";
import { dailyPapersParamsSchema } from "@/lib/api-params";
import { feedSortSchema } from "@/lib/feed-sort";
import { parsePeriod } from "@/lib/periods";
import { moderate } from "@/server/moderation/moderate";
import { getPeriodFeed } from "@/server/papers/feed";
import { createPaper, createSignedInUser } from "../support/accounts";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
const NOW = new Date("2026-11-03T12:00:00Z");
const DAY = parsePeriod("date", "2026-11-02")!;

async function order(sort: "discussed" | "trending") {
  // A list's order is kept in a snapshot for a minute; each look here computes it afresh.
  await t.db.feedSnapshot.deleteMany();
  return (await getPeriodFeed(t.db, DAY, sort, NOW)).papers.map((paper) => [paper.id, paper.comments]);
}

beforeEach(async () => {
  await t.db.$executeRawUnsafe(`TRUNCATE "Paper", "User", "ModerationAction", "FeedSnapshot" CASCADE`);
});

describe("the Discussed sort", () => {
  it("orders by the comments a card counts (Hugging Face's plus the live ones here), then trending, then id", async () => {
    const { user } = await createSignedInUser(t.db, "reader@example.com");
    // [id, upvotes, comments on Hugging Face, comments here]
    const papers = [
      ["2611.00001", 0, 5, 0],
      ["2611.00002", 0, 0, 3],
      ["2611.00003", 10, 1, 2],
      ["2611.00004", 50, 0, 0],
      ["2611.00005", 0, 0, 3],
    ] as const;
    const comments = new Map<string, string[]>();
    for (const [id, upvotes, upstream, local] of papers) {
      await createPaper(t.db, id, upvotes);
      await t.db.paper.update({ where: { id }, data: { upstreamComments: upstream, localComments: local } });
      const rows = await Promise.all(
        Array.from({ length: local }, () => t.db.comment.create({ data: { paperId: id, userId: user.id, body: "A thought" } })),
      );
      comments.set(
        id,
        rows.map((row) => row.id),
      );
    }

    expect(await order("discussed")).toEqual([
      ["2611.00001", 5],
      ["2611.00003", 3],
      ["2611.00002", 3],
      ["2611.00005", 3],
      ["2611.00004", 0],
    ]);
    expect((await order("trending")).map(([id]) => id)).toEqual(["2611.00004", "2611.00003", "2611.00001", "2611.00002", "2611.00005"]);

    // A hidden comment no longer counts, so its paper moves down.
    await moderate(t.db, "mod@example.com", { kind: "HIDE_COMMENT", target: comments.get("2611.00003")![0]!, reason: "Spam" }, NOW);
    expect(await order("discussed")).toEqual([
      ["2611.00001", 5],
      ["2611.00002", 3],
      ["2611.00005", 3],
      ["2611.00003", 2],
      ["2611.00004", 0],
    ]);
  });

  it("is a sort the pages and /api/daily_papers take by name", () => {
    expect(feedSortSchema.parse("discussed")).toBe("discussed");
    expect(dailyPapersParamsSchema.parse({ sort: "discussed" }).sort).toBe("discussed");
    const refused = dailyPapersParamsSchema.safeParse({ sort: "best" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe("must be publishedAt, trending or discussed");
  });
});
