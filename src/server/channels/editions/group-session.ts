import "server-only";
import { channelPaper, type EditionSource } from "@/server/channels/editions/due-edition";
import { paperSelect, toPaperDto } from "@/server/papers/dto";

// GROUP_SESSIONS: a reading group's session is announced once, within the day before it starts,
// as the edition `group-session:<session>`.

const ANNOUNCE_AHEAD_MS = 24 * 3_600_000;
/** A group meets at most a few times a day; more than this in a day is not a reading group. */
const SESSIONS_PER_RUN = 5;

function sessionTime(startsAt: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(startsAt);
  return `${text} (${timeZone})`;
}

export const groupSessionEditions: EditionSource = async function* (subscription, { db, now, siteUrl, settled }) {
  if (!subscription.groupId) return;
  const sessions = await db.groupSession.findMany({
    where: { groupId: subscription.groupId, startsAt: { gt: now, lte: new Date(now.getTime() + ANNOUNCE_AHEAD_MS) } },
    orderBy: { startsAt: "asc" },
    take: SESSIONS_PER_RUN,
    include: {
      group: { select: { name: true, slug: true } },
      papers: { where: { paper: { hiddenAt: null } }, orderBy: { position: "asc" }, select: { paper: { select: paperSelect } } },
    },
  });
  for (const session of sessions) {
    const edition = `group-session:${session.id}`;
    if (await settled(edition)) continue;
    yield {
      edition,
      post: {
        heading: `Next session of ${session.group.name}: ${sessionTime(session.startsAt, session.timeZone)}`,
        url: `${siteUrl}/groups/${session.group.slug}/sessions/${session.id}`,
        details: [session.presenter && `Presented by ${session.presenter}`, session.location && `Where: ${session.location}`]
          .filter(Boolean)
          .join(" · "),
        papers: session.papers.map(({ paper }) => channelPaper(toPaperDto(paper), siteUrl)),
      },
    };
  }
};
