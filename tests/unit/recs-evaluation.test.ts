import { describe, expect, it } from "vitest";
import { endOfDay, isAboutTheme, mean, ndcgAt, precisionAt, rollingSplits, sampleOf, seededRandom, seedOf } from "@/lib/recs/evaluation";

const relevant = new Set(["a", "c", "f"]);

describe("precisionAt", () => {
  it("is the share of the first k places held by relevant papers", () => {
    expect(precisionAt(["a", "b", "c", "d", "e"], relevant, 5)).toBe(0.4);
    expect(precisionAt(["a", "b", "c", "d", "e"], relevant, 2)).toBe(0.5);
  });

  it("counts empty places as misses: a list of 2 cannot reach more than 2/10", () => {
    expect(precisionAt(["a", "c"], relevant, 10)).toBe(0.2);
    expect(precisionAt([], relevant, 10)).toBe(0);
  });
});

describe("ndcgAt", () => {
  it("discounts each hit by log2 of its place + 1 and divides by the best order's gain", () => {
    // Hits at places 1 and 3: 1/log2(2) + 1/log2(4) = 1 + 0.5 = 1.5. Three relevant papers, k = 5,
    // so the ideal puts them at places 1-3: 1 + 1/log2(3) + 0.5 = 2.1309297535714578.
    expect(ndcgAt(["a", "b", "c", "d", "e"], relevant, 5)).toBeCloseTo(1.5 / 2.1309297535714578, 12);
    expect(ndcgAt(["a", "b", "c", "d", "e"], relevant, 5)).toBeCloseTo(0.703918, 6);
  });

  it("takes the ideal from min(k, |relevant|) places: one hit first among two places is perfect for k = 1", () => {
    expect(ndcgAt(["a", "b"], relevant, 1)).toBe(1);
    // k = 2, hit at place 2 only: (1/log2(3)) / (1 + 1/log2(3)) = 0.63093 / 1.63093.
    expect(ndcgAt(["b", "a"], relevant, 2)).toBeCloseTo(0.386853, 6);
  });

  it("is 1 for the best order, 0 without a hit and 0 when nothing is relevant", () => {
    expect(ndcgAt(["f", "c", "a", "b"], relevant, 10)).toBe(1);
    expect(ndcgAt(["b", "d"], relevant, 10)).toBe(0);
    expect(ndcgAt(["a", "b"], new Set(), 10)).toBe(0);
  });
});

describe("mean", () => {
  it("averages, and is 0 for nothing", () => {
    expect(mean([0.2, 0.4, 0.9])).toBeCloseTo(0.5, 12);
    expect(mean([])).toBe(0);
  });
});

describe("seeded sampling", () => {
  it("gives the same numbers for the same seed and others for another seed", () => {
    const first = seededRandom(seedOf("robotics 2026-06-08"));
    const again = seededRandom(seedOf("robotics 2026-06-08"));
    const other = seededRandom(seedOf("robotics 2026-06-09"));
    const draws = [first(), first(), first()];
    expect([again(), again(), again()]).toEqual(draws);
    expect([other(), other(), other()]).not.toEqual(draws);
    for (const value of draws) expect(value >= 0 && value < 1).toBe(true);
  });

  it("hashes texts with FNV-1a", () => {
    expect(seedOf("")).toBe(0x811c9dc5);
    expect(seedOf("a")).toBe(0xe40c292c);
  });

  it("draws distinct items, all of them when asked for more than there are", () => {
    const items = Array.from({ length: 50 }, (_, index) => index);
    const sample = sampleOf(items, 10, seededRandom(7));
    expect(sample).toHaveLength(10);
    expect(new Set(sample).size).toBe(10);
    expect(sampleOf(items, 10, seededRandom(7))).toEqual(sample);
    expect([...sampleOf(items, 80, seededRandom(7))].sort((a, b) => a - b)).toEqual(items);
    expect(items.slice(0, 3)).toEqual([0, 1, 2]);
  });

  it("swaps each place with a later one the random number picks (a partial Fisher-Yates shuffle)", () => {
    // 0.5 of 5 left picks place 0 + 2, then 0.5 of 4 left picks place 1 + 2: [2, 3, 0, 1, 4] -> [2, 3].
    expect(sampleOf([0, 1, 2, 3, 4], 2, () => 0.5)).toEqual([2, 3]);
    expect(sampleOf([0, 1, 2, 3, 4], 2, () => 0)).toEqual([0, 1]);
  });
});

describe("isAboutTheme", () => {
  const video = /\bvideos?\b/i;

  it("is true for a title match or two matches in the abstract, not for one passing mention", () => {
    expect(isAboutTheme(video, { title: "Long Video Generation", abstract: "We generate clips." })).toBe(true);
    expect(isAboutTheme(video, { title: "World Models", abstract: "A video model predicts the next videos." })).toBe(true);
    expect(isAboutTheme(video, { title: "World Models", abstract: "Unlike video models, we plan in text." })).toBe(false);
  });

  it("gives the same answer however often a pattern is reused, global flag or not", () => {
    const globalVideo = /\bvideos?\b/gi;
    const paper = { title: "Video Agents", abstract: "No more." };
    expect([1, 2, 3].map(() => isAboutTheme(globalVideo, paper))).toEqual([true, true, true]);
  });
});

describe("rollingSplits", () => {
  it("puts a split after each day whose next 7 days have every weekday recorded", () => {
    // Mon 2026-06-01 .. Fri 06-12 without Fri 06-05, and Mon 06-15.
    const days = ["2026-06-01", "2026-06-02", "2026-06-03", "2026-06-04", "2026-06-08", "2026-06-09"];
    const more = ["2026-06-10", "2026-06-11", "2026-06-12", "2026-06-15"];
    expect(rollingSplits([...more, ...days], 7)).toEqual([{ trainingEnd: "2026-06-08", windowEnd: "2026-06-15" }]);
    // Training through Fri 06-05: its window's weekdays, Mon 06-08 .. Fri 06-12, are all there.
    expect(rollingSplits(["2026-06-05", "2026-06-08", "2026-06-09", "2026-06-10", "2026-06-11", "2026-06-12"], 7)).toEqual([
      { trainingEnd: "2026-06-05", windowEnd: "2026-06-12" },
    ]);
  });
});

describe("endOfDay", () => {
  it("is the last millisecond of the day in UTC", () => {
    expect(endOfDay("2026-06-30").toISOString()).toBe("2026-06-30T23:59:59.999Z");
  });
});
