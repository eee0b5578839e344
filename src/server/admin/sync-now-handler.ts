import "server-only";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/server/auth/session";
import { handleErrors } from "@/server/http/errors";
import { hasSameOrigin } from "@/server/http/request-origin";
import type { SyncReport } from "@/server/sync/run-sync";

export interface SyncNowDeps {
  getAdmin: () => Promise<CurrentUser | null>;
  sync: () => Promise<SyncReport>;
  siteUrl: string;
}

export type SyncNowOutcome = "done" | "failed" | "busy";

function outcomeOf(report: SyncReport): SyncNowOutcome {
  if (report.status === "already-running") return "busy";
  return report.sources.some((source) => source.status === "failed") ? "failed" : "done";
}

/**
 * POST /api/admin/sync, the console's "Sync now" (a plain form post, so it works without
 * JavaScript): runs the sync and goes back to the console, which shows the new runs. To anyone but
 * an operator it does not exist; a post from another site is refused (CSRF).
 */
export function createSyncNowHandler(deps: SyncNowDeps) {
  return handleErrors(async (request) => {
    if (!(await deps.getAdmin())) throw new AppError("NOT_FOUND", "There is nothing at this address.");
    if (!hasSameOrigin(request, deps.siteUrl)) throw new AppError("FORBIDDEN", "Start a sync from the console on this site.");
    const outcome = outcomeOf(await deps.sync());
    return new Response(null, { status: 303, headers: { Location: new URL(`/admin?sync=${outcome}`, deps.siteUrl).toString() } });
  });
}
