"use server";

import "server-only";

import { redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { followRequestSchema } from "@/lib/follows";
import { getCurrentUser } from "@/server/auth/current-user";
import { pagesChanged } from "@/server/changes/pages-changed";
import { db } from "@/server/db";
import { applyFollow } from "@/server/follows/follows";
import { revokeForYouFeedToken, rotateForYouFeedToken } from "@/server/follows/private-feed";

export type FollowState = { ok: true; mode: "follow" | "mute" | "unfollow" } | { ok: false; message: string } | null;

/** Follow, mute ("Not interested") or unfollow an organization, author, topic or category: a plain form post. */
export async function followAction(_previous: FollowState, formData: FormData): Promise<FollowState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again to follow." };
  const request = followRequestSchema.safeParse(Object.fromEntries(formData));
  if (!request.success) return { ok: false, message: request.error.issues[0]?.message ?? "That cannot be followed." };
  try {
    await applyFollow(db, user.id, request.data);
    await pagesChanged({ from: "action", readerPages: ["/papers/for-you", "/me"] });
    return { ok: true, mode: request.data.mode };
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.message };
    console.error(error);
    return { ok: false, message: "That did not work: something went wrong on our side. Please try again." };
  }
}

/** Makes a new private feed link (the old one stops working) or turns the private feed off. */
export async function privateFeedAction(formData: FormData): Promise<void> {
  const user = await getCurrentUser();
  if (!user) redirect("/auth/signin?callbackUrl=%2Fme");
  if (formData.get("mode") === "revoke") await revokeForYouFeedToken(db, user.id);
  else await rotateForYouFeedToken(db, user.id);
  await pagesChanged({ from: "action", readerPages: ["/me"] });
}
