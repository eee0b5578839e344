"use server";

import "server-only";

import { getCurrentUser } from "@/server/auth/current-user";
import { assertMayContribute } from "@/server/auth/session";
import { claimAuthorship, setAuthorLink } from "@/server/authors/author-claims";
import { pagesChanged } from "@/server/changes/pages-changed";
import { db } from "@/server/db";
import { formFailure, signedOutForm, typedValues, type FormState } from "@/server/forms/form-state";

/** "I am an author of this paper": files a claim for a moderator. */
export async function claimAuthorshipAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return signedOutForm(formData, "claim a paper");
  try {
    assertMayContribute(user);
    await claimAuthorship(db, user.id, typedValues(formData));
    return { ok: true, message: "Thank you: a moderator will check your claim, usually within a few days.", at: Date.now() };
  } catch (error) {
    return formFailure(error, formData, "Your claim was not sent");
  }
}

/** A verified author sets or clears their paper's code or project link. */
export async function setAuthorLinkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return signedOutForm(formData, "edit the paper's links");
  try {
    assertMayContribute(user);
    await setAuthorLink(db, user.id, typedValues(formData));
    await pagesChanged({ from: "action", papers: "changed", db });
    return { ok: true, message: "Saved: the link shows on the paper's page.", at: Date.now() };
  } catch (error) {
    return formFailure(error, formData, "The link was not saved");
  }
}
