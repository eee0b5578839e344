import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { SESSION_DURATION_MAX, sessionFormSchema } from "@/lib/groups/session-form";
import type { Db } from "@/server/db";
import { findVisibleGroup, requireOrganizer, type VisibleGroup } from "@/server/groups/groups";
import { parseFormOrThrow } from "@/server/http/errors";
import { paperSelect, toPaperDto, type PaperDto } from "@/server/papers/dto";

export const UPCOMING_SESSIONS_LIMIT = 20;
export const PAST_SESSIONS_PER_PAGE = 20;

export const sessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "is not a session id");

const summarySelect = {
  id: true,
  startsAt: true,
  timeZone: true,
  durationMinutes: true,
  presenter: true,
  location: true,
  _count: { select: { questions: true } },
  papers: { where: { paper: { hiddenAt: null } }, orderBy: { position: "asc" }, select: { paper: { select: { id: true, title: true } } } },
} as const;

export interface SessionSummary {
  id: string;
  startsAt: Date;
  timeZone: string;
  durationMinutes: number;
  presenter: string;
  location: string;
  questionCount: number;
  papers: { id: string; title: string }[];
}

type SummaryRow = Omit<SessionSummary, "questionCount" | "papers"> & {
  _count: { questions: number };
  papers: { paper: { id: string; title: string } }[];
};

function toSummary({ _count, papers, ...session }: SummaryRow): SessionSummary {
  return { ...session, questionCount: _count.questions, papers: papers.map((entry) => entry.paper) };
}

export function sessionEnd(session: { startsAt: Date; durationMinutes: number }): Date {
  return new Date(session.startsAt.getTime() + session.durationMinutes * 60_000);
}

/**
 * Schedules a session with its papers, in the order given. Organizers only; papers must already be
 * here (a 400 names the ones that are not, so they can be submitted first).
 */
export async function scheduleSession(db: Db, userId: string, slug: string, input: unknown): Promise<{ id: string }> {
  const group = await requireOrganizer(db, slug, userId, "schedule sessions");
  const form = parseFormOrThrow(sessionFormSchema, input);
  const found = await db.paper.findMany({ where: { id: { in: form.papers }, hiddenAt: null }, select: { id: true } });
  const known = new Set(found.map((paper) => paper.id));
  const unknown = form.papers.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    const message = `Not on Daily Papers yet: ${unknown.join(", ")}. Submit ${unknown.length === 1 ? "it" : "them"} at /submit first, then schedule the session.`;
    throw new AppError("BAD_REQUEST", message, { param: "papers", fields: { papers: message } });
  }
  return db.groupSession.create({
    data: {
      groupId: group.id,
      startsAt: form.startsAt,
      timeZone: form.timeZone,
      durationMinutes: form.durationMinutes,
      presenter: form.presenter,
      location: form.location,
      notes: form.notes,
      createdById: userId,
      papers: { create: form.papers.map((paperId, position) => ({ paperId, position })) },
    },
    select: { id: true },
  });
}

/** Sessions that have not ended yet, soonest first (one under way included). */
export async function listUpcomingSessions(db: Db, groupId: string, now: Date, limit = UPCOMING_SESSIONS_LIMIT): Promise<SessionSummary[]> {
  // A session under way started at most the longest session ago; the end is checked here.
  const rows = await db.groupSession.findMany({
    where: { groupId, startsAt: { gt: new Date(now.getTime() - SESSION_DURATION_MAX * 60_000) } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: limit * 2,
    select: summarySelect,
  });
  return rows
    .map(toSummary)
    .filter((session) => sessionEnd(session) > now)
    .slice(0, limit);
}

/** "What we read": sessions that have started, newest first, one page at a time. */
export async function listPastSessions(
  db: Db,
  groupId: string,
  now: Date,
  page: number,
): Promise<{ sessions: SessionSummary[]; hasMore: boolean }> {
  const rows = await db.groupSession.findMany({
    where: { groupId, startsAt: { lte: now } },
    orderBy: [{ startsAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * PAST_SESSIONS_PER_PAGE,
    take: PAST_SESSIONS_PER_PAGE + 1,
    select: summarySelect,
  });
  return { sessions: rows.slice(0, PAST_SESSIONS_PER_PAGE).map(toSummary), hasMore: rows.length > PAST_SESSIONS_PER_PAGE };
}

export interface SessionPage {
  group: VisibleGroup;
  session: Omit<SessionSummary, "papers"> & { notes: string; sequence: number; papers: PaperDto[] };
}

/** A session and its group as the reader may see them, or null (unknown, or an invite-only group they are not in). */
export async function findSessionPage(db: Db, slug: string, sessionId: string, viewerId: string | null): Promise<SessionPage | null> {
  if (!sessionIdSchema.safeParse(sessionId).success) return null;
  const group = await findVisibleGroup(db, slug, viewerId);
  if (!group) return null;
  const row = await db.groupSession.findFirst({
    where: { id: sessionId, groupId: group.id },
    select: {
      ...summarySelect,
      notes: true,
      sequence: true,
      papers: { where: { paper: { hiddenAt: null } }, orderBy: { position: "asc" }, select: { paper: { select: paperSelect } } },
    },
  });
  if (!row) return null;
  const { _count, papers, ...session } = row;
  return { group, session: { ...session, questionCount: _count.questions, papers: papers.map((entry) => toPaperDto(entry.paper)) } };
}
