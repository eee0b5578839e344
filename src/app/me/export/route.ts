import { exportUserData } from "@/server/account";
import { userFromRequest } from "@/server/auth/session";
import { db } from "@/server/db";
import { errorResponse } from "@/server/http";
import { AppError } from "@/lib/errors";

export async function GET(request: Request): Promise<Response> {
  const user = await userFromRequest(db, request);
  if (!user) return errorResponse(new AppError("UNAUTHORIZED", "Sign in to download your data."));
  const data = await exportUserData(db, user.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="daily-papers-my-data-${data.exportedAt.slice(0, 10)}.json"`,
      "cache-control": "private, no-store",
    },
  });
}
