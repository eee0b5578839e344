import { z } from "zod";
import { parsePaperReference } from "@/lib/groups/paper-reference";
import { isSingleLine, isStorableMultiline, SINGLE_LINE_MESSAGE, STORABLE_MESSAGE } from "@/lib/groups/text-rules";
import { isCalendarDate, timeZoneSchema, zonedTimeToInstant } from "@/lib/groups/zoned-time";

export const SESSION_PAPERS_MAX = 10;
export const SESSION_DURATION_MIN = 15;
export const SESSION_DURATION_MAX = 8 * 60;
export const PRESENTER_MAX = 120;
export const LOCATION_MAX = 500;
export const SESSION_NOTES_MAX = 2000;

/** A video call link or a room; a link must be http(s), since pages and emails make it clickable. */
const locationSchema = z
  .string()
  .trim()
  .max(LOCATION_MAX, `Keep the location to ${LOCATION_MAX} characters.`)
  .refine(isSingleLine, SINGLE_LINE_MESSAGE)
  .refine((value) => !/^[a-z][a-z0-9+.-]*:\S*$/i.test(value) || isWebLink(value), {
    message: "A link must start with https:// or http:// (or write a room, such as “Room 3.14”).",
  })
  .default("");

/** Whether `value` is an http(s) URL: only those are shown as links. */
export function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** The papers field: arXiv ids or arxiv.org / Hugging Face paper links, one per line or comma-separated. */
const sessionPapersSchema = z.string({ error: "Add at least one paper." }).transform((text, ctx) => {
  const entries = text.split(/[\s,]+/).filter(Boolean);
  const unreadable = entries.filter((entry) => parsePaperReference(entry) === null);
  if (unreadable.length > 0) {
    ctx.addIssue({
      code: "custom",
      message: `Not an arXiv id or paper link: ${unreadable.map((entry) => entry.slice(0, 80)).join(", ")}. Use ids such as 2401.00001 or links to arxiv.org or huggingface.co/papers.`,
    });
    return z.NEVER;
  }
  const ids = [...new Set(entries.map((entry) => parsePaperReference(entry)!))];
  if (ids.length === 0) {
    ctx.addIssue({ code: "custom", message: "Add at least one paper: an arXiv id such as 2401.00001, or a link to it." });
    return z.NEVER;
  }
  if (ids.length > SESSION_PAPERS_MAX) {
    ctx.addIssue({ code: "custom", message: `A session has at most ${SESSION_PAPERS_MAX} papers; this lists ${ids.length}.` });
    return z.NEVER;
  }
  return ids;
});

/** The "Schedule a session" form; `startsAt` is the instant the date and time name in the zone. */
export const sessionFormSchema = z
  .object({
    date: z.string({ error: "Pick a date." }).trim().refine(isCalendarDate, "Enter the date as YYYY-MM-DD, e.g. 2026-10-27."),
    time: z
      .string({ error: "Pick a start time." })
      .trim()
      .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, "Enter the start time as HH:MM on a 24-hour clock, e.g. 18:00."),
    timeZone: timeZoneSchema,
    durationMinutes: z.coerce
      .number({ error: "Enter the length in minutes, e.g. 60." })
      .int("Enter the length in whole minutes.")
      .min(SESSION_DURATION_MIN, `A session lasts at least ${SESSION_DURATION_MIN} minutes.`)
      .max(SESSION_DURATION_MAX, `A session lasts at most ${SESSION_DURATION_MAX / 60} hours.`),
    presenter: z
      .string()
      .trim()
      .max(PRESENTER_MAX, `Keep the presenter to ${PRESENTER_MAX} characters.`)
      .refine(isSingleLine, SINGLE_LINE_MESSAGE)
      .default(""),
    location: locationSchema,
    notes: z
      .string()
      .trim()
      .max(SESSION_NOTES_MAX, `Keep the notes to ${SESSION_NOTES_MAX.toLocaleString("en-US")} characters.`)
      .refine(isStorableMultiline, STORABLE_MESSAGE)
      .default(""),
    papers: sessionPapersSchema,
  })
  .transform((form) => ({ ...form, startsAt: zonedTimeToInstant(form.date, form.time, form.timeZone) }));
