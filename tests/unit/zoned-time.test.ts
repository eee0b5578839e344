import { describe, expect, it } from "vitest";
import { canonicalTimeZone, formatZonedTime, instantToZonedFields, zonedTimeToInstant } from "@/lib/groups/zoned-time";

const instant = (date: string, time: string, zone: string) => zonedTimeToInstant(date, time, zone).toISOString();

describe("zonedTimeToInstant", () => {
  it("reads 18:00 in Berlin as 16:00Z in summer time and 17:00Z after the clocks go back on 2026-10-25", () => {
    expect(instant("2026-10-24", "18:00", "Europe/Berlin")).toBe("2026-10-24T16:00:00.000Z");
    expect(instant("2026-10-25", "18:00", "Europe/Berlin")).toBe("2026-10-25T17:00:00.000Z");
    expect(instant("2026-10-31", "18:00", "Europe/Berlin")).toBe("2026-10-31T17:00:00.000Z");
  });

  it("takes the first of a time that happens twice (Berlin, 02:30 on 2026-10-25), the one before the change", () => {
    expect(instant("2026-10-25", "02:30", "Europe/Berlin")).toBe("2026-10-25T00:30:00.000Z");
    expect(instant("2026-10-25", "01:59", "Europe/Berlin")).toBe("2026-10-24T23:59:00.000Z");
    expect(instant("2026-10-25", "03:00", "Europe/Berlin")).toBe("2026-10-25T02:00:00.000Z");
  });

  it("reads New York across the clocks going forward on 2026-03-08, a time in the gap with the offset before it", () => {
    expect(instant("2026-03-07", "18:00", "America/New_York")).toBe("2026-03-07T23:00:00.000Z");
    expect(instant("2026-03-08", "18:00", "America/New_York")).toBe("2026-03-08T22:00:00.000Z");
    expect(instant("2026-03-08", "01:59", "America/New_York")).toBe("2026-03-08T06:59:00.000Z");
    // 02:30 never happens in New York that night: read as 02:30 EST, which New York calls 03:30 EDT.
    expect(instant("2026-03-08", "02:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
    expect(instantToZonedFields(new Date("2026-03-08T07:30:00Z"), "America/New_York")).toEqual({ date: "2026-03-08", time: "03:30" });
    expect(instant("2026-03-08", "03:00", "America/New_York")).toBe("2026-03-08T07:00:00.000Z");
  });

  it("handles zones without daylight saving and with half-hour offsets", () => {
    expect(instant("2026-06-01", "12:00", "UTC")).toBe("2026-06-01T12:00:00.000Z");
    expect(instant("2026-06-01", "12:00", "Asia/Kolkata")).toBe("2026-06-01T06:30:00.000Z");
    expect(instant("2026-01-01", "00:15", "Australia/Adelaide")).toBe("2025-12-31T13:45:00.000Z");
  });

  it("refuses what is not YYYY-MM-DD and HH:MM", () => {
    expect(() => zonedTimeToInstant("27.10.2026", "18:00", "Europe/Berlin")).toThrow(RangeError);
    expect(() => zonedTimeToInstant("2026-10-27", "6pm", "Europe/Berlin")).toThrow(RangeError);
  });
});

describe("time zone names", () => {
  it("canonicalizes IANA names and refuses offsets and unknown names", () => {
    expect(canonicalTimeZone("europe/berlin")).toBe("Europe/Berlin");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    expect(canonicalTimeZone("+01:00")).toBeNull();
    expect(canonicalTimeZone("Mars/Olympus_Mons")).toBeNull();
    expect(canonicalTimeZone("")).toBeNull();
  });

  it("formats a start in the zone it is shown for", () => {
    const start = new Date("2026-10-25T17:00:00Z");
    expect(formatZonedTime(start, "Europe/Berlin")).toMatch(/^Sunday, October 25, 2026 at 18:00 GMT\+1$/);
    expect(formatZonedTime(start, "America/New_York")).toMatch(/^Sunday, October 25, 2026 at 13:00 EDT$/);
  });
});
