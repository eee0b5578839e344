import { z } from "zod";

// Wall-clock times in IANA time zones with nothing but Intl: a session is entered as "18:00 in
// Europe/Berlin" and stored as the instant, so that calendars and reminders are right on both
// sides of a daylight-saving change.

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's canonical IANA name (`europe/berlin` → `Europe/Berlin`), or null for a name Intl does not know. */
export function canonicalTimeZone(name: string): string | null {
  // Intl also takes offsets such as +01:00 in newer engines; a group meets in a named zone.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(name) || name.length > 64) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, "Pick a time zone.")
  .transform((name, ctx) => {
    const canonical = canonicalTimeZone(name);
    if (canonical) return canonical;
    ctx.addIssue({
      code: "custom",
      message: `“${name.slice(0, 64)}” is not a time zone; pick one such as Europe/Berlin or America/New_York.`,
    });
    return z.NEVER;
  });

/** How far the zone's wall clock is ahead of UTC at `instantMs`, in milliseconds. */
function offsetAt(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of wallClockFormatter(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== "literal" && part.type !== "era" && part.type !== "dayPeriod") parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  // Intl drops the milliseconds; the instant's own are kept so the difference is whole minutes.
  return wall - (instantMs - (((instantMs % 1000) + 1000) % 1000));
}

const DAY_MS = 86_400_000;

/**
 * The instant at which the wall clock in `timeZone` shows `date` (`YYYY-MM-DD`) and `time`
 * (`HH:MM`). Daylight-saving changes are resolved as RFC 5545 (3.3.5) and Temporal's
 * "compatible" disambiguation do, so calendars that get the instant agree with what was typed:
 * - a time that happens twice (clocks go back: 02:30 on 2026-10-25 in Berlin) is its first
 *   occurrence, the one before the change (00:30Z, not 01:30Z);
 * - a time that never happens (clocks go forward: 02:30 on 2026-03-08 in New York) is read with
 *   the offset before the gap, which lands as far past the gap as it was into it (07:30Z, which
 *   New York calls 03:30).
 * The offsets a day before and after bound every offset a real zone takes around a date.
 */
export function zonedTimeToInstant(date: string, time: string, timeZone: string): Date {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!day || !clock) throw new RangeError(`Expected YYYY-MM-DD and HH:MM, got “${date}” and “${time}”.`);
  const wall = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), Number(clock[1]), Number(clock[2]));
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  // Earlier instant first: with a larger offset the wall time comes sooner.
  const candidates = [...new Set([before, after])].sort((a, b) => b - a).map((offset) => wall - offset);
  const existing = candidates.find((instant) => instant + offsetAt(instant, timeZone) === wall);
  return new Date(existing ?? wall - before);
}

/** Whether `date` is a real calendar day written `YYYY-MM-DD`. */
export function isCalendarDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const parsed = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return parsed.toISOString().slice(0, 10) === date;
}

/** "Tuesday, October 27, 2026, 18:00 CET": a session's start as people in `timeZone` read it. */
export function formatZonedTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).format(instant);
}

/** The wall-clock date and time of `instant` in `timeZone`, as the session form's fields hold them. */
export function instantToZonedFields(instant: Date, timeZone: string): { date: string; time: string } {
  const local = new Date(instant.getTime() + offsetAt(instant.getTime(), timeZone));
  const iso = local.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** The zones a time zone picker offers: every zone Intl knows, UTC, and `current` should it be missing. */
export function timeZoneChoices(current: string): string[] {
  return [...new Set([...Intl.supportedValuesOf("timeZone"), "UTC", current])].sort();
}
