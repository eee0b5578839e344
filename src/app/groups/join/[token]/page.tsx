import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { buttonClasses } from "@/components/ui/button";
import { FormActionButton } from "@/components/ui/form-action-button";
import { countOf } from "@/lib/plural";
import { shorten } from "@/lib/text";
import { getCurrentUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { joinByInviteAction } from "@/server/groups/actions";
import { findGroupByInvite, isMember } from "@/server/groups/groups";

export const metadata: Metadata = { title: "Join a reading group", robots: { index: false } };

/** Where an invite link leads: the group's name and a Join button (joining takes a press, so link previews join nobody). */
export default async function JoinGroupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [group, user] = await Promise.all([findGroupByInvite(db, token), getCurrentUser()]);
  if (!group) {
    return (
      <AuthCard title="This invite link does not work">
        <p>It may have been replaced by a newer one. Ask the group’s organizer for the current link.</p>
        <p className="mt-4">
          <Link href="/groups" className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            Public reading groups
          </Link>
        </p>
      </AuthCard>
    );
  }
  const member = user ? await isMember(db, group.id, user.id) : false;
  return (
    <AuthCard title={`Join ${group.name}`}>
      <p className="text-sm text-gray-600 dark:text-gray-400">A reading group with {countOf(group.memberCount, "member", "members")}.</p>
      {group.description && <p className="mt-3 whitespace-pre-line">{shorten(group.description, 600)}</p>}
      <div className="mt-5">
        {!user ? (
          <Link href={`/auth/signin?callbackUrl=${encodeURIComponent(`/groups/join/${token}`)}`} className={buttonClasses()}>
            Sign in to join
          </Link>
        ) : member ? (
          <Link href={`/groups/${group.slug}`} className={buttonClasses()}>
            You are a member: open the group
          </Link>
        ) : (
          <FormActionButton action={joinByInviteAction} fields={{ token }} label="Join group" pendingLabel="Joining…" />
        )}
      </div>
    </AuthCard>
  );
}
