"use server";

import "server-only";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { apiTokenInputSchema } from "@/lib/api-token";
import { isAppError } from "@/lib/errors";
import { fieldErrorsOf, type FieldErrors } from "@/lib/form-errors";
import { getCurrentUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { createApiToken, revokeApiToken } from "@/server/tokens/api-tokens";

// /me's token actions: the session's reader only (a token never reaches a server action).

export type ApiTokenFormState = { ok: true; message: string; token: string } | { ok: false; message: string; fields?: FieldErrors } | null;

export async function createApiTokenAction(_previous: ApiTokenFormState, formData: FormData): Promise<ApiTokenFormState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again to make a token." };
  const input = apiTokenInputSchema.safeParse({ name: formData.get("name"), scope: formData.get("scope") });
  if (!input.success) return { ok: false, message: "Check the fields marked below.", fields: fieldErrorsOf(input.error) };
  try {
    const { token } = await createApiToken(db, user.id, input.data);
    revalidatePath("/me");
    return { ok: true, message: `Made “${input.data.name}”. Copy it now: it is not shown again.`, token };
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.message };
    throw error;
  }
}

export async function revokeApiTokenAction(formData: FormData): Promise<void> {
  const user = await getCurrentUser();
  const tokenId = z.string().min(1).max(40).safeParse(formData.get("tokenId"));
  if (!user || !tokenId.success) return;
  await revokeApiToken(db, user.id, tokenId.data, new Date());
  revalidatePath("/me");
}
