"use server";

import "server-only";

import { redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { getCurrentUser } from "@/server/auth/current-user";
import { assertMayContribute } from "@/server/auth/session";
import { pagesChanged } from "@/server/changes/pages-changed";
import { db } from "@/server/db";
import {
  formFailure as failure,
  formText as text,
  signedOutForm as signedOut,
  typedValues,
  type FormState,
} from "@/server/forms/form-state";
import { createGroup, joinByInvite, joinGroup, leaveGroup, regenerateInviteToken, setGroupReminders } from "@/server/groups/groups";
import { addQuestion, setQuestionVote, type QuestionVoteState } from "@/server/groups/questions";
import { scheduleSession } from "@/server/groups/sessions";

export type GroupFormState = FormState;

// Group pages are rendered per reader; these make the acting reader's next render read the change.
async function refresh(slug: string, ...more: string[]): Promise<void> {
  await pagesChanged({ from: "action", readerPages: ["/groups", `/groups/${slug}`, ...more] });
}

export async function createGroupAction(_previous: GroupFormState, formData: FormData): Promise<GroupFormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut(formData, "create a group");
  let slug: string;
  try {
    assertMayContribute(user);
    ({ slug } = await createGroup(db, user.id, typedValues(formData)));
    await refresh(slug);
  } catch (error) {
    return failure(error, formData, "The group was not created");
  }
  redirect(`/groups/${slug}`);
}

export async function joinGroupAction(_previous: GroupFormState, formData: FormData): Promise<GroupFormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut(formData, "join");
  const slug = text(formData, "slug");
  try {
    await joinGroup(db, user.id, slug);
    await refresh(slug);
    return { ok: true, message: "You joined the group.", at: Date.now() };
  } catch (error) {
    return failure(error, formData, "You did not join");
  }
}

export async function joinByInviteAction(_previous: GroupFormState, formData: FormData): Promise<GroupFormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut(formData, "join");
  let slug: string;
  try {
    ({ slug } = await joinByInvite(db, user.id, text(formData, "token")));
    await refresh(slug);
  } catch (error) {
    return failure(error, formData, "You did not join");
  }
  redirect(`/groups/${slug}`);
}

export async function leaveGroupAction(_previous: GroupFormState, formData: FormData): Promise<GroupFormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut(formData, "leave the group");
  const slug = text(formData, "slug");
  try {
    await leaveGroup(db, user.id, slug);
    await refresh(slug);
    return { ok: true, message: "You left the group.", at: Date.now() };
  } catch (error) {
    return failure(error, formData, "You did not leave");
  }
}

export async function regenerateInviteAction(_previous: GroupFormState, formData: FormData): Promise<GroupFormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut(formData, "make a new invite link");
  const slug = text(formData, "slug");
  try {
    await regenerateInviteToken(db, user.id, slug);
    await refresh(slug);
    return { ok: true, message: "New invite link made: the old one no longer works.", at: Date.now() };
  } catch (error) {
    return failure(error, formData, "No new link was made");
  }
}

export async function setRemindersAction(_previous: GroupFormState, formData: FormData): Promise<GroupFormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut(formData, "change your reminders");
  const slug = text(formData, "slug");
  const on = text(formData, "reminders") === "on";
  try {
    await setGroupReminders(db, user.id, slug, on);
    await refresh(slug);
    return {
      ok: true,
      message: on ? "Reminders are on: you get an email the day before each session." : "Reminders are off.",
      at: Date.now(),
    };
  } catch (error) {
    return failure(error, formData, "Your reminders were not changed");
  }
}

export async function scheduleSessionAction(_previous: GroupFormState, formData: FormData): Promise<GroupFormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut(formData, "schedule sessions");
  const slug = text(formData, "slug");
  let id: string;
  try {
    assertMayContribute(user);
    ({ id } = await scheduleSession(db, user.id, slug, typedValues(formData)));
    await refresh(slug, `/groups/${slug}/past`);
  } catch (error) {
    return failure(error, formData, "The session was not scheduled");
  }
  redirect(`/groups/${slug}/sessions/${id}`);
}

export async function addQuestionAction(_previous: GroupFormState, formData: FormData): Promise<GroupFormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut(formData, "add questions");
  const slug = text(formData, "slug");
  const sessionId = text(formData, "sessionId");
  try {
    assertMayContribute(user);
    await addQuestion(db, user.id, { sessionId, body: text(formData, "body") });
    await pagesChanged({ from: "action", readerPages: [`/groups/${slug}/sessions/${sessionId}`] });
    return { ok: true, message: "Your question is added.", at: Date.now() };
  } catch (error) {
    return failure(error, formData, "Your question was not added");
  }
}

export type QuestionVoteResult = { ok: true; state: QuestionVoteState } | { ok: false; message: string };

export async function setQuestionVoteAction(questionId: string, upvoted: boolean): Promise<QuestionVoteResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again to vote." };
  try {
    assertMayContribute(user);
    return { ok: true, state: await setQuestionVote(db, user.id, { questionId, upvoted }) };
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.message };
    console.error(error);
    return { ok: false, message: "Your vote was not counted: something went wrong on our side. Please try again." };
  }
}
