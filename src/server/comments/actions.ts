"use server";

import "server-only";

import { siteUrl } from "@/env";
import { isAppError } from "@/lib/errors";
import { getCurrentUser } from "@/server/auth/current-user";
import { assertMayContribute } from "@/server/auth/session";
import { pagesChanged } from "@/server/changes/pages-changed";
import { setCommentVote } from "@/server/comments/comment-votes";
import { deleteComment, editComment, postComment } from "@/server/comments/comments";
import { db } from "@/server/db";
import { createDefaultMailer } from "@/server/email/default-mailer";
import { notifyPaperAuthors } from "@/server/notifications/notify-authors";
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

// Emails about a new comment: its thread's starter for a reply, the paper's verified authors for a new thread.
async function sendCommentNotifications(comment: { id: string; reply: boolean }): Promise<void> {
  const mailer = createDefaultMailer();
  try {
    if (comment.reply) await notifyReply({ db, mailer, siteUrl }, comment.id);
    else await notifyPaperAuthors({ db, mailer, siteUrl }, comment.id);
  } catch (error) {
    console.error(`${comment.reply ? "Reply" : "Author"} notification not sent:`, error);
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
    // The comment is saved whatever happens to the email, so the poster does not wait for SMTP.
    void sendCommentNotifications({ id: comment.id, reply: replyTo !== null });
    return { ok: true, postedAt: Date.now(), commentId: comment.id };
  } catch (error) {
    return failure(error, body, "posted");
  }
}

export type CommentVoteResult = { ok: true; upvoted: boolean; upvotes: number } | { ok: false; message: string };

/**
 * Upvotes a comment or takes the upvote back. The vote's own statement tells every instance, so
 * the page kept for signed-out readers shows the count; the voter's page is not re-rendered, so
 * threads do not jump under the pointer: the new order shows on the next visit.
 */
export async function setCommentVoteAction(commentId: string, upvoted: boolean): Promise<CommentVoteResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again to upvote." };
  try {
    const state = await setCommentVote(db, user, { commentId, upvoted });
    return { ok: true, upvoted: state.upvoted, upvotes: state.upvotes };
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.message };
    console.error(error);
    return { ok: false, message: "Your vote was not saved. Please try again." };
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
