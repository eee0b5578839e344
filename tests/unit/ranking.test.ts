import { describe, expect, it } from "vitest";
import { GRAVITY, rankByTrending, trendingScore } from "@/lib/ranking";

const now = new Date("2026-06-16T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

describe("trendingScore", () => {
  it("is (upvotes + 1) / (ageHours + 2) ^ 1.5 and explains itself", () => {
    const rank = trendingScore({ upvotes: 99, addedAt: hoursAgo(8) }, now);
    expect(GRAVITY).toBe(1.5);
    expect(rank.ageHours).toBe(8);
    expect(rank.score).toBeCloseTo(100 / Math.pow(10, 1.5), 10);
  });

  it("decays with age: the same votes rank lower a day later", () => {
    const fresh = trendingScore({ upvotes: 10, addedAt: hoursAgo(2) }, now).score;
    const old = trendingScore({ upvotes: 10, addedAt: hoursAgo(26) }, now).score;
    expect(fresh).toBeGreaterThan(old);
  });

  it("never goes negative or divides by zero for papers stamped in the future", () => {
    const rank = trendingScore({ upvotes: 0, addedAt: hoursAgo(-5) }, now);
    expect(rank.ageHours).toBe(0);
    expect(rank.score).toBeCloseTo(1 / Math.pow(2, 1.5));
  });
});

describe("rankByTrending", () => {
  it("puts a fresh well-voted paper above an older, more voted one and breaks ties by votes then id", () => {
    const ranked = rankByTrending(
      [
        { id: "old-popular", upvotes: 120, addedAt: hoursAgo(48) },
        { id: "fresh", upvotes: 30, addedAt: hoursAgo(6) },
        { id: "b-tie", upvotes: 5, addedAt: hoursAgo(10) },
        { id: "a-tie", upvotes: 5, addedAt: hoursAgo(10) },
      ],
      now,
    );
    expect(ranked.map((item) => item.id)).toEqual(["fresh", "old-popular", "a-tie", "b-tie"]);
    expect(ranked[0]?.rank.score).toBeGreaterThan(ranked[1]!.rank.score);
  });
});
