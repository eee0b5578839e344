"use server";

import "server-only";

import { isAppError } from "@/lib/errors";
import { getCurrentUser } from "@/server/auth/current-user";
import { assertMayContribute } from "@/server/auth/session";
import { pagesChanged } from "@/server/changes/pages-changed";
import { db } from "@/server/db";
import { voteAsUser } from "@/server/votes/votes";

export type UpvoteActionResult = { ok: true; upvoted: boolean; upvotes: number } | { ok: false; message: string };

export async function setUpvoteAction(paperId: string, upvoted: boolean): Promise<UpvoteActionResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again to upvote." };
  try {
    assertMayContribute(user);
    const state = await voteAsUser(db, user.id, { paperId, upvoted });
    await pagesChanged({ from: "action", papers: "announced" });
    return { ok: true, upvoted: state.upvoted, upvotes: state.upvotes };
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.message };
    console.error(error);
    return { ok: false, message: "Your vote was not saved. Please try again." };
  }
}
