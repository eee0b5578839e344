import { describe, expect, it } from "vitest";
import { COMMENT_GRAVITY, commentScore, rankCommentsBest } from "@/lib/comment-ranking";

const now = new Date("2026-12-07T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

describe("commentScore", () => {
  it("is (upvotes + 1) / (ageHours + 2) ^ 1.5", () => {
    expect(COMMENT_GRAVITY).toBe(1.5);
    expect(commentScore({ upvotes: 7, createdAt: hoursAgo(14) }, now)).toBeCloseTo(8 / Math.pow(16, 1.5), 12);
    expect(commentScore({ upvotes: 0, createdAt: hoursAgo(2) }, now)).toBeCloseTo(1 / 8, 12);
  });

  it("falls with age for the same votes and rises with votes for the same age", () => {
    expect(commentScore({ upvotes: 5, createdAt: hoursAgo(3) }, now)).toBeGreaterThan(
      commentScore({ upvotes: 5, createdAt: hoursAgo(30) }, now),
    );
    expect(commentScore({ upvotes: 6, createdAt: hoursAgo(3) }, now)).toBeGreaterThan(
      commentScore({ upvotes: 5, createdAt: hoursAgo(3) }, now),
    );
  });

  it("counts a comment stamped in the future as brand new, never dividing by zero or going negative", () => {
    expect(commentScore({ upvotes: 0, createdAt: hoursAgo(-5) }, now)).toBe(commentScore({ upvotes: 0, createdAt: now }, now));
    expect(commentScore({ upvotes: 0, createdAt: now }, now)).toBeCloseTo(1 / Math.pow(2, 1.5), 12);
  });
});

describe("rankCommentsBest", () => {
  it("lets votes beat youth only as far as the formula says, and orders unvoted threads newest first", () => {
    const ranked = rankCommentsBest(
      [
        { id: "old-unvoted", upvotes: 0, createdAt: hoursAgo(48) },
        // 4 votes at 2 h: 5 / 4^1.5 = 0.625; a brand-new unvoted thread: 1 / 2^1.5 ≈ 0.354.
        { id: "young-voted", upvotes: 4, createdAt: hoursAgo(2) },
        { id: "new-unvoted", upvotes: 0, createdAt: hoursAgo(0) },
        // 30 votes at 2 days: 31 / 50^1.5 ≈ 0.088, above the unvoted day-old thread (≈ 0.008).
        { id: "old-popular", upvotes: 30, createdAt: hoursAgo(48) },
        { id: "day-unvoted", upvotes: 0, createdAt: hoursAgo(24) },
      ],
      now,
    );
    expect(ranked.map((thread) => thread.id)).toEqual(["young-voted", "new-unvoted", "old-popular", "day-unvoted", "old-unvoted"]);
  });

  it("breaks exact ties by id in code-unit order, whatever order they come in", () => {
    const tied = ["b", "B", "a-2", "a10", "a1"].map((id) => ({ id, upvotes: 3, createdAt: hoursAgo(5) }));
    expect(rankCommentsBest(tied, now).map((thread) => thread.id)).toEqual(["B", "a-2", "a1", "a10", "b"]);
    expect(rankCommentsBest([...tied].reverse(), now).map((thread) => thread.id)).toEqual(["B", "a-2", "a1", "a10", "b"]);
  });

  it("leaves its input as it was", () => {
    const threads = [
      { id: "x", upvotes: 0, createdAt: hoursAgo(10) },
      { id: "y", upvotes: 9, createdAt: hoursAgo(1) },
    ];
    rankCommentsBest(threads, now);
    expect(threads.map((thread) => thread.id)).toEqual(["x", "y"]);
  });
});
