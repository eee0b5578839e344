import "server-only";
import { cache } from "react";
import { getCurrentUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { findVisibleGroup } from "@/server/groups/groups";
import { findSessionPage } from "@/server/groups/sessions";

// A page and its metadata ask for the same group; these look it up once per request, for the reader.

export const loadGroupPage = cache(async (slug: string) => {
  const user = await getCurrentUser();
  return { user, group: await findVisibleGroup(db, slug, user?.id ?? null) };
});

export const loadSessionPage = cache(async (slug: string, sessionId: string) => {
  const user = await getCurrentUser();
  return { user, page: await findSessionPage(db, slug, sessionId, user?.id ?? null) };
});
