"use client";

import { useActionState } from "react";
import { FormField, FormMessage, fieldInputClass } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { QUESTION_MAX } from "@/lib/groups/questions";
import { addQuestionAction, type GroupFormState } from "@/server/groups/actions";

/** "Add a question" under a session's agenda, for members; the list above refreshes with it. */
export function QuestionForm({ slug, sessionId }: { slug: string; sessionId: string }) {
  const [state, action, pending] = useActionState<GroupFormState, FormData>(addQuestionAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="flex flex-col gap-2" key={state?.ok ? state.at : failed ? failed.values.body : "fresh"}>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <FormField
        id="question-body"
        label="Add a question"
        hint="What should the group discuss? Others can upvote it."
        error={failed?.fields.body}
      >
        {(control) => (
          <textarea
            {...control}
            name="body"
            required
            rows={3}
            maxLength={QUESTION_MAX}
            defaultValue={failed?.values.body ?? ""}
            className={fieldInputClass}
          />
        )}
      </FormField>
      <FormMessage state={state} />
      <div>
        <SubmitButton pending={pending} pendingLabel="Adding…">
          Add question
        </SubmitButton>
      </div>
    </form>
  );
}
