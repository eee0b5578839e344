import { describe, expect, it } from "vitest";
import { duePeriod, periodFromKey } from "@/lib/digest-period";

describe("digest periods", () => {
  it("sends daily digests on weekdays for the previous feed day, Monday covering the weekend", () => {
    expect(duePeriod("DAILY", new Date("2026-12-01T07:00:00Z"))).toMatchObject({
      key: "2026-12-01",
      firstDay: "2026-11-30",
      lastDay: "2026-11-30",
    });
    expect(duePeriod("DAILY", new Date("2026-11-30T23:59:59Z"))).toMatchObject({
      key: "2026-11-30",
      firstDay: "2026-11-27",
      lastDay: "2026-11-29",
    });
    expect(duePeriod("DAILY", new Date("2026-11-28T07:00:00Z"))).toBeNull();
    expect(duePeriod("DAILY", new Date("2026-11-29T07:00:00Z"))).toBeNull();
  });

  it("names weekly digests by the ISO week they are sent in and covers the previous week", () => {
    const period = duePeriod("WEEKLY", new Date("2026-11-29T07:00:00Z"));
    expect(period).toMatchObject({
      key: "2026-W48",
      firstDay: "2026-11-16",
      lastDay: "2026-11-22",
      rankedAt: new Date("2026-11-23T00:00:00Z"),
    });
    expect(duePeriod("WEEKLY", new Date("2027-01-01T07:00:00Z"))).toMatchObject({
      key: "2026-W53",
      firstDay: "2026-12-21",
      lastDay: "2026-12-27",
    });
  });

  it("round-trips keys and refuses keys it never produces", () => {
    for (const [cadence, now] of [
      ["DAILY", "2026-06-17T07:00:00Z"],
      ["WEEKLY", "2026-06-22T07:00:00Z"],
    ] as const) {
      const period = duePeriod(cadence, new Date(now))!;
      expect(periodFromKey(cadence, period.key)).toEqual(period);
    }
    expect(periodFromKey("DAILY", "2026-11-28")).toBeNull();
    expect(periodFromKey("DAILY", "2026-02-30")).toBeNull();
    expect(periodFromKey("WEEKLY", "2026-W54")).toBeNull();
    expect(periodFromKey("WEEKLY", "2026-11-30")).toBeNull();
  });
});
