// The day a reader was on, carried through a week's or month's page (`?day=2026-06-16`), so that
// Day -> Month -> Day returns to the same day instead of the month's first. Pure: read by the
// period links in the browser and in tests.
import { isIsoDate } from "@/lib/dates";
import type { Period } from "@/lib/periods";

/** The query parameter of week and month pages that names the day the reader came from. */
export const DAY_PARAM = "day";

/** The day of `period` the reader is on: the carried `?day=` when it is a valid day of the period, else its first day. */
export function carriedDay(period: Period, value: string | null | undefined): string {
  if (period.kind === "date" || !value || !isIsoDate(value)) return period.start;
  return value >= period.start && value < period.end ? value : period.start;
}

/** The `?day=` a link to `target` carries for `day`: none to a day's page, nor when it is the period's first day anyway. */
export function dayParam(target: Period, day: string): string | null {
  if (target.kind === "date" || day === target.start) return null;
  return day >= target.start && day < target.end ? day : null;
}
