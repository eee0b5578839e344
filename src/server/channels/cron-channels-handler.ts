import "server-only";
import type { ChannelRunReport } from "@/server/channels/post-due";
import { assertCronRequest } from "@/server/http/cron-auth";
import { handleErrors } from "@/server/http/errors";

export interface CronChannelsDeps {
  cronSecret: string | undefined;
  run: () => Promise<ChannelRunReport>;
}

/** GET /api/cron/channels: the scheduler's entry point, a thin shell around the channel posts. */
export function createCronChannelsHandler(deps: CronChannelsDeps) {
  return handleErrors(async (request) => {
    assertCronRequest(request.headers, deps.cronSecret);
    return Response.json(await deps.run(), { headers: { "Cache-Control": "no-store" } });
  });
}
