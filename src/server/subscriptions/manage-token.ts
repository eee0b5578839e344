import "server-only";
import { z } from "zod";
import { emailTokenSchema } from "@/lib/subscription";
import { parseOrThrow } from "@/server/http/errors";

/** The route context of /api/unsubscribe/<token> and /api/preferences/<token>. */
export type ManageTokenContext = { params: Promise<{ token: string }> };

export async function manageTokenFrom(context: ManageTokenContext): Promise<string> {
  return parseOrThrow(z.object({ token: emailTokenSchema }), await context.params).token;
}
