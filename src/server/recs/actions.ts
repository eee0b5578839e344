"use server";

import "server-only";

import { refresh } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { resetReaderModel, setLearningPaused } from "@/server/recs/reader-model";

// /me's controls of what for-you learns. Plain form posts: they work without JavaScript.

export type LearningActionState = { ok: true; message: string } | { ok: false; message: string } | null;

/** "Forget what For you learned": the model goes, and what was saved before now is not learned from again. */
export async function resetLearningAction(_previous: LearningActionState): Promise<LearningActionState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again to reset For you." };
  await resetReaderModel(db, user.id, new Date());
  refresh();
  return { ok: true, message: "Forgotten. For you learns again from what you save and upvote from now on." };
}

const pausedSchema = z.enum(["0", "1"]);

/** "Pause learning" / "Resume learning" (`paused` is `1` or `0`; anything else is refused). */
export async function setLearningPausedAction(_previous: LearningActionState, formData: FormData): Promise<LearningActionState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again to change this." };
  const choice = pausedSchema.safeParse(formData.get("paused"));
  if (!choice.success)
    return { ok: false, message: "Not changed: the form asked neither to pause nor to resume. Reload the page and try again." };
  const paused = choice.data === "1";
  await setLearningPaused(db, user.id, paused, new Date());
  refresh();
  return { ok: true, message: paused ? "Paused: For you keeps its model as it is." : "Learning again from what you save and upvote." };
}
