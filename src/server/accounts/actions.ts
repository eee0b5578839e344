"use server";

import "server-only";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { deleteUserAccount } from "@/server/accounts/account-data";
import { getCurrentUser } from "@/server/auth/current-user";
import { SESSION_COOKIE_NAMES } from "@/server/auth/session";
import { db } from "@/server/db";
import { refreshPapersFromAction } from "@/server/papers/cache";

export type DeleteAccountState = { message: string } | null;

const CONFIRMATION = "delete my account";

export async function deleteAccountAction(_previous: DeleteAccountState, formData: FormData): Promise<DeleteAccountState> {
  const user = await getCurrentUser();
  if (!user) return { message: "You are not signed in any more, so there is nothing to delete." };
  if (
    String(formData.get("confirmation") ?? "")
      .trim()
      .toLowerCase() !== CONFIRMATION
  ) {
    return { message: `Type “${CONFIRMATION}” to confirm.` };
  }
  await deleteUserAccount(db, user.id);
  const jar = await cookies();
  for (const name of SESSION_COOKIE_NAMES) jar.delete(name);
  refreshPapersFromAction();
  redirect("/me/deleted");
}
