import { describe, expect, it } from "vitest";
import { pageCacheEntry } from "@/edge/cache-key";
import { carriedDay, dayParam } from "@/lib/period-day";
import { parsePeriod } from "@/lib/periods";

const month = parsePeriod("month", "2026-06")!;
const week = parsePeriod("week", "2026-W25")!; // Monday June 15 to Sunday June 21
const day = parsePeriod("date", "2026-06-16")!;

describe("carriedDay", () => {
  it("is the carried day when it lies in the week or month", () => {
    expect(carriedDay(month, "2026-06-16")).toBe("2026-06-16");
    expect(carriedDay(month, "2026-06-30")).toBe("2026-06-30");
    expect(carriedDay(week, "2026-06-21")).toBe("2026-06-21");
  });

  it("falls back to the period's first day when the day is missing, malformed or elsewhere", () => {
    expect(carriedDay(month, null)).toBe("2026-06-01");
    expect(carriedDay(month, "")).toBe("2026-06-01");
    expect(carriedDay(month, "2026-06-31")).toBe("2026-06-01");
    expect(carriedDay(month, "2026-07-01")).toBe("2026-06-01");
    expect(carriedDay(week, "2026-06-14")).toBe("2026-06-15");
    expect(carriedDay(week, "16 June")).toBe("2026-06-15");
  });

  it("is the day itself on a day's page", () => {
    expect(carriedDay(day, "2026-06-10")).toBe("2026-06-16");
  });
});

describe("dayParam", () => {
  it("names the day on links to the week and month that hold it, unless it is their first day", () => {
    expect(dayParam(month, "2026-06-16")).toBe("2026-06-16");
    expect(dayParam(week, "2026-06-16")).toBe("2026-06-16");
    expect(dayParam(month, "2026-06-01")).toBeNull();
    expect(dayParam(week, "2026-06-15")).toBeNull();
  });

  it("never goes on a day's page, nor on a period that does not hold the day", () => {
    expect(dayParam(day, "2026-06-16")).toBeNull();
    expect(dayParam(month, "2026-07-02")).toBeNull();
  });
});

describe("the page cache and `day`", () => {
  const url = (path: string) => pageCacheEntry({ url: path, headers: {} })?.url;

  it("keeps week and month pages apart by the day they carry, and drops other parameters", () => {
    expect(url("/papers/month/2026-06?day=2026-06-16&junk=1")).toBe("/papers/month/2026-06?day=2026-06-16");
    expect(url("/papers/week/2026-W25?not=cs.CV&day=2026-06-16&sort=upvotes")).toBe(
      "/papers/week/2026-W25?sort=upvotes&day=2026-06-16&not=cs.CV",
    );
    expect(url("/papers/category/cs.CL/month/2026-06?day=2026-06-16")).toBe("/papers/category/cs.CL/month/2026-06?day=2026-06-16");
    expect(url("/papers/keyword/agents/week/2026-W25?day=2026-06-16")).toBe("/papers/keyword/agents/week/2026-W25?day=2026-06-16");
  });

  it("ignores it on a day's page, which is the day itself", () => {
    expect(url("/papers/date/2026-06-16?day=2026-06-10")).toBe("/papers/date/2026-06-16");
  });
});
