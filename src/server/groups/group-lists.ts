import "server-only";
import type { GroupSort } from "@/lib/groups/list-params";
import type { Db } from "@/server/db";

export const GROUPS_PER_PAGE = 24;
/** "Your groups" lists this many, most recently joined first. */
export const MY_GROUPS_LIMIT = 100;

const summarySelect = (now: Date) =>
  ({
    slug: true,
    name: true,
    description: true,
    visibility: true,
    timeZone: true,
    _count: { select: { members: true } },
    sessions: { where: { startsAt: { gte: now } }, orderBy: { startsAt: "asc" }, take: 1, select: { startsAt: true, timeZone: true } },
  }) as const;

type SummaryRow = {
  slug: string;
  name: string;
  description: string;
  visibility: "PUBLIC" | "INVITE";
  timeZone: string;
  _count: { members: number };
  sessions: { startsAt: Date; timeZone: string }[];
};

export interface GroupSummary {
  slug: string;
  name: string;
  description: string;
  visibility: "PUBLIC" | "INVITE";
  timeZone: string;
  memberCount: number;
  nextSession: { startsAt: Date; timeZone: string } | null;
}

function toSummary(row: SummaryRow): GroupSummary {
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    visibility: row.visibility,
    timeZone: row.timeZone,
    memberCount: row._count.members,
    nextSession: row.sessions[0] ?? null,
  };
}

/** One page of the public groups, newest first or by members; `hasMore` says whether a next page exists. */
export async function listPublicGroups(
  db: Db,
  options: { sort: GroupSort; page: number; now: Date },
): Promise<{ groups: GroupSummary[]; hasMore: boolean }> {
  const rows = await db.readingGroup.findMany({
    where: { visibility: "PUBLIC" },
    orderBy:
      options.sort === "members"
        ? [{ members: { _count: "desc" } }, { createdAt: "desc" }, { id: "asc" }]
        : [{ createdAt: "desc" }, { id: "asc" }],
    skip: (options.page - 1) * GROUPS_PER_PAGE,
    take: GROUPS_PER_PAGE + 1,
    select: summarySelect(options.now),
  });
  return { groups: rows.slice(0, GROUPS_PER_PAGE).map(toSummary), hasMore: rows.length > GROUPS_PER_PAGE };
}

/** The reader's groups, public or not, with their role in each. */
export async function listMyGroups(db: Db, userId: string, now: Date): Promise<(GroupSummary & { role: "ORGANIZER" | "MEMBER" })[]> {
  const rows = await db.groupMember.findMany({
    where: { userId },
    orderBy: [{ joinedAt: "desc" }, { groupId: "asc" }],
    take: MY_GROUPS_LIMIT,
    select: { role: true, group: { select: summarySelect(now) } },
  });
  return rows.map((row) => ({ ...toSummary(row.group), role: row.role }));
}
