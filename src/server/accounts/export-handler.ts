import "server-only";
import { AppError } from "@/lib/errors";
import { exportUserData } from "@/server/accounts/account-data";
import { userFromRequest } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { handleErrors } from "@/server/http/errors";

/** GET /me/export: the signed-in user's data as a JSON download. */
export function createExportHandler(db: Db) {
  return handleErrors(async (request: Request) => {
    const user = await userFromRequest(db, request);
    if (!user) throw new AppError("UNAUTHORIZED", "Sign in to download your data.");
    const data = await exportUserData(db, user.id);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="daily-papers-my-data-${data.exportedAt.slice(0, 10)}.json"`,
        "cache-control": "private, no-store",
      },
    });
  });
}
