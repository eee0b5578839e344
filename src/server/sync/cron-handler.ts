import "server-only";
import { AppError } from "@/lib/errors";
import { isAuthorizedCronRequest } from "@/server/http/cron-auth";
import { handleErrors } from "@/server/http/errors";
import type { SyncReport } from "@/server/sync/run-sync";

export interface CronSyncDeps {
  cronSecret: string | undefined;
  sync: () => Promise<SyncReport>;
}

/** GET /api/cron/sync: the scheduler's entry point, a thin shell around the sync job. */
export function createCronSyncHandler(deps: CronSyncDeps) {
  return handleErrors(async (request) => {
    if (!isAuthorizedCronRequest(request.headers, deps.cronSecret)) {
      throw new AppError(
        "UNAUTHORIZED",
        deps.cronSecret
          ? "Send Authorization: Bearer <CRON_SECRET>."
          : "CRON_SECRET is not configured, so the cron routes accept no request.",
      );
    }
    const report = await deps.sync();
    if (report.status === "already-running") throw new AppError("CONFLICT", "A sync is already running; this request did nothing.");
    return Response.json(report, { headers: { "Cache-Control": "no-store" } });
  });
}
