"use server";

import "server-only";

import { env } from "@/env";
import { isAppError } from "@/lib/errors";
import { getCurrentUser } from "@/server/auth/current-user";
import { assertMayContribute } from "@/server/auth/session";
import { pagesChanged } from "@/server/changes/pages-changed";
import { db } from "@/server/db";
import { submitPaper, SUBMISSION_RATE_LIMIT, type SubmissionResult } from "@/server/submissions/submit-paper";

export type SubmitPaperState = { ok: true; result: SubmissionResult } | { ok: false; message: string; input: string } | null;

export async function submitPaperAction(_previous: SubmitPaperState, formData: FormData): Promise<SubmitPaperState> {
  const input = String(formData.get("arxiv") ?? "");
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again to submit papers.", input };
  try {
    assertMayContribute(user);
    const result = await submitPaper({ db, arxivApiUrl: env.ARXIV_API_URL, rateLimit: SUBMISSION_RATE_LIMIT }, user.id, { arxiv: input });
    if (result.status === "added") await pagesChanged({ from: "action", papers: "changed", db });
    return { ok: true, result };
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.message, input };
    console.error(error);
    return { ok: false, message: "Something went wrong on our side and nothing was added. Please try again.", input };
  }
}
