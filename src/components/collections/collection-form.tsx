"use client";

import { useActionState } from "react";
import { FormField, FormMessage, fieldInputClass } from "@/components/ui/form-field";
import { RadioCard } from "@/components/ui/radio-card";
import { SubmitButton } from "@/components/ui/submit-button";
import {
  COLLECTION_DESCRIPTION_MAX,
  COLLECTION_NAME_MAX,
  COLLECTION_VISIBILITIES,
  VISIBILITY_LABELS,
  type CollectionVisibilityName,
} from "@/lib/collections/collection-form";
import { createCollectionAction, updateCollectionAction } from "@/server/collections/actions";
import type { FormState } from "@/server/forms/form-state";

export interface CollectionFormProps {
  /** The collection being edited; none to make a new one. */
  collection?: { id: string; name: string; description: string | null; visibility: CollectionVisibilityName };
}

/** "New collection" on /me/collections, and the owner's "Edit" on a collection's page. */
export function CollectionForm({ collection }: CollectionFormProps) {
  const [state, action, pending] = useActionState<FormState, FormData>(collection ? updateCollectionAction : createCollectionAction, null);
  const failed = state && !state.ok ? state : null;
  const typed = failed?.values ?? {};
  const prefix = collection ? `collection-${collection.id}` : "new-collection";
  const visibility = typed.visibility ?? collection?.visibility ?? "PRIVATE";
  return (
    <form action={action} className="flex flex-col gap-4" key={failed ? JSON.stringify(typed) : "fresh"}>
      {collection && <input type="hidden" name="id" value={collection.id} />}
      <FormField id={`${prefix}-name`} label="Name" error={failed?.fields.name}>
        {(control) => (
          <input
            {...control}
            name="name"
            required
            maxLength={COLLECTION_NAME_MAX}
            defaultValue={typed.name ?? collection?.name ?? ""}
            placeholder="e.g. Long-context reading list"
            className={fieldInputClass}
          />
        )}
      </FormField>
      <FormField id={`${prefix}-description`} label="Description (optional)" error={failed?.fields.description}>
        {(control) => (
          <textarea
            {...control}
            name="description"
            rows={2}
            maxLength={COLLECTION_DESCRIPTION_MAX}
            defaultValue={typed.description ?? collection?.description ?? ""}
            placeholder="What it gathers, and for whom."
            className={fieldInputClass}
          />
        )}
      </FormField>
      <fieldset className="flex flex-col gap-2" aria-describedby={failed?.fields.visibility ? `${prefix}-visibility-error` : undefined}>
        <legend className="mb-1 text-sm font-medium">Who can see it</legend>
        {COLLECTION_VISIBILITIES.map((choice) => (
          <RadioCard
            key={choice}
            name="visibility"
            value={choice}
            label={VISIBILITY_LABELS[choice].label}
            description={VISIBILITY_LABELS[choice].help}
            defaultChecked={visibility === choice}
          />
        ))}
        {failed?.fields.visibility && (
          <p id={`${prefix}-visibility-error`} className="text-sm font-medium text-red-700 dark:text-red-400">
            {failed.fields.visibility}
          </p>
        )}
      </fieldset>
      <div>
        <SubmitButton pending={pending} pendingLabel={collection ? "Saving…" : "Making it…"}>
          {collection ? "Save changes" : "Make collection"}
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
