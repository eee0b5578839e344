import "server-only";
import { AppError } from "@/lib/errors";
import { moderationRequestSchema } from "@/lib/moderation";
import type { CurrentUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { handleErrors, parseOrThrow } from "@/server/http/errors";
import { hasSameOrigin } from "@/server/http/request-origin";
import { moderate } from "@/server/moderation/moderate";

export interface ModerationHandlerDeps {
  db: Db;
  getAdmin: () => Promise<CurrentUser | null>;
  siteUrl: string;
  /** After a change, so cached pages drop a hidden paper or show an unhidden one. */
  onChange: () => Promise<void>;
}

/**
 * POST /api/admin/moderation: the console's moderation forms (plain form posts). To anyone but a
 * moderator it does not exist; posts from other sites are refused.
 */
export function createModerationHandler(deps: ModerationHandlerDeps) {
  return handleErrors(async (request) => {
    const admin = await deps.getAdmin();
    if (!admin?.email) throw new AppError("NOT_FOUND", "There is nothing at this address.");
    if (!hasSameOrigin(request, deps.siteUrl)) throw new AppError("FORBIDDEN", "Moderate from the console on this site.");
    const form = await request.formData().catch(() => {
      throw new AppError("BAD_REQUEST", "Send the console's form.");
    });
    const action = parseOrThrow(
      moderationRequestSchema,
      Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === "string")),
    );
    await moderate(deps.db, admin.email, action);
    await deps.onChange();
    return new Response(null, {
      status: 303,
      headers: { Location: new URL(`/admin?moderated=${action.kind}#moderation`, deps.siteUrl).toString() },
    });
  });
}
