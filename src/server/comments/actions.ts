"use server";

import "server-only";

import { siteUrl } from "@/env";
import { isAppError } from "@/lib/errors";
import { getCurrentUser } from "@/server/auth/current-user";
import { assertMayContribute } from "@/server/auth/session";
import { pagesChanged } from "@/server/changes/pages-changed";
import { deleteComment, editComment, postComment } from "@/server/comments/comments";
import { db } from "@/server/db";
import { createDefaultMailer } from "@/server/email/default-mailer";
import { notifyReply } from "@/server/notifications/notify-reply";

/** What a comment form shows after a submit: nothing new (a new comment's id, to focus it), or why it failed (keeping the text). */
export type CommentFormState = { ok: true; postedAt: number; commentId?: string } | { ok: false; message: string; body: string } | null;

function failure(error: unknown, body: string, action: string): CommentFormState {
  if (isAppError(error)) return { ok: false, message: error.message, body };
  console.error(error);
  return { ok: false, message: `Your comment was not ${action}: something went wrong on our side. Please try again.`, body };
}

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

// Comment counts appear on cards in cached lists; the paper page shows the thread itself.
async function refresh(paperId: string): Promise<void> {
  await pagesChanged({ from: "action", papers: "changed", db, readerPages: [`/papers/${paperId}`] });
}

async function sendReplyNotification(replyId: string): Promise<void> {
  const mailer = createDefaultMailer();
  try {
    await notifyReply({ db, mailer, siteUrl }, replyId);
  } catch (error) {
    console.error("Reply notification not sent:", error);
  } finally {
    mailer.close();
  }
}

/** Posts a comment or, with `replyTo`, a reply. A plain form post without JavaScript. */
export async function postCommentAction(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const body = text(formData, "body");
  const paperId = text(formData, "paperId");
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again to comment.", body };
  try {
    assertMayContribute(user);
    const replyTo = text(formData, "replyTo") || null;
    const comment = await postComment(db, user.id, { paperId, replyTo, body });
    await refresh(paperId);
    // The reply is saved whatever happens to the email, so the poster does not wait for SMTP.
    if (replyTo) void sendReplyNotification(comment.id);
    return { ok: true, postedAt: Date.now(), commentId: comment.id };
  } catch (error) {
    return failure(error, body, "posted");
  }
}

export async function editCommentAction(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const body = text(formData, "body");
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again to edit.", body };
  try {
    assertMayContribute(user);
    await editComment(db, user.id, text(formData, "commentId"), body);
    await refresh(text(formData, "paperId"));
    return { ok: true, postedAt: Date.now() };
  } catch (error) {
    return failure(error, body, "saved");
  }
}

export async function deleteCommentAction(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again to delete.", body: "" };
  try {
    await deleteComment(db, user.id, text(formData, "commentId"));
    await refresh(text(formData, "paperId"));
    return { ok: true, postedAt: Date.now() };
  } catch (error) {
    return failure(error, "", "deleted");
  }
}
