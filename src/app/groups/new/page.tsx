import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { GroupForm } from "@/components/groups/group-form";
import { timeZoneChoices } from "@/lib/groups/zoned-time";
import { getCurrentUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Create a reading group" };

export default async function NewGroupPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/auth/signin?callbackUrl=%2Fgroups%2Fnew");
  return (
    <section className="mx-auto flex max-w-2xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Create a reading group</h1>
        <p className="mt-1 text-gray-600 dark:text-gray-400">
          You will be its organizer: you schedule sessions, pick the papers and share the invite link. Members add questions before each
          session and get a reminder the day before.
        </p>
      </div>
      <div className="rounded-xl border border-gray-200 bg-white p-5 dark:border-gray-800 dark:bg-gray-900">
        <GroupForm timeZones={timeZoneChoices("UTC")} />
      </div>
    </section>
  );
}
