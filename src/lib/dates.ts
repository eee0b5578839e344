import { z } from "zod";

const DAY_MS = 86_400_000;

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = fromIsoDate(value);
  return !Number.isNaN(date.getTime()) && toIsoDate(date) === value;
}

export const isoDateSchema = z.string().refine(isIsoDate, { message: "must be a real date in the form YYYY-MM-DD" });

/** Midnight UTC of a `YYYY-MM-DD` date. */
export function fromIsoDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return toIsoDate(new Date(fromIsoDate(isoDate).getTime() + days * DAY_MS));
}

/** Every date from `since` to `until`, both included. */
export function eachDay(since: string, until: string): string[] {
  const days: string[] = [];
  for (let day = since; day <= until; day = addDays(day, 1)) days.push(day);
  return days;
}

/** Whole days from one `YYYY-MM-DD` to another (negative when `until` is earlier). */
export function daysBetween(since: string, until: string): number {
  return Math.round((fromIsoDate(until).getTime() - fromIsoDate(since).getTime()) / 86_400_000);
}
