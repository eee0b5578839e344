import "server-only";
import { createEvents, type EventAttributes } from "ics";
import type { Db } from "@/server/db";

/** A feed holds the sessions from this long ago on, at most CALENDAR_LIMIT of them. */
export const CALENDAR_PAST_DAYS = 90;
export const CALENDAR_LIMIT = 200;

export interface CalendarGroup {
  id: string;
  slug: string;
  name: string;
}

/**
 * The group's sessions as an iCalendar feed. Times are UTC instants (`DTSTART:…Z`), so every
 * calendar shows them right on both sides of a daylight-saving change; a session's UID never
 * changes and its SEQUENCE is `GroupSession.sequence`, so calendars replace an edited session.
 */
export async function groupCalendar(db: Db, group: CalendarGroup, options: { now: Date; siteUrl: string }): Promise<string> {
  const sessions = await db.groupSession.findMany({
    where: { groupId: group.id, startsAt: { gte: new Date(options.now.getTime() - CALENDAR_PAST_DAYS * 86_400_000) } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: CALENDAR_LIMIT,
    select: {
      id: true,
      startsAt: true,
      durationMinutes: true,
      presenter: true,
      location: true,
      notes: true,
      sequence: true,
      createdAt: true,
      updatedAt: true,
      papers: {
        where: { paper: { hiddenAt: null } },
        orderBy: { position: "asc" },
        select: { paper: { select: { id: true, title: true } } },
      },
    },
  });
  const url = (path: string) => new URL(path, options.siteUrl).toString();
  const host = new URL(options.siteUrl).hostname;
  const events = sessions.map((session): EventAttributes => {
    const papers = session.papers.map(({ paper }) => paper);
    const description = [
      session.presenter && `Presenter: ${session.presenter}`,
      papers.map((paper, index) => `${index + 1}. ${paper.title}\n${url(`/papers/${paper.id}`)}`).join("\n"),
      session.notes,
      `Agenda and questions: ${url(`/groups/${group.slug}/sessions/${session.id}`)}`,
    ]
      .filter(Boolean)
      .join("\n\n");
    return {
      uid: `group-session-${session.id}@${host}`,
      sequence: session.sequence,
      start: session.startsAt.getTime(),
      startInputType: "utc",
      startOutputType: "utc",
      end: session.startsAt.getTime() + session.durationMinutes * 60_000,
      endInputType: "utc",
      endOutputType: "utc",
      title: papers[0] ? `${group.name}: ${papers[0].title}` : group.name,
      description,
      location: session.location || undefined,
      url: url(`/groups/${group.slug}/sessions/${session.id}`),
      status: "CONFIRMED",
      created: session.createdAt.getTime(),
      lastModified: session.updatedAt.getTime(),
    };
  });
  const { error, value } = createEvents(events, { calName: group.name, productId: "-//Daily Papers//Reading groups//EN" });
  if (error || value === null) throw error ?? new Error("The calendar could not be written.");
  return value;
}
