"use client";

import { useActionState } from "react";
import { FormField, FormMessage, fieldInputClass } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { AUTHOR_LINK_KINDS, AUTHOR_LINK_LABELS } from "@/lib/authors/author-claim";
import { claimAuthorshipAction, setAuthorLinkAction } from "@/server/authors/actions";
import type { FormState } from "@/server/forms/form-state";

export interface AuthorToolsProps {
  paperId: string;
  /** Names the reader may still claim: the paper's authors nobody is verified as here. */
  claimable: string[];
  /** The reader's own claims on this paper. */
  claims: { authorName: string; status: "PENDING" | "APPROVED" | "REJECTED" }[];
}

/** "Are you an author?" on a paper page: claim a name, or, once verified, attach code and a project page. */
export function AuthorTools({ paperId, claimable, claims }: AuthorToolsProps) {
  const verified = claims.find((claim) => claim.status === "APPROVED");
  const pending = claims.filter((claim) => claim.status === "PENDING");
  const [claimState, claimAction, claiming] = useActionState<FormState, FormData>(claimAuthorshipAction, null);
  const [linkState, linkAction, linking] = useActionState<FormState, FormData>(setAuthorLinkAction, null);
  if (verified) {
    return (
      <details className="text-sm" data-testid="author-tools">
        <summary className="inline-block cursor-pointer py-1 font-medium text-indigo-700 dark:text-indigo-300">
          You are verified as {verified.authorName}: add code or a project page
        </summary>
        <form action={linkAction} className="mt-2 flex max-w-lg flex-col gap-3">
          <input type="hidden" name="paperId" value={paperId} />
          <fieldset className="flex gap-4">
            <legend className="sr-only">Which link</legend>
            {AUTHOR_LINK_KINDS.map((kind) => (
              <label key={kind} className="flex items-center gap-1">
                <input type="radio" name="kind" value={kind} defaultChecked={kind === "CODE"} className="accent-indigo-600" />
                {AUTHOR_LINK_LABELS[kind]}
              </label>
            ))}
          </fieldset>
          <FormField
            id={`author-link-${paperId}`}
            label="Address (leave empty to remove it)"
            error={linkState && !linkState.ok ? linkState.fields.url : undefined}
          >
            {(control) => (
              <input {...control} name="url" type="url" placeholder="https://github.com/you/repo" className={fieldInputClass} />
            )}
          </FormField>
          <div>
            <SubmitButton pending={linking} pendingLabel="Saving…" tone="secondary">
              Save link
            </SubmitButton>
          </div>
          <FormMessage state={linkState} />
        </form>
      </details>
    );
  }
  if (claimState?.ok || pending.length > 0) {
    return (
      <p role="status" className="text-sm text-gray-600 dark:text-gray-400">
        {claimState?.ok ? claimState.message : `Your claim to be ${pending[0]!.authorName} waits for a moderator.`}
      </p>
    );
  }
  if (claimable.length === 0) return null;
  const failed = claimState && !claimState.ok ? claimState : null;
  return (
    <details className="text-sm" data-testid="author-tools">
      <summary className="inline-block cursor-pointer py-1 text-gray-600 hover:text-gray-900 dark:text-gray-400 dark:hover:text-gray-100">
        Are you an author of this paper?
      </summary>
      {/* React resets a form after its action: a refused one comes back as typed (the key remounts it with those values). */}
      <form action={claimAction} className="mt-2 flex max-w-lg flex-col gap-3" key={failed ? JSON.stringify(failed.values) : "fresh"}>
        <input type="hidden" name="paperId" value={paperId} />
        <p className="text-gray-600 dark:text-gray-400">
          A moderator checks each claim. Once verified, your comments here show “Author”, your author page links to your profile, you can
          add the code and project page, and you hear of new discussions of the paper by email.
        </p>
        <FormField id={`claim-author-${paperId}`} label="Which author you are" error={failed?.fields.authorName}>
          {(control) => (
            <select {...control} name="authorName" required defaultValue={failed?.values.authorName ?? ""} className={fieldInputClass}>
              <option value="" disabled>
                Choose your name
              </option>
              {claimable.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={`claim-orcid-${paperId}`} label="Your ORCID iD (optional, helps the moderator)" error={failed?.fields.orcid}>
          {(control) => (
            <input
              {...control}
              name="orcid"
              defaultValue={failed?.values.orcid ?? ""}
              placeholder="0000-0002-1825-0097"
              className={fieldInputClass}
            />
          )}
        </FormField>
        <div>
          <SubmitButton pending={claiming} pendingLabel="Sending…" tone="secondary">
            Claim authorship
          </SubmitButton>
        </div>
        <FormMessage state={claimState} />
      </form>
    </details>
  );
}
