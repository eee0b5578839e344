import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Db } from "@/server/db";
import { groupCalendar } from "@/server/groups/calendar";
import { inviteTokenSchema, slugSchema } from "@/server/groups/groups";
import { handleErrors, parseOrThrow } from "@/server/http/errors";

type Context = { params: Promise<{ slug: string }> };

const querySchema = z.object({ token: inviteTokenSchema.optional() });

export interface GroupCalendarDeps {
  db: Db;
  siteUrl: string;
  now?: () => Date;
}

/**
 * GET /groups/<slug>/calendar.ics: a public group's sessions for calendar apps to subscribe to. An
 * invite-only group's feed needs its invite token (`?token=`), as its members have it; a new invite
 * link therefore also revokes the old feed address.
 */
export function createGroupCalendarHandler(deps: GroupCalendarDeps) {
  return handleErrors<Context>(async (request, context) => {
    const slug = parseOrThrow(z.object({ slug: slugSchema }), await context.params).slug;
    const { token } = parseOrThrow(querySchema, Object.fromEntries(new URL(request.url).searchParams));
    const group = await deps.db.readingGroup.findFirst({
      where: { slug, OR: [{ visibility: "PUBLIC" }, ...(token ? [{ inviteToken: token }] : [])] },
      select: { id: true, slug: true, name: true, visibility: true },
    });
    if (!group)
      throw new AppError("NOT_FOUND", `There is no public group “${slug}” here; an invite-only group's calendar needs its invite token.`);
    const body = await groupCalendar(deps.db, group, { now: (deps.now ?? (() => new Date()))(), siteUrl: deps.siteUrl });
    return new Response(body, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `inline; filename="${group.slug}.ics"`,
        // Calendar apps poll every hour or so; a shared cache may keep a public feed briefly.
        "Cache-Control":
          group.visibility === "PUBLIC" ? "public, max-age=300, s-maxage=300, stale-while-revalidate=3600" : "private, max-age=300",
      },
    });
  });
}
