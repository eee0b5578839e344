"use server";

import "server-only";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { SESSION_COOKIE_NAMES } from "@/lib/session-cookies";
import { deleteUserAccount } from "@/server/accounts/account-data";
import { setHandle } from "@/server/accounts/handle";
import { getCurrentUser } from "@/server/auth/current-user";
import { pagesChanged } from "@/server/changes/pages-changed";
import { db } from "@/server/db";

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
  // Their votes and comments went with the account.
  await pagesChanged({ from: "action", papers: "changed", db });
  redirect("/me/deleted");
}

export type HandleState = { ok: true; handle: string } | { ok: false; message: string; input: string } | null;

/** Picks or changes the account's public handle (shown on comments and at /users/<handle>). */
export async function setHandleAction(_previous: HandleState, formData: FormData): Promise<HandleState> {
  const input = String(formData.get("handle") ?? "");
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again to pick a handle.", input };
  try {
    const handle = await setHandle(db, user.id, input);
    await pagesChanged({ from: "action", readerPages: ["/me"] });
    return { ok: true, handle };
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.message, input };
    console.error(error);
    return { ok: false, message: "Your handle was not saved: something went wrong on our side. Please try again.", input };
  }
}

/** The /me switch for emails about replies to one's comments (a plain form post). */
export async function setReplyNotificationsAction(formData: FormData): Promise<void> {
  const user = await getCurrentUser();
  if (!user) redirect("/auth/signin?callbackUrl=%2Fme");
  await db.user.update({ where: { id: user.id }, data: { replyNotifications: formData.get("replyNotifications") === "on" } });
  await pagesChanged({ from: "action", readerPages: ["/me"] });
}

/** The /me switch for emails about new threads on papers one is a verified author of (a plain form post). */
export async function setAuthorNotificationsAction(formData: FormData): Promise<void> {
  const user = await getCurrentUser();
  if (!user) redirect("/auth/signin?callbackUrl=%2Fme");
  await db.user.update({ where: { id: user.id }, data: { authorNotifications: formData.get("authorNotifications") === "on" } });
  await pagesChanged({ from: "action", readerPages: ["/me"] });
}
