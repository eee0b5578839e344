import "server-only";
import { AppError } from "@/lib/errors";
import { assertCronRequest } from "@/server/http/cron-auth";
import { handleErrors } from "@/server/http/errors";
import type { SyncReport } from "@/server/sync/run-sync";

export interface CronSyncDeps {
  cronSecret: string | undefined;
  sync: () => Promise<SyncReport>;
}

/** GET /api/cron/sync: the scheduler's entry point, a thin shell around the sync job. */
export function createCronSyncHandler(deps: CronSyncDeps) {
  return handleErrors(async (request) => {
    assertCronRequest(request.headers, deps.cronSecret);
    const report = await deps.sync();
    if (report.status === "already-running") throw new AppError("CONFLICT", "A sync is already running; this request did nothing.");
    return Response.json(report, { headers: { "Cache-Control": "no-store" } });
  });
}
