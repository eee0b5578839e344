// Feed periods as they appear in URLs (same scheme as huggingface.co/papers): a day `2026-06-01`,
// an ISO week `2026-W23`, a month `2026-06`. All dates are UTC calendar dates.
import { addDays, fromIsoDate, isIsoDate, toIsoDate } from "@/lib/dates";

export type PeriodKind = "date" | "week" | "month";

export interface Period {
  kind: PeriodKind;
  /** The URL form: `2026-06-01`, `2026-W23` or `2026-06`. */
  key: string;
  /** First day, inclusive (`YYYY-MM-DD`). */
  start: string;
  /** Day after the last day, exclusive. */
  end: string;
}

// arXiv began in 1991; the bounds leave a year of margin so that every accepted period, and the
// periods next to it, map to real dates (9999-12-31's next day would not).
const MIN_YEAR = 1990;
const MAX_YEAR = 9998;

export function parsePeriod(kind: PeriodKind, key: string): Period | null {
  switch (kind) {
    case "date":
      return isIsoDate(key) && inYearRange(key) ? { kind, key, start: key, end: addDays(key, 1) } : null;
    case "week":
      return parseWeek(key);
    case "month":
      return parseMonth(key);
  }
}

function inYearRange(isoDate: string): boolean {
  const year = Number(isoDate.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

function parseMonth(key: string): Period | null {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12 || year < MIN_YEAR || year > MAX_YEAR) return null;
  const start = `${key}-01`;
  const end = month === 12 ? `${year + 1}-01-01` : `${match[1]}-${String(month + 1).padStart(2, "0")}-01`;
  return { kind: "month", key, start, end };
}

function parseWeek(key: string): Period | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < MIN_YEAR || year > MAX_YEAR || week < 1 || week > isoWeeksInYear(year)) return null;
  const start = addDays(isoWeekOneMonday(year), (week - 1) * 7);
  return { kind: "week", key, start, end: addDays(start, 7) };
}

/** Monday of ISO week 1: the week containing January 4th. */
function isoWeekOneMonday(year: number): string {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const weekday = (jan4.getUTCDay() + 6) % 7; // Monday = 0
  return addDays(toIsoDate(jan4), -weekday);
}

function isoWeeksInYear(year: number): number {
  return isoWeekOf(`${year}-12-28`).week; // Dec 28 is always in the year's last ISO week
}

function isoWeekOf(isoDate: string): { year: number; week: number } {
  const date = fromIsoDate(isoDate);
  const weekday = (date.getUTCDay() + 6) % 7;
  const thursday = new Date(date.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.round((thursday.getTime() - fromIsoDate(isoWeekOneMonday(year)).getTime() - 3 * 86_400_000) / (7 * 86_400_000));
  return { year, week };
}

/** The period of the given kind that contains a date. */
export function periodContaining(kind: PeriodKind, isoDate: string): Period {
  const key =
    kind === "date"
      ? isoDate
      : kind === "month"
        ? isoDate.slice(0, 7)
        : (({ year, week }) => `${year}-W${String(week).padStart(2, "0")}`)(isoWeekOf(isoDate));
  return parsePeriod(kind, key)!;
}

/** A period's page, in the whole feed or below a category's or keyword's path (`/papers/category/cs.CL`). */
export function periodPath(period: Period, base = "/papers"): string {
  return `${base}/${period.kind}/${period.key}`;
}

const dayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const longDayFormat = new Intl.DateTimeFormat("en-US", {
  weekday: "long",
  month: "long",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});
const monthFormat = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

/** A human title: "Monday, June 1, 2026", "Week 23 · Jun 1 – Jun 7, 2026", "June 2026". */
export function periodLabel(period: Period): string {
  switch (period.kind) {
    case "date":
      return longDayFormat.format(fromIsoDate(period.start));
    case "week":
      return `Week ${Number(period.key.slice(6))} · ${dayFormat.formatRange(fromIsoDate(period.start), fromIsoDate(addDays(period.end, -1)))}`;
    case "month":
      return monthFormat.format(fromIsoDate(period.start));
  }
}

export function formatDay(isoDate: string): string {
  return dayFormat.format(fromIsoDate(isoDate));
}
