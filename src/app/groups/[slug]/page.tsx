import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InviteLink } from "@/components/groups/invite-link";
import { SessionForm } from "@/components/groups/session-form";
import { SessionList } from "@/components/groups/session-list";
import { NOT_FOUND_TITLES } from "@/components/not-found-titles";
import { buttonClasses } from "@/components/ui/button";
import { FormActionButton } from "@/components/ui/form-action-button";
import { siteUrl } from "@/env";
import { instantToZonedFields, timeZoneChoices } from "@/lib/groups/zoned-time";
import { countOf } from "@/lib/plural";
import { db } from "@/server/db";
import { joinGroupAction, leaveGroupAction, regenerateInviteAction, setRemindersAction } from "@/server/groups/actions";
import { loadGroupPage } from "@/server/groups/group-page";
import { listUpcomingSessions } from "@/server/groups/sessions";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { group } = await loadGroupPage((await params).slug);
  if (!group) return { title: NOT_FOUND_TITLES.group };
  return {
    title: group.name,
    description: group.description || undefined,
    robots: group.visibility === "INVITE" ? { index: false } : undefined,
  };
}

const WEEK_MS = 7 * 86_400_000;

export default async function GroupPage({ params }: Params) {
  const { user, group } = await loadGroupPage((await params).slug);
  if (!group) notFound();
  const now = new Date();
  const upcoming = await listUpcomingSessions(db, group.id, now);
  const organizer = group.role === "ORGANIZER";
  const calendarPath = `/groups/${group.slug}/calendar.ics${group.visibility === "INVITE" && group.inviteToken ? `?token=${group.inviteToken}` : ""}`;
  const calendarShown = group.visibility === "PUBLIC" || group.inviteToken !== null;
  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-3">
        <p className="text-sm">
          <Link href="/groups" className="text-indigo-700 hover:underline dark:text-indigo-300">
            Reading groups
          </Link>
        </p>
        <h1 className="text-2xl font-bold break-words">{group.name}</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          {[
            countOf(group.memberCount, "member", "members"),
            group.visibility === "INVITE" ? "Invite-only" : "Public",
            `Meets in ${group.timeZone.replaceAll("_", " ")} time`,
            group.role === "ORGANIZER" ? "You organize it" : group.role === "MEMBER" ? "You are a member" : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
        {group.description && <p className="max-w-2xl whitespace-pre-line text-gray-800 dark:text-gray-200">{group.description}</p>}
        <div className="flex flex-wrap items-start gap-3">
          {!user && (
            <Link href={`/auth/signin?callbackUrl=${encodeURIComponent(`/groups/${group.slug}`)}`} className={buttonClasses()}>
              Sign in to join
            </Link>
          )}
          {user && !group.role && (
            <FormActionButton action={joinGroupAction} fields={{ slug: group.slug }} label="Join group" pendingLabel="Joining…" />
          )}
          <Link href={`/groups/${group.slug}/past`} className={buttonClasses({ tone: "secondary" })}>
            What we read
          </Link>
          {calendarShown && (
            <a href={calendarPath} className={buttonClasses({ tone: "secondary" })}>
              Calendar (.ics)
            </a>
          )}
        </div>
      </header>

      <section aria-labelledby="upcoming" className="flex flex-col gap-3">
        <h2 id="upcoming" className="text-lg font-semibold">
          Upcoming sessions
        </h2>
        {upcoming.length === 0 ? (
          <p className="text-gray-600 dark:text-gray-400">
            No session scheduled yet.{organizer ? " Schedule the first one below." : " The organizers will add one here."}
          </p>
        ) : (
          <SessionList slug={group.slug} sessions={upcoming} label="Upcoming sessions" />
        )}
      </section>

      {group.role && (
        <section
          aria-labelledby="membership"
          className="flex flex-col gap-4 rounded-xl border border-gray-200 bg-white p-5 dark:border-gray-800 dark:bg-gray-900"
        >
          <h2 id="membership" className="text-lg font-semibold">
            Your membership
          </h2>
          <div className="flex flex-col gap-2">
            <p className="text-sm text-gray-700 dark:text-gray-300">
              {group.remindersOn
                ? "Email me reminders: on. You get an email the day before each session, with its papers and questions."
                : "Email me reminders: off. You get no emails about this group’s sessions."}
            </p>
            <FormActionButton
              action={setRemindersAction}
              fields={{ slug: group.slug, reminders: group.remindersOn ? "off" : "on" }}
              label={group.remindersOn ? "Stop email reminders" : "Email me reminders"}
              pendingLabel="Saving…"
              tone="secondary"
            />
          </div>
          <FormActionButton
            action={leaveGroupAction}
            fields={{ slug: group.slug }}
            label="Leave group"
            pendingLabel="Leaving…"
            tone="secondary"
          />
        </section>
      )}

      {organizer && group.inviteToken && (
        <section
          aria-labelledby="organize"
          className="flex flex-col gap-6 rounded-xl border border-gray-200 bg-white p-5 dark:border-gray-800 dark:bg-gray-900"
        >
          <h2 id="organize" className="text-lg font-semibold">
            Organize
          </h2>
          <div className="flex flex-col gap-3">
            <InviteLink url={`${siteUrl}/groups/join/${group.inviteToken}`} />
            <FormActionButton
              action={regenerateInviteAction}
              fields={{ slug: group.slug }}
              label="Make a new invite link"
              pendingLabel="Making a new link…"
              tone="secondary"
            />
          </div>
          <div className="flex flex-col gap-3">
            <h3 className="font-semibold">Schedule a session</h3>
            <SessionForm
              slug={group.slug}
              timeZone={group.timeZone}
              timeZones={timeZoneChoices(group.timeZone)}
              defaultDate={instantToZonedFields(new Date(now.getTime() + WEEK_MS), group.timeZone).date}
            />
          </div>
        </section>
      )}
    </div>
  );
}
