import { describe, expect, it } from "vitest";
import { parsePeriod, periodContaining, periodLabel } from "@/lib/periods";

describe("parsePeriod", () => {
  it("parses days, ISO weeks and months into half-open date ranges", () => {
    expect(parsePeriod("date", "2026-06-01")).toEqual({ kind: "date", key: "2026-06-01", start: "2026-06-01", end: "2026-06-02" });
    expect(parsePeriod("week", "2026-W23")).toEqual({ kind: "week", key: "2026-W23", start: "2026-06-01", end: "2026-06-08" });
    expect(parsePeriod("month", "2026-12")).toEqual({ kind: "month", key: "2026-12", start: "2026-12-01", end: "2027-01-01" });
  });

  it("follows ISO week-numbering years across new year", () => {
    expect(parsePeriod("week", "2026-W01")?.start).toBe("2025-12-29");
    expect(parsePeriod("week", "2020-W53")?.start).toBe("2020-12-28");
    expect(parsePeriod("week", "2026-W53")?.start).toBe("2026-12-28"); // 2026 starts on a Thursday: 53 weeks
    expect(parsePeriod("week", "2025-W53")).toBeNull(); // 2025 has 52
    expect(periodContaining("week", "2027-01-01").key).toBe("2026-W53");
    expect(periodContaining("week", "2021-01-03").key).toBe("2020-W53");
    expect(periodContaining("week", "2024-12-30").key).toBe("2025-W01");
  });

  it.each([
    ["date", "2026-13-45"],
    ["date", "2026-02-30"],
    ["date", "abc"],
    ["date", "2026-6-1"],
    ["date", "0001-01-01"],
    ["date", "9999-12-31"],
    ["week", "9999-W52"],
    ["month", "9999-12"],
    ["date", "1989-12-31"],
    ["week", "2026-W60"],
    ["week", "2026-W00"],
    ["week", "2026-23"],
    ["month", "2026-13"],
    ["month", "2026-00"],
    ["month", "June"],
  ] as const)("rejects %s %s", (kind, key) => {
    expect(parsePeriod(kind, key)).toBeNull();
  });
});

describe("neighbours and labels", () => {
  it("finds the period of each kind that contains a day", () => {
    expect(periodContaining("week", "2025-12-31").key).toBe("2026-W01");
    expect(periodContaining("month", "2026-02-28").key).toBe("2026-02");
    expect(periodContaining("date", "2026-03-01").end).toBe("2026-03-02");
  });

  it("labels periods for people", () => {
    expect(periodLabel(parsePeriod("date", "2026-06-01")!)).toBe("Monday, June 1, 2026");
    expect(periodLabel(parsePeriod("month", "2026-06")!)).toBe("June 2026");
    expect(periodLabel(parsePeriod("week", "2026-W23")!).replace(/\s/g, " ")).toBe("Week 23 · Jun 1 – 7, 2026");
  });
});
