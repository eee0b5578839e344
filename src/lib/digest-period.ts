// Which papers a digest covers. A period is named after the occasion it is sent on, so every run
// on the same day (daily) or in the same ISO week (weekly) agrees on one key:
//
//   DAILY  key `2026-11-30` (the send day, weekdays only); covers the feed days since the previous
//          weekday's digest: Tuesday..Friday cover the day before, Monday covers Friday..Sunday.
//   WEEKLY key `2026-W49` (the ISO week it is sent in); covers the whole previous ISO week.
//
// Papers are ranked as of the start of the send day (or week), not the run's clock, so their age
// does not change between runs; votes and late imports still can.
import { addDays, fromIsoDate, isIsoDate, toIsoDate } from "@/lib/dates";
import { parsePeriod, periodContaining } from "@/lib/periods";
import type { Cadence } from "@/lib/subscription";

export interface DigestPeriod {
  cadence: Cadence;
  key: string;
  /** First and last feed day covered, both included (`YYYY-MM-DD`). */
  firstDay: string;
  lastDay: string;
  /** The instant papers are ranked at. */
  rankedAt: Date;
}

/** Monday = 0 ... Sunday = 6. */
function weekdayIndex(isoDate: string): number {
  return (fromIsoDate(isoDate).getUTCDay() + 6) % 7;
}

function dailyPeriod(sendDay: string): DigestPeriod {
  const firstDay = addDays(sendDay, weekdayIndex(sendDay) === 0 ? -3 : -1);
  return { cadence: "DAILY", key: sendDay, firstDay, lastDay: addDays(sendDay, -1), rankedAt: fromIsoDate(sendDay) };
}

function weeklyPeriod(week: string, monday: string): DigestPeriod {
  return { cadence: "WEEKLY", key: week, firstDay: addDays(monday, -7), lastDay: addDays(monday, -1), rankedAt: fromIsoDate(monday) };
}

/** The period a run at `now` sends, or null when this cadence sends nothing that day (weekends). */
export function duePeriod(cadence: Cadence, now: Date): DigestPeriod | null {
  const today = toIsoDate(now);
  if (cadence === "DAILY") return weekdayIndex(today) < 5 ? dailyPeriod(today) : null;
  const week = periodContaining("week", today);
  return weeklyPeriod(week.key, week.start);
}

/** The period a stored digest key names; null for a key this module never produced. */
export function periodFromKey(cadence: Cadence, key: string): DigestPeriod | null {
  if (cadence === "DAILY") return isIsoDate(key) && weekdayIndex(key) < 5 ? dailyPeriod(key) : null;
  const week = parsePeriod("week", key);
  return week ? weeklyPeriod(key, week.start) : null;
}
