"use server";

import "server-only";

import { revalidatePath } from "next/cache";
import { isAppError } from "@/lib/errors";
import { followRequestSchema } from "@/lib/follows";
import { getCurrentUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { applyFollow } from "@/server/follows/follows";

export type FollowState = { ok: true; mode: "follow" | "mute" | "unfollow" } | { ok: false; message: string } | null;

/** Follow, mute ("Not interested") or unfollow an organization, author or topic: a plain form post. */
export async function followAction(_previous: FollowState, formData: FormData): Promise<FollowState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again to follow." };
  const request = followRequestSchema.safeParse(Object.fromEntries(formData));
  if (!request.success) return { ok: false, message: request.error.issues[0]?.message ?? "That cannot be followed." };
  try {
    await applyFollow(db, user.id, request.data);
    revalidatePath("/papers/for-you");
    revalidatePath("/me");
    return { ok: true, mode: request.data.mode };
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.message };
    console.error(error);
    return { ok: false, message: "That did not work: something went wrong on our side. Please try again." };
  }
}
