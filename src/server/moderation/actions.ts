"use server";

import "server-only";

import { isAppError } from "@/lib/errors";
import { getCurrentUser } from "@/server/auth/current-user";
import { assertMayContribute } from "@/server/auth/session";
import { db } from "@/server/db";
import { reportItem } from "@/server/moderation/reports";

export type ReportState = { ok: true; message: string } | { ok: false; message: string; reason: string } | null;

/** A reader reports a comment (`commentId`), a collection (`collectionId`) or a paper (`paperId`) with a reason. */
export async function reportAction(_previous: ReportState, formData: FormData): Promise<ReportState> {
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const reason = field("reason");
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again to report.", reason };
  const commentId = field("commentId");
  const collectionId = field("collectionId");
  try {
    assertMayContribute(user);
    await reportItem(db, user.id, commentId ? { commentId } : collectionId ? { collectionId } : { paperId: field("paperId") }, reason);
    return { ok: true, message: "Thank you: the moderators will look at it." };
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.message, reason };
    console.error(error);
    return { ok: false, message: "Your report was not sent: something went wrong on our side. Please try again.", reason };
  }
}
